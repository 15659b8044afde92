// A new index is written as parts and merged at the end (indexer/src/index/build_parts.h). The
// merged index must hold exactly what one database written document by document holds: the
// same documents, terms, positions, values and metadata, with repeated ids kept once even when
// their copies fall into different parts.

#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <xapian.h>

#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>
#include <zhisou/index/writer.h>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using zhisou::index::index_inputs;
using zhisou::index::IndexOptions;
using zhisou::testing::samples_dir;
using zhisou::testing::TempDir;

// Everything a document holds, in a form that does not depend on its docid.
std::string describe(const Xapian::Document& doc) {
    std::string out = doc.get_data() + "\n";
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        out += *term + " wdf=" + std::to_string(term.get_wdf()) + " pos=";
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
            out += std::to_string(*pos) + ",";
        out += "\n";
    }
    for (auto value = doc.values_begin(); value != doc.values_end(); ++value)
        out += "slot " + std::to_string(value.get_valueno()) + "=" + *value + "\n";
    return out;
}

// id term -> the document, for every document of the index.
std::map<std::string, std::string> contents(const fs::path& index) {
    const Xapian::Database db(index.string());
    std::map<std::string, std::string> documents;
    const std::string prefix(zhisou::schema::kIdPrefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        EXPECT_EQ(term.get_termfreq(), 1U) << *term; // no document twice
        documents.emplace(*term, describe(db.get_document(*db.postlist_begin(*term))));
    }
    EXPECT_EQ(documents.size(), db.get_doccount());
    return documents;
}

// Documents whose ids repeat in the input: the last copy is the one the index keeps.
fs::path write_repeated_ids(const fs::path& dir) {
    const fs::path path = dir / "repeated.jsonl";
    std::ofstream out(path);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 40; ++i) {
            out << nlohmann::json{{"id", "story-" + std::to_string(i)},
                                  {"title", "智谱 GLM round " + std::to_string(round)},
                                  {"text", "月之暗面 Kimi update " + std::to_string(i) + " round " +
                                               std::to_string(round) + "。"}}
                       .dump()
                << '\n';
        }
    }
    return path;
}

TEST(BuildParts, MergedPartsHoldWhatOneDatabaseHolds) {
    TempDir tmp;
    const fs::path repeated = write_repeated_ids(tmp.path());
    const std::vector<std::string> inputs{samples_dir().string(), repeated.string()};

    IndexOptions direct;
    direct.index_dir = tmp.path() / "direct";
    direct.part_bytes = 0; // one database, written document by document
    direct.batch_documents = 7;
    const auto one = index_inputs(inputs, direct);
    EXPECT_EQ(one.parts, 0U);

    IndexOptions in_parts = direct;
    in_parts.index_dir = tmp.path() / "parts";
    in_parts.part_bytes = 1; // a new part after every batch
    in_parts.threads = 2;
    const auto merged = index_inputs(inputs, in_parts);
    EXPECT_GT(merged.parts, 4U);
    EXPECT_TRUE(merged.compacted);
    EXPECT_EQ(merged.index_documents, one.index_documents);
    EXPECT_EQ(merged.added + merged.updated, one.added + one.updated);
    EXPECT_FALSE(fs::exists(in_parts.index_dir / "build-parts"));

    const auto expected = contents(direct.index_dir);
    const auto actual = contents(in_parts.index_dir);
    ASSERT_EQ(actual.size(), expected.size());
    for (const auto& [id, doc] : expected) {
        const auto it = actual.find(id);
        ASSERT_NE(it, actual.end()) << id;
        EXPECT_EQ(it->second, doc) << id;
    }
    // The last copy of a repeated id wins.
    EXPECT_NE(actual.at("Qstory-7").find("GLM round 2"), std::string::npos);

    const Xapian::Database db(in_parts.index_dir.string());
    EXPECT_EQ(db.get_metadata(std::string(zhisou::schema::kMetaSchema)),
              std::to_string(zhisou::schema::kIndexSchemaVersion));
    EXPECT_FALSE(db.get_metadata(std::string(zhisou::schema::kMetaLastUpdate)).empty());

    // A second run writes to the merged database directly and adds nothing (repeated ids are
    // indexed again on every run: which copy is the current one is not known before the end).
    const auto again = index_inputs(inputs, in_parts);
    EXPECT_EQ(again.parts, 0U);
    EXPECT_EQ(again.added, 0U);
    EXPECT_EQ(again.index_documents, one.index_documents);
}

TEST(BuildParts, NoPartsWhenAddingToAnIndexOrWithoutCompaction) {
    TempDir tmp;
    IndexOptions options;
    options.index_dir = tmp.path() / "idx";
    options.compact = false;
    const auto first = index_inputs({(samples_dir() / "en").string()}, options);
    EXPECT_EQ(first.parts, 0U);
    options.compact = true;
    const auto second = index_inputs({(samples_dir() / "zh-hans").string()}, options);
    EXPECT_EQ(second.parts, 0U); // the index was not empty
    EXPECT_EQ(second.index_documents, first.index_documents + second.added);
}

// A search names an index by its folder, a folder of shards, or a stub file; parts waiting in
// any local shard mean the first run has not merged them yet.
TEST(BuildParts, PendingPartsAreSeenHoweverTheIndexIsNamed) {
    TempDir tmp;
    const fs::path plain = tmp.path() / "plain";
    const fs::path sharded = tmp.path() / "sharded";
    fs::create_directories(plain);
    fs::create_directories(sharded / "shard-000");
    fs::create_directories(sharded / "shard-001");
    std::ofstream(sharded / "XAPIANDB") << "auto shard-000\nauto shard-001\n";
    const fs::path stub = tmp.path() / "cluster.stub";
    std::ofstream(stub) << "auto sharded/shard-000\nauto sharded/shard-001\n";
    for (const fs::path& index : {plain, sharded, stub})
        EXPECT_FALSE(zhisou::index::first_build_pending(index)) << index;
    EXPECT_FALSE(zhisou::index::first_build_pending(tmp.path() / "missing"));

    fs::create_directories(plain / "build-parts" / "part-000-0000");
    EXPECT_TRUE(zhisou::index::first_build_pending(plain));
    fs::create_directories(sharded / "shard-001" / "build-parts"); // empty: nothing pending
    EXPECT_FALSE(zhisou::index::first_build_pending(sharded));
    fs::create_directories(sharded / "shard-001" / "build-parts" / "part-000-0000");
    EXPECT_TRUE(zhisou::index::first_build_pending(sharded));
    EXPECT_TRUE(zhisou::index::first_build_pending(stub));
}

} // namespace

TEST(BuildParts, OnlyPartsThatHoldDocumentsAreCounted) {
    TempDir tmp;
    const fs::path empty = tmp.path() / "empty";
    fs::create_directories(empty);
    IndexOptions options;
    options.index_dir = tmp.path() / "idx";
    options.threads = 2;
    const auto nothing = index_inputs({empty.string()}, options);
    EXPECT_EQ(nothing.parts, 0U); // each writer left an empty part behind, merged away
    EXPECT_EQ(nothing.index_documents, 0U);
    EXPECT_FALSE(fs::exists(options.index_dir / "build-parts"));

    // One small file goes to one writer: one part with documents, the other writer's is empty.
    options.index_dir = tmp.path() / "one-file";
    const auto one_file =
        index_inputs({(samples_dir() / "en" / "gpt-4o-launch.md").string()}, options);
    EXPECT_EQ(one_file.added, 1U);
    EXPECT_EQ(one_file.parts, 1U);
    EXPECT_EQ(one_file.shards, 1U);
}
