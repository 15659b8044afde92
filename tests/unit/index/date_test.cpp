// Dates: parse_date (one whole string), find_dates (running text, exact byte spans),
// find_byline_date (the top of a document) and date_from_filename. Golden tables: the input and
// the expected "YYYY-MM-DD" / "YYYY-MM" / "YYYY" / "none" are written out by hand.

#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/index/date.h>

namespace {

using zhisou::index::DatePrecision;
using zhisou::index::PartialDate;

std::string show(const std::optional<PartialDate>& date) {
    return date ? date->to_string() : "none";
}

struct Golden {
    std::string_view input;
    std::string_view expected;
};

// --- parse_date ---------------------------------------------------------------------------

constexpr Golden kParseDate[] = {
    // ISO and other numeric forms
    {"2025-03-05", "2025-03-05"},
    {"2025/3/5", "2025-03-05"},
    {"2025/03/05", "2025-03-05"},
    {"2025.03.05", "2025-03-05"},
    {"2025.3.5", "2025-03-05"},
    {"2025-3-5", "2025-03-05"},
    {"20250305", "2025-03-05"},
    {"2026-05", "2026-05"},
    {"2025/03", "2025-03"},
    {"2025-3", "2025-03"},
    {"2025.03", "2025-03"},
    {"2025", "2025"},
    {"1900", "1900"},
    {"2100-12-31", "2100-12-31"},
    // English, month first
    {"March 5, 2025", "2025-03-05"},
    {"April 10, 2024", "2024-04-10"},
    {"Mar. 5, 2025", "2025-03-05"},
    {"Mar 5 2025", "2025-03-05"},
    {"Mar 5, 2025", "2025-03-05"},
    {"March 5th, 2025", "2025-03-05"},
    {"March 1st 2025", "2025-03-01"},
    {"August 22nd, 2024", "2024-08-22"},
    {"Sept. 3, 2024", "2024-09-03"},
    {"Sep 30, 2024", "2024-09-30"},
    {"march 5, 2025", "2025-03-05"},
    {"MARCH 5, 2025", "2025-03-05"},
    {"March 2025", "2025-03"},
    {"Mar 2025", "2025-03"},
    {"march, 2025", "2025-03"},
    {"Dec. 2024", "2024-12"},
    {"Wednesday, March 5, 2025", "2025-03-05"},
    // English, day first
    {"5 March 2025", "2025-03-05"},
    {"5 Mar 2025", "2025-03-05"},
    {"5 Mar. 2025", "2025-03-05"},
    {"05 March, 2025", "2025-03-05"},
    {"5th March 2025", "2025-03-05"},
    {"5th of March 2025", "2025-03-05"},
    {"31 December 2024", "2024-12-31"},
    // Chinese
    {"2025年3月5日", "2025-03-05"},
    {"2025年3月5号", "2025-03-05"},
    {"2025年3月5號", "2025-03-05"},
    {"2025年03月05日", "2025-03-05"},
    {"2025 年 3 月 5 日", "2025-03-05"},
    {"2025年3月", "2025-03"},
    {"2025年03月", "2025-03"},
    {"2025年", "2025"},
    {"二〇二五年三月五日", "2025-03-05"},
    {"二零二四年二月二十九日", "2024-02-29"},
    {"二〇二五年十二月三十一日", "2025-12-31"},
    {"一九九九年十月", "1999-10"},
    {"二○二五年", "2025"},
    {"2021年12⽉07⽇", "2021-12-07"}, // Kangxi radicals ⽉⽇ from a PDF copy
    // Full-width digits and punctuation
    {"２０２５年３月５日", "2025-03-05"},
    {"２０２５－０３－０５", "2025-03-05"},
    {"２０２５／３／５", "2025-03-05"},
    {"２０２５．０３", "2025-03"},
    {"\xE3\x80\x80"
     "2025-03-05"
     "\xE3\x80\x80",
     "2025-03-05"}, // ideographic spaces
    // Timestamps
    {"2025-03-05T10:00:00Z", "2025-03-05"},
    {"2025-03-05T10:00:00.123+08:00", "2025-03-05"},
    {"2025-03-05T10:00", "2025-03-05"},
    {"2025-03-05 10:30", "2025-03-05"},
    {"2025-03-05 10:30:15 +0800", "2025-03-05"},
    {"2025年3月5日 10:30", "2025-03-05"},
    {"Wed, 05 Mar 2025 10:00:00 +0000", "2025-03-05"},
    {"Wed, 5 Mar 2025 10:00:00 GMT", "2025-03-05"},
    {"05 Mar 2025 10:00 EST", "2025-03-05"},
    {"  2025-03-05\n", "2025-03-05"},
    // Day/month order: accepted only when one reading is impossible
    {"13/5/2025", "2025-05-13"},
    {"5/13/2025", "2025-05-13"},
    {"5/5/2025", "2025-05-05"},
    {"31.12.2024", "2024-12-31"},
    {"3/5/2025", "none"},
    {"06/12/2021", "none"},
    // Invalid calendar dates
    {"2025-02-30", "none"},
    {"2025-13", "none"},
    {"2025-00", "none"},
    {"2025-04-31", "none"},
    {"2023-02-29", "none"},
    {"2024-02-29", "2024-02-29"},
    {"1900-02-29", "none"},
    {"2000-02-29", "2000-02-29"},
    {"20250230", "none"},
    {"2025年13月", "none"},
    {"2025年2月30日", "none"},
    {"February 30, 2025", "none"},
    {"1899", "none"},
    {"2101", "none"},
    {"1899-12-31", "none"},
    // Not one date
    {"", "none"},
    {"   ", "none"},
    {"abc", "none"},
    {"2025-03-05x", "none"},
    {"2025-03-05 and more", "none"},
    {"2024-2025", "none"},
    {"March 5", "none"},
    {"5 March", "none"},
    {"3月5日", "none"},
    {"202503", "none"},
    {"12025", "none"},
    {"v2025", "none"},
    {"2025-03-05T25:00", "none"},
    {"Marchy 2025", "none"},
    {"Funday, March 5, 2025", "none"},
};

TEST(ParseDate, GoldenTable) {
    for (const Golden& row : kParseDate) {
        EXPECT_EQ(show(zhisou::index::parse_date(row.input)), row.expected)
            << "input: \"" << row.input << "\"";
    }
}

TEST(ParseDate, KeepsPrecision) {
    const auto month = zhisou::index::parse_date("2026-05");
    ASSERT_TRUE(month.has_value());
    EXPECT_EQ(month->precision, DatePrecision::Month);
    EXPECT_EQ(month->day, 0); // a month is not invented into its first day
    const auto year = zhisou::index::parse_date("2025年");
    ASSERT_TRUE(year.has_value());
    EXPECT_EQ(year->precision, DatePrecision::Year);
    EXPECT_EQ(year->month, 0);
}

TEST(ParseDate, SurvivesBrokenBytes) {
    // Truncated and invalid UTF-8 must neither crash nor read past the end.
    const std::vector<std::string> inputs = {"\xEF",
                                             "\xEF\xBC",
                                             "2025-03-05\xEF",
                                             "\xFF\xFE"
                                             "2025",
                                             "2025\xE5\xB9",
                                             "\x80\x80\x80",
                                             std::string("2025-03\0-05", 10),
                                             "\xE4\xBA\x8C\xE3\x80",
                                             "\xC0\xAF"
                                             "2025"};
    for (const std::string& input : inputs) {
        EXPECT_FALSE(zhisou::index::parse_date(input).has_value()) << input;
        (void)zhisou::index::find_dates(input);
        (void)zhisou::index::find_byline_date(input);
        (void)zhisou::index::date_from_filename(input);
    }
}

// --- PartialDate --------------------------------------------------------------------------

TEST(PartialDate, FirstAndLastDay) {
    struct Row {
        PartialDate date;
        int first;
        int last;
        std::string_view text;
    };
    const Row rows[] = {
        {{2024, 2, 0, DatePrecision::Month}, 20240201, 20240229, "2024-02"},
        {{2023, 2, 0, DatePrecision::Month}, 20230201, 20230228, "2023-02"},
        {{2025, 3, 0, DatePrecision::Month}, 20250301, 20250331, "2025-03"},
        {{2025, 4, 0, DatePrecision::Month}, 20250401, 20250430, "2025-04"},
        {{2025, 12, 0, DatePrecision::Month}, 20251201, 20251231, "2025-12"},
        {{2026, 0, 0, DatePrecision::Year}, 20260101, 20261231, "2026"},
        {{2025, 3, 5, DatePrecision::Day}, 20250305, 20250305, "2025-03-05"},
    };
    for (const Row& row : rows) {
        EXPECT_EQ(row.date.first_day(), row.first) << row.text;
        EXPECT_EQ(row.date.last_day(), row.last) << row.text;
        EXPECT_EQ(row.date.to_string(), row.text);
    }
}

// --- find_dates ---------------------------------------------------------------------------

struct Found {
    std::string_view span; ///< the exact bytes the mention covers
    std::string_view date;
};

struct MentionRow {
    std::string_view text;
    std::vector<Found> expected;
};

std::string describe(std::string_view text) {
    std::string out;
    for (const auto& mention : zhisou::index::find_dates(text)) {
        out += "[" + std::string(text.substr(mention.begin, mention.end - mention.begin)) + " => " +
               mention.date.to_string() + "] ";
    }
    return out;
}

std::string describe(const std::vector<Found>& expected) {
    std::string out;
    for (const Found& found : expected) {
        out += "[" + std::string(found.span) + " => " + std::string(found.date) + "] ";
    }
    return out;
}

TEST(FindDates, GoldenSpans) {
    const std::vector<MentionRow> rows = {
        {"2025-03 Launch of GLM-4", {{"2025-03", "2025-03"}}},
        {"On 2025年3月5日, DeepSeek released R1.", {{"2025年3月5日", "2025-03-05"}}},
        {"It shipped March 5, 2025 in Beijing.", {{"March 5, 2025", "2025-03-05"}}},
        {"Released in March 2025 to the public", {{"March 2025", "2025-03"}}},
        {"the 2024–2025 season", {{"2024", "2024"}, {"2025", "2025"}}},
        {"from 2024 - 2025", {{"2024", "2024"}, {"2025", "2025"}}},
        {"1951-1980年平均", {{"1951", "1951"}, {"1980", "1980"}}},
        {"2024至2025年", {{"2024", "2024"}, {"2025", "2025"}}},
        {"5 March 2025, and 5th of March, 2025",
         {{"5 March 2025", "2025-03-05"}, {"5th of March, 2025", "2025-03-05"}}},
        {"Wed, 05 Mar 2025 10:00:00 +0000", {{"05 Mar 2025", "2025-03-05"}}},
        {"2025-03-05T10:00:00Z", {{"2025-03-05", "2025-03-05"}}},
        {"于 2024-11-30 13:43:00 发布", {{"2024-11-30", "2024-11-30"}}},
        {"周报2024.11.25-2024.12.01", {{"2024.11.25", "2024-11-25"}, {"2024.12.01", "2024-12-01"}}},
        {"(20241125-20241201)", {{"20241125", "2024-11-25"}, {"20241201", "2024-12-01"}}},
        {"2025-03-05/2025-03-07", {{"2025-03-05", "2025-03-05"}, {"2025-03-07", "2025-03-07"}}},
        {"2024年11月期，2024年度", {{"2024年11月", "2024-11"}, {"2024年", "2024"}}},
        {"2025 年 3 月发布", {{"2025 年 3 月", "2025-03"}}},
        {"二〇二五年三月五日发布", {{"二〇二五年三月五日", "2025-03-05"}}},
        {"２０２５年３月５日和２０２５－０３",
         {{"２０２５年３月５日", "2025-03-05"}, {"２０２５－０３", "2025-03"}}},
        {"2021年12⽉07⽇有關", {{"2021年12⽉07⽇", "2021-12-07"}}},
        {"Date:2025-03-05", {{"2025-03-05", "2025-03-05"}}},
        {"In 2025, it grew. Since 2024 too.", {{"2025", "2025"}, {"2024", "2024"}}},
        {"the year 2025, not the 2025 edition", {{"2025", "2025"}}},
        {"December 2024–January 2025", {{"December 2024", "2024-12"}, {"January 2025", "2025-01"}}},
        {"Jan. 2025 and Sept 2024", {{"Jan. 2025", "2025-01"}, {"Sept 2024", "2024-09"}}},
        {"2025年3月5日至7日", {{"2025年3月5日", "2025-03-05"}}},
        {"2025年3月5日10:30", {{"2025年3月5日", "2025-03-05"}}},
        {"mid-2025 and Q3 2025 and © 2024", {{"2025", "2025"}, {"2025", "2025"}, {"2024", "2024"}}},
        {"May 2025 was hot; you may 2025", {{"May 2025", "2025-05"}}},
        {"13/12/2021 but not 06/12/2021", {{"13/12/2021", "2021-12-13"}}},
        // Not dates: versions, identifiers, money, long numbers, URLs, invalid days.
        {"v2025 GLM-4.5 $2025 ¥2025 12025 #2025", {}},
        {"CVE-2024-12345 and CVE-2024-1234", {}},
        {"call 010-2025-0305", {}},
        {"IntelliJ 2024.3 and 2024.3.1 and 2024.12", {}},
        {"see https://example.com/2025/03/05/post", {}},
        {"see www.example.com/2024-01-01/x", {}},
        {"![](/wp-content/uploads/2023/08/logo.png)", {}},
        {"issue=20251005", {}},
        {"2025 alone, 2025 apples, by 2030%, in 2025.5", {}},
        {"2020s", {}},
        {"FY2025 2025H1 2025-26 season", {}},
        {"In March. 2025 was good", {}},
        {"Mar 32, 2025", {}},
        {"2024-02-30 and 2024-13 and 2024-12-011", {}},
        {"March 5 without a year", {}},
        {"3月5日", {}},
        {"20220123222435", {}},
    };
    for (const MentionRow& row : rows) {
        const auto mentions = zhisou::index::find_dates(row.text);
        bool same = mentions.size() == row.expected.size();
        for (std::size_t k = 0; same && k < mentions.size(); ++k) {
            const auto& mention = mentions[k];
            same = row.text.substr(mention.begin, mention.end - mention.begin) ==
                       row.expected[k].span &&
                   mention.date.to_string() == row.expected[k].date;
        }
        EXPECT_TRUE(same) << "text: \"" << row.text << "\"\n  got:      " << describe(row.text)
                          << "\n  expected: " << describe(row.expected);
    }
}

TEST(FindDates, ByteOffsetsAreExact) {
    // "On " is 3 bytes; 2025年3月5日 is 4 + 3 + 1 + 3 + 1 + 3 = 15 bytes.
    const auto chinese = zhisou::index::find_dates("On 2025年3月5日, R1.");
    ASSERT_EQ(chinese.size(), 1U);
    EXPECT_EQ(chinese[0].begin, 3U);
    EXPECT_EQ(chinese[0].end, 18U);

    // Full-width digits are 3 bytes each: "和" (3) then ２０２５－０３ (7 × 3).
    const auto wide = zhisou::index::find_dates("和２０２５－０３");
    ASSERT_EQ(wide.size(), 1U);
    EXPECT_EQ(wide[0].begin, 3U);
    EXPECT_EQ(wide[0].end, 24U);
    EXPECT_EQ(wide[0].date.precision, DatePrecision::Month);

    const auto english = zhisou::index::find_dates("It shipped March 5, 2025.");
    ASSERT_EQ(english.size(), 1U);
    EXPECT_EQ(english[0].begin, 11U);
    EXPECT_EQ(english[0].end, 24U);
}

TEST(FindDates, EmptyAndDateless) {
    EXPECT_TRUE(zhisou::index::find_dates("").empty());
    EXPECT_TRUE(zhisou::index::find_dates("没有日期的一段中文。No dates here.").empty());
}

// --- find_byline_date ---------------------------------------------------------------------

constexpr Golden kBylines[] = {
    {"# Report\nDate Generated: April 10, 2024\n\nBody", "2024-04-10"},
    {"Date: 2025-03-05\n", "2025-03-05"},
    {"**Published:** March 5, 2025", "2025-03-05"},
    {"Published on March 5, 2025", "2025-03-05"},
    {"Updated March 5, 2025 at 10:00", "2025-03-05"},
    {"Posted on Wed, 05 Mar 2025 10:00:00 +0000", "2025-03-05"},
    {"发布时间：2025年3月5日 10:30 来源：新华社", "2025-03-05"},
    {"发布日期:2025-03-05", "2025-03-05"},
    {"日期：2025/3/5", "2025-03-05"},
    {"時間：2021年12月7日", "2021-12-07"},
    {"發佈時間：2021-12-07 10:00", "2021-12-07"},
    {"<p>发布时间：2025-03-05</p>", "2025-03-05"},
    {"2025年3月5日 星期三\n正文", "2025-03-05"},
    {"2025年3月5日（周三）", "2025-03-05"},
    {"March 2025\n\nText", "2025-03"},
    {"By Jane Doe | March 5, 2025 | 5 min read", "2025-03-05"},
    {"By Jane Doe, March 5, 2025", "2025-03-05"},
    {"作者：张三 丨 2025-03-05", "2025-03-05"},
    {"于 2024-11-30 13:43:00 发布", "2024-11-30"},
    {"---\ntitle: x\n---\n2024年3月18日 北京\n\n月之暗面宣布", "2024-03-18"},
    {"Title\n1 August 2024 – by Jane Doe, Brussels Tech Letter", "2024-08-01"},
    {"2025年9月30日｜來源：亞太科技日報｜記者：黃柏翰", "2025-09-30"},
    {"2026年1月 | 来源：资本市场观察", "2026-01"},
    {"---\ntitle: x\ndate: 2025-03-05\n---\n", "2025-03-05"},
    {"# 2025-03-05\ntext", "2025-03-05"},
    // Not bylines
    {"# SecWiki News 2024-11-30 Review\ntext", "none"},
    {"## 2024\ntext", "none"},
    {"2024\ntext", "none"},
    {"时间就是金钱，2025年", "none"},
    {"OpenAI发布GPT-5：2025年8月", "none"},
    {"2025年1月8日，美国国土安全部发布手册。", "none"},
    {"2024-02-22 发布「慢雾：LockBit 谜案」", "none"},
    {"7-Zip 在2022年6月发布的版本", "none"},
    {"| 1 | GB/T 45230-2025 | 2025-08-01 |", "none"},
    {"Time: 3 hours", "none"},
    {"Posted: yesterday", "none"},
    {"#", "none"},
    {"", "none"},
    {"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nDate: 2025-03-05", "none"},
};

TEST(FindBylineDate, GoldenTable) {
    for (const Golden& row : kBylines) {
        EXPECT_EQ(show(zhisou::index::find_byline_date(row.input)), row.expected)
            << "input: \"" << row.input << "\"";
    }
}

TEST(FindBylineDate, LooksOnlyAtTheTop) {
    std::string text(3000, 'x');
    text += "\nDate: 2025-03-05\n";
    EXPECT_EQ(show(zhisou::index::find_byline_date(text)), "none");
}

// --- date_from_filename -------------------------------------------------------------------

constexpr Golden kFileNames[] = {
    {"2025-01-20-deepseek-r1.md", "2025-01-20"},
    {"20250120_news.txt", "2025-01-20"},
    {"report-2025-03.md", "2025-03"},
    {"2025年3月5日报道.txt", "2025-03-05"},
    {"二〇二五年三月报告.txt", "2025-03"},
    {"2025_03_05_notes.txt", "2025-03-05"},
    {"2025.03.05.md", "2025-03-05"},
    {"IMG_20250120_123456.jpg", "2025-01-20"},
    {"notes/2025-03-05.md", "2025-03-05"},
    {"C:\\docs\\2025-01-20.md", "2025-01-20"},
    {"picker/archive/2024/12/01/daily/feed_title.md", "2024-12-01"},
    {"/home/u/2024/12/x.md", "2024-12"},
    {"IMG_1234.txt", "none"},
    {"article_20251.md", "none"},
    {"report-2025.md", "none"},
    {"report-2025-3.md", "none"},
    {"2024-13-01.md", "none"},
    {"glm-4.5-release.md", "none"},
    {"docs/issue-105.md", "none"},
    {"2024/notes.md", "none"},
};

TEST(DateFromFilename, GoldenTable) {
    for (const Golden& row : kFileNames) {
        EXPECT_EQ(show(zhisou::index::date_from_filename(row.input)), row.expected)
            << "file name: \"" << row.input << "\"";
    }
}

} // namespace
