// `zhisou index` and `zhisou stats` end to end: incremental runs, changes, deletions,
// --rebuild, bad inputs, and an indexer killed in the middle of a run.

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <xapian.h>

#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using zhisou::testing::index_json;
using zhisou::testing::run_zhisou;
using zhisou::testing::samples_dir;
using zhisou::testing::TempDir;
using zhisou::testing::write_file;

std::size_t count_id_terms(const fs::path& index) {
    Xapian::Database db(index.string());
    std::size_t count = 0;
    const std::string prefix(zhisou::schema::kIdPrefix);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        EXPECT_EQ(t.get_termfreq(), 1U) << *t; // no document twice
        ++count;
    }
    return count;
}

TEST(IndexCommand, IndexesSamplesAndReportsBadInputs) {
    TempDir tmp;
    const auto summary = index_json(tmp.path() / "idx", {samples_dir().string()});
    // 45 document files + 8 JSONL records + 1 good line of broken.jsonl; bad/ has 3 skips
    // from files (empty, invalid? no: invalid UTF-8 is decoded with U+FFFD) and 2 bad lines.
    EXPECT_EQ(summary["index_documents"], summary["added"]);
    EXPECT_GE(summary["added"].get<int>(), 50);
    std::string all;
    for (const auto& problem : summary["problems"]) {
        all += problem["path"].get<std::string>() + ":" + std::to_string(problem.value("line", 0)) +
               " " + problem["reason"].get<std::string>() + "\n";
    }
    EXPECT_NE(all.find("empty.txt:0 empty file"), std::string::npos) << all;
    EXPECT_NE(all.find("broken.jsonl:2 invalid JSON"), std::string::npos) << all;
    EXPECT_NE(all.find("broken.jsonl:3 missing string field \"text\""), std::string::npos) << all;
    EXPECT_EQ(all.find("README.md"), std::string::npos) << "samples/.zhisouignore is honoured";
    EXPECT_EQ(count_id_terms(tmp.path() / "idx"), summary["index_documents"].get<std::size_t>());
}

std::string collapse_key_of(const Xapian::Database& db, const fs::path& file) {
    const std::string term = "Q" + fs::weakly_canonical(file).generic_string();
    auto post = db.postlist_begin(term);
    EXPECT_NE(post, db.postlist_end(term)) << term;
    return post == db.postlist_end(term)
               ? std::string()
               : db.get_document(*post).get_value(zhisou::schema::kSlotCollapse);
}

// samples/en has the same story from two sources with small differences; they share a
// collapse key so search can fold them, and an unrelated story does not.
TEST(IndexCommand, NearDuplicatesShareACollapseKey) {
    TempDir tmp;
    index_json(tmp.path() / "idx", {samples_dir().string()});
    Xapian::Database db((tmp.path() / "idx").string());
    const auto original = collapse_key_of(db, samples_dir() / "en" / "zhipu-glm-4-5-launch.md");
    const auto wire = collapse_key_of(db, samples_dir() / "en" / "zhipu-glm-4-5-launch-wire.md");
    const auto other = collapse_key_of(db, samples_dir() / "en" / "qwen3-release.md");
    EXPECT_FALSE(original.empty());
    EXPECT_EQ(original, wire);
    EXPECT_NE(original, other);
}

TEST(IndexCommand, SecondRunChangesNothing) {
    TempDir tmp;
    const auto first = index_json(tmp.path() / "idx", {samples_dir().string()});
    const auto second = index_json(tmp.path() / "idx", {samples_dir().string()});
    EXPECT_EQ(second["added"], 0);
    EXPECT_EQ(second["updated"], 0);
    EXPECT_EQ(second["unchanged"], first["added"]);
    EXPECT_EQ(second["index_documents"], first["index_documents"]);
    // The first run built the index, so it ended compacted; the second changed nothing.
    EXPECT_EQ(first["compacted"], true);
    EXPECT_EQ(second["compacted"], false);
}

