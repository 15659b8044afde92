#include "index/date_grammar.h"

#include <array>

#include "index/date_chars.h"

namespace zhisou::index::detail {
namespace {

/// Walks folded characters forward; copies are cheap, so a failed branch just drops its copy.
class Cursor {
public:
    Cursor(std::string_view text, std::size_t pos) : m_text(text), m_pos(pos) {}

    [[nodiscard]] std::size_t pos() const { return m_pos; }
    [[nodiscard]] bool at_end() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char32_t peek() const { return sym_at(m_text, m_pos).code; }
    [[nodiscard]] char32_t peek_second() const {
        return sym_at(m_text, m_pos + sym_at(m_text, m_pos).len).code;
    }
    void advance() { m_pos += sym_at(m_text, m_pos).len; }
    bool accept(char32_t c) {
        if (at_end() || peek() != c) {
            return false;
        }
        advance();
        return true;
    }
    /// Skips spaces and tabs on the current line; returns how many.
    int skip_blanks() {
        int count = 0;
        while (!at_end() && is_blank(peek())) {
            advance();
            ++count;
        }
        return count;
    }

private:
    std::string_view m_text;
    std::size_t m_pos;
};

/// A run of digits; value holds the first nine (enough for every date form).
struct Number {
    int value = 0;
    int digits = 0;
};

Number read_digits(Cursor& c) {
    Number n;
    while (!c.at_end() && is_digit(c.peek())) {
        if (n.digits < 9) {
            n.value = n.value * 10 + static_cast<int>(c.peek() - U'0');
        }
        ++n.digits;
        c.advance();
    }
    return n;
}

/// 1..99 written in Chinese numerals: 五, 十, 十二, 二十, 三十一. digits is 1 when present.
Number read_chinese_small(Cursor& c) {
    Number n;
    Cursor probe = c;
    int first = chinese_digit(probe.peek());
    if (first >= 1) {
        probe.advance();
    } else if (first == 0 || probe.peek() != U'十') {
        return n;
    }
    if (probe.peek() == U'十') {
        probe.advance();
        int tens = first >= 1 ? first : 1;
        int units = chinese_digit(probe.peek());
        if (units >= 1) {
            probe.advance();
        } else {
            units = 0;
        }
        n.value = tens * 10 + units;
    } else {
        n.value = first;
    }
    n.digits = 1;
    c = probe;
    return n;
}

/// A month or day number inside a Chinese date: Arabic (full-width folded) or Chinese.
Number read_chinese_part(Cursor& c) {
    if (is_digit(c.peek())) {
        return read_digits(c);
    }
    return read_chinese_small(c);
}

bool year_in_range(int year) {
    return year >= kMinYear && year <= kMaxYear;
}

DateSpan year_span(int year, std::size_t begin, std::size_t end) {
    return {{year, 0, 0, DatePrecision::Year}, begin, end};
}
DateSpan month_span(int year, int month, std::size_t begin, std::size_t end) {
    return {{year, month, 0, DatePrecision::Month}, begin, end};
}
DateSpan day_span(int year, int month, int day, std::size_t begin, std::size_t end) {
    return {{year, month, day, DatePrecision::Day}, begin, end};
}

/// What follows a number decides whether it ends there: "2025-03-05" but not "2025-03-05x",
/// "2025-03-051" or "2025.03.05.1" (a version). Whole style leaves it to the caller.
bool ends_cleanly(const Cursor& c, Style style, DatePrecision precision) {
    if (style == Style::Whole || c.at_end()) {
        return true;
    }
    const char32_t next = c.peek();
    if (is_digit(next)) {
        return false;
    }
    if (style == Style::FileName) {
        return true;
    }
    const char32_t after = c.peek_second();
    if (is_letter(next)) {
        // ISO date-time: 2025-03-05T10:00.
        return precision == DatePrecision::Day && next == U'T' && is_digit(after);
    }
    if (!is_digit(after)) {
        return true;
    }
    if (next == U'.' || next == U':') {
        return false;
    }
    // A day may start a range ("2025-03-05/2025-03-07"); a year-month followed by more
    // numbers is more likely an identifier.
    return precision == DatePrecision::Day || (next != U'-' && next != U'/');
}

enum class Outcome { NoMatch, Invalid, Match };

/// After a year: [blanks] 年 [M 月 [D 日|号]]. Invalid when a month or day is out of range.
Outcome chinese_tail(Cursor c, int year, std::size_t begin, DateSpan& out) {
    c.skip_blanks();
    if (!c.accept(U'年')) {
        return Outcome::NoMatch;
    }
    out = year_span(year, begin, c.pos());
    Cursor m = c;
    m.skip_blanks();
    const Number month = read_chinese_part(m);
    if (month.digits < 1 || month.digits > 2) {
        return Outcome::Match; // "2024年第48期", "2024年度"
    }
    m.skip_blanks();
    if (!m.accept(U'月')) {
        return Outcome::Match;
    }
    if (month.value < 1 || month.value > 12) {
        return Outcome::Invalid;
    }
    out = month_span(year, month.value, begin, m.pos());
    Cursor d = m;
    d.skip_blanks();
    const Number day = read_chinese_part(d);
    if (day.digits < 1 || day.digits > 2) {
        return Outcome::Match;
    }
    d.skip_blanks();
    if (!d.accept(U'日') && !d.accept(U'号')) {
        return Outcome::Match;
    }
    if (!is_valid_day(year, month.value, day.value)) {
        return Outcome::Invalid;
    }
    out = day_span(year, month.value, day.value, begin, d.pos());
    return Outcome::Match;
}

bool is_part_separator(char32_t c, Style style) {
    return c == U'-' || c == U'/' || c == U'.' || (style == Style::FileName && c == U'_');
}

/// Starting with a four-digit year: 2025-03-05, 2025/3/5, 2025.03.05, 2025-03, 2025年…
std::optional<DateSpan> match_year_first(Cursor c, Number year, std::size_t begin, Style style) {
    if (!year_in_range(year.value)) {
        return std::nullopt;
    }
    DateSpan chinese;
    switch (chinese_tail(c, year.value, begin, chinese)) {
    case Outcome::Match:
        return chinese;
    case Outcome::Invalid:
        return std::nullopt;
    case Outcome::NoMatch:
        break;
    }
    const char32_t sep = c.peek();
    if (!is_part_separator(sep, style) || !is_digit(c.peek_second())) {
        if (style == Style::Whole) {
            return year_span(year.value, begin, c.pos());
        }
        return std::nullopt;
    }
    c.advance();
    const Number month = read_digits(c);
    if (month.digits > 2) {
        return std::nullopt; // 2024-2025 is a range, CVE-2024-12345 an identifier
    }
    if (c.peek() == sep && is_digit(c.peek_second())) {
        c.advance();
        const Number day = read_digits(c);
        if (day.digits > 2 || !is_valid_day(year.value, month.value, day.value)) {
            return std::nullopt;
        }
        // In text, 2024.1.1 is as likely a version as a date; 2024.01.01 is a date.
        if (style == Style::Text && sep == U'.' && (month.digits != 2 || day.digits != 2)) {
            return std::nullopt;
        }
        if (!ends_cleanly(c, style, DatePrecision::Day)) {
            return std::nullopt;
        }
        return day_span(year.value, month.value, day.value, begin, c.pos());
    }
    if (month.value < 1 || month.value > 12) {
        return std::nullopt;
    }
    // "2025-3" and "2025.03" are fine as a query; in text and file names only a two-digit
    // month after '-' or '/' is (IntelliJ 2024.3 is a version, 2010-12 reads as a month).
    if (style != Style::Whole && (month.digits != 2 || (style == Style::Text && sep == U'.'))) {
        return std::nullopt;
    }
    if (!ends_cleanly(c, style, DatePrecision::Month)) {
        return std::nullopt;
    }
    return month_span(year.value, month.value, begin, c.pos());
}

/// Skips "st", "nd", "rd" or "th" after a day number when no letter follows it.
void skip_ordinal_suffix(Cursor& c) {
    Cursor probe = c;
    const char32_t a = to_lower(probe.peek());
    probe.advance();
    const char32_t b = to_lower(probe.peek());
    probe.advance();
    const bool suffix = (a == U's' && b == U't') || (a == U'n' && b == U'd') ||
                        (a == U'r' && b == U'd') || (a == U't' && b == U'h');
    if (suffix && !is_letter(probe.peek())) {
        c = probe;
    }
}

/// Reads an ASCII word (full-width letters folded) of at most 12 letters into `lower`.
/// Returns false, leaving c alone, when there is no word or it is longer.
bool read_word(Cursor& c, std::array<char, 12>& lower, std::size_t& length, bool& capitalised) {
    Cursor probe = c;
    length = 0;
    capitalised = probe.peek() >= U'A' && probe.peek() <= U'Z';
    while (!probe.at_end() && is_letter(probe.peek())) {
        if (length == lower.size()) {
            return false;
        }
        lower[length++] = static_cast<char>(to_lower(probe.peek()));
        probe.advance();
    }
    if (length == 0) {
        return false;
    }
    c = probe;
    return true;
}

/// A month name at the cursor: returns 1..12 and moves past it (and past the '.' of an
/// abbreviation). Text style wants it capitalised: "may" and "march" are also verbs.
int read_month_name(Cursor& c, Style style) {
    Cursor probe = c;
    std::array<char, 12> lower{};
    std::size_t length = 0;
    bool capitalised = false;
    if (!read_word(probe, lower, length, capitalised)) {
        return 0;
    }
    const std::string_view word(lower.data(), length);
    const int month = month_from_name(word);
    if (month == 0 || (style == Style::Text && !capitalised)) {
        return 0;
    }
    static constexpr std::array<std::string_view, 12> kFullNames = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (word != kFullNames[static_cast<std::size_t>(month - 1)]) {
        probe.accept(U'.'); // "Mar. 5"; after a full name a '.' ends a sentence
    }
    c = probe;
    return month;
}

/// ", " or " " or "," between the parts of an English date.
bool skip_english_gap(Cursor& c) {
    const bool comma = c.accept(U',');
    const int blanks = c.skip_blanks();
    return comma || blanks > 0;
}

Number read_year(Cursor& c) {
    const Number year = read_digits(c);
    if (year.digits != 4 || !year_in_range(year.value)) {
        return {};
    }
    return year;
}

/// Month first: "March 5, 2025", "Mar. 5 2025", "March 5th, 2025", "March 2025".
std::optional<DateSpan> match_month_first(std::string_view text, std::size_t begin, Style style) {
    Cursor c(text, begin);
    const int month = read_month_name(c, style);
    if (month == 0) {
        return std::nullopt;
    }
    const bool comma = c.accept(U',');
    if (c.skip_blanks() == 0 && !comma) {
        return std::nullopt;
    }
    if (!is_digit(c.peek())) {
        return std::nullopt;
    }
    Cursor after_month = c;
    const Number first = read_digits(c);
    if (first.digits == 4) {
        c = after_month;
        const Number year = read_year(c);
        if (year.digits == 0 || !ends_cleanly(c, style, DatePrecision::Month)) {
            return std::nullopt;
        }
        return month_span(year.value, month, begin, c.pos());
    }
    if (first.digits > 2 || comma) {
        return std::nullopt;
    }
    skip_ordinal_suffix(c);
    if (!skip_english_gap(c)) {
        return std::nullopt;
    }
    const Number year = read_year(c);
    if (year.digits == 0 || !is_valid_day(year.value, month, first.value) ||
        !ends_cleanly(c, style, DatePrecision::Day)) {
        return std::nullopt;
    }
    return day_span(year.value, month, first.value, begin, c.pos());
}

/// Day first, after the day number: "5 March 2025", "5th of March, 2025", "05 Mar 2025".
std::optional<DateSpan> match_day_first(Cursor c, int day, std::size_t begin, Style style) {
    skip_ordinal_suffix(c);
    if (c.skip_blanks() == 0) {
        return std::nullopt;
    }
    {
        Cursor of = c;
        if (to_lower(of.peek()) == U'o') {
            of.advance();
            if (to_lower(of.peek()) == U'f') {
                of.advance();
                if (of.skip_blanks() > 0) {
                    c = of;
                }
            }
        }
    }
    const int month = read_month_name(c, style);
    if (month == 0 || !skip_english_gap(c)) {
        return std::nullopt;
    }
    const Number year = read_year(c);
    if (year.digits == 0 || !is_valid_day(year.value, month, day) ||
        !ends_cleanly(c, style, DatePrecision::Day)) {
        return std::nullopt;
    }
    return day_span(year.value, month, day, begin, c.pos());
}

/// D/M/YYYY or M/D/YYYY: only when the reading is unambiguous (one part above 12, or both
/// equal). 06/12/2021 is June in New York and December in Hong Kong, so it is no date.
std::optional<DateSpan> match_day_month_year(Cursor c, Number first, std::size_t begin,
                                             Style style) {
    const char32_t sep = c.peek();
    if (!is_part_separator(sep, style)) {
        return std::nullopt;
    }
    c.advance();
    const Number second = read_digits(c);
    if (second.digits < 1 || second.digits > 2 || !c.accept(sep)) {
        return std::nullopt;
    }
    const Number year = read_year(c);
    if (year.digits == 0) {
        return std::nullopt;
    }
    int day = 0;
    int month = 0;
    if (first.value == second.value) {
        day = month = first.value;
    } else if (first.value > 12 && second.value <= 12) {
        day = first.value;
        month = second.value;
    } else if (second.value > 12 && first.value <= 12) {
        month = first.value;
        day = second.value;
    } else {
        return std::nullopt;
    }
    if (!is_valid_day(year.value, month, day) || !ends_cleanly(c, style, DatePrecision::Day)) {
        return std::nullopt;
    }
    return day_span(year.value, month, day, begin, c.pos());
}

std::optional<DateSpan> match_numeric(std::string_view text, std::size_t begin, Style style) {
    Cursor c(text, begin);
    const Number first = read_digits(c);
    if (first.digits == 4) {
        return match_year_first(c, first, begin, style);
    }
    if (first.digits == 8) { // 20250305
        const int year = first.value / 10000;
        const int month = first.value / 100 % 100;
        const int day = first.value % 100;
        if (!is_valid_day(year, month, day) || !ends_cleanly(c, style, DatePrecision::Day)) {
            return std::nullopt;
        }
        return day_span(year, month, day, begin, c.pos());
    }
    if (first.digits > 2 || style == Style::FileName) {
        return std::nullopt;
    }
    if (auto numeric = match_day_month_year(c, first, begin, style)) {
        return numeric;
    }
    return match_day_first(c, first.value, begin, style);
}

/// 二〇二五年三月五日: four Chinese digits, then the same tail as an Arabic year.
std::optional<DateSpan> match_chinese_year(std::string_view text, std::size_t begin) {
    Cursor c(text, begin);
    int year = 0;
    for (int k = 0; k < 4; ++k) {
        const int digit = chinese_digit(c.peek());
        if (digit < 0) {
            return std::nullopt;
        }
        year = year * 10 + digit;
        c.advance();
    }
    if (!year_in_range(year) || chinese_digit(c.peek()) >= 0) {
        return std::nullopt;
    }
    DateSpan span;
    if (chinese_tail(c, year, begin, span) != Outcome::Match) {
        return std::nullopt;
    }
    return span;
}

} // namespace

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool is_valid_day(int year, int month, int day) {
    return year_in_range(year) && day >= 1 && day <= days_in_month(year, month);
}

int month_from_name(std::string_view lower_word) {
    struct Name {
        std::string_view text;
        int month;
    };
    static constexpr auto kNames = std::to_array<Name>({
        {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
        {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
        {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
        {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
        {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
    });
    for (const Name& name : kNames) {
        if (name.text == lower_word) {
            return name.month;
        }
    }
    return 0;
}

std::optional<DateSpan> match_date_at(std::string_view text, std::size_t pos, Style style) {
    const char32_t first = sym_at(text, pos).code;
    if (is_digit(first)) {
        return match_numeric(text, pos, style);
    }
    if (is_letter(first)) {
        if (style == Style::FileName) {
            return std::nullopt;
        }
        return match_month_first(text, pos, style);
    }
    if (chinese_digit(first) >= 0) {
        return match_chinese_year(text, pos);
    }
    return std::nullopt;
}

std::optional<std::pair<DateSpan, DateSpan>> match_year_range(std::string_view text,
                                                              std::size_t pos) {
    Cursor c(text, pos);
    const Number from = read_year(c);
    if (from.digits == 0) {
        return std::nullopt;
    }
    const std::size_t from_end = c.pos();
    c.skip_blanks();
    if (!c.accept(U'-') && !c.accept(kRangeDash) && !c.accept(U'至') && !c.accept(U'到')) {
        return std::nullopt;
    }
    c.skip_blanks();
    const std::size_t to_begin = c.pos();
    const Number to = read_year(c);
    if (to.digits == 0 || to.value <= from.value ||
        !ends_cleanly(c, Style::Text, DatePrecision::Month)) {
        return std::nullopt;
    }
    return std::pair{year_span(from.value, pos, from_end), year_span(to.value, to_begin, c.pos())};
}

std::size_t skip_time_of_day(std::string_view text, std::size_t pos) {
    Cursor c(text, pos);
    if (!c.accept(U'T') && c.skip_blanks() == 0 && !is_digit(c.peek())) {
        return pos;
    }
    const Number hour = read_digits(c);
    if (hour.digits < 1 || hour.digits > 2 || hour.value > 23 || !c.accept(U':')) {
        return pos;
    }
    const Number minute = read_digits(c);
    if (minute.digits != 2 || minute.value > 59) {
        return pos;
    }
    if (c.peek() == U':' && is_digit(c.peek_second())) {
        c.advance();
        const Number second = read_digits(c);
        if (second.digits != 2 || second.value > 60) {
            return pos;
        }
        if (c.peek() == U'.' && is_digit(c.peek_second())) {
            c.advance();
            read_digits(c);
        }
    }
    const std::size_t time_end = c.pos();
    // The zone: Z, +08:00, +0800, -05, or a name such as GMT, UTC, EST (optionally UTC+8).
    Cursor zone = c;
    zone.skip_blanks();
    if (zone.accept(U'Z')) {
        return zone.pos();
    }
    int letters = 0;
    while (letters < 5 && zone.peek() >= U'A' && zone.peek() <= U'Z') {
        zone.advance();
        ++letters;
    }
    if (is_letter(zone.peek())) {
        return time_end;
    }
    const std::size_t name_end = zone.pos();
    if (zone.accept(U'+') || zone.accept(U'-')) {
        const Number hours = read_digits(zone);
        if (hours.digits == 2 && zone.peek() == U':' && is_digit(zone.peek_second())) {
            zone.advance();
            if (read_digits(zone).digits != 2) {
                return letters > 0 ? name_end : time_end;
            }
        } else if (hours.digits != 4 && hours.digits != 2 && !(letters > 0 && hours.digits == 1)) {
            return letters > 0 ? name_end : time_end;
        }
        return zone.pos();
    }
    return letters > 0 ? name_end : time_end;
}

std::size_t skip_weekday(std::string_view text, std::size_t pos) {
    static constexpr std::array<std::string_view, 7> kFull = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    static constexpr std::array<std::string_view, 11> kShort = {
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "weds"};
    Cursor c(text, pos);
    std::array<char, 12> lower{};
    std::size_t length = 0;
    bool capitalised = false;
    if (!read_word(c, lower, length, capitalised)) {
        return pos;
    }
    const std::string_view word(lower.data(), length);
    bool known = false;
    for (const auto name : kFull) {
        known = known || name == word;
    }
    for (const auto name : kShort) {
        known = known || name == word;
    }
    if (!known) {
        return pos;
    }
    c.accept(U'.');
    if (!skip_english_gap(c)) {
        return pos;
    }
    return c.pos();
}

} // namespace zhisou::index::detail
