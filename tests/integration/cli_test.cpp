// The zhisou binary as a user meets it: help, version, exit codes and error lines.

#include <algorithm>
#include <gtest/gtest.h>

#include "test_support.h"

namespace {

using zhisou::testing::run_zhisou;

TEST(Cli, HelpListsEverySubcommand) {
    const auto result = run_zhisou({"--help"});
    EXPECT_EQ(result.exit_code, 0);
    for (const char* name : {"index", "search", "saved", "serve", "stats", "repair", "segment",
                             "analyze", "parse", "compact"}) {
        EXPECT_NE(result.out.find(name), std::string::npos) << name;
    }
}

TEST(Cli, VersionNamesProgramAndXapian) {
    const auto result = run_zhisou({"--version"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.out.rfind("zhisou 0.", 0), 0U) << result.out;
    EXPECT_NE(result.out.find("Xapian 1.4"), std::string::npos) << result.out;
}

TEST(Cli, NoSubcommandIsUsageError) {
    const auto result = run_zhisou({});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("Usage"), std::string::npos) << result.err;
}

TEST(Cli, UnknownSubcommandIsUsageErrorOnOneLine) {
    const auto result = run_zhisou({"frobnicate"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.err.rfind("zhisou: error: ", 0), 0U) << result.err;
    EXPECT_NE(result.err.find("zhisou --help"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_TRUE(result.out.empty());
}

TEST(Cli, UnknownOptionIsUsageError) {
    const auto result = run_zhisou({"repair", "--no-such-option"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--no-such-option"), std::string::npos) << result.err;
}

TEST(Cli, SubcommandHelpWorks) {
    const auto result = run_zhisou({"repair", "--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("--report"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("--jsonl"), std::string::npos) << result.out;
}

TEST(Cli, MissingInputFileNamesThePath) {
    const auto result = run_zhisou({"repair", "/nonexistent/zhisou-input.txt"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("/nonexistent/zhisou-input.txt"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("No such file"), std::string::npos) << result.err;
}

TEST(Cli, ReadsStandardInputForDash) {
    const auto result = run_zhisou({"repair", "-"}, "plain text stays as it is\n");
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "plain text stays as it is\n");
}

} // namespace
