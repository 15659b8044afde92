// Search on samples/, end to end through the library (Searcher) and the CLI: expected ranked
// ids for English, Chinese (both scripts) and mixed queries, fields, dates, collapse, sort,
// facet counts, snippet highlights, did-you-mean and the JSON schema.
// The expectations were checked by reading the sample documents (samples/README.md).

#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <zhisou/index/schema.h>
#include <zhisou/index/stored_text.h>
#include <zhisou/index/writer.h>
#include <zhisou/query/parse_error.h>
#include <zhisou/query/search.h>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using zhisou::query::Facet;
using zhisou::query::Searcher;
using zhisou::query::SearchRequest;
using zhisou::query::SearchResult;
using zhisou::query::SortOrder;
using zhisou::testing::run_zhisou;
using zhisou::testing::samples_dir;
using zhisou::testing::TempDir;

constexpr const char* kToday = "2026-01-15";

class SearchSamples : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir();
        zhisou::index::IndexOptions options;
        options.index_dir = index_dir();
        zhisou::index::index_inputs({samples_dir().string()}, options);
        s_searcher = new Searcher(index_dir());
    }
    static void TearDownTestSuite() {
        delete s_searcher;
        delete s_dir;
        s_searcher = nullptr;
        s_dir = nullptr;
    }
    static fs::path index_dir() { return s_dir->path() / "idx"; }

    static SearchResult search(const std::string& query, SearchRequest request = {}) {
        request.query = query;
        request.today = std::chrono::sys_days{std::chrono::year{2026} / 1 / 15};
        return s_searcher->search(request);
    }

    /// Ids of the hits, with the samples folder left out of file paths.
    static std::vector<std::string> ids(const SearchResult& result) {
        std::vector<std::string> out;
        const std::string prefix = samples_dir().string() + "/";
        for (const auto& hit : result.hits) {
            out.push_back(hit.id.starts_with(prefix) ? hit.id.substr(prefix.size()) : hit.id);
        }
        return out;
    }

    static std::vector<std::string> top(const std::string& query, std::size_t n,
                                        SearchRequest request = {}) {
        request.limit = n;
        return ids(search(query, request));
    }

    static TempDir* s_dir;
    static Searcher* s_searcher;
};

TempDir* SearchSamples::s_dir = nullptr;
Searcher* SearchSamples::s_searcher = nullptr;

using Ids = std::vector<std::string>;

// --- Expected ranked ids ------------------------------------------------------------------

struct RankedCase {
    const char* query;
    Ids expected;                 ///< the first hits, in order
    std::size_t total = SIZE_MAX; ///< the exact total (after collapsing), when checked
};

class RankedIds : public SearchSamples, public ::testing::WithParamInterface<RankedCase> {};

TEST_P(RankedIds, FirstHitsAndTotal) {
    const RankedCase& c = GetParam();
    SearchRequest request;
    request.limit = c.expected.size();
    const SearchResult result = search(c.query, request);
    EXPECT_EQ(ids(result), c.expected) << c.query;
    if (c.total != SIZE_MAX) {
        EXPECT_EQ(result.total, c.total) << c.query;
    }
}

