#pragma once
// Errors a handler reports to the client with an HTTP status, and their JSON bodies:
// {"error": {"message", "status"}}, plus "column", "caret" and "expected" for query errors.

#include <string>

#include <zhisou/error.h>

namespace zhisou::query {
class ParseError;
}

namespace zhisou::server {

/// A request the server refuses: 400 bad parameter, 401 no token, 404 no such document...
class ApiError : public InputError {
public:
    ApiError(int status, const std::string& message) : InputError(message), m_status(status) {}
    [[nodiscard]] int status() const noexcept { return m_status; }

private:
    int m_status;
};

/// {"error": {"message": ..., "status": ...}} as text.
[[nodiscard]] std::string error_body(int status, const std::string& message);
/// {"error": {"message", "column", "caret", "expected", "status": 400}}: the column counts
/// code points (1-based); caret is the query line and the line with "^" under that column.
[[nodiscard]] std::string parse_error_body(const query::ParseError& error);

/// The reason phrase for a status, for error bodies that httplib produced (413, 414...).
[[nodiscard]] std::string status_message(int status);

} // namespace zhisou::server
