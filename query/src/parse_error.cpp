// ParseError and its caret rendering. Columns count code points; the caret is placed by
// display width, and a query wider than a terminal line is cut around the caret.

#include <algorithm>
#include <fmt/format.h>
#include <utility>

#include <zhisou/query/parse_error.h>
#include <zhisou/text/utf8.h>

#include "display_width.h"
#include "source_text.h"

namespace zhisou::query {
namespace {

// Wider queries are shown as a window around the caret, so the caret line never wraps.
constexpr int kMaxLineWidth = 80;
constexpr int kContextBefore = 40;

struct Cell {
    std::string text; ///< the character as displayed (control characters as a space)
    int width = 1;
};

std::vector<Cell> display_cells(std::string_view query) {
    std::vector<Cell> cells;
    detail::for_each_char(query, [&](char32_t c, std::size_t, std::size_t) {
        Cell cell;
        if (c < 0x20 || c == 0x7F)
            c = U' ';
        text::utf8::append(cell.text, c);
        cell.width = detail::display_width(c);
        cells.push_back(std::move(cell));
    });
    return cells;
}

std::string render_caret(std::string_view query, std::size_t column, std::string_view message) {
    const std::vector<Cell> cells = display_cells(query);
    const std::size_t caret_index = std::min(column == 0 ? 0 : column - 1, cells.size());
    int total = 0;
    for (const Cell& cell : cells)
        total += cell.width;

    // The window [first, last) of characters shown, with "…" where text was cut.
    std::size_t first = 0;
    std::size_t last = cells.size();
    if (total > kMaxLineWidth) {
        int before = 0;
        first = caret_index;
        while (first > 0 && before + cells[first - 1].width <= kContextBefore) {
            before += cells[--first].width;
        }
        int width = before;
        last = caret_index;
        while (last < cells.size() && width + cells[last].width <= kMaxLineWidth - 2) {
            width += cells[last++].width;
        }
    }

    std::string line;
    std::string marker;
    if (first > 0) {
        line += "…";
        marker += ' ';
    }
    for (std::size_t i = first; i < last; ++i) {
        line += cells[i].text;
        if (i < caret_index)
            marker.append(static_cast<std::size_t>(cells[i].width), ' ');
    }
    if (last < cells.size())
        line += "…";
    return line + "\n" + marker + "^ " + std::string(message);
}

} // namespace

ParseError::ParseError(std::string message, std::string query, std::size_t column,
                       std::vector<std::string> expected)
    : InputError(fmt::format("invalid query at column {}:\n{}", column,
                             render_caret(query, column, message))),
      m_message(std::move(message)), m_query(std::move(query)), m_column(column),
      m_expected(std::move(expected)) {}

std::string ParseError::caret() const {
    return render_caret(m_query, m_column, m_message);
}

} // namespace zhisou::query