const RankedCase kRanked[] = {
    // The brief's example: documents about Zhipu in 2025, the GLM launch first.
    {"org:Zhipu date:2025 GLM",
     {"en/zhipu-glm-4-5-launch.md", "news-002", "mixed/glm-4-7-release.md",
      "zh-hant/zhipu-glm-4-5-tw.md", "encodings/big5-zhipu-glm-4-6.txt"},
     8},
    {"org:Zhipu date:2025", {"mixed/z-ai-rebrand.md", "en/zhipu-glm-4-5-launch.md", "news-002"}, 9},
    {"智谱 AND 融资", {"zh-hans/zhipu-financing-2025.md"}, 1},
    // Aliases in any script name one org.
    {"org:智譜", {"mixed/z-ai-rebrand.md", "en/zhipu-glm-4-5-launch.md", "news-002"}, 12},
    {"org:z.ai", {"mixed/z-ai-rebrand.md", "en/zhipu-glm-4-5-launch.md", "news-002"}, 12},
    {"org:zhipu date:2025-07..2025-08",
     {"mixed/z-ai-rebrand.md", "en/zhipu-glm-4-5-launch.md", "news-002"},
     6},
    // Traditional and Simplified find the same documents.
    {"智譜",
     {"news-002", "zh-hans/zhipu-financing-2025.md", "encodings/big5-zhipu-glm-4-6.txt"},
     10},
    {"智谱",
     {"news-002", "zh-hans/zhipu-financing-2025.md", "encodings/big5-zhipu-glm-4-6.txt"},
     10},
    {"混合专家", {"news-002", "news-007", "zh-hant/zhipu-glm-4-5-tw.md"}, 3},
    {"混合專家架構", {"news-002", "zh-hant/zhipu-glm-4-5-tw.md"}, 2},
    {"通义千问", {"zh-hant/qwen-2-5-open-source.txt"}},
    {"月之暗面",
     {"news-003", "mojibake/gbk-moonshot-kimi.md", "html/2025-11-06-kimi-k2-thinking.html"},
     8},
    {"价格战", {"zh-hans/doubao-price-war.md"}, 1},
    {"豆包 价格", {"zh-hans/doubao-price-war.md"}, 1},
    {"文心一言", {"encodings/gb18030-ernie-bot-public.md", "zh-hans/ernie-4-5-x1.txt"}, 2},
    {"腾讯 混元", {"html/gbk-hunyuan-video.html", "zh-hans/hunyuan-t1.md"}, 2},
    {"寒武纪", {"encodings/big5-zhipu-glm-4-6.txt"}, 1},
    // A single character finds words the dictionary kept whole (蝴蝶).
    {"蝶", {"zh-hans/segmentation-traps.txt"}, 1},
    // English.
    {"GLM-4.5",
     {"en/zhipu-glm-4-5-launch.md", "news-002", "zh-hant/zhipu-glm-4-5-tw.md",
      "mixed/benchmark-roundup-2025.md"},
     4},
    {"\"open weights\"",
     {"mojibake/cp1252-zhipu-interview.md", "en/podcast-open-weights-transcript.txt",
      "en/2025-01-20-deepseek-r1.md"},
     3},
    {"open weights",
     {"mojibake/cp1252-zhipu-interview.md", "en/podcast-open-weights-transcript.txt",
      "en/2025-01-20-deepseek-r1.md"},
     12},
    {"DeepSeek R1", {"news-001", "encodings/utf16be-kimi-k1-5.md", "zh-hant/deepseek-r1-hk.md"}},
    {"deepseek AND pricing",
     {"mojibake/latin1-c1-deepseek-pricing.txt", "en/2025-01-20-deepseek-r1.md",
      "html/deepseek-v3-2-exp.html"},
     5},
    {"Qwen3", {"news-005", "en/qwen3-release.md"}, 2},
    {"qwen", {"en/qwen3-release.md", "mojibake/double-cp1252-qwen-max.md"}},
    {"\"mixture of experts\"", {"news-004", "bad-001"}, 8},
    {"GLM NEAR/3 open", {"en/zhipu-glm-4-5-launch.md"}, 1},
    {"hunyuan", {"bad-001"}, 1},
    {"EU AI Act", {"encodings/cp1252-eu-ai-act.txt"}, 1},
    {"Claude 3", {"encodings/utf8-bom-claude-3.md", "en/ai-industry-report-2024.txt"}, 2},
    // Mixed Chinese and English.
    {"Kimi 长上下文",
     {"zh-hans/kimi-long-context.md", "mojibake/gbk-moonshot-kimi.md",
      "encodings/utf16be-kimi-k1-5.md"},
     3},
    {"智谱 GLM-4.5 发布", {"news-002", "mixed/benchmark-roundup-2025.md"}, 2},
    {"tokens 价格", {"zh-hans/doubao-price-war.md", "news-002"}, 2},
    // Fields.
    {"title:GLM", {"en/zhipu-glm-4-5-launch.md", "news-002"}, 5},
    {"title:智谱", {"news-002"}, 7},
    {"lang:en zhipu", {"mojibake/cp1252-zhipu-interview.md", "en/zhipu-glm-4-5-launch.md"}, 3},
    {"source:\"TechPulse Asia\"", {"en/zhipu-glm-4-5-launch.md"}, 1},
    {"is:repaired org:zhipu", {"mojibake/cp1252-zhipu-interview.md"}, 1},
    {"kimi NOT moonshot", {"html/2025-11-06-kimi-k2-thinking.html", "news-003"}, 6},
    {"Kimi OR MiniMax", {"mixed/podcast-ep42-kimi-minimax-doubao.md"}},
    {"org:deepseek -date:2025",
     {"en/chip-supply-briefing.md", "en/podcast-open-weights-transcript.txt",
      "mixed/year-in-review.md"},
     3},
    // A whole question: ranked mode, the best match first.
    {"智谱发布了哪些开源模型？", {"news-002", "mixed/glm-4-7-release.md"}},
    // Nothing to find.
    {"台积电", {}, 0},
};

