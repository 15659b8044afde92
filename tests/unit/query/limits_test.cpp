// The documented limits and hostile input: each limit is an error at the right column, just
// inside each limit is fine, and odd bytes never crash or shift the columns.

#include <gtest/gtest.h>
#include <string>

#include <zhisou/query/limits.h>

#include "query_fixture.h"

namespace zhisou::query::testing {
namespace {

ParseError error_of(const std::string& query) {
    try {
        (void)compile(parse(query), fixed_context());
    } catch (const ParseError& error) {
        return error;
    }
    throw std::logic_error("no error");
}

std::string words(std::size_t count) {
    std::string query;
    for (std::size_t i = 0; i < count; ++i)
        query += (i == 0 ? "w" : " w") + std::to_string(i);
    return query;
}

TEST(Limits, QueryLengthInCharactersNotBytes) {
    // 4096 Chinese characters are 12288 bytes and still fit.
    std::string chinese;
    for (std::size_t i = 0; i < limits::kMaxQueryChars; ++i)
        chinese += i % 2 ? "谱" : "智";
    EXPECT_NO_THROW((void)parse(chinese));
    const ParseError error = error_of(chinese + "x");
    EXPECT_EQ(error.column(), limits::kMaxQueryChars + 1);
    EXPECT_EQ(error.message(), "query too long: 4097 characters; the limit is 4096");
}

TEST(Limits, NestingDepth) {
    const auto nested = [](std::size_t depth) {
        return std::string(depth, '(') + "a" + std::string(depth, ')');
    };
    EXPECT_EQ(ast_of(nested(limits::kMaxDepth)), "a");
    const ParseError error = error_of(nested(limits::kMaxDepth + 1));
    EXPECT_EQ(error.column(), limits::kMaxDepth + 1);
    EXPECT_EQ(error.message(), "too deeply nested: at most 32 levels of parentheses");
    // Field groups count as levels too.
    EXPECT_EQ(error_of("org:" + nested(limits::kMaxDepth + 1)).column(), 4 + limits::kMaxDepth + 1);
}

TEST(Limits, DeepNestingFarBeyondTheLimitIsAnErrorNotACrash) {
    EXPECT_EQ(error_of(std::string(100000, '(')).message(),
              "query too long: 100000 characters; the limit is 4096");
    EXPECT_EQ(error_of(std::string(2000, '(') + "a" + std::string(2000, ')')).column(), 33u);
}

TEST(Limits, TermCount) {
    EXPECT_NO_THROW((void)compile(parse(words(limits::kMaxTerms)), fixed_context()));
    const std::string query = words(limits::kMaxTerms + 1);
    const ParseError error = error_of(query);
    EXPECT_EQ(error.message(), "too many terms: at most 256 terms, phrases and wildcards");
    EXPECT_EQ(error.column(), query.rfind(" w256") + 2);
}

TEST(Limits, LongChainsOfOperatorsDoNotRecurse) {
    std::string query = "a";
    for (int i = 0; i < 1000; ++i)
        query += " -a";
    EXPECT_EQ(error_of(query).message(),
              "too many terms: at most 256 terms, phrases and wildcards");
    std::string ors = "a";
    for (int i = 0; i < 200; ++i)
        ors += " OR a";
    EXPECT_NO_THROW((void)compile(parse(ors), fixed_context()));
}

TEST(Limits, ThousandCharacterQueryParses) {
    std::string query;
    while (query.size() < 1000)
        query += "智谱 GLM-4.7 \"open source\" OR date:2025 -spam ";
    const CompiledQuery compiled = compile(parse(query), fixed_context());
    EXPECT_FALSE(compiled.query.empty());
}

TEST(HostileInput, InvalidUtf8CountsOneColumnPerByte) {
    const std::string query = "\xFF\xFE date:2025-13";
    const ParseError error = error_of(query);
    EXPECT_EQ(error.column(), 14u); // FFFD FFFD space d a t e : 2 0 2 5 - [1]
    EXPECT_EQ(error.caret(), "\uFFFD\uFFFD date:2025-13\n             ^ month must be 01..12");
}

TEST(HostileInput, ControlCharactersAreSpaces) {
    EXPECT_EQ(ast_of("a\tAND\nb"), "(a AND b)");
    EXPECT_EQ(ast_of(std::string("a\0b", 3)), "(a AND b)");
    const ParseError error = error_of("a\tdate:2025-13");
    EXPECT_EQ(error.caret(), "a date:2025-13\n            ^ month must be 01..12");
}

TEST(HostileInput, CaretByDisplayWidth) {
    // A combining accent takes no cell, an emoji and a CJK character two.
    EXPECT_EQ(error_of("e\u0301 date:2025-13").caret(),
              "e\u0301 date:2025-13\n            ^ month must be 01..12");
    EXPECT_EQ(error_of("\U0001F525 date:2025-13").caret(),
              "\U0001F525 date:2025-13\n             ^ month must be 01..12");
    EXPECT_EQ(error_of("智 date:2025-13").column(), 13u);
}

TEST(HostileInput, WideQueriesAreCutAroundTheCaret) {
    const std::string query = std::string(100, 'x') + " date:2025-13 " + std::string(100, 'y');
    const ParseError error = error_of(query);
    EXPECT_EQ(error.column(), 112u);
    EXPECT_EQ(error.caret(), "…" + std::string(29, 'x') + " date:2025-13 " + std::string(35, 'y') +
                                 "…\n" + std::string(41, ' ') + "^ month must be 01..12");
}

TEST(HostileInput, OnlySpacesOrNothingIsAnEmptyQuery) {
    for (const char* query : {"", " ", "\u3000", "\t\n"}) {
        const ParseError error = error_of(query);
        EXPECT_EQ(error.column(), 1u);
        EXPECT_EQ(error.message(),
                  "empty query: type a word, a \"phrase\" or a field such as org:zhipu");
    }
}

} // namespace
} // namespace zhisou::query::testing
