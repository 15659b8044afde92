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
/// 2025.3.5, 20250305, March 5, 2025, Mar. 5 2025, March 5th, 2025, 5 March 2025, 5th of March
/// 2025, March 2025, 2025年3月5日 (日, 号 or 號), 2025年3月, 2025年, 二〇二五年三月五日, 2026-05,
/// 2025-3, 2025.03, 2025, ISO timestamps (2025-03-05T10:00:00Z, 2025-03-05 10:30), RFC 2822
/// dates (Wed, 05 Mar 2025 10:00:00 +0000), with full-width digits and punctuation. Surrounding
/// white space is ignored; anything else around the date makes it no date.
/// Rules: years 1900..2100; days checked against the month (2024-02-29 yes, 2023-02-29 no);
/// month names in any case; a timestamp gives the day as written, in its own time zone.
/// D/M/YYYY and M/D/YYYY (also with '.' or '-') are read only when one order is impossible
/// (13/5/2025, 5/13/2025) or both agree (5/5/2025): 06/12/2021 is June in New York and
/// December in Hong Kong, so it is no date. Never throws; returns nullopt for anything else.
[[nodiscard]] std::optional<PartialDate> parse_date(std::string_view text);

/// A date found in running text, with its byte span.
struct DateMention {
    PartialDate date;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Finds dates mentioned in running text, in order, with exact byte spans: every parse_date
/// form except bare years, plus year ranges ("2024–2025", "1951-1980年", "2024至2025": two
/// mentions). Conservative, as it runs on every body:
/// - a bare 4-digit year only after a date-like word ("in 2025", "since 2024", "by", "from",
///   "until", "during", "mid-2025", "Q3 2025", "© 2024"), or with 年 ("2025年");
/// - nothing glued to letters, digits or signs (v2025, GLM-4.5, 12025, $2025, #2025, +86...),
///   nothing continuing a number (3.2025, 010-2025-0305, CVE-2024-1234) and nothing in URLs;
/// - month names capitalised ("may 2025" is a verb), a year-month only as 2025-03 or 2025/03
///   (2024.3 and 2024.12 are versions), dotted days only with two-digit parts (2024.12.01);
/// - invalid dates are dropped whole (2025-02-30 gives nothing, not 2025-02);
/// - no year, no date: "3月5日" and "March 5" are not mentions.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text);

/// Finds a byline date near the top of a document: the first 15 non-blank lines within the
/// first 2 KB. Markdown/HTML decoration is ignored. A line qualifies when it is
/// - a label and a date: "Date:", "Date Generated:", "Published:", "Updated", "Posted on",
///   "发布时间：", "发布日期:", "日期：", "时间：", "時間：", "發佈時間：" ...;
/// - only a date (with a time or weekday: "2025年3月5日 星期三"), at least month precision; a
///   "#" heading only when it is a whole day;
/// - a field of a byline: "By Jane Doe | March 5, 2025", "作者：张三 丨 2025-03-05";
/// - a date and a publishing verb: "于 2024-11-30 13:43:00 发布".
/// Markdown table rows and headings that merely mention a date do not count.
[[nodiscard]] std::optional<PartialDate> find_byline_date(std::string_view text);

/// A date in a file name: 2025-01-20-deepseek-r1.md, 20250120_news.txt, report-2025-03.md,
/// 2025_03_05.txt, IMG_20250120_1234.jpg, 2025年3月5日报道.txt; else, when given a path, the
/// innermost YYYY/MM[/DD] folders (archive/2024/12/01/x.md). Never a bare year or a digit run
/// of another length (IMG_1234.txt, article_20251.md, report-2025.md give nothing).
[[nodiscard]] std::optional<PartialDate> date_from_filename(std::string_view filename);

} // namespace zhisou::index