INSTANTIATE_TEST_SUITE_P(Samples, RankedIds, ::testing::ValuesIn(kRanked),
                         [](const ::testing::TestParamInfo<RankedCase>& param) {
                             return "q" + std::to_string(param.index);
                         });

// --- Behaviour --------------------------------------------------------------------------

TEST_F(SearchSamples, TraditionalAndSimplifiedQueriesAreTheSameSearch) {
    EXPECT_EQ(top("智譜 發表", 20), top("智谱 发表", 20));
    EXPECT_EQ(top("org:智譜", 20), top("org:zhipu", 20));
}

TEST_F(SearchSamples, AnOrgInTheTitleAndManyMentionsRankAboveAPassingMention) {
    // chip-supply-briefing.md names Zhipu once; the GLM-4.5 launch is about Zhipu.
    const Ids ranked = top("lang:en org:zhipu", 3);
    ASSERT_EQ(ranked.size(), 3U);
    EXPECT_EQ(ranked.back(), "en/chip-supply-briefing.md");
}

TEST_F(SearchSamples, NearDuplicatesAreFoldedAndCounted) {
    SearchRequest request;
    request.limit = 50;
    const SearchResult folded = search("GLM-4.5 Zhipu", request);
    request.collapse = false;
    const SearchResult all = search("GLM-4.5 Zhipu", request);
    const Ids folded_ids = ids(folded);
    const Ids all_ids = ids(all);
    EXPECT_EQ(all_ids.size(), folded_ids.size() + 1);
    EXPECT_NE(std::find(all_ids.begin(), all_ids.end(), "en/zhipu-glm-4-5-launch-wire.md"),
              all_ids.end());
    EXPECT_EQ(std::find(folded_ids.begin(), folded_ids.end(), "en/zhipu-glm-4-5-launch-wire.md"),
              folded_ids.end());
    ASSERT_FALSE(folded.hits.empty());
    EXPECT_EQ(ids(folded).front(), "en/zhipu-glm-4-5-launch.md");
    EXPECT_EQ(folded.hits.front().collapsed, 1U);
}

TEST_F(SearchSamples, SortsByDateBothWays) {
    SearchRequest request;
    request.sort = SortOrder::DateDesc;
    EXPECT_EQ(top("date:2025", 4, request),
              (Ids{"mixed/glm-4-7-release.md", "zh-hans/deepseek-v3-2.md",
                   "html/2025-11-06-kimi-k2-thinking.html", "encodings/big5-zhipu-glm-4-6.txt"}));
    request.sort = SortOrder::DateAsc;
    const SearchResult oldest = search("date:2025", [&] {
        SearchRequest r = request;
        r.limit = 50;
        return r;
    }());
    for (std::size_t i = 1; i < oldest.hits.size(); ++i)
        EXPECT_LE(oldest.hits[i - 1].date.substr(0, 7), oldest.hits[i].date.substr(0, 7));
    ASSERT_FALSE(oldest.hits.empty());
    EXPECT_EQ(oldest.hits.front().date, "2025-01-20");
}

TEST_F(SearchSamples, PagesDoNotOverlap) {
    SearchRequest request;
    request.limit = 3;
    const Ids first = ids(search("org:zhipu", request));
    request.offset = 3;
    const Ids second = ids(search("org:zhipu", request));
    request.offset = 0;
    request.limit = 6;
    Ids both = first;
    both.insert(both.end(), second.begin(), second.end());
    EXPECT_EQ(ids(search("org:zhipu", request)), both);
}

