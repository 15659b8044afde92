#pragma once
// ast::Query -> Xapian::Query, through the same Analyzer and schema table as indexing.
// Free text follows the Analyzer's terms (words, stems, Han bigrams); fields follow schema.h.
// No Spirit here: the compiler only walks the plain AST.

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include <zhisou/query/ast.h>
#include <zhisou/query/parse.h>

namespace zhisou::text {
class Analyzer;
}
namespace zhisou::index {
class Gazetteer;
}

namespace zhisou::query {

/// How a query matches: every part required (the default), or "most words should match"
/// with BM25 ranking, for long plain-text queries such as a pasted question.
enum class MatchMode : unsigned char { Boolean, Ranked };

[[nodiscard]] std::string_view mode_name(MatchMode mode) noexcept; ///< "boolean", "ranked"

/// The local calendar date: what relative dates resolve against unless a context says otherwise.
[[nodiscard]] std::chrono::sys_days local_today();

struct CompileContext {
    const text::Analyzer& analyzer;
    const index::Gazetteer& gazetteer;
    /// saved:NAME looks the stored query text up here; nullopt = no such saved query.
    std::function<std::optional<std::string>(std::string_view name)> saved_query;
    /// "Today" for date:today, last-7d, this-month...; defaults to the local calendar date.
    std::function<std::chrono::sys_days()> today;
    /// When given, wildcards are expanded against it now, so a too-broad wildcard is a
    /// ParseError here instead of an Xapian::WildcardError at search time.
    const Xapian::Database* database = nullptr;
    /// org:VALUE for a value that is not even close to any gazetteer entry is searched as
    /// free text instead of being an error (a near miss is still an error, with suggestions).
    bool unknown_org_as_text = false;
};

struct CompiledQuery {
    Xapian::Query query;
    MatchMode mode = MatchMode::Boolean;
    /// What the compiler decided, for `zhisou parse` and the search page: aliases resolved,
    /// dates resolved to days, saved queries expanded, ranked mode, lenient fallback.
    std::vector<std::string> notes;
    /// The notes a person must see even without --explain, because the query was not searched
    /// as written: the lenient fallback, words or an org searched differently or not at all.
    /// Each is also in `notes`.
    std::vector<std::string> warnings;
    /// The text terms a matching document may contain (not those under NOT), for snippets.
    std::vector<std::string> highlight_terms;
    /// The date values in `query` (sortable_serialise bytes) and the YYYYMMDD each stands for.
    std::map<std::string, int> date_values;
};

/// query.get_description() with date values shown as YYYYMMDD numbers instead of bytes:
/// what `zhisou parse` prints and the golden tests compare. Computed on demand, as a search
/// does not need it.
[[nodiscard]] std::string describe(const CompiledQuery& compiled);

/// Compiles a parsed query. Throws ParseError (with the column of the offending value) for
/// unknown orgs, bad dates, unknown saved queries, saved-query cycles and depth, wildcards
/// that match too many words, and the term limit.
[[nodiscard]] CompiledQuery compile(const ast::Query& query, const CompileContext& context);

/// parse() then compile(). With options.lenient, a query that fails either step is searched
/// as its plain words, and the first note says why.
[[nodiscard]] CompiledQuery compile_query(std::string_view query, const ParseOptions& options,
                                          const CompileContext& context);

} // namespace zhisou::query
