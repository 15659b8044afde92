// Walking inputs: formats, excludes, JSONL lines, symlink loops, globs.

#include <fstream>
#include <gtest/gtest.h>

#include <zhisou/index/source.h>

#include "test_support.h"

namespace {

using namespace zhisou::index;
namespace fs = std::filesystem;
using zhisou::testing::TempDir;

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

struct Walked {
    std::vector<std::string> ids;
    std::vector<std::string> problems;
};

Walked walk(const std::vector<std::string>& inputs, WalkOptions options = {}) {
    Walked walked;
    walk_sources(
        inputs, options, [&](SourceDocument&& doc) { walked.ids.push_back(doc.id); },
        [&](const SourceProblem& p) {
            walked.problems.push_back(p.path.filename().string() + ":" + std::to_string(p.line) +
                                      " " + p.reason);
        });
    return walked;
}

TEST(GlobMatch, Table) {
    struct Row {
        const char* pattern;
        const char* text;
        bool match;
    };
    const Row rows[] = {
        {"*.md", "a.md", true},
        {"*.md", "dir/a.md", false},
        {"**/*.md", "dir/sub/a.md", true},
        {"drafts/*", "drafts/x.txt", true},
        {"drafts/*", "drafts/y/x.txt", false},
        {"drafts/**", "drafts/y/x.txt", true},
        {"?.txt", "a.txt", true},
        {"?.txt", "ab.txt", false},
        {"[ab].txt", "b.txt", true},
        {"[!ab].txt", "b.txt", false},
        {"[a-c]*", "beta", true},
        {"README.md", "README.md", true},
        {"*", "", true},
        {"a*b*c", "aXXbYYc", true},
        {"**/*.md", "a.md", true},
        {"**/x/*.md", "a/b/x/c.md", true},
        {"a*b*c", "aXXbYY", false},
        {"tools", "tools", true},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(glob_match(row.pattern, row.text), row.match) << row.pattern << " " << row.text;
    }
}

TEST(WalkSources, ReadsSupportedFormatsInStableOrderAndSkipsOthers) {
    TempDir tmp;
    write_file(tmp.path() / "b.md", "# B\ntext");
    write_file(tmp.path() / "a.txt", "A\ntext");
    write_file(tmp.path() / "sub" / "c.html", "<title>C</title><p>text</p>");
    write_file(tmp.path() / "image.png", "\x89PNG");
    write_file(tmp.path() / ".hidden" / "d.txt", "hidden");
    const auto walked = walk({tmp.path().string()});
    ASSERT_EQ(walked.ids.size(), 3U);
    EXPECT_TRUE(walked.ids[0].ends_with("/a.txt"));
    EXPECT_TRUE(walked.ids[1].ends_with("/b.md"));
    EXPECT_TRUE(walked.ids[2].ends_with("/sub/c.html"));
    EXPECT_TRUE(walked.problems.empty());
}

TEST(WalkSources, ExcludesAndIgnoreFile) {
    TempDir tmp;
    write_file(tmp.path() / "keep.txt", "keep");
    write_file(tmp.path() / "drafts" / "skip.txt", "skip");
    write_file(tmp.path() / "notes.md", "skip");
    write_file(tmp.path() / ".zhisouignore", "# comment\nnotes.md\n");
    WalkOptions options;
    options.excludes = {"drafts"};
    const auto walked = walk({tmp.path().string()}, options);
    ASSERT_EQ(walked.ids.size(), 1U);
    EXPECT_TRUE(walked.ids[0].ends_with("/keep.txt"));
}

TEST(WalkSources, SymlinkLoopsAreNotFollowedTwice) {
    TempDir tmp;
    write_file(tmp.path() / "d" / "x.txt", "x");
    fs::create_directory_symlink(tmp.path() / "d", tmp.path() / "d" / "loop");
    const auto walked = walk({tmp.path().string()});
    EXPECT_EQ(walked.ids.size(), 1U);
}

TEST(WalkSources, JsonlLinesAndTheirProblems) {
    TempDir tmp;
    write_file(tmp.path() / "n.jsonl", "{\"id\":\"a\",\"text\":\"one\",\"extra\":[1]}\n"
                                       "\n"
                                       "{not json}\n"
                                       "[1,2]\n"
                                       "{\"id\":7,\"text\":\"two\"}\n"
                                       "{\"title\":\"no text\"}\n");
    const auto walked = walk({(tmp.path() / "n.jsonl").string()});
    EXPECT_EQ(walked.ids, (std::vector<std::string>{"a", "7"}));
    ASSERT_EQ(walked.problems.size(), 3U);
    EXPECT_EQ(walked.problems[0].rfind("n.jsonl:3 invalid JSON", 0), 0U) << walked.problems[0];
    EXPECT_EQ(walked.problems[1], "n.jsonl:4 expected a JSON object, found array");
    EXPECT_EQ(walked.problems[2], "n.jsonl:6 missing string field \"text\"");
}

TEST(WalkSources, MissingAndUnsupportedInputsAreProblems) {
    TempDir tmp;
    write_file(tmp.path() / "x.pdf", "%PDF");
    const auto walked = walk({(tmp.path() / "missing").string(), (tmp.path() / "x.pdf").string()});
    ASSERT_EQ(walked.problems.size(), 2U);
    EXPECT_EQ(walked.problems[0], "missing:0 no such file or directory");
    EXPECT_EQ(walked.problems[1].rfind("x.pdf:0 unsupported file type", 0), 0U);
}

TEST(ParseJsonLine, KeepsUnknownFieldsAndFingerprintsContent) {
    const auto a = parse_json_line(R"({"id":"x","text":"t","custom":{"k":1}})", "f.jsonl", 1);
    const auto b = parse_json_line(R"({"id":"x","text":"t2","custom":{"k":1}})", "f.jsonl", 1);
    EXPECT_EQ(a.bytes, "t");
    ASSERT_EQ(a.fields.size(), 2U); // every field but text, in input order
    EXPECT_EQ(a.fields[0].first, "id");
    EXPECT_EQ(a.fields[1].first, "custom");
    EXPECT_EQ(a.fields[1].second, R"({"k":1})");
    EXPECT_NE(a.fingerprint, b.fingerprint);
}

} // namespace
