#pragma once
// Dates as people write them, with their precision kept: "2026-05" is a month, not 2026-05-01.
// Used for a document's own date, for dates mentioned in its text, and by the query language.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::index {

enum class DatePrecision : unsigned char { Year, Month, Day };

struct PartialDate {
    int year = 0;
    int month = 0; ///< 1..12, or 0 when precision is Year
    int day = 0;   ///< 1..31, or 0 unless precision is Day
    DatePrecision precision = DatePrecision::Year;

    /// "2025", "2025-03" or "2025-03-05".
    [[nodiscard]] std::string to_string() const;
    /// First and last day of the period as YYYYMMDD numbers (2025-03 -> 20250301, 20250331).
    [[nodiscard]] int first_day() const;
    [[nodiscard]] int last_day() const;

    friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

/// Parses a whole string that is one date in any supported form: 2025-03-05, 2025/3/5,
/// 2025.3.5, 20250305, March 5, 2025, Mar 5 2025, 5 March 2025, 2025年3月5日, 2025年3月,
/// 2025年, 2026-05, 2025, ISO timestamps (2025-03-05T10:00:00Z), RFC 2822 dates
/// (Wed, 05 Mar 2025 10:00:00 +0000), and full-width digits. Years 1900..2100; validates days
/// per month (leap years). Returns nullopt for anything else.
[[nodiscard]] std::optional<PartialDate> parse_date(std::string_view text);

/// A date found in running text, with its byte span.
struct DateMention {
    PartialDate date;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Finds dates mentioned in running text (timelines, bylines, "2025年3月5日", "March 2025",
/// "2025-03 Launch of GLM-4"). Conservative: a bare 4-digit number is a year only in a
/// date-like context (年, "in 2025", "since 2024", "2024–2025"), never inside a longer number,
/// a version (v2025) or a product name.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text);

/// Finds a byline date near the top of a document ("Date Generated: April 10, 2024",
/// "Published: ...", "发布时间：2025年3月5日", "日期：..."), looking at the first few lines only.
[[nodiscard]] std::optional<PartialDate> find_byline_date(std::string_view text);

/// A date in a file name: 2025-01-20-deepseek-r1.md, 20250120_news.txt, report-2025-03.md.
[[nodiscard]] std::optional<PartialDate> date_from_filename(std::string_view filename);

} // namespace zhisou::index
