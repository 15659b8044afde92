// Searcher: compile the query, run it with BM25 (or a date sort), fold near-duplicates, count
// facets (facets.h), and turn each hit's stored data into fields and a highlighted snippet.

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include <zhisou/error.h>
#include <zhisou/index/gazetteer.h>
#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>
#include <zhisou/index/writer.h>
#include <zhisou/query/limits.h>
#include <zhisou/query/parse.h>
#include <zhisou/query/saved.h>
#include <zhisou/query/search.h>
#include <zhisou/text/analyzer.h>

#include "facets.h"
#include "search_ranking.h"
#include "shared_analyzer.h"
#include "stored_fields.h"

namespace zhisou::query {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

/// Totals up to about this many matches are counted exactly, larger ones estimated.
constexpr Xapian::doccount kExactTotalsUpTo = 100;

using detail::shared_analyzer;

constexpr const char* kFirstBuildNote =
    "the index is empty until the first `zhisou index` run on it ends: that run writes its "
    "documents in parts and merges them at the end (a stopped run's parts are merged by the "
    "next run)";

/// Terms for the highlighter: a title term highlights the same word in the body.
std::vector<std::string> highlight_terms(const std::vector<std::string>& terms) {
    std::vector<std::string> out;
    for (const std::string& term : terms) {
        // Unprefixed terms are lower-case, so a leading "S" is always the title prefix:
        // "Sglm" -> "glm", "SXB智谱" -> "XB智谱".
        std::string plain = term;
        if (plain.starts_with(schema::kTitlePrefix) && plain.size() > schema::kTitlePrefix.size())
            plain.erase(0, schema::kTitlePrefix.size());
        if (std::find(out.begin(), out.end(), plain) == out.end())
            out.push_back(std::move(plain));
    }
    return out;
}

} // namespace

SortOrder parse_sort(std::string_view text) {
    if (text.empty() || text == "relevance" || text == "score")
        return SortOrder::Relevance;
    if (text == "date" || text == "+date")
        return SortOrder::DateAsc;
    if (text == "-date")
        return SortOrder::DateDesc;
    throw InputError("unknown sort order '" + std::string(text) +
                     "'; use relevance, date (oldest first) or -date (newest first)");
}

std::string_view sort_name(SortOrder sort) noexcept {
    switch (sort) {
    case SortOrder::Relevance:
        return "relevance";
    case SortOrder::DateAsc:
        return "date";
    case SortOrder::DateDesc:
        return "-date";
    }
    return "relevance";
}

std::string_view facet_name(Facet facet) noexcept {
    switch (facet) {
    case Facet::Org:
        return "org";
    case Facet::Year:
        return "year";
    case Facet::Source:
        return "source";
    case Facet::Lang:
        return "lang";
    }
    return "org";
}

std::vector<Facet> parse_facets(std::string_view text) {
    std::vector<Facet> facets;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        std::string_view name = text.substr(start, end - start);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        start = end + 1;
        if (name.empty())
            continue;
        std::optional<Facet> facet;
        for (Facet f : {Facet::Org, Facet::Year, Facet::Source, Facet::Lang}) {
            if (name == facet_name(f) || (f == Facet::Year && name == "date") ||
                (f == Facet::Org && name == "orgs")) {
                facet = f;
            }
        }
        if (!facet) {
            throw InputError("unknown facet '" + std::string(name) +
                             "'; the facets are org, year, source and lang");
        }
        if (std::find(facets.begin(), facets.end(), *facet) == facets.end())
            facets.push_back(*facet);
    }
    return facets;
}

struct Searcher::Impl {
    std::filesystem::path path;
    SearcherOptions options;
    index::OpenedIndex opened;
    /// For a single local database only (facets.h: the spy sees a shard's own docids).
    detail::FacetTables facet_tables;

