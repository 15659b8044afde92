// date_from_filename: 2025-01-20-deepseek-r1.md, 20250120_news.txt, report-2025-03.md,
// 2025年3月5日报道.txt, and archive folders named YYYY/MM[/DD]. Bare years are not read
// (IMG_2024.jpg is a photo number), nor digits glued to longer numbers (article_20251.md).

#include <vector>

#include <zhisou/index/date.h>

#include "index/date_chars.h"
#include "index/date_grammar.h"

namespace zhisou::index {
namespace {

using detail::sym_at;

/// The first date in one path component.
std::optional<PartialDate> date_in_name(std::string_view name) {
    bool after_digit = false;
    for (std::size_t pos = 0; pos < name.size();) {
        const detail::Sym sym = sym_at(name, pos);
        const bool digit = detail::is_digit(sym.code);
        const bool chinese_year_start = sym.code == U'一' || sym.code == U'二';
        if ((digit && !after_digit) || chinese_year_start) {
            if (auto span = detail::match_date_at(name, pos, detail::Style::FileName)) {
                return span->date;
            }
        }
        after_digit = digit;
        pos += sym.len;
    }
    return std::nullopt;
}

bool is_separator(char c) {
    return c == '/' || c == '\\';
}

/// A folder name that is exactly `digits` ASCII digits; its value, else -1.
int numeric_component(std::string_view component, std::size_t digits) {
    if (component.size() != digits) {
        return -1;
    }
    int value = 0;
    for (const char c : component) {
        if (c < '0' || c > '9') {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

/// archive/2024/12/01/daily/x.md: the innermost YYYY/MM or YYYY/MM/DD run of folders.
std::optional<PartialDate> date_in_folders(std::string_view folders) {
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    for (std::size_t pos = 0; pos <= folders.size(); ++pos) {
        if (pos == folders.size() || is_separator(folders[pos])) {
            parts.push_back(folders.substr(begin, pos - begin));
            begin = pos + 1;
        }
    }
    for (std::size_t k = parts.size(); k-- > 0;) {
        const int year = numeric_component(parts[k], 4);
        if (year < 0 || k + 1 >= parts.size()) {
            continue;
        }
        const int month = numeric_component(parts[k + 1], 2);
        if (month < 1 || month > 12 || year < detail::kMinYear || year > detail::kMaxYear) {
            continue;
        }
        if (k + 2 < parts.size()) {
            const int day = numeric_component(parts[k + 2], 2);
            if (detail::is_valid_day(year, month, day)) {
                return PartialDate{year, month, day, DatePrecision::Day};
            }
        }
        return PartialDate{year, month, 0, DatePrecision::Month};
    }
    return std::nullopt;
}

} // namespace

std::optional<PartialDate> date_from_filename(std::string_view filename) {
    std::size_t slash = filename.size();
    while (slash > 0 && !is_separator(filename[slash - 1])) {
        --slash;
    }
    if (auto date = date_in_name(filename.substr(slash))) {
        return date;
    }
    if (slash == 0) {
        return std::nullopt;
    }
    return date_in_folders(filename.substr(0, slash - 1));
}

} // namespace zhisou::index
