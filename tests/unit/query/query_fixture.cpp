#include "query_fixture.h"

#include <chrono>
#include <gtest/gtest.h>
#include <map>

#include <zhisou/index/gazetteer.h>
#include <zhisou/text/analyzer.h>

namespace zhisou::query::testing {

const CompileContext& fixed_context() {
    static const text::Analyzer analyzer;
    static const std::map<std::string, std::string, std::less<>> saved = [] {
        std::map<std::string, std::string, std::less<>> queries{
            {"china-ai", "org:(zhipu OR moonshot OR deepseek)"},
            {"recent", "date:last-30d"},
            {"glm-news", "GLM saved:recent"},
            {"broken", "org:(zhipu"},
            {"loop-a", "saved:loop-b"},
            {"loop-b", "saved:loop-a"},
            {"deep-9", "GLM"}};
        for (int i = 0; i < 9; ++i) {
            queries["deep-" + std::to_string(i)] = "saved:deep-" + std::to_string(i + 1);
        }
        return queries;
    }();
    static const CompileContext context{analyzer,
                                        index::Gazetteer::builtin(),
                                        [](std::string_view name) -> std::optional<std::string> {
                                            const auto it = saved.find(name);
                                            if (it == saved.end())
                                                return std::nullopt;
                                            return it->second;
                                        },
                                        [] {
                                            using namespace std::chrono;
                                            return sys_days{year{2025} / June / 15};
                                        },
                                        nullptr,
                                        false};
    return context;
}

std::string ast_of(std::string_view query) {
    return ast::to_string(parse(query));
}

std::string xapian_of(std::string_view query) {
    return describe(compile(parse(query), fixed_context()));
}

void expect_row(const GoldenRow& row) {
    SCOPED_TRACE(std::string("query: ") + row.query);
    try {
        const ast::Query parsed = parse(row.query);
        EXPECT_EQ(ast::to_string(parsed), row.ast);
        EXPECT_EQ(describe(compile(parsed, fixed_context())), row.xapian);
    } catch (const ParseError& error) {
        ADD_FAILURE() << "unexpected error:\n" << error.caret();
    }
}

} // namespace zhisou::query::testing
