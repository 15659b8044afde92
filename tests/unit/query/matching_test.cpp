// What queries actually find: a small in-memory index built by the real document builder
// (index::build_document), searched with compiled queries. Golden descriptions show the
// query's shape; these tests show it matches the documents it should and no others.

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>
#include <xapian.h>

#include <zhisou/index/document.h>
#include <zhisou/index/writer.h>
#include <zhisou/text/analyzer.h>

#include "query_fixture.h"

namespace zhisou::query::testing {
namespace {

using index::DatePrecision;
using index::ExtractedDocument;
using index::PartialDate;

PartialDate day(int y, int m, int d) {
    return {y, m, d, DatePrecision::Day};
}
PartialDate month(int y, int m) {
    return {y, m, 0, DatePrecision::Month};
}
PartialDate year(int y) {
    return {y, 0, 0, DatePrecision::Year};
}

std::vector<ExtractedDocument> documents() {
    std::vector<ExtractedDocument> docs(6);
    docs[0].id = "zh-funding";
    docs[0].title = "智谱完成新一轮融资";
    docs[0].body = "智谱AI宣布完成新一轮融资，GLM-4.7 模型同步发布。上一次发布是2025年3月5日。";
    docs[0].date = day(2025, 3, 5);
    docs[0].orgs = {{"zhipu", 3, false}};
    docs[0].lang = "zh-Hans";
    docs[0].source = "36Kr";
    docs[0].mentioned_dates = {{day(2025, 3, 5), 0, 0}};

    docs[1].id = "zh-trad";
    docs[1].title = "智譜發佈開源模型";
    docs[1].body = "智譜發佈了GLM-4.5，開源社區反應熱烈。";
    docs[1].date = month(2025, 3);
    docs[1].orgs = {{"zhipu", 2, false}};
    docs[1].lang = "zh-Hant";
    docs[1].source = "機器之心";

    docs[2].id = "en-release";
    docs[2].title = "DeepSeek releases R1";
    docs[2].body =
        "DeepSeek released DeepSeek-R1, an open source reasoning model, on January 20, 2025.";
    docs[2].date = day(2025, 1, 20);
    docs[2].orgs = {{"deepseek", 3, false}};
    docs[2].lang = "en";
    docs[2].source = "MIT Technology Review";
    docs[2].tags = {"LLM"};
    docs[2].mentioned_dates = {{day(2025, 1, 20), 0, 0}};

    docs[3].id = "en-year";
    docs[3].title = "Moonshot AI year in review";
    docs[3].body =
        "Moonshot AI shipped Kimi updates all year. The company was quiet about funding.";
    docs[3].date = year(2024);
    docs[3].orgs = {{"moonshot", 2, false}};
    docs[3].lang = "en";
    docs[3].source = "36Kr";

    docs[4].id = "spam";
    docs[4].title = "Buy cheap GPUs";
    docs[4].body = "spam spam GPU deals";
    docs[4].lang = "en";
    docs[4].repaired = true;

    docs[5].id = "mixed";
    docs[5].title = "月之暗面 Kimi 发布";
    docs[5].body = "月之暗面发布 Kimi K2，支持长上下文。Qwen2.5-72B 对比测试。";
    docs[5].date = day(2025, 6, 10);
    docs[5].orgs = {{"moonshot", 3, false}, {"alibaba", 1, false}};
    docs[5].lang = "mixed";
    return docs;
}

class Matching : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_db = new Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        const text::Analyzer analyzer;
        for (const auto& doc : documents()) {
            const Xapian::docid id = s_db->add_document(index::build_document(doc, analyzer));
            s_ids.resize(id + 1);
            s_ids[id] = doc.id;
        }
    }
    static void TearDownTestSuite() {
        delete s_db;
        s_db = nullptr;
    }

