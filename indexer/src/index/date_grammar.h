#pragma once
// Internal: the grammar of written dates, shared by parse_date (a whole string), find_dates
// (running text) and date_from_filename. One matcher, three sets of rules (Style), so the
// forms accepted by the query language and by the indexer cannot drift apart.

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

#include <zhisou/index/date.h>

namespace zhisou::index::detail {

inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2100;

enum class Style {
    /// parse_date: the caller checks that the match covers the whole string, so the grammar
    /// may be generous (bare years, "2025.3", month names in any case, time of day).
    Whole,
    /// find_dates: running text, conservative. No bare years (the caller adds them only in a
    /// date-like context), no "2024.12" (JetBrains-style versions), capitalised month names.
    Text,
    /// date_from_filename: '_' also separates parts, letters may touch the digits
    /// (IMG_20250120_1234.jpg), no bare years and no month names.
    FileName,
};

/// A date and the bytes [begin, end) it was read from.
struct DateSpan {
    PartialDate date;
    std::size_t begin = 0;
    std::size_t end = 0;
};

[[nodiscard]] bool is_leap_year(int year);
[[nodiscard]] int days_in_month(int year, int month);
/// True for a real calendar day in kMinYear..kMaxYear.
[[nodiscard]] bool is_valid_day(int year, int month, int day);

/// The date that starts exactly at byte `pos` (a digit, a Chinese numeral or a month name).
/// Checks what follows the date (so "2025-03-05x" or "2025-03-123" is no date) but not what
/// precedes it: the caller knows the context. In Whole style the time of day is not read;
/// see skip_time_of_day.
[[nodiscard]] std::optional<DateSpan> match_date_at(std::string_view text, std::size_t pos,
                                                    Style style);

/// Two years joined by a dash, 至 or 到 ("2024–2025", "2024 - 2025", "2024至2025"), the
/// second later than the first. Both spans cover only the digits.
[[nodiscard]] std::optional<std::pair<DateSpan, DateSpan>> match_year_range(std::string_view text,
                                                                            std::size_t pos);

/// After a day: skips " 10:00", "T10:00:00Z", " 10:00:00 +0800", " 10:00:00 GMT". Returns the
/// position after the time (and zone), or `pos` when none follows.
[[nodiscard]] std::size_t skip_time_of_day(std::string_view text, std::size_t pos);

/// Skips a leading weekday ("Wed, ", "Wednesday "), returning `pos` when there is none.
[[nodiscard]] std::size_t skip_weekday(std::string_view text, std::size_t pos);

/// 1..12 for an English month name or abbreviation in lower case ("mar", "sept"), else 0.
[[nodiscard]] int month_from_name(std::string_view lower_word);

} // namespace zhisou::index::detail
