// The API handlers. Every response body is JSON (the page's files aside); dump() replaces
// invalid UTF-8 so a hostile byte in a query or a document can never throw mid-response.

#include "api.h"

#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <zhisou/index/stats.h>
#include <zhisou/query/limits.h>
#include <zhisou/query/saved.h>
#include <zhisou/query/search.h>

#include "api_error.h"
#include "embedded_zhisou_server.h"
#include "server.h"
#include "suggest.h"

namespace zhisou::server {
namespace {

using nlohmann::json;

/// `saved/NAME/run?new=1` remembers at most this many matches for the next "new only" run.
constexpr std::size_t kMaxRememberedIds = 10000;
/// Longest q accepted by /api/suggest (it completes a word as the user types, not a book).
constexpr std::size_t kMaxSuggestBytes = 1024;

std::string dump(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void send_json(Call& call, const std::string& body, int status = 200) {
    call.response.status = status;
    call.response.set_header("Cache-Control", "no-store");
    call.response.set_content(body, "application/json; charset=utf-8");
}

/// Shown inside error messages: user input, cut so an error never echoes 64 KiB back.
std::string shorten(std::string_view text, std::size_t at_most = 80) {
    if (text.size() <= at_most)
        return std::string(text);
    std::size_t cut = at_most;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // not inside a UTF-8 sequence
    return std::string(text.substr(0, cut)) + "…";
}

/// Parameters from the URL, or for POST from a JSON object body ({"q": "...", "limit": 20}).
class Params {
public:
    explicit Params(const httplib::Request& request) : m_request(request) {
        if (request.method != "POST")
            return;
        m_body = json::parse(request.body, nullptr, false);
        if (!m_body.is_object())
            throw ApiError(400, "the body must be a JSON object such as {\"q\": \"GLM\"}");
    }

    [[nodiscard]] std::optional<std::string> get(const char* name) const {
        if (m_request.has_param(name))
            return m_request.get_param_value(name);
        const auto it = m_body.is_object() ? m_body.find(name) : m_body.end();
        if (!m_body.is_object() || it == m_body.end())
            return std::nullopt;
        if (it->is_string())
            return it->get<std::string>();
        if (it->is_boolean())
            return it->get<bool>() ? "1" : "0";
        return it->dump();
    }

    [[nodiscard]] std::size_t size(const char* name, std::size_t fallback, std::size_t lowest,
                                   std::size_t highest) const {
        const std::optional<std::string> text = get(name);
        if (!text || text->empty())
            return fallback;
        std::size_t value = 0;
        const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
        if (error != std::errc{} || end != text->data() + text->size() || value < lowest ||
            value > highest) {
            throw ApiError(400, std::string(name) + " must be a whole number from " +
                                    std::to_string(lowest) + " to " + std::to_string(highest) +
                                    ", not '" + shorten(*text, 40) + "'");
        }
        return value;
    }

    [[nodiscard]] bool flag(const char* name, bool fallback) const {
        const std::optional<std::string> text = get(name);
        if (!text || text->empty())
            return fallback;
        if (*text == "1" || *text == "true" || *text == "yes")
            return true;
        if (*text == "0" || *text == "false" || *text == "no")
            return false;
        throw ApiError(400,
                       std::string(name) + " must be 1 or 0, not '" + shorten(*text, 40) + "'");
    }

private:
    const httplib::Request& m_request;
    json m_body;
};

/// The search parameters shared by /api/search and /api/saved/NAME/run.
query::SearchRequest read_search_options(const Params& params) {
    query::SearchRequest request;
    request.limit = params.size("limit", 10, 1, kMaxApiPageSize);
    request.offset = params.size("offset", 0, 0, query::limits::kMaxResultDepth);
    if (auto sort = params.get("sort"); sort && !sort->empty())
        request.sort = query::parse_sort(*sort);
    if (auto facets = params.get("facets"); facets && !facets->empty())
        request.facets = query::parse_facets(*facets);
    request.collapse = params.flag("collapse", true);
    request.explain = params.flag("explain", false);
    request.lenient = params.flag("lenient", false);
    return request;
}

json saved_json(const query::SavedQuery& saved) {
    return {{"name", saved.name},
            {"query", saved.query},
            {"created", saved.created},
            {"last_run", saved.last_run}};
}

json pairs_json(const std::vector<std::pair<std::string, std::uint64_t>>& pairs) {
    json out = json::array();
    for (const auto& [name, count] : pairs)
        out.push_back({{"name", name}, {"documents", count}});
    return out;
}

/// The query of a PUT body: the text itself, or {"query": "..."} when sent as JSON.
std::string body_query(const httplib::Request& request) {
    if (request.get_header_value("Content-Type").starts_with("application/json")) {
        const json body = json::parse(request.body, nullptr, false);
        if (!body.is_object() || !body.contains("query") || !body["query"].is_string())
            throw ApiError(400, "the body must be {\"query\": \"...\"} or the query as text");
        return body["query"].get<std::string>();
    }
    return request.body;
}

} // namespace

Api::Api(const std::filesystem::path& index, std::size_t cache_entries, std::size_t parallel)
    : m_workers(index, parallel), m_cache(cache_entries), m_index(index) {}

void Api::page(Call& call, std::string_view file) {
    std::string_view body;
    const char* type = "text/html; charset=utf-8";
    if (file == "index.html") {
        body = web::index_html();
    } else if (file == "app.js") {
        body = web::app_js();
        type = "text/javascript; charset=utf-8";
    } else {
        body = web::style_css();
        type = "text/css; charset=utf-8";
    }
    call.response.set_header("Cache-Control", "no-cache");
    // Everything the page needs is served from here: no CDN, no inline script.
    call.response.set_header("Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                             "base-uri 'none'; frame-ancestors 'none'");
    call.response.set_content(std::string(body), type);
}

void Api::health(Call& call) {
    send_json(call, R"({"status":"ok"})");
}

void Api::search(Call& call) {
    const Params params(call.request);
    query::SearchRequest request = read_search_options(params);
    std::optional<std::string> text = params.get("q");
    if (!text)
        throw ApiError(400, "missing the query: add ?q=... (see /api/search?q=GLM)");
    request.query = std::move(*text);
    request.today = query::local_today(); // the same day for the search and its cache key
    const auto started = std::chrono::steady_clock::now();
    std::optional<std::string> key;
    bool hit = false;
    const query::SearchResult result = m_workers.run([&](query::Searcher& searcher) {
        key = m_cache.key(request, searcher.database());
        if (key) {
            if (std::optional<query::SearchResult> cached = m_cache.find(*key)) {
                hit = true;
                cached->took_ms = std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - started)
                                      .count();
                return std::move(*cached);
            }
        }
        query::SearchResult searched = searcher.search(request);
        if (key)
            m_cache.store(*key, searched);
        return searched;
    });
    call.response.set_header("X-Zhisou-Cache", hit ? "hit" : key ? "miss" : "off");
    send_json(call, query::to_json(result));
}

void Api::suggest(Call& call) {
    const std::string text = call.request.get_param_value("q");
    if (text.size() > kMaxSuggestBytes)
        throw ApiError(400, "q is at most " + std::to_string(kMaxSuggestBytes) +
                                " bytes for suggestions");
    const std::size_t limit = Params(call.request).size("limit", 10, 1, 50);
    const std::vector<Suggestion> suggestions = m_workers.run([&](query::Searcher& searcher) {
        return server::suggest(searcher.database(), text, limit);
    });
    json list = json::array();
    for (const Suggestion& s : suggestions) {
        list.push_back(
            {{"kind", s.kind}, {"text", s.text}, {"label", s.label}, {"detail", s.detail}});
    }
    send_json(call, dump(json{{"query", text}, {"suggestions", std::move(list)}}));
}

void Api::document(Call& call) {
    // The id is only ever looked up as the index term Q<id>: no path is opened.
    const std::string& id = call.captures.at(0);
    std::optional<query::StoredDocument> stored;
    query::Snippet highlighted;
    m_workers.run([&](query::Searcher& searcher) {
        stored = searcher.document(id);
        if (stored)
            highlighted = searcher.highlight(stored->text, call.request.get_param_value("q"));
    });
    if (!stored)
        throw ApiError(404, "no document with id '" + shorten(id) + "' in this index");
    json data = json::parse(stored->data_json, nullptr, false);
    if (!data.is_object())
        data = json::object();
    data.erase("text"); // data version 1 held the body, which is sent as text_html
    send_json(call, dump(json{{"id", stored->id},
                              {"document", std::move(data)},
                              {"text_html", highlighted.html()},
                              {"highlights", highlighted.marks.size()}}));
}

void Api::stats(Call& call) {
    const index::IndexStats stats = index::read_stats(m_index);
    send_json(call, dump(json{{"index", stats.path.string()},
                              {"documents", stats.documents},
                              {"first_date", stats.first_date},
                              {"last_date", stats.last_date},
                              {"undated", stats.undated},
                              {"repaired", stats.repaired},
                              {"languages", pairs_json(stats.languages)},
                              {"top_orgs", pairs_json(stats.top_orgs)},
                              {"top_sources", pairs_json(stats.top_sources)},
                              {"size_bytes", stats.size_bytes},
                              {"last_update", stats.last_update}}));
}

void Api::saved_list(Call& call) {
    json list = json::array();
    for (const query::SavedQuery& saved : query::SavedQueries(m_index).list())
        list.push_back(saved_json(saved));
    send_json(call, dump(json{{"saved", std::move(list)}}));
}

void Api::saved_put(Call& call) {
    const std::string& name = call.captures.at(0);
    query::check_saved_name(name);
    const std::string text = body_query(call.request);
    if (text.empty())
        throw ApiError(400, "the body is the query to save; it is empty");
    query::SavedQueries saved(m_index);
    const bool existed = saved.find(name).has_value();
    saved.add(name, text, /*replace=*/true);
    const auto stored = saved.find(name);
    send_json(call, dump(json{{"saved", stored ? saved_json(*stored) : json(nullptr)}}),
              existed ? 200 : 201);
}

void Api::saved_delete(Call& call) {
    const std::string& name = call.captures.at(0);
    query::check_saved_name(name);
    query::SavedQueries saved(m_index);
    if (!saved.find(name))
        throw ApiError(404, "no saved query named '" + shorten(name) + "'");
    saved.remove(name);
    send_json(call, dump(json{{"deleted", name}}));
}

void Api::saved_run(Call& call) {
    const std::string& name = call.captures.at(0);
    query::check_saved_name(name);
    query::SavedQueries saved(m_index);
    const std::optional<query::SavedQuery> found = saved.find(name);
    if (!found)
        throw ApiError(404, "no saved query named '" + shorten(name) + "'");
    const Params params(call.request);
    query::SearchRequest request = read_search_options(params);
    request.query = found->query;
    const bool new_only = params.flag("new", false);
    if (new_only)
        request.exclude_ids = saved.previous_ids(name);
    // Only a caller who may write moves "new since the last run" forward.
    if (call.authorized)
        request.collect_ids = kMaxRememberedIds;

    const query::SearchResult result =
        m_workers.run([&](query::Searcher& searcher) { return searcher.search(request); });
    if (call.authorized) {
        std::vector<std::string> remembered = result.matched_ids;
        if (new_only) // the run covers what it excluded too: those stay seen
            remembered.insert(remembered.end(), request.exclude_ids.begin(),
                              request.exclude_ids.end());
        saved.record_run(name, remembered);
    }
    json out = json::parse(query::to_json(result));
    out["saved"] = saved_json(*found);
    out["new_only"] = new_only;
    send_json(call, dump(out));
}

} // namespace zhisou::server