TEST_F(SearchSamples, FacetsCountTheMatchedSet) {
    SearchRequest request;
    request.limit = 0;
    request.facets = {Facet::Year, Facet::Lang, Facet::Org};
    const SearchResult result = search("org:zhipu", request);
    ASSERT_EQ(result.facets.size(), 3U);
    using Counts = std::vector<std::pair<std::string, unsigned>>;
    auto counts = [&](std::size_t i, std::size_t n) {
        Counts out;
        for (const auto& v : result.facets[i].second) {
            if (out.size() < n)
                out.emplace_back(v.value, v.count);
        }
        return out;
    };
    // Facets count every matching document, near-duplicates included (13; 12 after folding).
    EXPECT_EQ(counts(0, 3), (Counts{{"2025", 10}, {"2026", 2}, {"2024", 1}}));
    EXPECT_EQ(counts(1, 4), (Counts{{"en", 4}, {"mixed", 4}, {"zh-Hans", 3}, {"zh-Hant", 2}}));
    EXPECT_EQ(counts(2, 3), (Counts{{"zhipu", 13}, {"deepseek", 7}, {"alibaba", 6}}));
    EXPECT_EQ(result.facets[2].second.front().label, "Zhipu AI");
}

/// Facets as "facet value=count label; ..." for comparing whole results.
std::string facets_text(const SearchResult& result) {
    std::string out;
    for (const auto& [facet, values] : result.facets) {
        out += std::string(zhisou::query::facet_name(facet)) + ":";
        for (const auto& v : values)
            out += " " + v.value + "=" + std::to_string(v.count) + " " + v.label + ";";
        out += "\n";
    }
    return out;
}

// A Searcher counts a facet through its values the first time, then through a table of every
// document's value built once per database revision (query/src/facets.h): both must agree, and
// a commit must reach the table.
TEST(SearchFacetTables, CountLikeTheValuesAndFollowCommits) {
    TempDir dir;
    zhisou::index::IndexOptions options;
    options.index_dir = dir.path() / "idx";
    zhisou::index::index_inputs({(samples_dir() / "zh-hans").string()}, options);
    SearchRequest request;
    request.limit = 0;
    request.collapse = false;
    request.facets = {Facet::Org, Facet::Year, Facet::Source, Facet::Lang};
    const auto facets_of = [&](Searcher& searcher, const std::string& query) {
        request.query = query;
        return facets_text(searcher.search(request));
    };
    Searcher tables(options.index_dir);
    (void)facets_of(tables, "智谱"); // the first count of each facet goes through its values
    const std::vector<std::string> queries = {"智谱", "org:deepseek", "date:2025", "融资 OR 开源"};
    const auto expect_same_as_fresh = [&] {
        for (const std::string& query : queries) {
            Searcher fresh(options.index_dir);
            const std::string expected = facets_of(fresh, query);
            EXPECT_FALSE(expected.empty());
            EXPECT_EQ(facets_of(tables, query), expected) << query;
        }
    };
    expect_same_as_fresh();

    // New documents (English ones, of orgs and sources the Chinese samples lack) committed
    // while the Searcher is open: after reopen() the tables count them.
    const std::string before = facets_of(tables, "org:zhipu");
    zhisou::index::index_inputs({(samples_dir() / "en").string()}, options);
    tables.reopen();
    const std::string after = facets_of(tables, "org:zhipu");
    EXPECT_NE(after, before);
    EXPECT_NE(after.find("lang: en="), std::string::npos) << after;
    expect_same_as_fresh();
}

TEST_F(SearchSamples, FacetValuesFilterToTheirCount) {
    SearchRequest request;
    request.limit = 0;
    request.facets = {Facet::Source};
    request.collapse = false;
    const SearchResult result = search("org:zhipu", request);
    ASSERT_FALSE(result.facets.front().second.empty());
    for (const auto& value : result.facets.front().second) {
        SearchRequest filtered;
        filtered.collapse = false;
        const SearchResult narrowed = search("org:zhipu source:\"" + value.value + "\"", filtered);
        EXPECT_EQ(narrowed.total, value.count) << value.value;
    }
}

