// SavedQueries on a real (empty) index: names, validation against the stored queries (unknown
// references, cycles), history and ids for --new, rename/rm that would break a user of the
// query, export/import all-or-nothing, a locked index, damaged records.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <xapian.h>

#include <zhisou/error.h>
#include <zhisou/index/schema.h>
#include <zhisou/query/parse_error.h>
#include <zhisou/query/saved.h>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using zhisou::InputError;
using zhisou::RuntimeError;
using zhisou::query::ParseError;
using zhisou::query::SavedQueries;
using zhisou::query::SavedQuery;
using zhisou::testing::TempDir;

/// An empty index, as `zhisou index` leaves one.
fs::path make_index(const TempDir& dir, const std::string& name = "idx") {
    const fs::path path = dir.path() / name;
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
    db.set_metadata(std::string(zhisou::schema::kMetaSchema), "1");
    db.commit();
    return path;
}

std::string stored_text(const fs::path& index, const std::string& name) {
    return Xapian::Database(index.string())
        .get_metadata(std::string(zhisou::schema::kMetaSavedPrefix) + name);
}

/// Runs `action`, expecting an exception of type E whose what() contains `needle`.
template <typename E, typename F>
void expect_error(F&& action, const std::string& needle) {
    try {
        action();
        ADD_FAILURE() << "no exception; expected one containing: " << needle;
    } catch (const E& e) {
        EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
}

std::vector<std::string> names_of(const std::vector<SavedQuery>& all) {
    std::vector<std::string> names;
    for (const auto& saved : all)
        names.push_back(saved.name);
    return names;
}

TEST(SavedQueries, AddStoresPlainTextThatSavedFieldReads) {
    const TempDir dir;
    SavedQueries store(make_index(dir));
    const auto before = std::time(nullptr);
    store.add("china-ai", "org:(zhipu OR moonshot)");
    store.add("glm_2025", "GLM date:2025");
    // The plain text under kMetaSavedPrefix, exactly what the compiler expands saved:NAME to.
    EXPECT_EQ(stored_text(store.index(), "china-ai"), "org:(zhipu OR moonshot)");
    const auto found = store.find("china-ai");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->query, "org:(zhipu OR moonshot)");
    EXPECT_GE(found->created, before);
    EXPECT_EQ(found->last_run, 0);
    EXPECT_EQ(names_of(store.list()), (std::vector<std::string>{"china-ai", "glm_2025"}));
    EXPECT_FALSE(store.find("nope"));
    EXPECT_FALSE(store.find("Not A Name"));
}

TEST(SavedQueries, NamesAreSlugs) {
    const TempDir dir;
    SavedQueries store(make_index(dir));
    for (const std::string& bad : std::vector<std::string>{"", "-lead", "_lead", "a b", "a/b",
                                                           "名字", "a:b", std::string(65, 'a')}) {
        expect_error<InputError>([&] { store.add(bad, "GLM"); }, "lower-case ASCII letters");
    }
    expect_error<InputError>([&] { store.add("China-AI", "GLM"); }, "did you mean 'china-ai'?");
    store.add(std::string(64, 'a'), "GLM");
    store.add("0day", "GLM");
    EXPECT_EQ(store.list().size(), 2U);
}

