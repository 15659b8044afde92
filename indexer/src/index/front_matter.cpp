#include "index/front_matter.h"

#include <algorithm>
#include <cctype>

namespace zhisou::index {

std::string_view trim(std::string_view text) {
    auto is_space_at_front = [&](std::string_view t) -> std::size_t {
        if (t.empty())
            return 0;
        const auto c = static_cast<unsigned char>(t.front());
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')
            return 1;
        if (t.starts_with("\u3000") || t.starts_with("\u00a0"))
            return t.starts_with("\u3000") ? 3 : 2;
        if (t.starts_with("\ufeff"))
            return 3;
        return 0;
    };
    auto is_space_at_back = [&](std::string_view t) -> std::size_t {
        if (t.empty())
            return 0;
        const auto c = static_cast<unsigned char>(t.back());
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')
            return 1;
        if (t.ends_with("\u3000"))
            return 3;
        if (t.ends_with("\u00a0"))
            return 2;
        return 0;
    };
    while (std::size_t n = is_space_at_front(text))
        text.remove_prefix(n);
    while (std::size_t n = is_space_at_back(text))
        text.remove_suffix(n);
    return text;
}

namespace {

std::string unquote(std::string_view value) {
    value = trim(value);
    if (value.size() >= 2 && ((value.front() == '"' && value.back() == '"') ||
                              (value.front() == '\'' && value.back() == '\''))) {
        value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void add_value(FrontMatter& fm, const std::string& key, std::string_view raw) {
    std::string_view value = trim(raw);
    if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
        value = value.substr(1, value.size() - 2);
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t comma = value.find(',', start);
            if (comma == std::string_view::npos)
                comma = value.size();
            std::string item = unquote(value.substr(start, comma - start));
            if (!item.empty())
                fm.entries.emplace_back(key, std::move(item));
            start = comma + 1;
        }
        return;
    }
    fm.entries.emplace_back(key, unquote(value));
}

} // namespace

std::string FrontMatter::first(std::string_view key) const {
    for (const auto& [k, v] : entries) {
        if (k == key && !v.empty())
            return v;
    }
    return {};
}

std::vector<std::string> FrontMatter::all(std::string_view key) const {
    std::vector<std::string> values;
    for (const auto& [k, v] : entries) {
        if (k == key && !v.empty())
            values.push_back(v);
    }
    return values;
}

FrontMatter parse_front_matter(std::string_view text) {
    FrontMatter fm;
    fm.body = text;
    std::string_view rest = text;
    if (rest.starts_with("\xEF\xBB\xBF"))
        rest.remove_prefix(3);
    if (!rest.starts_with("---"))
        return fm;
    std::size_t eol = rest.find('\n');
    if (eol == std::string_view::npos || trim(rest.substr(0, eol)) != "---")
        return fm;
    std::size_t pos = eol + 1;
    std::string last_key;
    while (pos < rest.size()) {
        std::size_t end = rest.find('\n', pos);
        if (end == std::string_view::npos)
            end = rest.size();
        std::string_view line = rest.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        pos = end + 1;
        const std::string_view trimmed = trim(line);
        if (trimmed == "---" || trimmed == "...") {
            fm.body = rest.substr(std::min(pos, rest.size()));
            return fm;
        }
        if (trimmed.empty() || trimmed.front() == '#')
            continue;
        if (trimmed.starts_with("- ") && !last_key.empty()) { // an item of a block list
            add_value(fm, last_key, trimmed.substr(2));
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        last_key = lower(trim(line.substr(0, colon)));
        const std::string_view value = trim(line.substr(colon + 1));
        if (!value.empty())
            add_value(fm, last_key, value);
    }
    // No closing line: this was not front matter after all.
    fm.entries.clear();
    fm.body = text;
    return fm;
}

std::string first_heading(std::string_view markdown) {
    std::size_t pos = 0;
    while (pos < markdown.size()) {
        std::size_t end = markdown.find('\n', pos);
        if (end == std::string_view::npos)
            end = markdown.size();
        std::string_view line = trim(markdown.substr(pos, end - pos));
        pos = end + 1;
        if (line.starts_with("# "))
            return std::string(trim(line.substr(2)));
    }
    return {};
}

std::string first_line(std::string_view text, std::size_t max_bytes) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty())
            continue;
        if (line.size() > max_bytes) {
            std::size_t cut = max_bytes;
            while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
                --cut;
            line = line.substr(0, cut);
        }
        return std::string(line);
    }
    return {};
}

} // namespace zhisou::index