// A run that changes a small part of a big index does not rewrite it; one that changes a fifth
// or more compacts it, and the compacted index is complete and readable by Xapian's tools.
TEST(IndexCommand, CompactsAfterRunsThatChangeMuchOfTheIndex) {
    TempDir tmp;
    const fs::path docs = tmp.path() / "docs";
    for (int i = 0; i < 12; ++i)
        write_file(docs / ("d" + std::to_string(i) + ".txt"),
                   "Doc " + std::to_string(i) + "\n智谱 GLM note\n");
    const fs::path index = tmp.path() / "idx";
    EXPECT_EQ(index_json(index, {docs.string()}, {"--no-compact"})["compacted"], false);

    write_file(docs / "d0.txt", "Doc 0\n智谱 GLM changed\n"); // 1 of 12 changed
    EXPECT_EQ(index_json(index, {docs.string()})["compacted"], false);

    for (int i = 1; i < 4; ++i) // 3 of 12
        write_file(docs / ("d" + std::to_string(i) + ".txt"),
                   "Doc " + std::to_string(i) + "\nchanged again\n");
    const auto run = index_json(index, {docs.string()});
    EXPECT_EQ(run["updated"], 3);
    EXPECT_EQ(run["compacted"], true);

    Xapian::Database db(index.string());
    EXPECT_EQ(db.get_doccount(), 12U);
    EXPECT_EQ(db.get_termfreq("changed"), 4U);
    // Xapian's own checker, as a user would run it (Database::check() trips ASan inside
    // libxapian 1.4.22 with a new/delete size mismatch of its own).
    const std::string check = "xapian-check '" + index.string() + "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(check.c_str()), 0) << check;
    // Nothing of the compaction is left beside the index.
    for (const auto& entry : fs::directory_iterator(tmp.path()))
        EXPECT_FALSE(entry.path().filename().string().starts_with(".idx")) << entry.path();
}

TEST(IndexCommand, ChangedFilesAreReindexedAndPruneRemovesDeletedOnes) {
    TempDir tmp;
    const fs::path docs = tmp.path() / "docs";
    write_file(docs / "a.md",
               "---\ntitle: Alpha\ndate: 2025-03-05\n---\nZhipu released GLM-4.5.\n");
    write_file(docs / "b.txt", "Beta\nDeepSeek 发布了 R1。\n");
    write_file(docs / "c.txt", "Gamma\nMoonshot AI 月之暗面\n");
    const fs::path index = tmp.path() / "idx";
    EXPECT_EQ(index_json(index, {docs.string()})["added"], 3);

    write_file(docs / "b.txt", "Beta two\nDeepSeek 发布了 V3.2。\n");
    fs::remove(docs / "c.txt");
    const auto run = index_json(index, {docs.string()}, {"--prune"});
    EXPECT_EQ(run["updated"], 1);
    EXPECT_EQ(run["unchanged"], 1);
    EXPECT_EQ(run["removed"], 1);
    EXPECT_EQ(run["index_documents"], 2);

    Xapian::Database db(index.string());
    EXPECT_EQ(db.get_termfreq("v3.2"), 1U);
    EXPECT_EQ(db.get_termfreq("r1"), 0U);
}

TEST(IndexCommand, RebuildStartsOverButKeepsSavedQueries) {
    TempDir tmp;
    const fs::path index = tmp.path() / "idx";
    write_file(tmp.path() / "d" / "a.txt", "Alpha\nZhipu\n");
    index_json(index, {(tmp.path() / "d").string()});
    {
        Xapian::WritableDatabase db(index.string());
        db.set_metadata(std::string(zhisou::schema::kMetaSavedPrefix) + "weekly", "org:zhipu");
        db.commit();
    }
    const auto run = index_json(index, {(tmp.path() / "d").string()}, {"--rebuild"});
    EXPECT_EQ(run["added"], 1);
    EXPECT_EQ(run["unchanged"], 0);
    Xapian::Database db(index.string());
    EXPECT_EQ(db.get_metadata(std::string(zhisou::schema::kMetaSavedPrefix) + "weekly"),
              "org:zhipu");
}

// An index written in an older format (Han positions on bigrams) would give wrong phrase
// matches: adding to it and searching it are refused with the way out, and --rebuild works.
TEST(IndexCommand, OldIndexFormatIsRefusedUntilRebuilt) {
    TempDir tmp;
    const fs::path index = tmp.path() / "idx";
    write_file(tmp.path() / "d" / "a.txt", "智谱融资\n智谱完成新一轮融资。\n");
    index_json(index, {(tmp.path() / "d").string()});
    {
        Xapian::WritableDatabase db(index.string());
        db.set_metadata(std::string(zhisou::schema::kMetaSchema), "1");
        db.commit();
    }
    const auto add = run_zhisou({"index", "--index", index.string(), (tmp.path() / "d").string()});
    EXPECT_EQ(add.exit_code, 2);
    EXPECT_NE(add.err.find("index format 1"), std::string::npos) << add.err;
    EXPECT_NE(add.err.find("--rebuild"), std::string::npos) << add.err;
    const auto search = run_zhisou({"search", "--index", index.string(), "\"智谱融资\""});
    EXPECT_EQ(search.exit_code, 2);
    EXPECT_NE(search.err.find("--rebuild"), std::string::npos) << search.err;

    index_json(index, {(tmp.path() / "d").string()}, {"--rebuild"});
    EXPECT_EQ(
        Xapian::Database(index.string()).get_metadata(std::string(zhisou::schema::kMetaSchema)),
        std::to_string(zhisou::schema::kIndexSchemaVersion));
    const auto again = run_zhisou({"search", "--index", index.string(), "\"智谱融资\""});
    EXPECT_EQ(again.exit_code, 0) << again.err;
}

