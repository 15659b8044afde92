// The Highlighter: which characters of the original text a query highlights (Traditional text
// for a Simplified query, full-width letters, mixed and unspaced Chinese), which passage it
// picks, and how a Snippet renders (HTML escaping, ANSI, [[…]], cut markers).

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include <zhisou/query/snippet.h>
#include <zhisou/text/analyzer.h>

#include "corpus_paths.h"
#include "query_fixture.h"

namespace zhisou::query::testing {
namespace {

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

Highlighter highlighter_for(std::string_view query) {
    return Highlighter(fixed_context().analyzer,
                       compile_query(query, {}, fixed_context()).highlight_terms);
}

std::string best(std::string_view query, std::string_view text, std::size_t chars = 160) {
    return highlighter_for(query).best_passage(text, chars).bracketed();
}

// What highlighting means, computed the slow and obvious way: analyse the whole text and
// keep the tokens whose term the query has, overlapping ones merged.
Spans reference_marks(std::string_view query, std::string_view text) {
    const auto terms = compile_query(query, {}, fixed_context()).highlight_terms;
    Spans spans;
    for (const auto& token : fixed_context().analyzer.analyze(text, text::AnalyzeMode::Highlight)) {
        if (std::find(terms.begin(), terms.end(), token.term) != terms.end())
            spans.emplace_back(token.begin, token.end);
    }
    std::sort(spans.begin(), spans.end());
    Spans merged;
    for (const auto& [b, e] : spans) {
        if (!merged.empty() && b <= merged.back().second)
            merged.back().second = std::max(merged.back().second, e);
        else
            merged.emplace_back(b, e);
    }
    return merged;
}

TEST(Snippet, SimplifiedQueryHighlightsTraditionalText) {
    EXPECT_EQ(best("网络安全", "香港網絡安全條例今日生效。"), "香港[[網絡安全]]條例今日生效。");
    EXPECT_EQ(best("立法会 选举", "立法會選舉投票率創新低"), "[[立法會選舉]]投票率創新低");
}

TEST(Snippet, TraditionalQueryHighlightsSimplifiedText) {
    EXPECT_EQ(best("網絡", "网络攻击增加"), "[[网络]]攻击增加");
}

TEST(Snippet, FullWidthLettersAreHighlightedAsWritten) {
    EXPECT_EQ(best("GLM", "智谱发布ＧＬＭ模型"), "智谱发布[[ＧＬＭ]]模型");
    EXPECT_EQ(best("ｇｌｍ", "GLM-4.7 发布"), "[[GLM]]-4.7 发布");
}

TEST(Snippet, MixedChineseAndEnglish) {
    EXPECT_EQ(best("DeepSeek 开源", "DeepSeek宣布开源R1模型"), "[[DeepSeek]]宣布[[开源]]R1模型");
    EXPECT_EQ(best("GLM-4.7", "智谱的GLM-4.7模型"), "智谱的[[GLM-4.7]]模型");
}

TEST(Snippet, ChineseWithoutSpaces) {
    EXPECT_EQ(best("融资", "智谱完成新一轮融资，金额未披露"), "智谱完成新一轮[[融资]]，金额未披露");
    // A word of the query split differently by the document's segmentation still matches
    // through its bigrams.
    EXPECT_EQ(best("智谱融资", "消息称智谱融资十亿"), "消息称[[智谱融资]]十亿");
}

TEST(Snippet, EnglishStemsHighlightOtherForms) {
    EXPECT_EQ(best("release", "GLM was released today"), "GLM was [[released]] today");
    EXPECT_EQ(best("releases", "Release notes"), "[[Release]] notes");
}

TEST(Snippet, HtmlEscapesTextAndMarksMatches) {
    const Snippet s = highlighter_for("GLM").best_passage("<b>GLM</b> & \"q\" 'a'");
    EXPECT_EQ(s.html(), "&lt;b&gt;<mark>GLM</mark>&lt;/b&gt; &amp; &quot;q&quot; &#39;a&#39;");
}

TEST(Snippet, AnsiHighlights) {
    const Snippet s = highlighter_for("GLM").best_passage("new GLM model");
    EXPECT_EQ(s.ansi(), "new \033[1;33mGLM\033[0m model");
}

TEST(Snippet, WhiteSpaceIsCollapsedAndMarksFollow) {
    EXPECT_EQ(best("GLM", "new  GLM \t\n model"), "new [[GLM]] model");
    // A passage starts at the line of its first match.
    EXPECT_EQ(best("GLM", "old\n\n  GLM model"), "…[[GLM]] model");
}

TEST(Snippet, CutMarkersWhenThePassageIsInsideTheText) {
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += "这是一段与查询无关的填充文字。";
    text += "智谱发布了新模型。";
    for (int i = 0; i < 40; ++i)
        text += "后面还有更多无关的内容。";
    const Snippet s = highlighter_for("智谱").best_passage(text, 20);
    EXPECT_TRUE(s.cut_before);
    EXPECT_TRUE(s.cut_after);
    EXPECT_EQ(s.bracketed(), "…[[智谱]]发布了新模型。后面还有更多无关的内容…");
    EXPECT_EQ(s.html(), "…<mark>智谱</mark>发布了新模型。后面还有更多无关的内容…");
}

TEST(Snippet, NoMatchGivesTheStartOfTheText) {
    const Snippet s = highlighter_for("GLM").best_passage("智谱完成新一轮融资，金额未披露", 6);
    EXPECT_TRUE(s.marks.empty());
    EXPECT_FALSE(s.cut_before);
    EXPECT_TRUE(s.cut_after);
    EXPECT_EQ(s.bracketed(), "智谱完成新一…");
}

TEST(Snippet, EmptyTextAndEmptyQuery) {
    const Snippet empty_text = highlighter_for("GLM").best_passage("");
    EXPECT_EQ(empty_text.text, "");
    EXPECT_TRUE(empty_text.marks.empty());
    EXPECT_FALSE(empty_text.cut_before);
    EXPECT_FALSE(empty_text.cut_after);
    EXPECT_EQ(empty_text.html(), "");

    const Highlighter nothing(fixed_context().analyzer, {});
    EXPECT_TRUE(nothing.empty());
    EXPECT_EQ(nothing.best_passage("GLM 发布").bracketed(), "GLM 发布");
}

TEST(Snippet, PassageWithTheMostDistinctTermsWins) {
    const std::string text = "GLM alone here. Filler words follow for a while now. "
                             "Later GLM and funding appear together.";
    EXPECT_EQ(best("GLM funding", text, 30), "…Later [[GLM]] and [[funding]] appear t…");
}

TEST(Snippet, WholeHighlightsEveryMatchInTheOriginalText) {
    const std::string text = "智譜AI（智谱）發佈GLM；glm 再次发布。";
    const Snippet s = highlighter_for("智谱 GLM").whole(text);
    EXPECT_EQ(s.text, text);
    EXPECT_EQ(s.bracketed(), "[[智譜]]AI（[[智谱]]）發佈[[GLM]]；[[glm]] 再次发布。");
}

// Highlights must not depend on how much of the text the Highlighter looks at: whole() agrees
// with analysing the entire text, also for long texts where matches are far apart.
TEST(Snippet, WholeAgreesWithAnalysingEverything) {
    std::string text;
    for (int i = 0; i < 60; ++i) {
        text += "第" + std::to_string(i) +
                "段：香港網絡安全條例（草案）與智谱 GLM-4.7 released, "
                "full-width ＧＬＭ and ｒｅｌｅａｓｅｓ; 立法會選舉\n";
        text += "無關的內容 unrelated filler text without any of the words 只是填充。 ";
        // Stems that are not a prefix of every word they stand for: happi (happy), possibl
        // (possibility), die (dying).
        text += "happy days; the possibility of dying stars\n";
    }
    for (const char* query : {"网络安全", "GLM", "release", "立法会选举", "智谱 GLM-4.7", "条例",
                              "\"full width\"", "草案 OR 填充", "happiness", "possible", "die"}) {
        const Snippet s = highlighter_for(query).whole(text);
        EXPECT_EQ(s.marks, reference_marks(query, text)) << query;
    }
    // A pasted paragraph has more needles than are worth searching: all is analysed.
    const std::string pasted = "香港網絡安全條例（草案）與智谱 GLM-4.7 released 立法會選舉 "
                               "無關的內容 unrelated filler text without any of the words "
                               "只是填充 happy days the possibility of dying stars 数据泄露事件 "
                               "大模型开源 人工智能安全 国家金融监督管理总局 比特币价格波动";
    EXPECT_EQ(highlighter_for(pasted).whole(text).marks, reference_marks(pasted, text));
}

// The passage best_passage() picks carries exactly the Analyzer's marks (reference_marks) that
// fall inside it. `text` must have single spaces only, so the passage is a substring of it.
void expect_the_analyzers_marks(std::string_view query, const std::string& text,
                                std::size_t chars) {
    const Snippet s = highlighter_for(query).best_passage(text, chars);
    const std::size_t start = text.find(s.text);
    ASSERT_NE(start, std::string::npos) << query;
    Spans expected;
    for (const auto& [b, e] : reference_marks(query, text)) {
        if (e > start && b < start + s.text.size())
            expected.emplace_back(std::max(b, start) - start,
                                  std::min(e, start + s.text.size()) - start);
    }
    EXPECT_EQ(s.marks, expected) << query << ": " << s.bracketed();
}

// A long text's passage is chosen by where the query's needles occur, and only that passage is
// analysed: its marks must still be exactly the Analyzer's (reference_marks) inside it.
TEST(Snippet, BestPassageOfALongTextHasTheAnalyzersMarks) {
    std::string text; // single spaces only, so the passage is a plain substring of the text
    for (int i = 0; i < 40; ++i) {
        text += "第" + std::to_string(i) + "段：無關的內容 unrelated filler text 只是填充。 ";
        if (i == 17)
            text +=
                "香港網絡安全條例（草案）與智谱 GLM-4.7 released; the possibility of dying stars. ";
    }
    ASSERT_GT(text.size(), 2048U);
    // Chinese-only queries are marked from their bigrams' occurrences without the Analyzer
    // (Highlighter::m_bigram_needles); the others analyse the passage.
    for (const char* query :
         {"网络安全", "条例 草案", "香港网络", "智谱 GLM-4.7", "release", "possible die"}) {
        expect_the_analyzers_marks(query, text, 80);
        EXPECT_NE(best(query, text, 80).find("[["), std::string::npos) << query;
    }
    // A one-character word is marked only where the Analyzer cuts it out as a word: not inside
    // 條例, so nothing here.
    expect_the_analyzers_marks("条", text, 80);
    const std::string gap(3000, ' ');
    // The exact word (its word and stem terms) beats a form that matches by stem only, as when
    // every candidate is analysed.
    EXPECT_EQ(best("possibility", "possibly so" + gap + "the possibility here", 20),
              "…the [[possibility]] here");
    // A needle that occurs where no term matches (the stem's prefix possib in "possibxyz"):
    // the passage falls back to analysing every candidate and finds the real match.
    EXPECT_EQ(best("possibility", "possibxyz" + gap + "and possibly here", 20),
              "…and [[possibly]] here");
}

// Long texts are searched piece by piece (4 KB) until a passage holds every term: a later
// passage with all terms is still found when the first pieces hold only some of them.
TEST(Snippet, LongTextsAreScannedUntilAPassageHoldsEveryTerm) {
    const std::string filler = std::string(6000, ' ') + "filler. " + std::string(6000, ' ');
    EXPECT_EQ(best("智谱 融资", "智谱 alone first." + filler + "later 智谱完成新一轮融资。", 20),
              "…later [[智谱]]完成新一轮[[融资]]。");
    // Every term in the first piece: that passage stands, even if a later one repeats them.
    EXPECT_EQ(best("智谱 融资", "智谱融资 first." + filler + "智谱融资 智谱融资 智谱融资", 12),
              "[[智谱融资]] first.…");
}

// The same on real documents of the shared news corpus (skipped without it).
TEST(Snippet, WholeAgreesWithAnalysingEverythingOnNewsDocuments) {
    const auto corpus = eval::shared_corpus();
    if (!corpus || !std::filesystem::exists(*corpus / "news" / "hkcnews-traditional.jsonl"))
        GTEST_SKIP() << "../shared/corpus/news not found";
    const char* queries[] = {
        "网络安全", "DeepSeek 开源", "立法会",      "漏洞 CVE-2024", "release AI",
        "警察",     "数据泄露",      "Python 教程", "possible",      "happiness security"};
    for (const char* file :
         {"hkcnews-traditional.jsonl", "picker-techsec-news.jsonl", "ruanyf-weekly.jsonl"}) {
        std::ifstream in(*corpus / "news" / file);
        int checked = 0;
        for (std::string line; checked < 25 && std::getline(in, line); ++checked) {
            const auto doc = nlohmann::json::parse(line);
            const std::string text = doc["text"].get<std::string>();
            for (const char* query : queries) {
                EXPECT_EQ(highlighter_for(query).whole(text).marks, reference_marks(query, text))
                    << file << " " << doc["id"] << " " << query;
            }
        }
    }
}

// Passages of real documents (skipped without the shared corpus), white space collapsed.
TEST(Snippet, BestPassageHasTheAnalyzersMarksOnNewsDocuments) {
    const auto corpus = eval::shared_corpus();
    if (!corpus || !std::filesystem::exists(*corpus / "news" / "hkcnews-traditional.jsonl"))
        GTEST_SKIP() << "../shared/corpus/news not found";
    const char* queries[] = {"网络安全", "立法会", "警察 政府",     "数据泄露",     "人工智能",
                             "香港",     "开源",   "DeepSeek 开源", "漏洞 CVE-2024"};
    for (const char* file : {"hkcnews-traditional.jsonl", "picker-techsec-news.jsonl"}) {
        std::ifstream in(*corpus / "news" / file);
        int checked = 0;
        for (std::string line; checked < 40 && std::getline(in, line); ++checked) {
            std::string text;
            for (const char c : nlohmann::json::parse(line)["text"].get<std::string>()) {
                const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
                if (!space || (!text.empty() && text.back() != ' '))
                    text += space ? ' ' : c;
            }
            for (const char* query : queries)
                expect_the_analyzers_marks(query, text, 160);
        }
    }
}

} // namespace
} // namespace zhisou::query::testing
