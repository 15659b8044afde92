// `zhisou parse`: the canonical AST, mode and Xapian query on stdout; errors with the caret on
// stderr and exit code 2; --json gives the HTTP API's error object.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <xapian.h>

#include "test_support.h"

namespace zhisou::query::testing {
namespace {

using zhisou::testing::run_zhisou;
using zhisou::testing::TempDir;

// No local index: saved queries and wildcard checks are off, the output is reproducible.
const std::vector<std::string> kNoIndex{"ZHISOU_INDEX=/nonexistent/zhisou-test-index"};

TEST(ParseCommand, PrintsAstModeQueryAndNotes) {
    const auto result = run_zhisou(
        {"parse", "--today", "2025-06-15", "org:智谱", "date:last-7d", "GLM"}, {}, kNoIndex);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out,
              "ast:    (org:智谱 AND date:last-7d AND GLM)\n"
              "mode:   boolean\n"
              "xapian: Query(((XOzhipu AND (glm OR Zglm)) FILTER (VALUE_GE 0 20250609 AND "
              "VALUE_LE 1 20250615)))\n"
              "note:   org:智谱 → zhipu (Zhipu AI)\n"
              "note:   date:last-7d → dated within 2025-06-09..2025-06-15\n");
}

TEST(ParseCommand, ErrorsShowTheCaretAndExitWithTwo) {
    const auto result = run_zhisou({"parse", "org:Zhipu date:2025-13"}, {}, kNoIndex);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "zhisou: error: invalid query at column 21:\n"
                          "org:Zhipu date:2025-13\n"
                          "                    ^ month must be 01..12\n");
}

TEST(ParseCommand, JsonErrorIsTheApiObject) {
    const auto result = run_zhisou({"parse", "--json", "智谱 日期:2025-13"}, {}, kNoIndex);
    EXPECT_EQ(result.exit_code, 2);
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json, nlohmann::json::parse(R"({"error": {"message": "month must be 01..12",
                                                         "column": 12, "expected": ["01..12"]}})"));
}

TEST(ParseCommand, JsonSuccess) {
    const auto result =
        run_zhisou({"parse", "--json", "印歐語系因為哪一門語言而被發現？"}, {}, kNoIndex);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["mode"], "ranked");
    EXPECT_EQ(json["ast"], "印歐語系因為哪一門語言而被發現?");
    EXPECT_EQ(json["notes"].size(), 1u);
}

TEST(ParseCommand, LenientFallsBackAndSaysSo) {
    const auto result = run_zhisou({"parse", "--lenient", "(智谱 OR"}, {}, kNoIndex);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out,
              "ast:    智谱\n"
              "mode:   boolean\n"
              "xapian: Query((XB智谱 AND_MAYBE 智谱))\n"
              "note:   lenient: the query has a syntax error (unbalanced '(': no ')' after it "
              "(column 1)); searched as plain words\n");
}

TEST(ParseCommand, SavedQueriesComeFromTheIndex) {
    const TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata("zhisou:saved:china-ai", "org:(zhipu OR moonshot)");
        db.commit();
    }
    const auto result =
        run_zhisou({"parse", "--index", dir.path().string(), "saved:china-ai", "融资"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "ast:    (saved:china-ai AND 融资)\n"
                          "mode:   boolean\n"
                          "xapian: Query(((XOzhipu OR XOmoonshot) AND (XB融资 AND_MAYBE 融资)))\n"
                          "note:   saved:china-ai → org:(zhipu OR moonshot)\n"
                          "note:   org:zhipu → zhipu (Zhipu AI)\n"
                          "note:   org:moonshot → moonshot (Moonshot AI)\n");
    const auto missing = run_zhisou({"parse", "--index", dir.path().string(), "saved:nope"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("no saved query named 'nope'"), std::string::npos);
}

} // namespace
} // namespace zhisou::query::testing