// Facets are counted in an unweighted pass of their own, where Xapian drops the ranking
// boosts (proximity, adjacent Han words, org mentions): the documents counted must still be
// exactly the ones the ranked query matches. Every document has one language, so the lang
// counts add up to the number of matches.
TEST_F(SearchSamples, FacetsOfBoostedQueriesCountTheirMatches) {
    for (const std::string query : {"智谱融资", "GLM model", "org:zhipu GLM", "大模型 OR 开源"}) {
        SearchRequest request;
        request.collapse = false;
        request.limit = 100;
        request.facets = {Facet::Lang};
        const SearchResult result = search(query, request);
        ASSERT_GT(result.hits.size(), 0U) << query;
        ASSERT_LT(result.hits.size(), 100U) << query; // so the total is exact
        Xapian::doccount counted = 0;
        for (const auto& value : result.facets.front().second)
            counted += value.count;
        EXPECT_EQ(counted, result.hits.size()) << query;
        EXPECT_EQ(result.total, result.hits.size()) << query;
    }
}

TEST_F(SearchSamples, SnippetsHighlightChineseWithoutSpaces) {
    const SearchResult result = search("智谱 AND 融资");
    ASSERT_EQ(result.hits.size(), 1U);
    EXPECT_EQ(
        result.hits[0].snippet.bracketed(),
        "…北京[[智谱]]华章科技有限公司（[[智谱]]AI）近日宣布完成新一轮[[融资]]，投资方包括多家"
        "地方国资平台和产业基金。这是[[智谱]]在2025年的首笔[[融资]]，资金将主要用于GLM系列基座"
        "模型的研发和智能体产品的商业化。 [[智谱]]表示，公司正在推进开源与商业并行的策略：一方面"
        "持续开源GLM-4系列模型，另一方面为政企客户提供私有化部署服务。业内人士认…");
}

