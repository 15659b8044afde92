// `zhisou saved` end to end on an index of samples/: add, list, show, run (same output as
// search), run --new after re-indexing, rename, rm, export/import, saved:NAME in a search,
// errors (cycles, bad names, unknown names, invalid queries), and --rebuild keeping them.

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>
#include <xapian.h>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using zhisou::testing::run_zhisou;
using zhisou::testing::RunResult;
using zhisou::testing::samples_dir;
using zhisou::testing::TempDir;

class SavedCommand : public ::testing::Test {
protected:
    void SetUp() override { index_inputs({samples_dir().string()}); }

    void index_inputs(const std::vector<std::string>& inputs,
                      const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args{"index", "--json", "--index", index().string()};
        args.insert(args.end(), extra.begin(), extra.end());
        args.insert(args.end(), inputs.begin(), inputs.end());
        const RunResult result = run_zhisou(args);
        ASSERT_EQ(result.exit_code, 0) << result.err;
    }

    /// `zhisou saved ARGS... --index IDX`, expecting exit code `code`.
    RunResult saved(std::vector<std::string> args, int code = 0, const std::string& input = {}) {
        args.insert(args.begin(), "saved");
        args.insert(args.begin() + 2, {"--index", index().string()});
        RunResult result = run_zhisou(args, input);
        EXPECT_EQ(result.exit_code, code) << "zhisou " << testing::PrintToString(args) << "\n"
                                          << result.out << result.err;
        return result;
    }

    json saved_json(std::vector<std::string> args) {
        args.emplace_back("--json");
        const RunResult result = saved(std::move(args));
        return json::parse(result.out);
    }

    json search_json(const std::string& query) {
        const RunResult result =
            run_zhisou({"search", "--json", "--index", index().string(), query});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return json::parse(result.out);
    }

    [[nodiscard]] fs::path index() const { return m_dir.path() / "idx"; }
    [[nodiscard]] const fs::path& dir() const { return m_dir.path(); }

private:
    TempDir m_dir;
};

std::vector<std::string> hit_ids(const json& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result["hits"])
        ids.push_back(hit["id"].get<std::string>());
    return ids;
}

