// The Analyzer: golden term lists (describe() strings, as in Xapian's api_termgen), offsets into
// the original text, and the recall guarantee for Chinese substrings and mixed tokens.

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <zhisou/text/analyzer.h>
#include <zhisou/text/decode.h>

namespace zhisou::text {
namespace {

std::string terms_of(std::string_view text) {
    return describe(Analyzer().analyze(text, AnalyzeMode::Index));
}

struct GoldenRow {
    const char* text;
    const char* expected;
};

class AnalyzerGolden : public ::testing::TestWithParam<GoldenRow> {};

TEST_P(AnalyzerGolden, TermsMatch) {
    const GoldenRow& row = GetParam();
    EXPECT_EQ(terms_of(row.text), row.expected) << "text: " << row.text;
}

// Terms in emission order: term[position], or a bare term when it has no position (stems "Z",
// Han dictionary words, Han bigrams "XB"). "XU" marks Han unigrams, which carry the positions of
// Han text. Chinese rows follow ICU's dictionary.
// clang-format off
const GoldenRow kGolden[] = {
    // English: lower-case word with position, then its Snowball stem without one.
    {"The models are running", "the[1] Zthe models[2] Zmodel are[3] Zare running[4] Zrun"},
    {"Straße café", "strasse[1] Zstrass café[2] Zcafé"},
    {"Don\u2019t stop", "don't[1] Zdon't stop[2] Zstop"},
    // Chinese: words and a bigram per adjacent pair without positions, each character's unigram
    // at its position.
    {"中国农业发展银行",
     "中国 XB中国 XU中[1] XB国农 XU国[2] 农业 XB农业 XU农[3] XB业发 XU业[4] "
     "发展 XB发展 XU发[5] XB展银 XU展[6] 银行 XB银行 XU银[7] XU行[8]"},
    {"蝴蝶", "蝴蝶 XB蝴蝶 XU蝴[1] XU蝶[2]"},
    {"蝶", "蝶 XU蝶[1]"},
    // No bigram across a space: the runs are separate.
    {"安装 简单", "安装 XB安装 XU安[1] XU装[2] 简单 XB简单 XU简[3] XU单[4]"},
    // Traditional folds to Simplified, full-width to ASCII.
    {"智譜", "智谱 XB智谱 XU智[1] XU谱[2]"},
    {"ＧＬＭ－４.７", "glm-4.7[1] glm[1] Zglm 4.7[2]"},
    // Mixed tokens: the compound as written, then its parts each with a position.
    {"GLM-4.7", "glm-4.7[1] glm[1] Zglm 4.7[2]"},
    {"Qwen2.5-72B", "qwen2.5-72b[1] qwen[1] Zqwen 2.5[2] 72[3] b[4]"},
    {"DeepSeek-R1", "deepseek-r1[1] deepseek[1] Zdeepseek r[2] 1[3]"},
    {"GPT-4o", "gpt-4o[1] gpt[1] Zgpt 4[2] o[3]"},
    {"V3.2", "v3.2[1] v[1] 3.2[2]"},
    {"2025年", "2025年[1] 2025[1] 年 XU年[2]"},
    {"２０２５年", "2025年[1] 2025[1] 年 XU年[2]"},
    // Numbers keep their inner separators.
    {"4.7 1,000", "4.7[1] 1,000[2]"},
    // Nothing for U+FFFD, emoji or punctuation; single letters get no stem.
    {"a\uFFFD\uFFFDb \U0001F525 好！", "a[1] b[2] 好 XU好[3]"},
    {"\uFFFD\uFFFD\uFFFD", ""},
    {"", ""},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Rows, AnalyzerGolden, ::testing::ValuesIn(kGolden));

TEST(Analyzer, TraditionalAndSimplifiedGiveTheSameTerms) {
    EXPECT_EQ(terms_of("智譜發佈新模型"), terms_of("智谱发布新模型"));
    EXPECT_EQ(terms_of("臺灣的頭髮"), terms_of("台湾的头发"));
}

TEST(Analyzer, FullWidthAndAsciiGiveTheSameTerms) {
    EXPECT_EQ(terms_of("ＧＬＭ－４.７"), terms_of("GLM-4.7"));
    EXPECT_EQ(terms_of("ＤｅｅｐＳｅｅｋ－Ｒ１"), terms_of("DeepSeek-R1"));
}

TEST(Analyzer, AllModesGiveTheSameTokens) {
    const Analyzer analyzer;
    const std::string text = "智譜發佈 GLM-4.7, the models 2025年";
    const auto index = analyzer.analyze(text, AnalyzeMode::Index);
    const auto query = analyzer.analyze(text, AnalyzeMode::Query);
    const auto highlight = analyzer.analyze(text, AnalyzeMode::Highlight);
    EXPECT_EQ(describe(index), describe(query));
    EXPECT_EQ(describe(index), describe(highlight));
}

TEST(Analyzer, ConcurrentUseGivesTheSameTerms) {
    const Analyzer analyzer;
    const std::string text = "智譜發佈 GLM-4.7, the running models 2025年 Qwen2.5-72B";
    const std::string expected = describe(analyzer.analyze(text, AnalyzeMode::Index));
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i) {
                if (describe(analyzer.analyze(text, AnalyzeMode::Index)) != expected)
                    ++failures[t];
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(failures, (std::vector<int>{0, 0, 0, 0}));
}

TEST(Analyzer, PositionsContinueFromFirstPosition) {
    std::vector<Token> tokens;
    Analyzer().analyze("Hello 世界", AnalyzeMode::Index, 10,
                       [&](const Token& token) { tokens.push_back(token); });
    EXPECT_EQ(describe(tokens), "hello[10] Zhello 世界 XB世界 XU世[11] XU界[12]");
}

TEST(Analyzer, OverlongWordsAreDroppedButKeepTheirPosition) {
    const std::string text = std::string(300, 'x') + " end";
    EXPECT_EQ(terms_of(text), "end[2] Zend");
}

// --- Offsets into the original text --------------------------------------------------------

struct Span {
    std::string term;
    std::uint32_t begin;
    std::uint32_t end;
    bool operator==(const Span&) const = default;
};

std::vector<Span> spans_of(std::string_view text) {
    std::vector<Span> spans;
    for (const Token& token : Analyzer().analyze(text, AnalyzeMode::Highlight)) {
        spans.push_back({token.term, token.begin, token.end});
    }
    return spans;
}

void PrintTo(const Span& span, std::ostream* os) {
    *os << span.term << "@" << span.begin << "-" << span.end;
}

TEST(AnalyzerOffsets, TraditionalTextMapsToTheOriginalCharacters) {
    // 智(0-3) 譜(3-6) : the Simplified terms point at the Traditional characters.
    const std::vector<Span> expected = {
        {"智谱", 0, 6}, {"XB智谱", 0, 6}, {"XU智", 0, 3}, {"XU谱", 3, 6}};
    EXPECT_EQ(spans_of("智譜"), expected);
}

TEST(AnalyzerOffsets, FullWidthTextMapsToTheOriginalCharacters) {
    // Ｇ(0-3) Ｌ(3-6) Ｍ(6-9) －(9-12) ４(12-15) .(15-16) ７(16-19)
    const std::vector<Span> expected = {
        {"glm-4.7", 0, 19}, {"glm", 0, 9}, {"Zglm", 0, 9}, {"4.7", 12, 19}};
    EXPECT_EQ(spans_of("ＧＬＭ－４.７"), expected);
}

TEST(AnalyzerOffsets, MixedTextOffsets) {
    // "新 Qwen2.5-72B 發佈": 新(0-3) space Qwen2.5-72B(4-15) space 發(16-19) 佈(19-22)
    const std::vector<Span> expected = {
        {"新", 0, 3},     {"XU新", 0, 3},     {"qwen2.5-72b", 4, 15}, {"qwen", 4, 8},
        {"Zqwen", 4, 8},  {"2.5", 8, 11},     {"72", 12, 14},         {"b", 14, 15},
        {"发布", 16, 22}, {"XB发布", 16, 22}, {"XU发", 16, 19},       {"XU布", 19, 22}};
    EXPECT_EQ(spans_of("新 Qwen2.5-72B 發佈"), expected);
}

TEST(AnalyzerOffsets, ExpansionsCoverTheWholeSourceCharacter) {
    // ß (1-3) expands to "ss"; the word still spans the original bytes 0-6.
    const std::vector<Span> expected = {{"strasse", 0, 7}, {"Zstrass", 0, 7}};
    EXPECT_EQ(spans_of("Straße"), expected);
}

// --- Recall: a query analysed on its own must match inside a document ------------------------

bool is_han_term(const std::string& term) {
    if (term.size() < 3)
        return false;
    const auto b0 = static_cast<unsigned char>(term[0]);
    return b0 >= 0xE3 && b0 <= 0xE9; // U+3000..U+9FFF: the CJK blocks in these tests
}

// The tokens a query compiler relies on for recall: Han unigrams and letter and digit words (a
// phrase), and Han bigrams (required, without position). Dictionary words and compound terms
// only add ranking: the segmenter may cut a document differently from a short query.
std::vector<Token> recall_tokens(const std::vector<Token>& query) {
    std::vector<Token> recall;
    for (const Token& token : query) {
        if (token.kind == TokenKind::Bigram || token.kind == TokenKind::Unigram ||
            (token.kind == TokenKind::Word && !is_han_term(token.term))) {
            recall.push_back(token);
        }
    }
    return recall;
}

// True if every recall token of the query occurs in the document, the positioned ones at the
// same relative positions (what a Xapian phrase query checks).
bool query_matches(std::string_view document, std::string_view query_text) {
    const Analyzer analyzer;
    const auto doc = analyzer.analyze(document, AnalyzeMode::Index);
    const auto recall = recall_tokens(analyzer.analyze(query_text, AnalyzeMode::Query));
    if (recall.empty())
        return false;
    std::multimap<std::string, std::uint32_t> postings;
    for (const Token& token : doc)
        postings.emplace(token.term, token.position);
    for (const Token& token : recall) {
        if (token.position == 0 && postings.count(token.term) == 0)
            return false;
    }
    const auto anchor =
        std::find_if(recall.begin(), recall.end(), [](const Token& t) { return t.position != 0; });
    if (anchor == recall.end())
        return true;
    const auto [first, last] = postings.equal_range(anchor->term);
    for (auto it = first; it != last; ++it) {
        if (it->second == 0)
            continue;
        const std::int64_t shift = std::int64_t{it->second} - anchor->position;
        const bool all = std::all_of(recall.begin(), recall.end(), [&](const Token& t) {
            if (t.position == 0)
                return true;
            const auto [f, l] = postings.equal_range(t.term);
            return std::any_of(f, l, [&](const auto& p) {
                return std::int64_t{p.second} == std::int64_t{t.position} + shift;
            });
        });
        if (all)
            return true;
    }
    return false;
}

struct RecallRow {
    const char* document;
    const char* query;
};

class AnalyzerRecall : public ::testing::TestWithParam<RecallRow> {};

TEST_P(AnalyzerRecall, QueryIsFound) {
    const RecallRow& row = GetParam();
    EXPECT_TRUE(query_matches(row.document, row.query))
        << "query \"" << row.query << "\" not found in \"" << row.document
        << "\"\nquery terms: " << describe(Analyzer().analyze(row.query, AnalyzeMode::Query))
        << "\ndocument terms: " << describe(Analyzer().analyze(row.document, AnalyzeMode::Index));
}

// clang-format off
const RecallRow kRecall[] = {
    // Cases users of other engines report as broken.
    {"中国农业发展银行", "农业"},
    {"安装简单", "简单"},
    {"待处理", "处理"},
    {"蝴蝶", "蝶"},
    {"大卫贝克汉姆", "大卫贝克汉姆"},
    {"大卫贝克汉姆", "贝克汉姆"},
    // Any substring of two or more characters, across dictionary words.
    {"中国农业发展银行", "国农业发"},
    {"中国农业发展银行", "展银"},
    // Traditional document, Simplified query and the reverse.
    {"智譜發佈了新模型", "智谱发布"},
    {"智谱发布了新模型", "智譜"},
    // Mixed tokens, as written and by their parts.
    {"智谱发布 GLM-4.7 模型", "GLM-4.7"},
    {"智谱发布 GLM-4.7 模型", "glm 4.7"},
    {"智谱发布 GLM-4.7 模型", "GLM"},
    {"智谱发布 GLM-4.7 模型", "ＧＬＭ－４.７"},
    {"阿里发布Qwen2.5-72B", "Qwen2.5"},
    {"阿里发布Qwen2.5-72B", "Qwen"},
    {"阿里发布Qwen2.5-72B", "72B"},
    {"阿里发布Qwen2.5-72B", "Qwen2.5-72B"},
    {"DeepSeek-R1 开源", "R1"},
    {"DeepSeek-R1 开源", "deepseek"},
    {"OpenAI GPT-4o 上线", "GPT-4o"},
    {"DeepSeek V3.2 发布", "V3.2"},
    {"2025年发布", "2025年"},
    {"2025年发布", "年发布"},
    {"GLM-4.5发布会", "GLM-4.5发布"},
    {"GLM-4.5发布会", "发布会"},
    {"GLM-4.5发布会", "GLM-4.5"},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Rows, AnalyzerRecall, ::testing::ValuesIn(kRecall));

TEST(AnalyzerRecallNegative, UnrelatedQueriesAreNotFound) {
    // The matcher above must be able to fail, or the recall rows prove nothing.
    EXPECT_FALSE(query_matches("中国农业发展银行", "农发"));
    EXPECT_FALSE(query_matches("蝴蝶", "蜻"));
    EXPECT_FALSE(query_matches("智谱发布 GLM-4.7 模型", "GLM-4.5"));
    EXPECT_FALSE(query_matches("阿里发布Qwen2.5-72B", "Qwen 72B"));
}

// --- Bad input ---------------------------------------------------------------------------------

TEST(AnalyzerBadInput, InvalidUtf8AndNulBytes) {
    const std::string text("ab\0cd \xFF\xFE 好\xE6\x99", 13);
    const auto tokens = Analyzer().analyze(text, AnalyzeMode::Index);
    EXPECT_EQ(describe(tokens), "ab[1] Zab cd[2] Zcd 好 XU好[3]");
    for (const Token& token : tokens) {
        EXPECT_LE(token.begin, token.end);
        EXPECT_LE(token.end, text.size());
        EXPECT_TRUE(is_valid_utf8(token.term));
    }
}

TEST(AnalyzerBadInput, TenMegabyteLine) {
    std::string text;
    const std::string piece = "智譜GLM-4.7發佈，";
    while (text.size() < 10 * 1024 * 1024)
        text += piece;
    std::size_t count = 0;
    std::uint32_t last_position = 0;
    std::uint32_t last_end = 0;
    Analyzer().analyze(text, AnalyzeMode::Index, [&](const Token& token) {
        ++count;
        last_position = std::max(last_position, token.position);
        last_end = std::max(last_end, token.end);
    });
    // Each piece has six positions: 智 谱 glm 4.7 发 布, each Han one on its unigram, so the
    // highest position seen is the last 布's.
    const std::size_t pieces = text.size() / piece.size();
    EXPECT_EQ(last_position, pieces * 6);
    EXPECT_EQ(last_end, text.size() - std::string("，").size());
    EXPECT_GT(count, pieces * 6);
}

TEST(AnalyzerBadInput, TenMegabyteWordIsDropped) {
    const std::string text(10 * 1024 * 1024, 'a');
    EXPECT_EQ(terms_of(text), "");
}

} // namespace
} // namespace zhisou::text
