// JSON bodies of error responses. dump() replaces invalid UTF-8 (a query can hold any bytes)
// instead of throwing.

#include "api_error.h"

#include <nlohmann/json.hpp>

#include <zhisou/query/parse_error.h>

namespace zhisou::server {

using nlohmann::json;

std::string error_body(int status, const std::string& message) {
    return json{{"error", {{"message", message}, {"status", status}}}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
}

std::string parse_error_body(const query::ParseError& error) {
    return json{{"error",
                 {{"message", error.message()},
                  {"column", error.column()},
                  {"caret", error.caret()},
                  {"expected", error.expected()},
                  {"status", 400}}}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string status_message(int status) {
    switch (status) {
    case 400:
        return "bad request: the request could not be read";
    case 404:
        return "no such route";
    case 405:
        return "method not allowed";
    case 413:
        return "request body too large (at most 64 KiB)";
    case 414:
        return "request URI too long (at most 8 KiB; send long queries as POST /api/search with a "
               "JSON body)";
    case 416:
        return "range not satisfiable";
    default:
        return "HTTP error " + std::to_string(status);
    }
}

} // namespace zhisou::server