    /// Ids of the matching documents, sorted.
    static std::vector<std::string> found(std::string_view query) {
        const CompiledQuery compiled = compile(parse(query), fixed_context());
        Xapian::Enquire enquire(*s_db);
        enquire.set_query(compiled.query);
        std::vector<std::string> ids;
        const Xapian::MSet matches = enquire.get_mset(0, 100);
        for (auto it = matches.begin(); it != matches.end(); ++it)
            ids.push_back(s_ids[*it]);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    static std::string best(std::string_view query) {
        Xapian::Enquire enquire(*s_db);
        enquire.set_query(compile(parse(query), fixed_context()).query);
        const Xapian::MSet matches = enquire.get_mset(0, 1);
        return matches.empty() ? "" : s_ids[*matches.begin()];
    }

    static Xapian::WritableDatabase* s_db;
    static std::vector<std::string> s_ids;
};

Xapian::WritableDatabase* Matching::s_db = nullptr;
std::vector<std::string> Matching::s_ids;

using Ids = std::vector<std::string>;

TEST_F(Matching, ChineseWordsMatchApartAndInEitherScript) {
    EXPECT_EQ(found("智谱融资"), (Ids{"zh-funding"}));
    EXPECT_EQ(found("融资 智谱"), (Ids{"zh-funding"}));
    EXPECT_EQ(found("智譜"), (Ids{"zh-funding", "zh-trad"}));
    EXPECT_EQ(found("开源"), (Ids{"zh-trad"})); // written 開源 there
    EXPECT_EQ(found("月之暗面"), (Ids{"mixed"}));
    EXPECT_EQ(found("蝶"), Ids{});
}

TEST_F(Matching, PhrasesAreStrict) {
    EXPECT_EQ(found("\"智谱融资\""), Ids{}); // the words are apart in the document
    EXPECT_EQ(found("\"新一轮融资\""), (Ids{"zh-funding"}));
    EXPECT_EQ(found("\"open source\""), (Ids{"en-release"}));
    EXPECT_EQ(found("\"source open\""), Ids{});
}

TEST_F(Matching, ProductNamesByTheirParts) {
    EXPECT_EQ(found("GLM-4.7"), (Ids{"zh-funding"}));
    EXPECT_EQ(found("glm 4.7"), (Ids{"zh-funding"}));
    EXPECT_EQ(found("GLM-4.5"), (Ids{"zh-trad"}));
    EXPECT_EQ(found("DeepSeek-R1"), (Ids{"en-release"}));
    EXPECT_EQ(found("R1"), (Ids{"en-release"}));
    EXPECT_EQ(found("Qwen2.5-72B"), (Ids{"mixed"}));
    EXPECT_EQ(found("ＧＬＭ－４.７"), (Ids{"zh-funding"}));
}

TEST_F(Matching, EnglishWordsByTheirStems) {
    EXPECT_EQ(found("releases"), (Ids{"en-release"}));
    EXPECT_EQ(found("releasing"), (Ids{"en-release"}));
    EXPECT_EQ(found("\"releasing\""), Ids{}); // a quoted word is exact
}

TEST_F(Matching, BooleanOperators) {
    EXPECT_EQ(found("-spam"), (Ids{"en-release", "en-year", "mixed", "zh-funding", "zh-trad"}));
    EXPECT_EQ(found("GPU -spam"), Ids{});
    EXPECT_EQ(found("Kimi NOT 月之暗面"), (Ids{"en-year"}));
    EXPECT_EQ(found("Kimi OR DeepSeek"), (Ids{"en-release", "en-year", "mixed"}));
    EXPECT_EQ(found("(智谱 OR Kimi) date:2025"), (Ids{"mixed", "zh-funding", "zh-trad"}));
    // NOT binds tighter than AND, AND tighter than OR.
    EXPECT_EQ(found("funding OR 融资 -moonshot"), (Ids{"en-year", "zh-funding"}));
    EXPECT_EQ(found("(funding OR 融资) -moonshot"), (Ids{"zh-funding"}));
}

TEST_F(Matching, Near) {
    EXPECT_EQ(found("open NEAR/2 reasoning"), (Ids{"en-release"}));
    EXPECT_EQ(found("open NEAR/1 reasoning"), Ids{});
    EXPECT_EQ(found("\"open source\" NEAR/1 reasoning"), (Ids{"en-release"}));
    // Each Han character is one position: in the title 智谱完成新一轮融资, 谱 and 融 are six
    // apart.
    EXPECT_EQ(found("智谱 NEAR/6 融资"), (Ids{"zh-funding"}));
    EXPECT_EQ(found("智谱 NEAR/5 融资"), Ids{});
    EXPECT_EQ(found("融资 NEAR/6 智谱"), (Ids{"zh-funding"}));
}

// Han phrases are exact on the characters' positions: every bigram of the phrase occurring
// somewhere in a document is not enough.
TEST(MatchingHanPhrases, AreExactEvenWhenEveryBigramOccurs) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const text::Analyzer analyzer;
    std::vector<std::string> ids;
    const auto add = [&](const std::string& id, const std::string& title, const std::string& body) {
        ExtractedDocument doc;
        doc.id = id;
        doc.title = title;
        doc.body = body;
        db.add_document(index::build_document(doc, analyzer));
        ids.push_back(id);
    };
    add("whole", "训练", "大模型训练成本下降。");
    add("apart", "模块", "大模块与小模型。"); // has the bigrams 大模 and 模型, not 大模型
    add("title", "大模型训练", "成本。");
    const auto found = [&](std::string_view query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(compile(parse(query), fixed_context()).query);
        Ids out;
        const Xapian::MSet matches = enquire.get_mset(0, 10);
        for (auto it = matches.begin(); it != matches.end(); ++it)
            out.push_back(ids[*it - 1]);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(found("\"大模型\""), (Ids{"title", "whole"}));
    EXPECT_EQ(found("大模型"), (Ids{"apart", "title", "whole"})); // words may stand apart
    EXPECT_EQ(found("\"模型训练\""), (Ids{"title", "whole"}));
    EXPECT_EQ(found("\"型训\""), (Ids{"title", "whole"})); // two characters: the bigram
    EXPECT_EQ(found("\"大模型 训练\""), (Ids{"title", "whole"}));
    EXPECT_EQ(found("title:\"大模型\""), (Ids{"title"}));
    EXPECT_EQ(found("\"小模型\""), (Ids{"apart"}));
    EXPECT_EQ(found("\"大模块与小模型\""), (Ids{"apart"}));
    EXPECT_EQ(found("\"模块与模型\""), Ids{});
}

TEST_F(Matching, Wildcards) {
    EXPECT_EQ(found("GLM*"), (Ids{"zh-funding", "zh-trad"}));
    EXPECT_EQ(found("deeps*"), (Ids{"en-release"}));
    EXPECT_EQ(found("title:Moon*"), (Ids{"en-year"}));
}

TEST_F(Matching, OrgsByAnyAlias) {
    EXPECT_EQ(found("org:zhipu"), (Ids{"zh-funding", "zh-trad"}));
    EXPECT_EQ(found("org:智譜"), (Ids{"zh-funding", "zh-trad"}));
    EXPECT_EQ(found("org:\"Zhipu AI\""), (Ids{"zh-funding", "zh-trad"}));
    EXPECT_EQ(found("org:Kimi"), (Ids{"en-year", "mixed"}));
    EXPECT_EQ(found("org:(zhipu OR moonshot) 2025"), (Ids{"zh-funding"}));
    // The mention count is the term's wdf: the document more about the org ranks first.
    EXPECT_EQ(best("org:zhipu"), "zh-funding");
}

TEST_F(Matching, FieldsFilter) {
    EXPECT_EQ(found("title:智谱"), (Ids{"zh-funding", "zh-trad"}));
    EXPECT_EQ(found("title:融资"), (Ids{"zh-funding"}));
    EXPECT_EQ(found("title:GLM"), Ids{});
    EXPECT_EQ(found("source:36kr"), (Ids{"en-year", "zh-funding"}));
    EXPECT_EQ(found("source:\"mit technology review\""), (Ids{"en-release"}));
    EXPECT_EQ(found("来源:機器之心"), (Ids{"zh-trad"}));
    EXPECT_EQ(found("lang:zh"), (Ids{"zh-funding", "zh-trad"}));
    EXPECT_EQ(found("lang:en"), (Ids{"en-release", "en-year", "spam"}));
    EXPECT_EQ(found("tag:llm"), (Ids{"en-release"}));
    EXPECT_EQ(found("is:repaired"), (Ids{"spam"}));
    EXPECT_EQ(found("is:undated"), (Ids{"spam"}));
    EXPECT_EQ(found("id:mixed"), (Ids{"mixed"}));
}

TEST_F(Matching, DatesMatchWholePeriods) {
    EXPECT_EQ(found("date:2025"), (Ids{"en-release", "mixed", "zh-funding", "zh-trad"}));
    EXPECT_EQ(found("date:2025-03"), (Ids{"zh-funding", "zh-trad"}));
    // zh-trad is dated only "2025-03": not inside one day of it.
    EXPECT_EQ(found("date:2025-03-05"), (Ids{"zh-funding"}));
    EXPECT_EQ(found("date:2024"), (Ids{"en-year"}));
    EXPECT_EQ(found("date:2024-06"), Ids{}); // en-year is only known to the year
    EXPECT_EQ(found("date:..2025-01"), (Ids{"en-release", "en-year"}));
    EXPECT_EQ(found("date:>=2025-03"), (Ids{"mixed", "zh-funding", "zh-trad"}));
    EXPECT_EQ(found("date:>2025-03"), (Ids{"mixed"}));
    EXPECT_EQ(found("date:2025Q1"), (Ids{"en-release", "zh-funding", "zh-trad"}));
    EXPECT_EQ(found("date:last-7d"), (Ids{"mixed"})); // today is 2025-06-15
    EXPECT_EQ(found("mentioned:2025-03"), (Ids{"zh-funding"}));
    EXPECT_EQ(found("mentioned:2025-01..2025-02"), (Ids{"en-release"}));
    EXPECT_EQ(found("mentioned:2025"), (Ids{"en-release", "zh-funding"}));
}

TEST_F(Matching, SavedQueriesExpand) {
    EXPECT_EQ(found("saved:china-ai"),
              (Ids{"en-release", "en-year", "mixed", "zh-funding", "zh-trad"}));
    EXPECT_EQ(found("saved:china-ai date:2024"), (Ids{"en-year"}));
}

TEST_F(Matching, RankedModeFindsMostWordsAndRanksTheBestFirst) {
    // Seven words, no operators: not all are in any document, yet the best one comes first.
    const std::string question = "智谱 完成 新一轮 融资 以后 发布 什么 模型";
    EXPECT_EQ(compile(parse(question), fixed_context()).mode, MatchMode::Ranked);
    EXPECT_EQ(best(question), "zh-funding");
    EXPECT_FALSE(found(question).empty());
}

} // namespace
} // namespace zhisou::query::testing
