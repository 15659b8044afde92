#pragma once
// Search: query text -> ranked, collapsed hits with snippets, facets and explanations.
// One Searcher owns one open database (a local index, a directory of shards or a stub file)
// and is used by one thread at a time; the HTTP server keeps one per worker thread.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include <zhisou/query/compile.h>
#include <zhisou/query/snippet.h>

namespace zhisou::query {

enum class SortOrder : unsigned char {
    Relevance, ///< best first (the default)
    DateDesc,  ///< newest first (--sort -date)
    DateAsc,   ///< oldest first (--sort date)
};

/// "relevance", "date", "-date" -> SortOrder; throws InputError naming the accepted values.
[[nodiscard]] SortOrder parse_sort(std::string_view text);
[[nodiscard]] std::string_view sort_name(SortOrder sort) noexcept;

/// The facets a search can count. Names as users type them: org, year, source, lang.
enum class Facet : unsigned char { Org, Year, Source, Lang };
/// "org,year" -> {Org, Year}; throws InputError for an unknown facet name.
[[nodiscard]] std::vector<Facet> parse_facets(std::string_view comma_separated);
[[nodiscard]] std::string_view facet_name(Facet facet) noexcept;

struct SearchRequest {
    std::string query;
    std::size_t limit = 10;
    std::size_t offset = 0;
    SortOrder sort = SortOrder::Relevance;
    std::vector<Facet> facets;
    bool collapse = true; ///< fold near-duplicates into their best hit
    bool explain = false; ///< fill SearchResult::explain and Hit::why
    bool lenient = false; ///< search box: a syntax error searches the plain words
    bool snippets = true; ///< compute Hit::snippet
    std::size_t snippet_chars = 160;
    /// "Today" for relative dates; nullopt = the local calendar date.
    std::optional<std::chrono::sys_days> today;
    /// Documents to leave out, by id (saved run --new: the previous run's results).
    std::vector<std::string> exclude_ids;
    /// Also list the ids of up to this many matches, best first, in SearchResult::matched_ids
    /// (saved run records what a run matched, for the next --new).
    std::size_t collect_ids = 0;
};

struct Hit {
    std::size_t rank = 0;    ///< 1-based, offset included
    Xapian::docid docid = 0; ///< for this open database only; users see `id`
    std::string id;          ///< stable across re-indexing and shards
    std::string title;
    std::string date; ///< as precise as known: 2025, 2025-03, 2025-03-05; "" if none
    std::string source;
    std::vector<std::string> orgs; ///< org ids, most mentioned first
    std::string lang;
    std::string path;
    std::string url;
    double score = 0;
    int percent = 0;
    Snippet snippet;
    /// Near-duplicates folded into this hit (not counting itself); 0 without collapse.
    Xapian::doccount collapsed = 0;
    /// --explain: why it matched (which query terms it contains, title/org boosts).
    std::vector<std::string> why;
};

struct FacetValue {
    std::string value; ///< what to put after "org:" / "date:" / ... to filter by it
    std::string label; ///< for display: "Zhipu AI", "2025", "36Kr", "zh-Hans"
    Xapian::doccount count = 0;
};

struct SearchResult {
    std::string query;  ///< as given
    std::string parsed; ///< the canonical AST, ast::to_string
    MatchMode mode = MatchMode::Boolean;
    /// Estimated number of matching documents (after collapsing when collapse is on), and
    /// Xapian's bounds on it.
    Xapian::doccount total = 0;
    Xapian::doccount total_lower = 0;
    Xapian::doccount total_upper = 0;
    double took_ms = 0;
    std::vector<Hit> hits;
    /// One entry per requested facet, in the requested order; values by count, then value.
    std::vector<std::pair<Facet, std::vector<FacetValue>>> facets;
    /// "Did you mean": the query with misspelt English words or unknown orgs corrected;
    /// "" when there is nothing to suggest.
    std::string did_you_mean;
    /// How the query was understood: compiler notes (aliases, dates as intervals, Traditional
    /// folded, ranked mode, lenient fallback). Always filled; --explain prints them.
    std::vector<std::string> notes;
    /// The notes every front end shows (each is also in `notes`): the query was not searched
    /// as written (CompiledQuery::warnings), or the index has nothing to search yet.
    std::vector<std::string> warnings;
    /// --explain only: the Xapian query as text.
    std::string explain;
    /// Shards that could not be reached and were left out (--allow-partial).
    std::vector<std::string> missing_shards;
    /// SearchRequest::collect_ids only: the matches' ids, best first (near-duplicates included).
    std::vector<std::string> matched_ids;
};

/// Stored fields and text of one document (GET /api/doc/ID, the page's document view).
struct StoredDocument {
    Xapian::docid docid = 0;
    std::string id;
    std::string data_json; ///< the document data as stored (schema.h, "Document data")
    std::string text;      ///< the body (kSlotText, or "text" in data version 1)
};

struct SearcherOptions {
    /// Answer from the reachable shards when a remote shard is down (and say which).
    bool allow_partial = false;
};

class Searcher {
public:
    /// Opens an index directory, a directory of shards or a stub database file. Throws
    /// InputError when there is no index there (saying how to create one), RuntimeError when
    /// it cannot be opened.
    explicit Searcher(const std::filesystem::path& index, SearcherOptions options = {});
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs a search. Throws ParseError for a query error (unless request.lenient), InputError
    /// for bad request values, RuntimeError for index failures.
    [[nodiscard]] SearchResult search(const SearchRequest& request);

    /// The document with this id, or nullopt.
    [[nodiscard]] std::optional<StoredDocument> document(std::string_view id);

    /// `text` whole, with every match of `query_text`'s terms highlighted (the page's document
    /// view). A query that does not parse highlights its plain words; "" highlights nothing.
    [[nodiscard]] Snippet highlight(std::string_view text, std::string_view query_text);

    /// Sees what writers committed since the database was opened; search() also does this
    /// itself when Xapian reports DatabaseModifiedError.
    void reopen();

    [[nodiscard]] const Xapian::Database& database() const;
    [[nodiscard]] const std::filesystem::path& path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The search result as the JSON object `zhisou search --json` prints and GET /api/search
/// returns (schema in the README; "version" changes only with incompatible changes).
[[nodiscard]] std::string to_json(const SearchResult& result, int indent = -1);
inline constexpr int kSearchJsonVersion = 1;

} // namespace zhisou::query
