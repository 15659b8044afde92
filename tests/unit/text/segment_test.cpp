// Golden tests for zhisou::text::segment and the bakeoff line format: text -> words, written
// out, for the cases users of other engines report as broken, mixed product names, English,
// other scripts and bad input.

#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <zhisou/text/segment.h>

namespace {

using zhisou::text::segment;
using zhisou::text::segment_line_for_bakeoff;
using zhisou::text::Word;
using zhisou::text::WordKind;

const char* kind_name(WordKind kind) {
    switch (kind) {
    case WordKind::Han:
        return "Han";
    case WordKind::Latin:
        return "Latin";
    case WordKind::Number:
        return "Number";
    case WordKind::Mixed:
        return "Mixed";
    case WordKind::Other:
        return "Other";
    }
    return "?";
}

// "word/Kind word/Kind ...": one string to compare against the golden table.
std::string describe(std::string_view text) {
    std::string out;
    for (const Word& word : segment(text)) {
        if (!out.empty())
            out += ' ';
        out.append(text.substr(word.begin, word.end - word.begin));
        out += '/';
        out += kind_name(word.kind);
    }
    return out;
}

struct Golden {
    std::string_view text;
    std::string_view words;
};

class SegmentGolden : public ::testing::TestWithParam<Golden> {};

TEST_P(SegmentGolden, WordsAndKinds) {
    EXPECT_EQ(describe(GetParam().text), GetParam().words) << "text: " << GetParam().text;
}

// Words inside the compounds that other engines miss stand on their own here; the Analyzer
// adds bigrams for any other substring.
INSTANTIATE_TEST_SUITE_P(
    ReportedAsBroken, SegmentGolden,
    ::testing::Values(Golden{"中国农业发展银行", "中国/Han 农业/Han 发展/Han 银行/Han"},
                      Golden{"安装简单", "安装/Han 简单/Han"}, Golden{"待处理", "待/Han 处理/Han"},
                      Golden{"蝶", "蝶/Han"}, Golden{"大卫贝克汉姆", "大卫/Han 贝克汉姆/Han"}));

INSTANTIATE_TEST_SUITE_P(
    MixedTokens, SegmentGolden,
    ::testing::Values(Golden{"GLM-4.7", "GLM-4.7/Mixed"},
                      Golden{"DeepSeek-R1", "DeepSeek-R1/Mixed"},
                      Golden{"Qwen2.5-72B", "Qwen2.5-72B/Mixed"}, Golden{"GPT-4o", "GPT-4o/Mixed"},
                      Golden{"V3.2", "V3.2/Mixed"}, Golden{"2025年", "2025年/Mixed"},
                      Golden{"GLM-4.5发布", "GLM-4.5/Mixed 发布/Han"},
                      Golden{"智谱AI发布GLM-4.5", "智谱/Han AI/Latin 发布/Han GLM-4.5/Mixed"},
                      Golden{"DeepSeek-V3.2-Exp", "DeepSeek-V3.2-Exp/Mixed"},
                      Golden{"ＧＰＴ－４ｏ", "ＧＰＴ－４ｏ/Mixed"},
                      Golden{"iPhone15发布", "iPhone15/Mixed 发布/Han"},
                      Golden{"x86_64 v0.1.0-beta", "x86_64/Mixed v0.1.0-beta/Mixed"},
                      Golden{"2025-01-15", "2025-01-15/Mixed"},
                      // Hyphenated English without digits stays words.
                      Golden{"state-of-the-art", "state/Latin of/Latin the/Latin art/Latin"}));

INSTANTIATE_TEST_SUITE_P(
    NumbersAndUnits, SegmentGolden,
    ::testing::Values(Golden{"3月15日，50万用户，1.5亿元，涨了50%",
                             "3月/Mixed 15日/Mixed 50万/Mixed 用户/Han 1.5亿/Mixed 元/Han "
                             "涨/Han 了/Han 50%/Mixed"},
                      Golden{"１９９８年３月", "１９９８年/Mixed ３月/Mixed"},
                      // A duration is not a date: 10 and 年 stay apart.
                      Golden{"10年前", "10/Number 年前/Han"},
                      Golden{"3.14 1,000 192.168.0.1",
                             "3.14/Number 1,000/Number 192.168.0.1/Number"},
                      Golden{"二○○一年新年贺词", "二○○一年/Han 新年/Han 贺词/Han"}));

INSTANTIATE_TEST_SUITE_P(
    English, SegmentGolden,
    ::testing::Values(Golden{"I don't think it's over.",
                             "I/Latin don't/Latin think/Latin it's/Latin over/Latin"},
                      Golden{"see https://github.com/foo/bar-2?x=1",
                             "see/Latin https/Latin github.com/Mixed foo/Latin bar-2/Mixed "
                             "x/Latin 1/Number"},
                      Golden{"mail a.b@example.com", "mail/Latin a.b@example.com/Mixed"},
                      Golden{"Apple's M4芯片", "Apple's/Latin M4/Mixed 芯片/Han"}));

INSTANTIATE_TEST_SUITE_P(
    ChineseRules, SegmentGolden,
    ::testing::Values(Golden{"克林顿会见了拉姆斯菲尔德",
                             "克林顿/Han 会见/Han 了/Han 拉姆斯菲尔德/Han"},
                      Golden{"他说就是这样", "他/Han 说/Han 就/Han 是/Han 这样/Han"},
                      Golden{"这是最大的一次", "这/Han 是/Han 最/Han 大/Han 的/Han 一/Han 次/Han"},
                      Golden{"现代化的委员会", "现代化/Han 的/Han 委员会/Han"},
                      Golden{"智譜清言", "智譜清言/Han"}));

INSTANTIATE_TEST_SUITE_P(OtherScriptsAndSymbols, SegmentGolden,
                         ::testing::Values(Golden{"สวัสดีครับ", "สวัสดี/Other ครับ/Other"},
                                           Golden{"日本語のテキスト",
                                                  "日本語/Han の/Other テキスト/Other"},
                                           Golden{"한국어", "한국어/Other"},
                                           // Emoji and U+FFFD are never part of a word.
                                           Golden{"hello 😀 world", "hello/Latin world/Latin"},
                                           Golden{"ab\xEF\xBF\xBD"
                                                  "cd 智谱\xEF\xBF\xBD清言",
                                                  "ab/Latin cd/Latin 智谱/Han 清言/Han"}));

INSTANTIATE_TEST_SUITE_P(Empty, SegmentGolden,
                         ::testing::Values(Golden{"", ""}, Golden{"   \t\r\n", ""},
                                           Golden{"，。！？——……", ""},
                                           Golden{"😀😀 � ~!@#$%^&*()", ""}));

TEST(Segment, OffsetsAreBytesIntoTheText) {
    const std::string text = "智谱 GLM-4.5，好";
    const std::vector<Word> words = segment(text);
    ASSERT_EQ(words.size(), 3u);
    EXPECT_EQ(words[0].begin, 0u);
    EXPECT_EQ(words[0].end, 6u);
    EXPECT_EQ(words[1].begin, 7u);
    EXPECT_EQ(words[1].end, 14u);
    EXPECT_EQ(words[2].begin, 17u);
    EXPECT_EQ(words[2].end, 20u);
}

TEST(Segment, NulAndInvalidBytesSeparateWordsAndAreNeverInside) {
    const std::string text("ab\0cd\xFF"
                           "ef\xC0\x80gh\xED\xA0\x80中文\0",
                           22);
    EXPECT_EQ(describe(text), "ab/Latin cd/Latin ef/Latin gh/Latin 中文/Han");
}

TEST(Segment, TenMegabyteLinesFinishAndStayInBounds) {
    std::string han;
    while (han.size() < 10'000'000)
        han += "中国农业发展银行安装简单待处理的蝶";
    const std::string letters(10'000'000, 'a');
    for (const std::string* text : {&std::as_const(han), &letters}) {
        const std::vector<Word> words = segment(*text);
        ASSERT_FALSE(words.empty());
        std::size_t previous_end = 0;
        for (const Word& word : words) {
            ASSERT_LE(previous_end, word.begin);
            ASSERT_LT(word.begin, word.end);
            previous_end = word.end;
        }
        EXPECT_LE(previous_end, text->size());
    }
    EXPECT_EQ(segment(letters).size(), 1u); // one (very long) word; the Analyzer caps terms
}

TEST(Segment, ThreadsGetTheSameWords) {
    const std::string text = "智谱发布GLM-4.5模型，性能提升50%。DeepSeek-R1 is open.";
    const std::string expected = describe(text);
    std::vector<std::string> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        threads.emplace_back([&, i] {
            for (int round = 0; round < 50; ++round)
                seen[i] = describe(text);
        });
    }
    for (auto& thread : threads)
        thread.join();
    for (const auto& words : seen)
        EXPECT_EQ(words, expected);
}