TEST(IndexCommand, ReadsJsonlFromStandardInput) {
    TempDir tmp;
    const std::string input =
        R"({"id":"n1","title":"智谱完成新一轮融资","date":"2025-03","text":"智谱AI宣布融资。"})"
        "\n"
        R"({"id":"n2","title":"Kimi","text":"Moonshot AI released Kimi K2.","extra":{"x":1}})"
        "\n";
    const auto result =
        run_zhisou({"index", "--json", "--index", (tmp.path() / "idx").string(), "-"}, input);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto summary = json::parse(result.out);
    EXPECT_EQ(summary["added"], 2);
    Xapian::Database db((tmp.path() / "idx").string());
    EXPECT_EQ(db.get_termfreq("Qn1"), 1U);
    EXPECT_EQ(db.get_termfreq("M202503"), 1U);
    EXPECT_EQ(db.get_termfreq("D20250301"), 0U) << "a month is not invented into a day";
    EXPECT_EQ(db.get_termfreq("XOzhipu"), 1U);
    EXPECT_EQ(db.get_termfreq("XOmoonshot"), 1U);
}

// Tag lists split at , ; ， ； 、 as whole characters: 开 (E5 BC 80) shares the byte 0xBC with
// "，" (EF BC 8C) and must not be cut.
TEST(IndexCommand, ChineseTagListsSplitAtWholeSeparators) {
    TempDir tmp;
    const std::string input =
        R"({"id":"t1","tags":"人工智能，大模型、开源; GLM","text":"智谱发布新模型。"})"
        "\n";
    const auto result =
        run_zhisou({"index", "--json", "--index", (tmp.path() / "idx").string(), "-"}, input);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    Xapian::Database db((tmp.path() / "idx").string());
    for (const char* tag : {"K人工智能", "K大模型", "K开源", "Kglm"}) {
        EXPECT_EQ(db.get_termfreq(tag), 1U) << tag;
    }
}

