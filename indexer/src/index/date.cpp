// PartialDate and parse_date: one date written as a whole string (metadata, front matter,
// the query language's date: field).

#include <zhisou/index/date.h>

#include "index/date_chars.h"
#include "index/date_grammar.h"

namespace zhisou::index {
namespace {

void append_padded(std::string& out, int value, int width) {
    std::string digits = std::to_string(value < 0 ? 0 : value);
    if (digits.size() < static_cast<std::size_t>(width)) {
        out.append(static_cast<std::size_t>(width) - digits.size(), '0');
    }
    out += digits;
}

/// The bytes between leading and trailing white space (ASCII, no-break and ideographic).
std::string_view trim(std::string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end) {
        const detail::Sym sym = detail::sym_at(text, begin);
        if (!detail::is_space(sym.code) && sym.code != U'\uFEFF') {
            break;
        }
        begin += sym.len;
    }
    while (end > begin) {
        const detail::Sym sym = detail::sym_before(text, end);
        if (!detail::is_space(sym.code)) {
            break;
        }
        end -= sym.len;
    }
    return text.substr(begin, end - begin);
}

} // namespace

std::string PartialDate::to_string() const {
    std::string out;
    append_padded(out, year, 4);
    if (precision == DatePrecision::Year) {
        return out;
    }
    out += '-';
    append_padded(out, month, 2);
    if (precision == DatePrecision::Month) {
        return out;
    }
    out += '-';
    append_padded(out, day, 2);
    return out;
}

int PartialDate::first_day() const {
    switch (precision) {
    case DatePrecision::Year:
        return year * 10000 + 101;
    case DatePrecision::Month:
        return year * 10000 + month * 100 + 1;
    case DatePrecision::Day:
        break;
    }
    return year * 10000 + month * 100 + day;
}

int PartialDate::last_day() const {
    switch (precision) {
    case DatePrecision::Year:
        return year * 10000 + 1231;
    case DatePrecision::Month:
        return year * 10000 + month * 100 + detail::days_in_month(year, month);
    case DatePrecision::Day:
        break;
    }
    return year * 10000 + month * 100 + day;
}

std::optional<PartialDate> parse_date(std::string_view text) {
    const std::string_view date = trim(text);
    if (date.empty()) {
        return std::nullopt;
    }
    const std::size_t start = detail::skip_weekday(date, 0);
    const auto span = detail::match_date_at(date, start, detail::Style::Whole);
    if (!span) {
        return std::nullopt;
    }
    std::size_t end = span->end;
    if (span->date.precision == DatePrecision::Day) {
        end = detail::skip_time_of_day(date, end);
    }
    if (end != date.size()) {
        return std::nullopt;
    }
    return span->date;
}

} // namespace zhisou::index