bool contains(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

TEST_F(SavedCommand, AddListShowAsTextAndJson) {
    EXPECT_EQ(saved({"add", "glm", "GLM", "OR", "智谱"}).out, "saved glm: GLM OR 智谱\n");
    saved({"add", "china-ai", "org:(zhipu OR moonshot)"});

    const json list = saved_json({"list"});
    EXPECT_EQ(list["version"], 1);
    ASSERT_EQ(list["saved"].size(), 2U);
    EXPECT_EQ(list["saved"][0]["name"], "china-ai"); // by name
    EXPECT_EQ(list["saved"][1]["name"], "glm");
    EXPECT_EQ(list["saved"][1]["query"], "GLM OR 智谱");
    EXPECT_TRUE(list["saved"][1]["created"].is_string());
    EXPECT_TRUE(list["saved"][1]["last_run"].is_null());
    EXPECT_EQ(list["saved"][1]["last_count"], 0);

    const std::string text = saved({"list"}).out;
    EXPECT_TRUE(contains(text, "NAME")) << text;
    EXPECT_TRUE(contains(text, "china-ai  never")) << text;
    EXPECT_TRUE(contains(text, "org:(zhipu OR moonshot)")) << text;

    const json shown = saved_json({"show", "glm"});
    EXPECT_EQ(shown["name"], "glm");
    EXPECT_EQ(shown["query"], "GLM OR 智谱");
    EXPECT_EQ(shown["version"], 1);
    const std::string show_text = saved({"show", "glm"}).out;
    EXPECT_TRUE(contains(show_text, "query:    GLM OR 智谱\n")) << show_text;
    EXPECT_TRUE(contains(show_text, "last run: never\n")) << show_text;

    // Another process, another open of the index: the same list, stored in the index itself.
    const Xapian::Database db(index().string());
    EXPECT_EQ(db.get_metadata("zhisou:saved:china-ai"), "org:(zhipu OR moonshot)");
}

TEST_F(SavedCommand, EmptyListSaysHowToAdd) {
    EXPECT_TRUE(contains(saved({"list"}).out, "zhisou saved add NAME QUERY"));
    EXPECT_EQ(saved_json({"list"})["saved"], json::array());
}

TEST_F(SavedCommand, RunPrintsWhatSearchPrintsAndRecordsTheRun) {
    saved({"add", "glm", "GLM"});
    const json searched = search_json("GLM");
    const json ran = saved_json({"run", "glm"});
    ASSERT_FALSE(hit_ids(searched).empty());
    EXPECT_EQ(hit_ids(ran), hit_ids(searched));
    EXPECT_EQ(ran["total"], searched["total"]);
    EXPECT_EQ(ran["parsed"], searched["parsed"]);
    EXPECT_EQ(ran["saved"]["name"], "glm");
    EXPECT_EQ(ran["saved"]["new"], false);
    EXPECT_TRUE(ran["saved"]["previous_run"].is_null());

    // Search options pass through, and the text output is search's (but for the timing).
    const auto strip_timing = [](std::string text) {
        const auto open = text.find(" ms)");
        const auto start = text.rfind('(', open);
        if (open != std::string::npos && start != std::string::npos)
            text.erase(start, open - start);
        return text;
    };
    const RunResult run_text = saved({"run", "glm", "--limit", "1", "--facets", "org"});
    const RunResult search_text = run_zhisou(
        {"search", "--index", index().string(), "--limit", "1", "--facets", "org", "GLM"});
    EXPECT_EQ(strip_timing(run_text.out), strip_timing(search_text.out));

    const json shown = saved_json({"show", "glm"});
    EXPECT_TRUE(shown["last_run"].is_string());
    // The near-duplicate folded into a hit is recorded too, so --new will not show it.
    EXPECT_GE(shown["last_count"].get<int>(), static_cast<int>(hit_ids(searched).size()));
}

TEST_F(SavedCommand, RunNewShowsOnlyDocumentsAddedSinceThePreviousRun) {
    const fs::path input = dir() / "input";
    fs::create_directories(input);
    fs::copy(samples_dir() / "en", input / "en", fs::copy_options::recursive);
    const fs::path own_index = dir() / "own";
    const auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"saved"});
        args.insert(args.begin() + 2, {"--index", own_index.string()});
        const RunResult result = run_zhisou(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return result;
    };
    const auto index_input = [&] {
        const RunResult result =
            run_zhisou({"index", "--index", own_index.string(), input.string()});
        ASSERT_EQ(result.exit_code, 0) << result.err;
    };
    index_input();
    run({"add", "glm", "GLM"});
    const json first = json::parse(run({"run", "glm", "--new", "--json"}).out);
    EXPECT_FALSE(hit_ids(first).empty()) << "the first --new run shows every match";
    EXPECT_EQ(first["saved"]["new"], true);

    const fs::path added = input / "glm-5-preview-notes.txt";
    std::ofstream(added) << "GLM-5 preview notes from a developer meetup\n\n"
                            "Engineers at a Hangzhou meetup compared notes on the GLM-5 preview, "
                            "its tool calling and the latency of long contexts on consumer "
                            "graphics cards. Nobody had benchmark numbers yet.\n";
    index_input();

    const json second = json::parse(run({"run", "glm", "--new", "--json"}).out);
    EXPECT_EQ(hit_ids(second), std::vector<std::string>{fs::weakly_canonical(added).string()});
    EXPECT_TRUE(second["saved"]["previous_run"].is_string());
    const json third = json::parse(run({"run", "glm", "--new", "--json"}).out);
    EXPECT_TRUE(hit_ids(third).empty()) << third.dump();
    EXPECT_EQ(third["total"], 0);
    // Without --new, everything again: the first run's hits and the new document.
    const json all = json::parse(run({"run", "glm", "--json"}).out);
    const auto first_ids = hit_ids(first);
    std::set<std::string> expected(first_ids.begin(), first_ids.end());
    expected.insert(fs::weakly_canonical(added).string());
    const auto all_ids = hit_ids(all);
    EXPECT_EQ(std::set<std::string>(all_ids.begin(), all_ids.end()), expected);
}

TEST_F(SavedCommand, SavedNameWorksInsideSearch) {
    saved({"add", "china-ai", "org:(zhipu OR moonshot)"});
    const json combined = search_json("saved:china-ai AND GLM");
    const json spelled = search_json("org:(zhipu OR moonshot) AND GLM");
    ASSERT_FALSE(hit_ids(spelled).empty());
    EXPECT_EQ(hit_ids(combined), hit_ids(spelled));
}

TEST_F(SavedCommand, CycleThroughAnotherQueryIsAnErrorWithCaret) {
    saved({"add", "a", "GLM"});
    saved({"add", "b", "saved:a", "date:2025"});
    const RunResult cycle = saved({"add", "a", "saved:b", "--replace"}, 2);
    EXPECT_TRUE(contains(cycle.err, "cycle")) << cycle.err;
    EXPECT_TRUE(contains(cycle.err, "^")) << cycle.err;
    EXPECT_EQ(saved_json({"show", "a"})["query"], "GLM");
}

TEST_F(SavedCommand, InvalidQueryShowsWhereItIsWrong) {
    const RunResult bad = saved({"add", "broken", "org:(zhipu"}, 2);
    EXPECT_TRUE(contains(bad.err, "invalid query at column")) << bad.err;
    EXPECT_TRUE(contains(bad.err, "org:(zhipu\n")) << bad.err;
    EXPECT_TRUE(contains(bad.err, "^")) << bad.err;
    EXPECT_EQ(saved_json({"list"})["saved"], json::array());
}

