#pragma once
// The one route table of the server: method, path pattern, handler, and whether the route
// writes (and so needs the token off loopback). Patterns are matched segment by segment, not
// by std::regex, so an 8 KiB path costs a scan and no deep recursion.

#include <functional>
#include <httplib.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::server {

class Api;

/// One request as a handler sees it.
struct Call {
    const httplib::Request& request;
    httplib::Response& response;
    std::vector<std::string> captures; ///< the path's {} parts, URL-decoded by httplib
    bool authorized = false;           ///< carries the token (or none is required)
};

struct Route {
    std::string_view method; ///< GET, PUT, DELETE, POST (HEAD is served by GET)
    /// Literal segments, "{}" for one segment, "{*}" (last) for the rest of the path,
    /// slashes included: "/api/saved/{}/run", "/api/doc/{*}".
    std::string_view pattern;
    std::function<void(Call&)> handler;
    bool writes = false;
};

/// The captures of `path` under `pattern`, or nullopt when it does not match.
[[nodiscard]] std::optional<std::vector<std::string>> match_route(std::string_view pattern,
                                                                  std::string_view path);

/// Every route of the API and the page.
[[nodiscard]] std::vector<Route> make_routes(Api& api);

} // namespace zhisou::server