TEST(IndexCommand, NothingToIndexIsAUsageError) {
    const auto result = run_zhisou({"index"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("nothing to index"), std::string::npos) << result.err;
}

TEST(IndexCommand, InputsWithNoDocumentsSaySoAndLeaveAnEmptyIndex) {
    TempDir tmp;
    const fs::path docs = tmp.path() / "docs";
    write_file(docs / "report.pdf", "%PDF-1.4 not a format we read");
    write_file(docs / ".draft.md", "# hidden");
    const fs::path index = tmp.path() / "idx";
    const auto result = run_zhisou({"index", "--index", index.string(), docs.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("no documents found in the inputs"), std::string::npos) << result.err;
    // An empty run writes no parts worth reporting and does not claim a compaction.
    EXPECT_EQ(result.out.find("Written as"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("Compacted"), std::string::npos) << result.out;
    EXPECT_EQ(Xapian::Database(index.string()).get_doccount(), 0U);

    write_file(docs / "note.txt", "Zhipu GLM\n智谱发布了新模型。\n");
    const auto added = run_zhisou({"index", "--index", index.string(), docs.string()});
    EXPECT_EQ(added.exit_code, 0) << added.err;
    EXPECT_EQ(added.err.find("no documents found"), std::string::npos) << added.err;
    EXPECT_NE(added.out.find("Indexed 1 document in"), std::string::npos) << added.out;
}

TEST(StatsCommand, ReportsDocumentsAsJson) {
    TempDir tmp;
    const auto summary = index_json(tmp.path() / "idx", {samples_dir().string()});
    const auto result = run_zhisou({"stats", "--json", "--index", (tmp.path() / "idx").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto stats = json::parse(result.out);
    EXPECT_EQ(stats["documents"], summary["index_documents"]);
    EXPECT_EQ(stats["first_date"].get<std::string>().substr(0, 3), "202");
    EXPECT_FALSE(stats["top_orgs"].empty());
}

TEST(StatsCommand, MissingIndexSaysWhatToDo) {
    const auto result = run_zhisou({"stats", "--index", "/nonexistent/zhisou-index"});
    EXPECT_EQ(result.exit_code, 2); // a usage error, as for search: the path names no index
    EXPECT_NE(result.err.find("run 'zhisou index"), std::string::npos) << result.err;
}

// A run killed with SIGKILL leaves the index at its last commit; the next run completes it
// without duplicates. `shards`: 1 for a plain index, else a new index of that many shards.
void kill_a_run_then_complete_it(int shards) {
    TempDir tmp;
    const fs::path input = tmp.path() / "big.jsonl";
    constexpr int kDocuments = 30000;
    {
        std::ofstream out(input);
        for (int i = 0; i < kDocuments; ++i) {
            out << json{{"id", "doc-" + std::to_string(i)},
                        {"title", "Report " + std::to_string(i)},
                        {"text", "智谱 DeepSeek 月之暗面 news item number " + std::to_string(i) +
                                     " about GLM-4.5 and Qwen2.5-72B 大模型发布。"}}
                       .dump()
                << '\n';
        }
    }
    const fs::path index = tmp.path() / "idx";
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 1);
        ::dup2(devnull, 2);
        const std::string shard_count = std::to_string(shards);
        ::execl(ZHISOU_TEST_BINARY, "zhisou", "index", "--shards", shard_count.c_str(), "--index",
                index.c_str(), input.c_str(), static_cast<char*>(nullptr));
        std::_Exit(127);
    }
    // Kill it once the first batch is committed. A new index is written as parts that are
    // merged at the end (indexer/src/index/build_parts.h), so look there as well.
    std::vector<fs::path> databases{index};
    if (shards > 1) {
        databases.clear();
        for (int i = 0; i < shards; ++i)
            databases.push_back(index / zhisou::index::shard_dir_name(static_cast<unsigned>(i)));
    }
    const auto committed = [&] {
        Xapian::doccount documents = 0;
        try {
            documents += Xapian::Database(index.string()).get_doccount();
            std::error_code ec;
            for (const fs::path& database : databases)
                for (const auto& part : fs::directory_iterator(database / "build-parts", ec))
                    documents += Xapian::Database(part.path().string()).get_doccount();
        } catch (const Xapian::Error&) {
        }
        return documents;
    };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline && committed() == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it could be interrupted";

    // The index opens, at its last commit: empty while the parts were being written.
    const auto partial = Xapian::Database(index.string()).get_doccount();
    EXPECT_LT(partial, static_cast<Xapian::doccount>(kDocuments));
    if (partial == 0) {
        // A search says why it finds nothing, rather than just nothing.
        const auto search = run_zhisou({"search", "--index", index.string(), "--json", "智谱"});
        ASSERT_EQ(search.exit_code, 0) << search.err;
        const json result = json::parse(search.out);
        EXPECT_EQ(result["total"], 0);
        EXPECT_NE(result["notes"].dump().find("the index is empty until the first"),
                  std::string::npos)
            << result["notes"];
        EXPECT_EQ(result["warnings"], result["notes"]) << "front ends show it without --explain";
        const auto text = run_zhisou({"search", "--index", index.string(), "智谱"});
        EXPECT_NE(text.out.find("note: the index is empty"), std::string::npos) << text.out;
    }
    const auto run = index_json(index, {input.string()});
    // What the parts had committed is merged first, not indexed again.
    EXPECT_GT(run["recovered"].get<std::size_t>() + partial, 0U);
    EXPECT_EQ(run["added"].get<std::size_t>() + run["recovered"].get<std::size_t>() + partial,
              static_cast<std::size_t>(kDocuments));
    EXPECT_EQ(run["index_documents"], kDocuments);
    EXPECT_EQ(count_id_terms(index), static_cast<std::size_t>(kDocuments));
    for (const fs::path& database : databases)
        EXPECT_FALSE(fs::exists(database / "build-parts")) << database;
}

TEST(IndexCommand, KilledRunLeavesAConsistentIndexAndTheNextRunCompletesIt) {
    kill_a_run_then_complete_it(1);
}

TEST(IndexCommand, KilledRunOfANewShardedIndexIsCompletedShardByShard) {
    kill_a_run_then_complete_it(2);
}

} // namespace
