// The route table (README "Search page and HTTP API" lists the same routes) and the segment
// matcher.

#include "routes.h"

#include "api.h"

namespace zhisou::server {
namespace {

/// Splits off the next segment of a path or pattern that starts after a '/'.
std::string_view next_segment(std::string_view& rest) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    return segment;
}

} // namespace

std::optional<std::vector<std::string>> match_route(std::string_view pattern,
                                                    std::string_view path) {
    if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/')
        return std::nullopt;
    if (pattern == "/")
        return path == "/" ? std::optional(std::vector<std::string>{}) : std::nullopt;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    std::vector<std::string> captures;
    bool path_done = false;
    while (!pattern.empty()) {
        const std::string_view want = next_segment(pattern);
        if (want == "{*}") {
            if (path_done || path.empty())
                return std::nullopt;
            captures.emplace_back(path);
            return captures;
        }
        if (path_done)
            return std::nullopt;
        path_done = path.find('/') == std::string_view::npos;
        const std::string_view have = next_segment(path);
        if (want == "{}") {
            if (have.empty())
                return std::nullopt;
            captures.emplace_back(have);
        } else if (want != have) {
            return std::nullopt;
        }
    }
    if (!path_done)
        return std::nullopt;
    return captures;
}

std::vector<Route> make_routes(Api& api) {
    using C = Call;
    return {
        {"GET", "/", [&api](C& c) { api.page(c, "index.html"); }},
        {"GET", "/app.js", [&api](C& c) { api.page(c, "app.js"); }},
        {"GET", "/style.css", [&api](C& c) { api.page(c, "style.css"); }},
        {"GET", "/healthz", [&api](C& c) { api.health(c); }},
        {"GET", "/api/search", [&api](C& c) { api.search(c); }},
        {"POST", "/api/search", [&api](C& c) { api.search(c); }}, // for queries over 8 KiB
        {"GET", "/api/suggest", [&api](C& c) { api.suggest(c); }},
        {"GET", "/api/doc/{*}", [&api](C& c) { api.document(c); }},
        {"GET", "/api/stats", [&api](C& c) { api.stats(c); }},
        {"GET", "/api/saved", [&api](C& c) { api.saved_list(c); }},
        {"PUT", "/api/saved/{}", [&api](C& c) { api.saved_put(c); }, true},
        {"DELETE", "/api/saved/{}", [&api](C& c) { api.saved_delete(c); }, true},
        {"GET", "/api/saved/{}/run", [&api](C& c) { api.saved_run(c); }},
    };
}

} // namespace zhisou::server