TEST(SavedQueries, InvalidQueryIsParseErrorAndNothingIsStored) {
    const TempDir dir;
    SavedQueries store(make_index(dir));
    try {
        store.add("broken", "org:(zhipu");
        ADD_FAILURE() << "no ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.query(), "org:(zhipu");
        EXPECT_NE(e.caret().find('^'), std::string::npos);
    }
    expect_error<ParseError>([&] { store.add("bad-date", "date:2025-13"); }, "month");
    expect_error<InputError>([&] { store.add("empty", "   "); }, "empty");
    EXPECT_TRUE(store.list().empty());
}

TEST(SavedQueries, ReferencesMustExistAndNotCycle) {
    const TempDir dir;
    SavedQueries store(make_index(dir));
    expect_error<ParseError>([&] { store.add("a", "GLM saved:missing"); },
                             "no saved query named 'missing'");
    expect_error<ParseError>([&] { store.add("self", "GLM OR saved:self"); }, "cycle");
    store.add("a", "GLM");
    store.add("b", "saved:a date:2025");
    // a -> b -> a: refused, and a keeps its old text.
    expect_error<ParseError>([&] { store.add("a", "saved:b", true); }, "cycle");
    EXPECT_EQ(store.get("a").query, "GLM");
    store.add("a", "Kimi OR GLM", true);
    EXPECT_EQ(store.get("a").query, "Kimi OR GLM");
}

TEST(SavedQueries, AddingAnExistingNameNeedsReplaceWhichStartsOver) {
    const TempDir dir;
    SavedQueries store(make_index(dir));
    store.add("news", "GLM");
    store.record_run("news", {"doc-1"});
    expect_error<InputError>([&] { store.add("news", "Kimi"); }, "use --replace");
    EXPECT_EQ(store.get("news").query, "GLM");
    store.add("news", "Kimi", true);
    const SavedQuery replaced = store.get("news");
    EXPECT_EQ(replaced.query, "Kimi");
    EXPECT_EQ(replaced.last_run, 0);
    EXPECT_TRUE(store.previous_ids("news").empty());
}

TEST(SavedQueries, RecordsRunsForNew) {
    const TempDir dir;
    SavedQueries store(make_index(dir));
    store.add("news", "GLM");
    EXPECT_TRUE(store.previous_ids("news").empty());
    store.record_run("news", {"/a.md", "jsonl#7"});
    EXPECT_EQ(store.previous_ids("news"), (std::vector<std::string>{"/a.md", "jsonl#7"}));
    const SavedQuery saved = store.get("news");
    EXPECT_GT(saved.last_run, 0);
    EXPECT_EQ(saved.last_count, 2U);

    std::vector<std::string> many;
    for (std::size_t i = 0; i < zhisou::query::kMaxRecordedIds + 5; ++i)
        many.push_back("id-" + std::to_string(i));
    store.record_run("news", many);
    const auto kept = store.previous_ids("news");
    ASSERT_EQ(kept.size(), zhisou::query::kMaxRecordedIds);
    EXPECT_EQ(kept.front(), "id-0"); // the best first
    expect_error<InputError>([&] { store.record_run("gone", {}); },
                             "no saved query 'gone'; `zhisou saved list` shows them");
    expect_error<InputError>([&] { static_cast<void>(store.previous_ids("gone")); },
                             "no saved query 'gone'");
}

TEST(SavedQueries, RemoveAndRename) {
    const TempDir dir;
    SavedQueries store(make_index(dir));
    store.add("base", "GLM");
    store.add("user", "saved:base date:2025");
    store.add("other", "Kimi");
    store.record_run("other", {"x"});

    expect_error<InputError>([&] { store.remove("nope"); },
                             "no saved query 'nope'; `zhisou saved list` shows them");
    expect_error<InputError>([&] { store.remove("base"); }, "used by 'user'");
    expect_error<InputError>([&] { store.rename("base", "root"); }, "used by 'user'");
    expect_error<InputError>([&] { store.rename("other", "base"); }, "exists already");
    expect_error<InputError>([&] { store.rename("nope", "x"); }, "no saved query 'nope'");
    expect_error<InputError>([&] { store.rename("other", "Bad"); }, "lower-case");

    const SavedQuery before = store.get("other");
    store.rename("other", "kimi");
    EXPECT_FALSE(store.find("other"));
    const SavedQuery after = store.get("kimi");
    EXPECT_EQ(after.query, "Kimi");
    EXPECT_EQ(after.created, before.created);
    EXPECT_EQ(after.last_run, before.last_run);
    EXPECT_EQ(store.previous_ids("kimi"), std::vector<std::string>{"x"});

    store.remove("user");
    store.remove("base");
    store.remove("kimi");
    EXPECT_TRUE(store.list().empty());
    // Nothing is left behind under any saved-query key.
    const Xapian::Database db(store.index().string());
    EXPECT_EQ(db.metadata_keys_begin("zhisou:saved"), db.metadata_keys_end("zhisou:saved"));
}

TEST(SavedQueries, ExportImportRoundTrip) {
    const TempDir dir;
    SavedQueries from(make_index(dir, "from"));
    from.add("a", "GLM");
    from.add("b", "saved:a date:2025");
    const std::string exported = from.export_json();
    const json document = json::parse(exported);
    EXPECT_EQ(document["version"], 1);
    ASSERT_EQ(document["saved"].size(), 2U);
    EXPECT_EQ(document["saved"][1]["query"], "saved:a date:2025");
    EXPECT_EQ(document["saved"][0]["created"].get<std::string>().size(), 20U);

    SavedQueries to(make_index(dir, "to"));
    EXPECT_EQ(to.import_json(exported), 2U);
    const auto imported = to.list();
    const auto original = from.list();
    ASSERT_EQ(imported.size(), original.size());
    for (std::size_t i = 0; i < imported.size(); ++i) {
        EXPECT_EQ(imported[i].name, original[i].name);
        EXPECT_EQ(imported[i].query, original[i].query);
        EXPECT_EQ(imported[i].created, original[i].created);
    }
    EXPECT_EQ(to.export_json(), exported);
}

TEST(SavedQueries, ImportIsAllOrNothing) {
    const TempDir dir;
    SavedQueries store(make_index(dir));
    store.add("a", "GLM");
    const std::string both =
        R"({"version":1,"saved":[{"name":"a","query":"Kimi"},{"name":"b","query":"Qwen"}]})";
    expect_error<InputError>([&] { store.import_json(both); }, "'a' exist already");
    EXPECT_FALSE(store.find("b"));
    EXPECT_EQ(store.get("a").query, "GLM");

    const std::string one_bad =
        R"({"version":1,"saved":[{"name":"c","query":"Kimi"},{"name":"d","query":"org:(x"}]})";
    expect_error<ParseError>([&] { store.import_json(one_bad); }, "cannot import 'd'");
    EXPECT_FALSE(store.find("c"));

    expect_error<InputError>([&] { store.import_json("{nope"); }, "not valid JSON");
    expect_error<InputError>([&] { store.import_json("[]"); }, "expected a JSON object");
    expect_error<InputError>([&] { store.import_json(R"({"version":2,"saved":[]})"); },
                             "version 2 is not supported");
    expect_error<InputError>(
        [&] {
            store.import_json(R"({"saved":[{"name":"e","query":"x"},{"name":"e","query":"y"}]})");
        },
        "appears twice");
    expect_error<InputError>([&] { store.import_json(R"({"saved":[{"name":"E","query":"x"}]})"); },
                             "saved[0]");
    expect_error<InputError>(
        [&] { store.import_json(R"({"saved":[{"name":"e","query":"x","created":"yesterday"}]})"); },
        "\"created\"");
    EXPECT_EQ(names_of(store.list()), std::vector<std::string>{"a"});

    // Queries may refer to each other inside one import; --replace overwrites.
    EXPECT_EQ(
        store.import_json(
            R"({"saved":[{"name":"a","query":"Kimi"},{"name":"b","query":"saved:a"}]})", true),
        2U);
    EXPECT_EQ(store.get("a").query, "Kimi");
    EXPECT_EQ(store.get("b").query, "saved:a");
}

TEST(SavedQueries, LockedIndexIsAClearErrorAfterWaiting) {
    const TempDir dir;
    const fs::path index = make_index(dir);
    SavedQueries store(index, std::chrono::milliseconds(200));
    store.add("before", "GLM");
    {
        Xapian::WritableDatabase writer(index.string(), Xapian::DB_OPEN); // holds the lock
        const auto started = std::chrono::steady_clock::now();
        expect_error<RuntimeError>([&] { store.add("during", "GLM"); }, "locked by another writer");
        EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(200));
        // Reading does not need the lock.
        EXPECT_EQ(store.list().size(), 1U);
    }
    store.add("after", "GLM");
    EXPECT_EQ(names_of(store.list()), (std::vector<std::string>{"after", "before"}));
}

TEST(SavedQueries, DamagedRecordsReadAsNoHistory) {
    const TempDir dir;
    const fs::path index = make_index(dir);
    {
        Xapian::WritableDatabase db(index.string(), Xapian::DB_OPEN);
        // As an older zhisou (or a hand edit) would leave it: text only, or garbage beside.
        db.set_metadata("zhisou:saved:plain", "GLM");
        db.set_metadata("zhisou:saved:odd", "Kimi");
        db.set_metadata("zhisou:saved-info:odd", "{not json");
        db.set_metadata("zhisou:saved-ids:odd", "[1,2");
        db.commit();
    }
    SavedQueries store(index);
    const SavedQuery odd = store.get("odd");
    EXPECT_EQ(odd.query, "Kimi");
    EXPECT_EQ(odd.created, 0);
    EXPECT_TRUE(store.previous_ids("odd").empty());
    EXPECT_EQ(store.get("plain").last_run, 0);
    store.record_run("odd", {"x"});
    EXPECT_EQ(store.previous_ids("odd"), std::vector<std::string>{"x"});
}

TEST(SavedQueries, MissingIndexSaysHowToCreateOne) {
    const TempDir dir;
    SavedQueries store(dir.path() / "none");
    expect_error<InputError>([&] { static_cast<void>(store.list()); }, "zhisou index");
    expect_error<InputError>([&] { store.add("a", "GLM"); }, "there is no index");
}

TEST(SavedQueries, FormatUtc) {
    EXPECT_EQ(zhisou::query::format_utc(0), "");
    EXPECT_EQ(zhisou::query::format_utc(1741168800), "2025-03-05T10:00:00Z");
}

} // namespace