// ---------------------------------------------------------------------------------------
// The bakeoff format

struct BakeoffGolden {
    std::string_view line;
    std::string_view segmented;
};

class BakeoffFormat : public ::testing::TestWithParam<BakeoffGolden> {};

TEST_P(BakeoffFormat, Line) {
    EXPECT_EQ(segment_line_for_bakeoff(GetParam().line), GetParam().segmented);
}

INSTANTIATE_TEST_SUITE_P(
    Lines, BakeoffFormat,
    ::testing::Values(BakeoffGolden{"共同创造美好的新世纪——二○○一年新年贺词",
                                    "共同 创造 美好 的 新 世纪 —— 二○○一年 新年 贺词"},
                      BakeoffGolden{"（二○○○年十二月三十一日）（附图片1张）",
                                    "（ 二○○○年 十二月 三十一日 ） （ 附 图片 1 张 ）"},
                      BakeoffGolden{"１９９８年全国ＧＤＰ增长７．８％……",
                                    "１９９８年 全国 ＧＤＰ 增长 ７．８％ ……"},
                      BakeoffGolden{"，。！？——……", "， 。 ！ ？ —— ……"},
                      BakeoffGolden{"  中 文  ", "中 文"}, BakeoffGolden{"", ""},
                      // Non-ASCII spaces are characters of the line, so they stay (as punctuation).
                      BakeoffGolden{"中\xE3\x80\x80文", "中 \xE3\x80\x80 文"},
                      // A BOM starting the line stays glued to the first word, as in gold files.
                      BakeoffGolden{"\xEF\xBB\xBF「中文」", "\xEF\xBB\xBF「 中文 」"}));

TEST(BakeoffFormat, PlainIcuKeepsEachPunctuationCharacter) {
    zhisou::text::BakeoffOptions plain;
    plain.rules = zhisou::text::RULE_NONE;
    EXPECT_EQ(segment_line_for_bakeoff("新世纪——二○○一年", plain), "新 世纪 — — 二 ○ ○ 一年");
}

// Removing the separators gives back the line, whatever the input.
TEST(BakeoffFormat, CharactersAreUnchanged) {
    const std::vector<std::string> lines = {"GLM-4.5发布，😀 ok?", std::string("a\0b\xFF\xFE中", 7),
                                            "ＧＰＴ－４ｏ ℃ ß ﬁ", "\xE3\x80\x80\xC2\xA0x"};
    for (const auto& line : lines) {
        for (const bool normalize : {false, true}) {
            zhisou::text::BakeoffOptions options;
            options.normalize = normalize;
            std::string joined;
            for (char c : segment_line_for_bakeoff(line, options)) {
                if (c != ' ')
                    joined += c;
            }
            std::string expected;
            for (char c : line) {
                if (c != ' ')
                    expected += c;
            }
            EXPECT_EQ(joined, expected) << "line: " << line << " normalize: " << normalize;
        }
    }
}

} // namespace
