#pragma once
// The one error type of the query language: what is wrong, where, and what was expected.
// The CLI prints caret(); the HTTP API and `zhisou parse --json` return to_json_fields().

#include <cstddef>
#include <string>
#include <vector>

#include <zhisou/error.h>

namespace zhisou::query {

/// what() is "invalid query at column N:\n" followed by caret().
class ParseError : public InputError {
public:
    /// `column` is 1-based and counts code points of `query` (an invalid UTF-8 byte counts as
    /// one); `expected` names what would have been accepted there ("term", ")", "01..12").
    ParseError(std::string message, std::string query, std::size_t column,
               std::vector<std::string> expected = {});

    /// The message alone, without position: "month must be 01..12".
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }
    [[nodiscard]] const std::string& query() const noexcept { return m_query; }
    [[nodiscard]] std::size_t column() const noexcept { return m_column; }
    [[nodiscard]] const std::vector<std::string>& expected() const noexcept { return m_expected; }

    /// Two lines: the query, then a caret under the offending character followed by the
    /// message. The caret is placed by display width (a CJK character takes two cells);
    /// queries wider than a terminal line are cut around the caret with "…".
    ///     org:Zhipu date:2025-13
    ///                         ^ month must be 01..12
    [[nodiscard]] std::string caret() const;

private:
    std::string m_message;
    std::string m_query;
    std::size_t m_column;
    std::vector<std::string> m_expected;
};

} // namespace zhisou::query
