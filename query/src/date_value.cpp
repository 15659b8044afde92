#include "date_value.h"

#include <array>
#include <cctype>
#include <fmt/format.h>
#include <utility>

#include <zhisou/index/date.h>

#include "source_text.h"

namespace zhisou::query::detail {
namespace {

using namespace std::chrono;

constexpr int kMinYear = 1900; // as index::parse_date
constexpr int kMaxYear = 2100;
constexpr int kMaxRelative = 36500;
constexpr std::string_view kExpectedDate = "a date such as 2025, 2025-03, 2025-03-05, 2025Q1, "
                                           "2025H2, today or last-7d";

struct Period {
    sys_days first;
    sys_days last;
};

std::size_t chars_in(std::string_view text) {
    std::size_t count = 0;
    for_each_char(text, [&](char32_t, std::size_t, std::size_t) { ++count; });
    return count;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

sys_days last_day_of(year_month ym) {
    return sys_days{ym / last};
}

Period month_period(year_month ym) {
    return {sys_days{ym / 1}, last_day_of(ym)};
}

Period year_period(int y) {
    return {sys_days{year{y} / January / 1}, sys_days{year{y} / December / 31}};
}

/// `day` moved back by whole months, clamped to the end of a shorter month.
sys_days months_before(sys_days day, int count) {
    const year_month_day ymd{day};
    const year_month target = year_month{ymd.year(), ymd.month()} - months{count};
    const auto clamped = std::min(unsigned{ymd.day()}, unsigned{(target / last).day()});
    return sys_days{target / std::chrono::day{clamped}};
}

/// Parses one date (not a range) in `text`, which starts `base` code points into the value.
class SingleDate {
public:
    SingleDate(std::string_view text, std::size_t base, sys_days today)
        : m_text(text), m_base(base), m_today(today) {}

    Period parse() {
        if (m_text.empty())
            fail("expected a date", 0);
        if (const auto relative = parse_relative())
            return *relative;
        if (!is_digit(0))
            return fallback();
        const std::size_t digits = count_digits(0);
        if (digits == 6 || digits == 8) { // 202503, 20250305
            if (digits == m_text.size())
                return compact(digits);
            return fallback();
        }
        if (digits != 4)
            return fallback();
        const int y = number(0, 4);
        if (y < kMinYear || y > kMaxYear) {
            fail(fmt::format("year must be {}..{}", kMinYear, kMaxYear), 0,
                 fmt::format("{}..{}", kMinYear, kMaxYear));
        }
        if (m_text.size() == 4)
            return year_period(y);
        const std::string_view rest = m_text.substr(4);
        const char mark = rest.front();
        if (mark == 'q' || mark == 'Q')
            return quarter(y);
        if (mark == 'h' || mark == 'H')
            return half(y);
        if (mark == '-' || mark == '/' || mark == '.')
            return numeric_month(y, 5);
        if (rest.starts_with("年"))
            return chinese_month(y, 4 + std::string_view("年").size());
        return fallback();
    }

private:
    [[noreturn]] void fail(std::string message, std::size_t byte,
                           std::string expected = std::string(kExpectedDate)) const {
        throw DateValueError(std::move(message), m_base + chars_in(m_text.substr(0, byte)),
                             std::move(expected));
    }

    [[nodiscard]] bool is_digit(std::size_t at) const {
        return at < m_text.size() && m_text[at] >= '0' && m_text[at] <= '9';
    }
    [[nodiscard]] std::size_t count_digits(std::size_t at) const {
        std::size_t n = 0;
        while (is_digit(at + n))
            ++n;
        return n;
    }
    [[nodiscard]] int number(std::size_t at, std::size_t length) const {
        int value = 0;
        for (std::size_t i = 0; i < length; ++i)
            value = value * 10 + (m_text[at + i] - '0');
        return value;
    }

    /// Month digits at `at` (1 or 2), checked; returns the month and moves `at` past them.
    int month_at(std::size_t& at) const {
        const std::size_t n = count_digits(at);
        if (n == 0 || n > 2)
            fail("month must be 01..12", at, "01..12");
        const int m = number(at, n);
        if (m < 1 || m > 12)
            fail("month must be 01..12", at, "01..12");
        at += n;
        return m;
    }

    int day_at(std::size_t& at, int y, int m) const {
        const std::size_t n = count_digits(at);
        if (n == 0 || n > 2)
            fail("day must be 01..31", at, "01..31");
        const int d = number(at, n);
        const auto ym = year{y} / month{static_cast<unsigned>(m)};
        const auto days = static_cast<int>(unsigned{(ym / last).day()});
        if (d < 1 || d > 31)
            fail("day must be 01..31", at, "01..31");
        if (d > days) {
            fail(fmt::format("day must be 01..{} in {:04d}-{:02d}", days, y, m), at,
                 fmt::format("01..{}", days));
        }
        at += n;
        return d;
    }

    Period day_period(int y, int m, int d) const {
        const sys_days day{year{y} / month{static_cast<unsigned>(m)} /
                           std::chrono::day{static_cast<unsigned>(d)}};
        return {day, day};
    }

    Period compact(std::size_t digits) {
        const int y = number(0, 4);
        if (y < kMinYear || y > kMaxYear) {
            fail(fmt::format("year must be {}..{}", kMinYear, kMaxYear), 0,
                 fmt::format("{}..{}", kMinYear, kMaxYear));
        }
        std::size_t at = 4;
        const int m = number(at, 2);
        if (m < 1 || m > 12)
            fail("month must be 01..12", at, "01..12");
        at += 2;
        if (digits == 6)
            return month_period(year{y} / month{static_cast<unsigned>(m)});
        const int d = number(at, 2);
        const auto ym = year{y} / month{static_cast<unsigned>(m)};
        const auto days = static_cast<int>(unsigned{(ym / last).day()});
        if (d < 1 || d > days) {
            fail(fmt::format("day must be 01..{} in {:04d}-{:02d}", days, y, m), at,
                 fmt::format("01..{}", days));
        }
        return day_period(y, m, d);
    }

    Period quarter(int y) {
        if (m_text.size() != 6 || !is_digit(5) || m_text[5] < '1' || m_text[5] > '4') {
            fail("quarter must be Q1..Q4", 5, "1..4");
        }
        const unsigned first_month = 3u * static_cast<unsigned>(m_text[5] - '1') + 1;
        return {sys_days{year{y} / month{first_month} / 1},
                last_day_of(year{y} / month{first_month + 2})};
    }

    Period half(int y) {
        if (m_text.size() != 6 || (m_text[5] != '1' && m_text[5] != '2')) {
            fail("half must be H1 or H2", 5, "1..2");
        }
        return m_text[5] == '1'
                   ? Period{sys_days{year{y} / January / 1}, sys_days{year{y} / June / 30}}
                   : Period{sys_days{year{y} / July / 1}, sys_days{year{y} / December / 31}};
    }

    Period numeric_month(int y, std::size_t at) {
        const char separator = m_text[4];
        const int m = month_at(at);
        if (at == m_text.size())
            return month_period(year{y} / month{static_cast<unsigned>(m)});
        if (m_text[at] != separator)
            return fallback();
        ++at;
        const int d = day_at(at, y, m);
        if (at != m_text.size())
            return fallback(); // 2025-03-05T10:00 and friends
        return day_period(y, m, d);
    }

    Period chinese_month(int y, std::size_t at) {
        if (at == m_text.size())
            return year_period(y);
        const int m = month_at(at);
        if (!m_text.substr(at).starts_with("月"))
            return fallback();
        at += std::string_view("月").size();
        if (at == m_text.size())
            return month_period(year{y} / month{static_cast<unsigned>(m)});
        const int d = day_at(at, y, m);
        for (const std::string_view mark : {"日", "号", "號"}) {
            if (m_text.substr(at) == mark)
                return day_period(y, m, d);
        }
        return fallback();
    }

    std::optional<Period> parse_relative() const {
        const std::string word = lower_ascii(m_text);
        const year_month_day today{m_today};
        const year_month this_month{today.year(), today.month()};
        const auto monday = m_today - (weekday{m_today}.iso_encoding() - 1) * days{1};
        if (word == "today" || word == "今天" || word == "今日")
            return Period{m_today, m_today};
        if (word == "yesterday" || word == "昨天") {
            return Period{m_today - days{1}, m_today - days{1}};
        }
        if (word == "this-week" || word == "本周" || word == "本週") {
            return Period{monday, monday + days{6}};
        }
        if (word == "last-week" || word == "上周" || word == "上週") {
            return Period{monday - days{7}, monday - days{1}};
        }
        if (word == "this-month" || word == "本月")
            return month_period(this_month);
        if (word == "last-month" || word == "上月")
            return month_period(this_month - months{1});
        if (word == "this-year" || word == "今年")
            return year_period(int{today.year()});
        if (word == "last-year" || word == "去年")
            return year_period(int{today.year()} - 1);
        if (!word.starts_with("last-"))
            return std::nullopt;
        // last-7d: the last 7 days including today.
        const std::size_t n = count_digits(5);
        if (n == 0 || n > 5 || 5 + n + 1 != word.size()) {
            fail("expected last-Nd, last-Nw, last-Nm or last-Ny (e.g. last-7d)", 5, "last-7d");
        }
        const int count = number(5, n);
        if (count < 1 || count > kMaxRelative) {
            fail(fmt::format("the count must be 1..{}", kMaxRelative), 5,
                 fmt::format("1..{}", kMaxRelative));
        }
        switch (word.back()) {
        case 'd':
            return Period{m_today - days{count - 1}, m_today};
        case 'w':
            return Period{m_today - days{7 * count - 1}, m_today};
        case 'm':
            return Period{months_before(m_today, count) + days{1}, m_today};
        case 'y':
            return Period{months_before(m_today, 12 * count) + days{1}, m_today};
        default:
            fail("expected last-Nd, last-Nw, last-Nm or last-Ny (e.g. last-7d)", 5 + n,
                 "d, w, m or y");
        }
    }

    /// Other ways of writing one date ("March 2025", "5 Mar 2025"): the indexer's parser.
    Period fallback() const {
        const auto date = index::parse_date(m_text);
        if (!date)
            fail(fmt::format("expected {}", kExpectedDate), 0);
        const auto to_day = [](int number) {
            return sys_days{year{number / 10000} /
                            month{static_cast<unsigned>(number / 100 % 100)} /
                            std::chrono::day{static_cast<unsigned>(number % 100)}};
        };
        return {to_day(date->first_day()), to_day(date->last_day())};
    }

    std::string_view m_text;
    std::size_t m_base;
    sys_days m_today;
};

Period single(std::string_view text, std::size_t base, sys_days today) {
    return SingleDate(text, base, today).parse();
}

} // namespace

int yyyymmdd(sys_days day) {
    const year_month_day ymd{day};
    return int{ymd.year()} * 10000 + static_cast<int>(unsigned{ymd.month()}) * 100 +
           static_cast<int>(unsigned{ymd.day()});
}

std::string iso_date(sys_days day) {
    const int n = yyyymmdd(day);
    return fmt::format("{:04d}-{:02d}-{:02d}", n / 10000, n / 100 % 100, n % 100);
}

DateBounds parse_date_value(std::string_view value, sys_days today) {
    // Comparisons. A period's whole extent counts: >2025-03 starts after March.
    struct Comparison {
        std::string_view op;
        int kind; // 0: >=, 1: >, 2: <=, 3: <, 4: =
    };
    static constexpr std::array kComparisons{
        Comparison{">=", 0}, Comparison{"≥", 0}, Comparison{"<=", 2}, Comparison{"≤", 2},
        Comparison{">", 1},  Comparison{"<", 3}, Comparison{"=", 4}};
    for (const Comparison& comparison : kComparisons) {
        if (!value.starts_with(comparison.op))
            continue;
        const std::string_view rest = value.substr(comparison.op.size());
        const std::size_t base = chars_in(comparison.op);
        const Period period = single(rest, base, today);
        switch (comparison.kind) {
        case 0:
            return {period.first, std::nullopt};
        case 1:
            return {period.last + days{1}, std::nullopt};
        case 2:
            return {std::nullopt, period.last};
        case 3:
            return {std::nullopt, period.first - days{1}};
        default:
            return {period.first, period.last};
        }
    }
    // Ranges: A..B, A.., ..B (also A~B).
    std::size_t dots = value.find("..");
    std::size_t separator_size = 2;
    if (dots == std::string_view::npos) {
        dots = value.find('~');
        separator_size = 1;
    }
    if (dots != std::string_view::npos) {
        const std::string_view left = value.substr(0, dots);
        const std::string_view right = value.substr(dots + separator_size);
        if (left.empty() && right.empty()) {
            throw DateValueError("empty date range: write 2024..2025, 2025-03.. or ..2024-06", 0,
                                 std::string(kExpectedDate));
        }
        DateBounds bounds;
        std::optional<Period> start;
        if (!left.empty()) {
            start = single(left, 0, today);
            bounds.from = start->first;
        }
        if (!right.empty()) {
            const std::size_t base = chars_in(value.substr(0, dots + separator_size));
            const Period end = single(right, base, today);
            if (start && end.last < start->first) {
                throw DateValueError(fmt::format("the range ends ({}) before it starts ({})",
                                                 iso_date(end.last), iso_date(start->first)),
                                     base, "a later end date");
            }
            bounds.until = end.last;
        }
        return bounds;
    }
    const Period period = single(value, 0, today);
    return {period.first, period.last};
}

} // namespace zhisou::query::detail
