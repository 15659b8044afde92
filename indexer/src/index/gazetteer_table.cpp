#include "index/gazetteer_table.h"

#include <fmt/format.h>

#include <zhisou/error.h>

#include "index/gazetteer_chars.h"

namespace zhisou::index::gazetteer {

namespace {

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxAliasBytes = 256;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

[[nodiscard]] std::string_view trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\v\f";
    const std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

[[nodiscard]] std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

[[nodiscard]] bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > kMaxIdLength || id.front() == '-' || id.back() == '-') {
        return false;
    }
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/// Aliases are looked up and matched as written, so control characters (a stray tab or
/// carriage return) are rejected rather than silently kept.
[[nodiscard]] bool has_control_char(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            return true;
        }
    }
    return false;
}

class RowReader {
public:
    RowReader(std::string_view origin, std::size_t line) : m_origin(origin), m_line(line) {}

    [[noreturn]] void fail(std::string_view what) const {
        throw InputError(fmt::format("{}:{}: {}", m_origin, m_line, what));
    }

    [[nodiscard]] TableRow read(std::string_view text) const {
        const std::vector<std::string_view> columns = split(text, '\t');
        if (columns.size() < 2 || columns.size() > 3) {
            fail(fmt::format("expected 3 tab-separated columns (id, name, aliases separated "
                             "by |), found {}{}",
                             columns.size(),
                             columns.size() == 1 ? "; are the columns separated by spaces "
                                                   "instead of tabs?"
                                                 : ""));
        }
        TableRow row;
        row.line = m_line;
        row.id = std::string(trim(columns[0]));
        row.name = std::string(trim(columns[1]));
        if (row.id != kFalseFriendId && !is_valid_id(row.id)) {
            fail(fmt::format("invalid org id '{}': use lower-case ASCII letters, digits and '-' "
                             "(at most {} characters, like 'zhipu' or 'moore-threads'), or '-' "
                             "for a row of false friends",
                             row.id, kMaxIdLength));
        }
        if (row.name.empty()) {
            fail(fmt::format("org '{}' has no display name (second column)", row.id));
        }
        if (columns.size() == 3 && !trim(columns[2]).empty()) {
            for (const std::string_view piece : split(columns[2], '|')) {
                row.aliases.push_back(read_alias(piece, row.id));
            }
        }
        // The display name names the org too (false-friend rows have only a label).
        if (row.id != kFalseFriendId) {
            row.aliases.push_back(read_alias(row.name, row.id));
        }
        return row;
    }

private:
    [[nodiscard]] AliasSpec read_alias(std::string_view piece, std::string_view id) const {
        std::string_view text = trim(piece);
        AliasSpec alias;
        if (!text.empty() && text.front() == '=') {
            alias.as_written = true;
            text = trim(text.substr(1));
        }
        if (text.empty()) {
            fail(fmt::format("empty alias for org '{}' (two '|' in a row, or a '|' at the end?)",
                             id));
        }
        if (text.size() > kMaxAliasBytes) {
            fail(fmt::format("alias of org '{}' is longer than {} bytes", id, kMaxAliasBytes));
        }
        if (has_control_char(text)) {
            fail(fmt::format("alias '{}' of org '{}' contains a control character", text, id));
        }
        alias.text = std::string(text);
        return alias;
    }

    std::string_view m_origin;
    std::size_t m_line;
};

} // namespace

std::vector<TableRow> parse_table(std::string_view tsv, std::string_view origin) {
    if (tsv.substr(0, kBom.size()) == kBom) {
        tsv.remove_prefix(kBom.size());
    }
    std::vector<TableRow> rows;
    std::size_t line_number = 0;
    for (const std::string_view raw_line : split(tsv, '\n')) {
        ++line_number;
        std::string_view line = raw_line;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        const RowReader reader(origin, line_number);
        if (!is_valid_utf8(line)) {
            reader.fail("not valid UTF-8; save the table as UTF-8");
        }
        const std::string_view content = trim(line);
        if (content.empty() || content.front() == '#') {
            continue;
        }
        rows.push_back(reader.read(line));
    }
    return rows;
}

} // namespace zhisou::index::gazetteer