    [[nodiscard]] detail::FacetTables* tables_for_facets() {
        return opened.shards.size() == 1 && opened.missing.empty() && opened.all_local
                   ? &facet_tables
                   : nullptr;
    }

    CompileContext context(const SearchRequest& request) const {
        CompileContext context{shared_analyzer(), index::Gazetteer::builtin(), {}, {}, nullptr,
                               request.lenient};
        context.database = &opened.database;
        const Xapian::Database* db = &opened.database;
        context.saved_query = [db](std::string_view name) { return saved_query_text(*db, name); };
        if (request.today) {
            const auto today = *request.today;
            context.today = [today] { return today; };
        }
        return context;
    }

    SearchResult run(const SearchRequest& request);
};

Searcher::Searcher(const std::filesystem::path& index, SearcherOptions options)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->path = index;
    m_impl->options = options;
    m_impl->opened = index::open_index(index, {options.allow_partial});
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

const Xapian::Database& Searcher::database() const {
    return m_impl->opened.database;
}
const std::filesystem::path& Searcher::path() const {
    return m_impl->path;
}

void Searcher::reopen() {
    try {
        bool changed = m_impl->opened.database.reopen();
        if (!changed && index::replaced_since_open(m_impl->opened)) {
            m_impl->opened = index::open_index(m_impl->path, {m_impl->options.allow_partial});
            changed = true;
        }
        if (changed)
            m_impl->facet_tables.clear(); // their docids and values are of the old revision
    } catch (const Xapian::Error& e) {
        throw RuntimeError("cannot reopen the index " + m_impl->path.string() + ": " + e.get_msg());
    }
}

SearchResult Searcher::search(const SearchRequest& request) {
    // A writer that commits while we read can invalidate what we hold: reopen and retry.
    for (int attempt = 0;; ++attempt) {
        try {
            return m_impl->run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 2)
                throw RuntimeError("the index " + m_impl->path.string() +
                                   " keeps changing under the search; try again");
            reopen();
        } catch (const Xapian::NetworkError& e) {
            throw RuntimeError("a remote shard of " + m_impl->path.string() +
                               " failed: " + e.get_msg() +
                               " (is xapian-tcpsrv running? --allow-partial answers without it)");
        } catch (const Xapian::Error& e) {
            throw RuntimeError("searching " + m_impl->path.string() +
                               " failed: " + e.get_description());
        }
    }
}