TEST_F(SearchSamples, SimplifiedQueryHighlightsTraditionalText) {
    const SearchResult result = search("智谱 寒武纪");
    ASSERT_EQ(result.hits.size(), 1U);
    const std::string snippet = result.hits[0].snippet.bracketed();
    EXPECT_NE(snippet.find("[[智譜]]今天發表GLM-4.6"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("可在[[寒武紀]]等國產加速卡"), std::string::npos) << snippet;
    EXPECT_NE(result.hits[0].snippet.html().find("<mark>智譜</mark>"), std::string::npos);
}

TEST_F(SearchSamples, RepairedMojibakeIsHighlightedInTheRepairedText) {
    const SearchResult result = search("\"open weights\" is:repaired");
    ASSERT_EQ(result.hits.size(), 1U);
    EXPECT_EQ(result.hits[0].snippet.bracketed(),
              "…“We don’t see [[open]] [[weights]] as charity,” she said. “GLM” models are "
              "released under the MIT license because developers are the company's distribution "
              "channel, she…");
}

TEST_F(SearchSamples, RankedModeHighlightsOnlyTheTermsItSearched) {
    // 了 is in most samples, so a pasted question leaves it out of the query and of the marks.
    const SearchResult result = search("智谱发布了哪些开源模型？");
    ASSERT_FALSE(result.hits.empty());
    const std::string snippet = result.hits[0].snippet.bracketed();
    EXPECT_NE(snippet.find("[[智谱]]"), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("[[了]]"), std::string::npos) << snippet;
}

TEST_F(SearchSamples, HtmlSnippetsAreEscaped) {
    const SearchResult result = search("\"Signal & Noise\"");
    ASSERT_FALSE(result.hits.empty());
    const std::string html = result.hits[0].snippet.html();
    EXPECT_NE(html.find("&amp;"), std::string::npos) << html;
    EXPECT_EQ(html.find(" & "), std::string::npos) << html;
}

TEST_F(SearchSamples, DidYouMeanForMisspeltWordsAndOrgs) {
    EXPECT_EQ(search("open weigths").did_you_mean, "open weights");
    EXPECT_EQ(search("zhipuu funding").did_you_mean, "zhipu funding");
    SearchRequest lenient;
    lenient.lenient = true;
    EXPECT_EQ(search("org:zhipuu", lenient).did_you_mean, "org:zhipu");
    EXPECT_EQ(search("open weights").did_you_mean, "");
}

TEST_F(SearchSamples, ExplainSaysHowTheQueryWasUnderstoodAndWhyEachHitMatched) {
    SearchRequest request;
    request.explain = true;
    const SearchResult result = search("org:智譜 date:2025-07", request);
    ASSERT_FALSE(result.hits.empty());
    const auto has = [](const std::vector<std::string>& items, const std::string& needle) {
        return std::any_of(items.begin(), items.end(), [&](const std::string& item) {
            return item.find(needle) != std::string::npos;
        });
    };
    EXPECT_TRUE(has(result.notes, "zhipu")) << "alias resolved";
    EXPECT_TRUE(has(result.notes, "2025-07-01..2025-07-31")) << "date as an interval";
    EXPECT_TRUE(has(result.hits[0].why, "org:zhipu"));
    EXPECT_FALSE(result.explain.empty());
}

TEST_F(SearchSamples, ExcludedIdsAreLeftOut) {
    SearchRequest request;
    request.limit = 50;
    const SearchResult all = search("org:zhipu", request);
    ASSERT_GE(all.hits.size(), 2U);
    request.exclude_ids = {all.hits[0].id};
    const SearchResult rest = search("org:zhipu", request);
    EXPECT_EQ(rest.total + 1, all.total);
    EXPECT_NE(rest.hits.front().id, all.hits[0].id);
}

TEST_F(SearchSamples, CollectsTheMatchedIds) {
    SearchRequest request;
    request.collect_ids = 100;
    request.limit = 1;
    const SearchResult result = search("org:zhipu", request);
    EXPECT_EQ(result.matched_ids.size(), 13U) << "near-duplicates included";
}

TEST_F(SearchSamples, QueryErrorsAndBadRequestsAreClear) {
    EXPECT_THROW((void)search("org:"), zhisou::query::ParseError);
    SearchRequest big;
    big.limit = 5000;
    EXPECT_THROW((void)search("zhipu", big), zhisou::InputError);
    EXPECT_THROW((void)zhisou::query::parse_sort("newest"), zhisou::InputError);
    EXPECT_THROW((void)zhisou::query::parse_facets("org,colour"), zhisou::InputError);
    SearchRequest lenient;
    lenient.lenient = true;
    const SearchResult result = search("智谱 AND (融资", lenient);
    EXPECT_EQ(ids(result).front(), "zh-hans/zhipu-financing-2025.md");
    ASSERT_FALSE(result.notes.empty());
    EXPECT_TRUE(result.notes.front().starts_with("lenient"));
}

TEST_F(SearchSamples, DocumentById) {
    const auto doc = s_searcher->document("news-002");
    ASSERT_TRUE(doc.has_value());
    EXPECT_NE(json::parse(doc->data_json)["title"].get<std::string>().find("GLM-4.5"),
              std::string::npos);
    EXPECT_FALSE(s_searcher->document("../../etc/passwd").has_value());
    EXPECT_FALSE(s_searcher->document("").has_value());
}

TEST_F(SearchSamples, TheBodyIsKeptCompressedInItsSlotAndNotInTheData) {
    const auto doc = s_searcher->document("news-002");
    ASSERT_TRUE(doc.has_value());
    EXPECT_FALSE(json::parse(doc->data_json).contains("text"));
    EXPECT_EQ(json::parse(doc->data_json)["v"], zhisou::schema::kDataVersion);
    EXPECT_NE(doc->text.find("GLM-4.5"), std::string::npos);
    const Xapian::Document stored = s_searcher->database().get_document(doc->docid);
    const std::string frame = stored.get_value(zhisou::schema::kSlotText);
    EXPECT_EQ(zhisou::index::decompress_stored_text(frame), doc->text);
}

TEST(SearchOlderData, BodyInTheDataOfVersionOneStillGivesSnippetsAndText) {
    // An index written before the body moved to its slot: the same document, its text in the
    // data's "text" member and no text slot.
    TempDir dir;
    zhisou::index::IndexOptions options;
    options.index_dir = dir.path() / "idx";
    zhisou::index::index_inputs({(samples_dir() / "zh-hans").string()}, options);
    const std::string id = (samples_dir() / "zh-hans/zhipu-financing-2025.md").string();
    std::string body;
    {
        Xapian::WritableDatabase db(options.index_dir.string());
        const std::string id_term = zhisou::index::id_term(id);
        ASSERT_NE(db.postlist_begin(id_term), db.postlist_end(id_term));
        const Xapian::docid docid = *db.postlist_begin(id_term);
        Xapian::Document doc = db.get_document(docid);
        body = zhisou::index::decompress_stored_text(doc.get_value(zhisou::schema::kSlotText))
                   .value_or("");
        ASSERT_NE(body.find("融资"), std::string::npos);
        json data = json::parse(doc.get_data());
        data["v"] = 1;
        data["text"] = body;
        doc.set_data(data.dump());
        doc.remove_value(zhisou::schema::kSlotText);
        db.replace_document(docid, doc);
        db.commit();
    }
    Searcher searcher(options.index_dir);
    SearchRequest request;
    request.query = "智谱 AND 融资";
    const SearchResult result = searcher.search(request);
    ASSERT_EQ(result.hits.size(), 1U);
    EXPECT_NE(result.hits[0].snippet.bracketed().find("[[融资]]"), std::string::npos);
    const auto doc = searcher.document(id);
    ASSERT_TRUE(doc.has_value());
    EXPECT_EQ(doc->text, body);
}

// --- The CLI --------------------------------------------------------------------------------

TEST_F(SearchSamples, CliJsonFollowsTheDocumentedSchema) {
    const auto run =
        run_zhisou({"search", "--index", index_dir().string(), "--today", kToday, "--json",
                    "--facets", "org,year", "org:Zhipu", "date:2025", "GLM"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json out = json::parse(run.out);
    EXPECT_EQ(out["version"], 1);
    EXPECT_EQ(out["query"], "org:Zhipu date:2025 GLM");
    EXPECT_EQ(out["parsed"], "(org:Zhipu AND date:2025 AND GLM)");
    EXPECT_EQ(out["total"], 8);
    EXPECT_TRUE(out["took_ms"].is_number());
    ASSERT_EQ(out["hits"].size(), 8U);
    for (const char* key : {"id", "title", "date", "source", "orgs", "lang", "score", "snippet",
                            "path", "url", "collapsed"}) {
        EXPECT_TRUE(out["hits"][0].contains(key)) << key;
    }
    EXPECT_EQ(out["hits"][0]["collapsed"], 1);
    EXPECT_NE(out["hits"][0]["snippet"].get<std::string>().find("<mark>GLM</mark>"),
              std::string::npos);
    EXPECT_EQ(out["facets"]["org"][0]["value"], "zhipu");
    EXPECT_TRUE(out["facets"].contains("year"));
}

TEST_F(SearchSamples, CliPrintsHitsForPeople) {
    const auto run = run_zhisou(
        {"search", "--index", index_dir().string(), "--today", kToday, "智谱", "AND", "融资"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("1 match ("), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  1. 智谱完成新一轮融资，地方国资投资方加码"), std::string::npos);
    EXPECT_NE(run.out.find("2025-03 · 科创观察"), std::string::npos);
    EXPECT_NE(run.out.find("[[融资]]"), std::string::npos) << "no colour codes in a pipe";
    EXPECT_EQ(run.out.find('\033'), std::string::npos);
}

TEST_F(SearchSamples, CliQueryErrorShowsTheCaretAndExits2) {
    const auto run =
        run_zhisou({"search", "--index", index_dir().string(), "org:Zhipu", "date:2025-13"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("^"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("month"), std::string::npos) << run.err;
}

TEST_F(SearchSamples, CliMissingIndexSaysHowToCreateOne) {
    TempDir empty;
    const auto run = run_zhisou({"search", "--index", (empty.path() / "nope").string(), "GLM"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("zhisou index"), std::string::npos) << run.err;
}

TEST_F(SearchSamples, CliUsesZhisouIndexFromTheEnvironment) {
    const auto run = run_zhisou({"search", "--json", "智谱", "AND", "融资"}, {},
                                {"ZHISOU_INDEX=" + index_dir().string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(json::parse(run.out)["total"], 1);
}

} // namespace
