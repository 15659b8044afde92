// Golden errors: query -> column (1-based, in characters) and the exact two-line caret
// rendering. The caret sits under the offending character by display width.

#include <gtest/gtest.h>
#include <string>

#include "query_fixture.h"

namespace zhisou::query::testing {
namespace {

struct ErrorRow {
    const char* query;
    std::size_t column;
    const char* caret;
};

void PrintTo(const ErrorRow& row, std::ostream* os) {
    *os << row.query;
}

// clang-format off
const ErrorRow kErrors[] = {
    // The example: the caret under the month.
    {"org:Zhipu date:2025-13", 21,
     "org:Zhipu date:2025-13\n"
     "                    ^ month must be 01..12"},
    // Dates: the caret points at the part that is wrong.
    {"date:2025-00", 11,
     "date:2025-00\n"
     "          ^ month must be 01..12"},
    {"date:2025-02-30", 14,
     "date:2025-02-30\n"
     "             ^ day must be 01..28 in 2025-02"},
    {"date:2025-04-31", 14,
     "date:2025-04-31\n"
     "             ^ day must be 01..30 in 2025-04"},
    {"date:2025-02-29", 14,
     "date:2025-02-29\n"
     "             ^ day must be 01..28 in 2025-02"},
    {"date:1899", 6,
     "date:1899\n"
     "     ^ year must be 1900..2100"},
    {"date:2025Q5", 11,
     "date:2025Q5\n"
     "          ^ quarter must be Q1..Q4"},
    {"date:2025H3", 11,
     "date:2025H3\n"
     "          ^ half must be H1 or H2"},
    {"date:soon", 6,
     "date:soon\n"
     "     ^ expected a date such as 2025, 2025-03, 2025-03-05, 2025Q1, 2025H2, today or last-7d"},
    {"date:2026..2025", 12,
     "date:2026..2025\n"
     "           ^ the range ends (2025-12-31) before it starts (2026-01-01)"},
    {"date:..", 6,
     "date:..\n"
     "     ^ empty date range: write 2024..2025, 2025-03.. or ..2024-06"},
    {"date:last-0d", 11,
     "date:last-0d\n"
     "          ^ the count must be 1..36500"},
    {"date:last-7x", 12,
     "date:last-7x\n"
     "           ^ expected last-Nd, last-Nw, last-Nm or last-Ny (e.g. last-7d)"},
    {"date:2025年13月", 11,
     "date:2025年13月\n"
     "           ^ month must be 01..12"},
    {"date:\"March 2025x\"", 7,
     "date:\"March 2025x\"\n"
     "      ^ expected a date such as 2025, 2025-03, 2025-03-05, 2025Q1, 2025H2, today or last-7d"},
    {"date:GLM*", 6,
     "date:GLM*\n"
     "     ^ date: takes a date or a range, not a wildcard"},
    // Columns count characters, and the caret is placed by display width (CJK = 2 cells).
    {"日期:2025-13", 9,
     "日期:2025-13\n"
     "          ^ month must be 01..12"},
    {"智谱 日期:2025-13", 12,
     "智谱 日期:2025-13\n"
     "               ^ month must be 01..12"},
    {"\"智谱融资\" 日期:2025-13", 16,
     "\"智谱融资\" 日期:2025-13\n"
     "                     ^ month must be 01..12"},
    {"ＤＡＴＥ：２０２５－１３", 11,
     "ＤＡＴＥ：２０２５－１３\n"
     "                    ^ month must be 01..12"},
    {"智谱融资 titel:GLM", 6,
     "智谱融资 titel:GLM\n"
     "         ^ unknown field 'titel:'; did you mean 'title:'?"},
    {"orgs:zhipu GLM", 1,
     "orgs:zhipu GLM\n"
     "^ unknown field 'orgs:'; did you mean 'org:'?"},
    // Unbalanced parentheses and quotes.
    {"(a OR b", 1,
     "(a OR b\n"
     "^ unbalanced '(': no ')' after it"},
    {"a OR b)", 7,
     "a OR b)\n"
     "      ^ unbalanced ')': no '(' before it"},
    {"((a)", 1,
     "((a)\n"
     "^ unbalanced '(': no ')' after it"},
    {"(智谱 OR 月之暗面", 1,
     "(智谱 OR 月之暗面\n"
     "^ unbalanced '(': no ')' after it"},
    {"\"open source", 1,
     "\"open source\n"
     "^ unclosed quote: no \" after this \""},
    {"「开源", 1,
     "「开源\n"
     "^ unclosed quote: no 」 after this 「"},
    {"『开源", 1,
     "『开源\n"
     "^ unclosed quote: no 』 after this 『"},
    {"“开源", 1,
     "“开源\n"
     "^ unclosed quote: no \" after this \""},
    // Operators without operands.
    {"a AND", 6,
     "a AND\n"
     "     ^ expected a term, phrase or '(' after 'AND'"},
    {"a OR", 5,
     "a OR\n"
     "    ^ expected a term, phrase or '(' after 'OR'"},
    {"NOT", 4,
     "NOT\n"
     "   ^ expected a term, phrase or '(' after 'NOT'"},
    {"a &&", 5,
     "a &&\n"
     "    ^ expected a term, phrase or '(' after '&&'"},
    {"a ||", 5,
     "a ||\n"
     "    ^ expected a term, phrase or '(' after '||'"},
    {"-(", 2,
     "-(\n"
     " ^ unbalanced '(': no ')' after it"},
    {"AND a", 1,
     "AND a\n"
     "^ 'AND' needs a term, phrase or '(' before it"},
    {"OR a", 1,
     "OR a\n"
     "^ 'OR' needs a term, phrase or '(' before it"},
    {"a AND OR b", 7,
     "a AND OR b\n"
     "      ^ expected a term, phrase or '(' after 'AND'"},
    {"a OR OR b", 6,
     "a OR OR b\n"
     "     ^ expected a term, phrase or '(' after 'OR'"},
    {"()", 2,
     "()\n"
     " ^ empty parentheses: expected a term, phrase or '(' inside"},
    {"a ()", 4,
     "a ()\n"
     "   ^ empty parentheses: expected a term, phrase or '(' inside"},
    {"a NEAR/3", 9,
     "a NEAR/3\n"
     "        ^ expected a term or phrase after 'NEAR/3'"},
    // Empty values and quotes.
    {"org:", 5,
     "org:\n"
     "    ^ expected a value after 'org:'"},
    {"org: zhipu", 5,
     "org: zhipu\n"
     "    ^ expected a value right after 'org:' (no space after the colon)"},
    {"title:", 7,
     "title:\n"
     "      ^ expected a value after 'title:'"},
    {"org:)", 5,
     "org:)\n"
     "    ^ unbalanced ')': no '(' before it"},
    {"(org:)", 6,
     "(org:)\n"
     "     ^ expected a value after 'org:'"},
    {"\"\"", 1,
     "\"\"\n"
     "^ empty quotes: put the words of the phrase between them"},
    {"「 」", 1,
     "「 」\n"
     "^ empty quotes: put the words of the phrase between them"},
    // Unknown fields are suggested; other words before a colon are text.
    {"titel:GLM", 1,
     "titel:GLM\n"
     "^ unknown field 'titel:'; did you mean 'title:'?"},
    {"tittle:GLM", 1,
     "tittle:GLM\n"
     "^ unknown field 'tittle:'; did you mean 'title:'?"},
    {"auther:smith", 1,
     "auther:smith\n"
     "^ unknown field 'auther:'; did you mean 'author:'?"},
    {"dat:2025", 1,
     "dat:2025\n"
     "^ unknown field 'dat:'; did you mean 'date:'?"},
    {"lnag:en", 1,
     "lnag:en\n"
     "^ unknown field 'lnag:'; did you mean 'lang:'?"},
    {"sorce:36kr", 1,
     "sorce:36kr\n"
     "^ unknown field 'sorce:'; did you mean 'source:'?"},
    {"Titel:GLM", 1,
     "Titel:GLM\n"
     "^ unknown field 'Titel:'; did you mean 'title:'?"},
    // Values a field does not accept.
    {"org:zhipuu", 5,
     "org:zhipuu\n"
     "    ^ unknown org 'zhipuu'; did you mean zhipu?"},
    {"org:xyzzy", 5,
     "org:xyzzy\n"
     "    ^ unknown org 'xyzzy': no organization has this name or alias"},
    {"org:GLM*", 5,
     "org:GLM*\n"
     "    ^ org: takes a name or alias, not a wildcard"},
    {"is:broken", 4,
     "is:broken\n"
     "   ^ is: takes repaired, damaged or undated, not 'broken'"},
    // NEAR.
    {"a NEAR/0 b", 8,
     "a NEAR/0 b\n"
     "       ^ NEAR distance must be 1..100"},
    {"a NEAR/101 b", 8,
     "a NEAR/101 b\n"
     "       ^ NEAR distance must be 1..100"},
    {"a NEAR/2 b NEAR/3 c", 12,
     "a NEAR/2 b NEAR/3 c\n"
     "           ^ one NEAR chain needs one distance: NEAR/2 and NEAR/3; use parentheses and AND to combine them"},
    {"a NEAR/3 (b OR c)", 10,
     "a NEAR/3 (b OR c)\n"
     "         ^ NEAR works between words and phrases, not fields, groups or wildcards"},
    {"a NEAR/3 org:zhipu", 10,
     "a NEAR/3 org:zhipu\n"
     "         ^ NEAR works between words and phrases, not fields, groups or wildcards"},
    {"a NEAR/3 b*", 10,
     "a NEAR/3 b*\n"
     "         ^ NEAR works between words and phrases, not fields, groups or wildcards"},
    {"lang:(a NEAR/2 b)", 7,
     "lang:(a NEAR/2 b)\n"
     "      ^ NEAR needs words: use it in free text or title:, not in lang:"},
    // Fields inside fields, wildcards without a word.
    {"org:(title:GLM)", 6,
     "org:(title:GLM)\n"
     "     ^ a field value cannot contain another field ('title:')"},
    {"?*", 1,
     "?*\n"
     "^ a wildcard needs one word before the '*', not '?'"},
    // Saved queries.
    {"saved:nothing", 7,
     "saved:nothing\n"
     "      ^ no saved query named 'nothing'"},
    {"saved:loop-a", 7,
     "saved:loop-a\n"
     "      ^ saved queries refer to each other in a cycle: loop-a → loop-b → loop-a"},
    {"saved:broken", 7,
     "saved:broken\n"
     "      ^ saved query 'broken' does not parse: unbalanced '(': no ')' after it (column 5 of \"org:(zhipu\")"},
    {"saved:deep-1", 7,
     "saved:deep-1\n"
     "      ^ saved queries nest more than 8 deep: deep-1 → deep-2 → deep-3 → deep-4 → deep-5 → deep-6 → deep-7 → deep-8 → deep-9"},
    {"saved:(a OR b)", 8,
     "saved:(a OR b)\n"
     "       ^ saved: takes the name of one saved query"},
};
// clang-format on

class ErrorGolden : public ::testing::TestWithParam<ErrorRow> {};

TEST_P(ErrorGolden, ReportsWhereAndWhat) {
    const ErrorRow& row = GetParam();
    try {
        (void)compile(parse(row.query), fixed_context());
        ADD_FAILURE() << "no error for: " << row.query;
    } catch (const ParseError& error) {
        EXPECT_EQ(error.column(), row.column);
        EXPECT_EQ(error.caret(), row.caret);
        EXPECT_EQ(error.query(), row.query);
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, ErrorGolden, ::testing::ValuesIn(kErrors));

ParseError error_of(std::string_view query) {
    try {
        (void)compile(parse(query), fixed_context());
    } catch (const ParseError& error) {
        return error;
    }
    throw std::logic_error("no error for: " + std::string(query));
}

TEST(ParseErrorFields, ExpectedListsWhatWouldHaveBeenAccepted) {
    EXPECT_EQ(error_of("a AND").expected(), (std::vector<std::string>{"term", "phrase", "("}));
    EXPECT_EQ(error_of("a NEAR/3").expected(), (std::vector<std::string>{"term", "phrase"}));
    EXPECT_EQ(error_of("(a OR b").expected(), (std::vector<std::string>{")"}));
    EXPECT_EQ(error_of("「开源").expected(), (std::vector<std::string>{"」"}));
    EXPECT_EQ(error_of("date:2025-13").expected(), (std::vector<std::string>{"01..12"}));
    EXPECT_EQ(error_of("date:2025-02-30").expected(), (std::vector<std::string>{"01..28"}));
    EXPECT_EQ(error_of("titel:x").expected(), (std::vector<std::string>{"title:"}));
    EXPECT_EQ(error_of("org:zhipuu").expected(), (std::vector<std::string>{"zhipu"}));
    EXPECT_EQ(error_of("is:x").expected(),
              (std::vector<std::string>{"repaired", "damaged", "undated"}));
}

TEST(ParseErrorFields, MessageHasNoPositionAndWhatHasTheCaret) {
    const ParseError error = error_of("org:Zhipu date:2025-13");
    EXPECT_EQ(error.message(), "month must be 01..12");
    EXPECT_EQ(std::string(error.what()), "invalid query at column 21:\n"
                                         "org:Zhipu date:2025-13\n"
                                         "                    ^ month must be 01..12");
}

TEST(ParseErrorFields, IsAnInputErrorSoTheCliExitsWithTwo) {
    try {
        (void)parse("a AND");
        FAIL() << "no error";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("after 'AND'"), std::string::npos);
    }
}

} // namespace
} // namespace zhisou::query::testing