SearchResult Searcher::Impl::run(const SearchRequest& request) {
    const auto started = Clock::now();
    if (request.limit > limits::kMaxPageSize)
        throw InputError("the page size (limit) is at most " +
                         std::to_string(limits::kMaxPageSize));
    if (request.offset + request.limit > limits::kMaxResultDepth)
        throw InputError("offset + limit is at most " + std::to_string(limits::kMaxResultDepth) +
                         "; narrow the query instead of paging that deep");

    SearchResult result;
    result.query = request.query;
    result.missing_shards = opened.missing;

    // Parse and compile; lenient mode searches the plain words of a broken query.
    const CompileContext ctx = context(request);
    ast::Query parsed;
    CompiledQuery compiled;
    // The query as written, when it parsed but did not compile (org:zhipuu in lenient mode):
    // "did you mean" corrects that, not the plain words searched instead.
    std::optional<ast::Query> as_written;
    try {
        parsed = parse(request.query, {request.lenient});
        as_written = parsed;
        compiled = compile(parsed, ctx);
        as_written.reset();
    } catch (const ParseError& error) {
        if (!request.lenient)
            throw;
        parsed = parse_as_plain_words(request.query);
        parsed.fallback = error.message() + " (column " + std::to_string(error.column()) + ")";
        compiled = compile(parsed, ctx);
    }
    result.parsed = ast::to_string(parsed);
    result.mode = compiled.mode;
    result.notes = compiled.notes;
    result.warnings = compiled.warnings;
    if (request.explain)
        result.explain = describe(compiled);

    Xapian::Query query = detail::rank(compiled, parsed, opened.database, shared_analyzer());
    if (!request.exclude_ids.empty()) {
        std::vector<Xapian::Query> ids;
        ids.reserve(request.exclude_ids.size());
        for (const std::string& id : request.exclude_ids)
            ids.emplace_back(index::id_term(id));
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                              Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
    }

    Xapian::Enquire enquire(opened.database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(detail::weighting());
    // Ties are broken by the document's fingerprint, not by docid: docids depend on the
    // order of indexing and on the shard layout, and the same index must answer the same
    // whether it is one database or N shards (local or remote).
    const bool by_date_then_fingerprint =
        opened.database.get_value_freq(schema::kSlotDateSort) != 0; // older indexes lack it
    switch (request.sort) {
    case SortOrder::Relevance:
        enquire.set_sort_by_relevance_then_value(schema::kSlotFingerprint, false);
        break;
    case SortOrder::DateDesc:
    case SortOrder::DateAsc:
        enquire.set_sort_by_value_then_relevance(by_date_then_fingerprint ? schema::kSlotDateSort
                                                                          : schema::kSlotDateFirst,
                                                 request.sort == SortOrder::DateDesc);
        break;
    }
    if (request.collapse)
        enquire.set_collapse_key(schema::kSlotCollapse);

    const auto offset = static_cast<Xapian::doccount>(request.offset);
    // One hit more than asked for: with collapsing, Xapian's estimate of the total is far off
    // when the page happens to hold exactly the last match (Xapian 1.4.22); the extra hit is
    // dropped below.
    const auto limit = static_cast<Xapian::doccount>(request.limit);
    const Xapian::MSet mset = enquire.get_mset(offset, limit + 1, kExactTotalsUpTo);

    result.total = mset.get_matches_estimated();
    result.total_lower = mset.get_matches_lower_bound();
    result.total_upper = mset.get_matches_upper_bound();
    if (request.collapse && mset.get_uncollapsed_matches_upper_bound() <= kExactTotalsUpTo) {
        // Every match was seen, so the number of distinct clusters is known exactly; Xapian's
        // estimate still extrapolates from the page (12 matches shown as "about 20").
        result.total = result.total_lower;
        result.total_upper = result.total_lower;
    }
    if (!request.facets.empty())
        result.facets =
            detail::count_facets(opened.database, query, request.facets, tables_for_facets());

    std::vector<std::string> marks = highlight_terms(compiled.highlight_terms);
    if (compiled.mode == MatchMode::Ranked) {
        std::erase_if(marks, [&](const std::string& term) {
            return detail::too_common_for_ranking(term, opened.database);
        });
    }
    const Highlighter highlighter(shared_analyzer(), marks);
    std::size_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end() && result.hits.size() < request.limit; ++it) {
        Hit hit;
        hit.rank = ++rank;
        hit.docid = *it;
        hit.score = it.get_weight();
        hit.percent = it.get_percent();
        if (request.collapse)
            hit.collapsed = it.get_collapse_count();
        const Xapian::Document doc = it.get_document();
        const std::string data = doc.get_data();
        detail::StoredFields stored = detail::read_stored_fields(data);
        hit.id = std::move(stored.id);
        hit.title = std::move(stored.title);
        hit.date = std::move(stored.date);
        hit.source = std::move(stored.source);
        hit.lang = std::move(stored.lang);
        hit.path = std::move(stored.path);
        hit.url = std::move(stored.url);
        hit.orgs = std::move(stored.orgs);
        if (request.snippets) {
            const std::string text = detail::read_stored_text(doc, data);
            hit.snippet = highlighter.best_passage(text, request.snippet_chars);
        }
        if (request.explain)
            hit.why = detail::why(enquire, it, compiled);
        result.hits.push_back(std::move(hit));
    }
    if (request.collect_ids > 0) {
        // The whole matched set in rank order, near-duplicates included, without snippets.
        enquire.set_collapse_key(Xapian::BAD_VALUENO);
        const Xapian::MSet all =
            enquire.get_mset(0, static_cast<Xapian::doccount>(request.collect_ids));
        for (auto it = all.begin(); it != all.end(); ++it) {
            const std::string id = detail::read_stored_id(it.get_document().get_data());
            if (!id.empty())
                result.matched_ids.push_back(id);
        }
    }
    if (result.total == 0 && opened.database.get_doccount() == 0 &&
        index::first_build_pending(path)) {
        result.notes.push_back(kFirstBuildNote);
        result.warnings.push_back(kFirstBuildNote);
    }
    if (result.total == 0 || result.hits.empty())
        result.did_you_mean =
            detail::did_you_mean(as_written ? *as_written : parsed, opened.database);

    result.took_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    return result;
}