TEST_F(SavedCommand, BadAndUnknownNames) {
    const RunResult upper = saved({"add", "China-AI", "GLM"}, 2);
    EXPECT_TRUE(contains(upper.err, "lower-case ASCII letters, digits, '-' and '_'")) << upper.err;
    EXPECT_TRUE(contains(upper.err, "did you mean 'china-ai'?")) << upper.err;
    const RunResult spaces = saved({"add", "a b", "GLM"}, 2);
    EXPECT_TRUE(contains(spaces.err, "invalid saved query name 'a b'")) << spaces.err;

    for (const std::vector<std::string>& args : {std::vector<std::string>{"show", "nope"},
                                                 {"run", "nope"},
                                                 {"rm", "nope"},
                                                 {"rename", "nope", "other"}}) {
        const RunResult unknown = saved(args, 2);
        EXPECT_EQ(unknown.err,
                  "zhisou: error: no saved query 'nope'; `zhisou saved list` shows them\n");
    }
    EXPECT_EQ(run_zhisou({"saved"}).exit_code, 2);
}

TEST_F(SavedCommand, RenameAndRemove) {
    saved({"add", "glm", "GLM"});
    saved({"run", "glm"});
    EXPECT_EQ(saved({"rename", "glm", "zhipu-glm"}).out, "renamed glm to zhipu-glm\n");
    saved({"show", "glm"}, 2);
    const json moved = saved_json({"show", "zhipu-glm"});
    EXPECT_EQ(moved["query"], "GLM");
    EXPECT_TRUE(moved["last_run"].is_string()) << "the history moves with the name";
    // The ids moved too: nothing is new.
    EXPECT_TRUE(hit_ids(saved_json({"run", "zhipu-glm", "--new"})).empty());

    saved({"add", "user", "saved:zhipu-glm", "date:2025"});
    const RunResult in_use = saved({"rm", "zhipu-glm"}, 2);
    EXPECT_TRUE(contains(in_use.err, "used by 'user'")) << in_use.err;
    saved({"rm", "user"});
    EXPECT_EQ(saved({"rm", "zhipu-glm"}).out, "removed zhipu-glm\n");
    EXPECT_EQ(saved_json({"list"})["saved"], json::array());
}

TEST_F(SavedCommand, ExportImportRoundTripAndAllOrNothing) {
    saved({"add", "glm", "GLM"});
    saved({"add", "china-ai", "org:(zhipu OR moonshot)"});
    saved({"add", "china-glm", "saved:china-ai", "GLM"});
    const std::string exported = saved({"export"}).out;
    const fs::path file = dir() / "saved.json";
    saved({"export", file.string()});
    EXPECT_EQ(zhisou::testing::read_file(file), exported);
    const json document = json::parse(exported);
    EXPECT_EQ(document["version"], 1);
    EXPECT_EQ(document["saved"].size(), 3U);

    // Into a second index, from a file and from standard input.
    const fs::path other = dir() / "other";
    ASSERT_EQ(
        run_zhisou({"index", "--index", other.string(), (samples_dir() / "en").string()}).exit_code,
        0);
    const RunResult imported =
        run_zhisou({"saved", "import", "--index", other.string(), file.string()});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_EQ(imported.out, "imported 3 saved queries\n");
    const RunResult again = run_zhisou({"saved", "export", "--index", other.string()});
    EXPECT_EQ(again.out, exported);

    // A conflict imports nothing, not even the queries that do not conflict.
    saved({"rm", "glm"});
    saved({"add", "china-ai", "org:zhipu", "--replace"});
    saved({"rm", "china-glm"});
    const RunResult conflict = saved({"import", "-"}, 2, exported);
    EXPECT_TRUE(contains(conflict.err, "'china-ai' exist already")) << conflict.err;
    EXPECT_TRUE(contains(conflict.err, "nothing was imported")) << conflict.err;
    EXPECT_EQ(saved_json({"list"})["saved"].size(), 1U);
    EXPECT_EQ(saved({"import", "-", "--replace"}, 0, exported).out, "imported 3 saved queries\n");
    EXPECT_EQ(saved_json({"show", "china-ai"})["query"], "org:(zhipu OR moonshot)");

    const RunResult not_json = saved({"import", "-"}, 2, "{\"version\": 1, \"saved\": [");
    EXPECT_TRUE(contains(not_json.err, "not valid JSON")) << not_json.err;
    const RunResult missing = saved({"import", (dir() / "absent.json").string()}, 2);
    EXPECT_TRUE(contains(missing.err, "absent.json")) << missing.err;
}

TEST_F(SavedCommand, RebuildKeepsSavedQueriesAndTheirHistory) {
    saved({"add", "glm", "GLM"});
    saved({"add", "uses-glm", "saved:glm", "date:2025"});
    saved({"run", "glm"});
    const json before = saved_json({"list"});
    index_inputs({samples_dir().string()}, {"--rebuild"});
    const json after = saved_json({"list"});
    EXPECT_EQ(after, before);
    EXPECT_TRUE(hit_ids(saved_json({"run", "glm", "--new"})).empty());
    EXPECT_FALSE(hit_ids(search_json("saved:uses-glm")).empty());
}

TEST_F(SavedCommand, MissingIndexSaysHowToCreateOne) {
    const RunResult result = run_zhisou({"saved", "list", "--index", (dir() / "nowhere").string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(contains(result.err, "zhisou index")) << result.err;
}

} // namespace