std::optional<StoredDocument> Searcher::document(std::string_view id) {
    if (id.empty() || id.size() > 4096)
        return std::nullopt;
    for (int attempt = 0;; ++attempt) {
        try {
            const Xapian::Database& db = m_impl->opened.database;
            const std::string term = index::id_term(id);
            auto it = db.postlist_begin(term);
            if (it == db.postlist_end(term))
                return std::nullopt;
            const Xapian::Document doc = db.get_document(*it);
            StoredDocument stored{*it, std::string(id), doc.get_data(), {}};
            stored.text = detail::read_stored_text(doc, stored.data_json);
            return stored;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 2)
                throw RuntimeError("the index keeps changing; try again");
            reopen();
        } catch (const Xapian::Error& e) {
            throw RuntimeError("reading document " + std::string(id) +
                               " failed: " + e.get_description());
        }
    }
}

Snippet Searcher::highlight(std::string_view text, std::string_view query_text) {
    std::vector<std::string> terms;
    if (!query_text.empty()) {
        SearchRequest request;
        request.lenient = true;
        const CompileContext ctx = m_impl->context(request);
        CompiledQuery compiled;
        try {
            compiled = compile(parse(query_text, {true}), ctx);
        } catch (const ParseError&) {
            compiled = compile(parse_as_plain_words(query_text), ctx);
        }
        terms = highlight_terms(compiled.highlight_terms);
    }
    return Highlighter(shared_analyzer(), std::move(terms)).whole(text);
}

std::string to_json(const SearchResult& result, int indent) {
    json hits = json::array();
    for (const Hit& hit : result.hits) {
        json item{{"rank", hit.rank}, {"id", hit.id},         {"title", hit.title},
                  {"date", hit.date}, {"source", hit.source}, {"orgs", hit.orgs},
                  {"lang", hit.lang}, {"score", hit.score},   {"snippet", hit.snippet.html()},
                  {"path", hit.path}, {"url", hit.url},       {"collapsed", hit.collapsed}};
        if (!hit.why.empty())
            item["why"] = hit.why;
        hits.push_back(std::move(item));
    }
    json facets = json::object();
    for (const auto& [facet, values] : result.facets) {
        json list = json::array();
        for (const FacetValue& value : values)
            list.push_back(
                {{"value", value.value}, {"label", value.label}, {"count", value.count}});
        facets[std::string(facet_name(facet))] = std::move(list);
    }
    json out{{"version", kSearchJsonVersion}, {"query", result.query},
             {"parsed", result.parsed},       {"mode", mode_name(result.mode)},
             {"total", result.total},         {"took_ms", result.took_ms},
             {"hits", std::move(hits)},       {"facets", std::move(facets)},
             {"notes", result.notes},         {"warnings", result.warnings}};
    if (!result.did_you_mean.empty())
        out["did_you_mean"] = result.did_you_mean;
    if (!result.explain.empty())
        out["explain"] = result.explain;
    if (!result.missing_shards.empty())
        out["missing_shards"] = result.missing_shards;
    return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

} // namespace zhisou::query
