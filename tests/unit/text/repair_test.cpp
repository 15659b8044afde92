// repair(): golden inputs -> repaired text and the exact change list, for each kind of
// mojibake (single-byte pages, doubled, GBK, Thai with dropped bytes, 锟斤拷, U+FFFD runs, C1
// controls); correct text that must come through untouched; and robustness. The strings are
// our own or the examples.

#include <gtest/gtest.h>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/text/repair.h>

namespace zhisou::text {
namespace {

using namespace std::string_literals;

struct ExpectedChange {
    std::size_t begin;
    std::size_t end;
    std::string from;
    std::string to;
    std::string cause;
};

struct Golden {
    std::string input;
    std::string output;
    std::vector<ExpectedChange> changes;
    bool unrecoverable;
};

void PrintTo(const Golden& golden, std::ostream* os) {
    *os << golden.input;
}

void expect_golden(const Golden& golden) {
    const Repaired repaired = repair(golden.input);
    EXPECT_EQ(repaired.text, golden.output) << "input: " << golden.input;
    EXPECT_EQ(repaired.unrecoverable, golden.unrecoverable) << "input: " << golden.input;
    ASSERT_EQ(repaired.changes.size(), golden.changes.size()) << "input: " << golden.input;
    for (std::size_t i = 0; i < golden.changes.size(); ++i) {
        const RepairChange& got = repaired.changes[i];
        const ExpectedChange& want = golden.changes[i];
        EXPECT_EQ(got.begin, want.begin) << golden.input << " change " << i;
        EXPECT_EQ(got.end, want.end) << golden.input << " change " << i;
        EXPECT_EQ(got.from, want.from) << golden.input << " change " << i;
        EXPECT_EQ(got.to, want.to) << golden.input << " change " << i;
        EXPECT_EQ(got.cause, want.cause) << golden.input << " change " << i;
    }
}

/// Rebuilds the output from the input and the change list: what the indexer relies on.
std::string replay(std::string_view input, const Repaired& repaired) {
    std::string out;
    std::size_t at = 0;
    for (const RepairChange& change : repaired.changes) {
        EXPECT_LE(at, change.begin);
        EXPECT_EQ(input.substr(change.begin, change.end - change.begin), change.from);
        out.append(input.substr(at, change.begin - at));
        out += change.to;
        at = change.end;
    }
    out.append(input.substr(at));
    return out;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (lead >= 0x80 && lead < 0xC2) {
            return false;
        }
        if (i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

// --- UTF-8 read as a single-byte code page ---------------------------------------------------

class SingleBytePages : public ::testing::TestWithParam<Golden> {};

TEST_P(SingleBytePages, AreRepaired) {
    expect_golden(GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Repair, SingleBytePages,
    ::testing::Values(
        Golden{"donâ€™t", "don’t", {{3, 11, "â€™", "’", "utf-8 as windows-1252"}}, false},
        Golden{"le cafÃ© et la crÃ¨me",
               "le café et la crème",
               {{6, 10, "Ã©", "é", "utf-8 as latin-1"}, {19, 23, "Ã¨", "è", "utf-8 as latin-1"}},
               false},
        // Latin-1 proper: C1 controls stand for the bytes 0x80..0x9F.
        Golden{"say \xC3\xA2\xC2\x80\xC2\x9Chi\xC3\xA2\xC2\x80\xC2\x9D",
               "say “hi”",
               {{4, 10, "\xC3\xA2\xC2\x80\xC2\x9C", "“", "utf-8 as latin-1"},
                {12, 18, "\xC3\xA2\xC2\x80\xC2\x9D", "”", "utf-8 as latin-1"}},
               false},
        Golden{"ÐŸÑ€Ð¸Ð²ÐµÑ‚",
               "Привет",
               {{0, 26, "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет", "utf-8 as windows-1252"}},
               false},
        Golden{"è¿™æ˜¯ä¸­æ–‡",
               "这是中文",
               {{0, 27, "è¿™æ˜¯ä¸­æ–‡", "这是中文", "utf-8 as windows-1252"}},
               false},
        Golden{"ðŸ˜€ emoji", "😀 emoji", {{0, 9, "ðŸ˜€", "😀", "utf-8 as windows-1252"}}, false},
        // MacRoman, Windows-1251 and cp437.
        Golden{"wei√ü", "weiß", {{3, 8, "√ü", "ß", "utf-8 as macroman"}}, false},
        Golden{"Blog Tip 2 вЂ“ Email",
               "Blog Tip 2 – Email",
               {{11, 18, "вЂ“", "–", "utf-8 as windows-1251"}},
               false},
        Golden{"─îe┼ítina",
               "Čeština",
               {{0, 5, "─î", "Č", "utf-8 as cp437"}, {6, 11, "┼í", "š", "utf-8 as cp437"}},
               false},
        // "à" whose A0 byte became a space: the space stays a word break ...
        Golden{"voilÃ le travail",
               "voilà le travail",
               {{4, 7, "Ã ", "à ", "utf-8 as latin-1"}},
               false},
        // ... except in Portuguese contractions, where it was part of the word.
        Golden{"atenÃ§Ã£o Ã s crianÃ§as",
               "atenção às crianças",
               {{4, 12, "Ã§Ã£", "çã", "utf-8 as latin-1"},
                {14, 17, "Ã ", "à", "utf-8 as latin-1"},
                {24, 28, "Ã§", "ç", "utf-8 as latin-1"}},
               false},
        // A lost byte shown as U+FFFD or '?' gives U+FFFD.
        Golden{"â€œquotedâ€?",
               "“quoted�",
               {{0, 7, "â€œ", "“", "utf-8 as windows-1252"},
                {13, 19, "â€?", "�", "utf-8 as windows-1252 (lossy)"}},
               true}));

class DoubledMojibake : public ::testing::TestWithParam<Golden> {};

TEST_P(DoubledMojibake, IsUnwrapped) {
    expect_golden(GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Repair, DoubledMojibake,
    ::testing::Values(Golden{"ÃƒÂ©tÃƒÂ©",
                             "été",
                             {{0, 8, "ÃƒÂ©", "é", "utf-8 as latin-1, then as windows-1252"},
                              {9, 17, "ÃƒÂ©", "é", "utf-8 as latin-1, then as windows-1252"}},
                             false},
                      Golden{
                          "doesnÃ¢â‚¬â„¢t",
                          "doesn’t",
                          {{5, 23, "Ã¢â‚¬â„¢", "’", "utf-8 as windows-1252, then as windows-1252"}},
                          false},
                      Golden{"a Г‚ВЈ5 fee",
                             "a £5 fee",
                             {{2, 11, "Г‚ВЈ", "£", "utf-8 as latin-1, then as windows-1251"}},
                             false}));

// --- UTF-8 read as GBK --------------------------------------------------------------------

class Gbk : public ::testing::TestWithParam<Golden> {};

TEST_P(Gbk, IsRepaired) {
    expect_golden(GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Repair, Gbk,
    ::testing::Values(
        Golden{"鎵撳嵃杩斿洖鍙傛暟",
               "打印返回参数",
               {{0, 27, "鎵撳嵃杩斿洖鍙傛暟", "打印返回参数", "utf-8 as gbk"}},
               false},
        Golden{"鈥檚", "’s", {{0, 6, "鈥檚", "’s", "utf-8 as gbk"}}, false},
        Golden{"It鈥檚 here", "It’s here", {{2, 8, "鈥檚", "’s", "utf-8 as gbk"}}, false},
        // Mojibake beside correct Chinese: only the mojibake changes.
        Golden{"模型：鍙傛暟", "模型：参数", {{9, 18, "鍙傛暟", "参数", "utf-8 as gbk"}}, false},
        // A byte lost at the end ('?' for 。) becomes U+FFFD.
        Golden{"浠ｇ爜鎷夊彇瀹屾垚锛?",
               "代码拉取完成�",
               {{0, 31, "浠ｇ爜鎷夊彇瀹屾垚锛?", "代码拉取完成�", "utf-8 as gbk (lossy)"}},
               true}));

// --- UTF-8 read as Windows-874 / TIS-620, 0x80..0x9F often dropped -------------------------

class Thai : public ::testing::TestWithParam<Golden> {};

TEST_P(Thai, IsRepairedOrRemoved) {
    expect_golden(GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Repair, Thai,
    ::testing::Values(
        Golden{"เธฃเธญ", "รอ", {{0, 18, "เธฃเธญ", "รอ", "utf-8 as windows-874"}}, false},
        Golden{"โ”€โ”€", "──", {{0, 18, "โ”€โ”€", "──", "utf-8 as windows-874"}}, false},
        // The seed line: 🐼 cannot be told from 💼 🌼 🏼 ... (removed, and Pandaily
        // stays a word); • is by far the likeliest E2 ?? A2 between two words.
        Golden{"๐ผPandailyโขStale",
               "Pandaily•Stale",
               {{0, 6, "๐ผ", "", "utf-8 as windows-874 (lossy, removed)"},
                {14, 20, "โข", "•", "utf-8 as windows-874 (lossy, rebuilt)"}},
               true},
        // Between two words, removal leaves a space so they do not glue together.
        Golden{"AlphaโกBeta",
               "Alpha Beta",
               {{5, 11, "โก", " ", "utf-8 as windows-874 (lossy, removed)"}},
               true},
        // ⚡ and ➡ both fit "โก" at the start of a line: removed.
        Golden{"โก 30-Second TL;DR",
               " 30-Second TL;DR",
               {{0, 6, "โก", "", "utf-8 as windows-874 (lossy, removed)"}},
               true},
        // A bullet position makes 💡 and ⏳ clearly the likeliest.
        Golden{"๐ก Key point",
               "💡 Key point",
               {{0, 6, "๐ก", "💡", "utf-8 as windows-874 (lossy, rebuilt)"}},
               false},
        Golden{"โณ Timeline",
               "⏳ Timeline",
               {{0, 6, "โณ", "⏳", "utf-8 as windows-874 (lossy, rebuilt)"}},
               false},
        // Both bytes of ’ dropped: inside a word an apostrophe is overwhelmingly likely.
        Golden{
            "donโt", "don’t", {{3, 6, "โ", "’", "utf-8 as windows-874 (lossy, rebuilt)"}}, false},
        // Thai letters that lost a byte become U+FFFD.
        Golden{"เธฅเธเธ—",
               "ล�ท",
               {{0, 24, "เธฅเธเธ—", "ล�ท", "utf-8 as windows-874 (lossy)"}},
               true}));

// --- Unrecoverable residue ----------------------------------------------------------------

class Residue : public ::testing::TestWithParam<Golden> {};

TEST_P(Residue, IsFlaggedAndCollapsed) {
    expect_golden(GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Repair, Residue,
    ::testing::Values(
        Golden{"锟斤拷",
               "�",
               {{0, 9, "锟斤拷", "�", "unrecoverable (gbk read as utf-8, then as gbk)"}},
               true},
        Golden{"x锟斤拷锟斤拷y",
               "x�y",
               {{1, 19, "锟斤拷锟斤拷", "�", "unrecoverable (gbk read as utf-8, then as gbk)"}},
               true},
        // 应 and 为 are original characters whose GBK bytes happened to be valid UTF-8.
        Golden{"应锟矫革拷为",
               "应�为",
               {{3, 15, "锟矫革拷", "�", "unrecoverable (gbk read as utf-8, then as gbk)"}},
               true},
        Golden{"a \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD b",
               "a \xEF\xBF\xBD b",
               {{2, 11, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "\xEF\xBF\xBD", "unrecoverable"}},
               true},
        // One U+FFFD is residue too, but there is nothing to change.
        Golden{"Hello \xEF\xBF\xBD world", "Hello \xEF\xBF\xBD world", {}, true}));

// --- C1 controls: Windows-1252 read as Latin-1 ---------------------------------------------

TEST(Repair, C1ControlsBecomeWhatWindows1252Meant) {
    expect_golden(Golden{"\xC2\x93quoted\xC2\x94 and \xC2\x81",
                         "“quoted” and \xC2\x81",
                         {{0, 2, "\xC2\x93", "“", "windows-1252 as latin-1"},
                          {8, 10, "\xC2\x94", "”", "windows-1252 as latin-1"}},
                         false});
}

// --- Correct text is never "repaired" ------------------------------------------------------

class CorrectText : public ::testing::TestWithParam<std::string> {};

TEST_P(CorrectText, ComesThroughUnchanged) {
    const Repaired repaired = repair(GetParam());
    EXPECT_EQ(repaired.text, GetParam());
    EXPECT_TRUE(repaired.changes.empty()) << repaired.changes.front().cause;
    EXPECT_FALSE(repaired.unrecoverable);
}

INSTANTIATE_TEST_SUITE_P(
    Repair, CorrectText,
    ::testing::Values("", "plain ASCII text, nothing to do", "ภาษาไทย", "เธอบอกว่าไปแล้ว",
                      "Müller café naïve", "°C €5 ™ —", "Crème brûlée à la carte",
                      "SÃO PAULO, NÃO É", "人工智能公司发布新模型", "騰訊和阿里巴巴",
                      "“引号”和——破折号……", "数据要素×”三年计划", "Привет, мир", "ВІКІ", "Ελληνικά",
                      "weird Ã¥ here", "Mikoláš Aleš", "5×£35", "(-1/2)! = √π", "a radius of 10 Å—",
                      "AHÅ™, a brand", "C O N C L U S Ã O", "It’s “fine” – really…", "emoji 😀🐼💡 ok",
                      "\xC2\x81 undefined C1", "Ã", "â€", "trailing Ã", "NUL\0inside"s));

// --- Robustness --------------------------------------------------------------------------

TEST(Repair, EmptyInputGivesEmptyOutput) {
    const Repaired repaired = repair("");
    EXPECT_EQ(repaired.text, "");
    EXPECT_FALSE(repaired.changed());
    EXPECT_FALSE(repaired.unrecoverable);
}

TEST(Repair, NulBytesAreKeptAroundRepairs) {
    const std::string input = "a\0b\0Ã©\0"s;
    const Repaired repaired = repair(input);
    EXPECT_EQ(repaired.text, "a\0b\0é\0"s);
    ASSERT_EQ(repaired.changes.size(), 1u);
    EXPECT_EQ(repaired.changes[0].begin, 4u);
    EXPECT_EQ(repaired.changes[0].end, 8u);
}

TEST(Repair, LongRunsAreRepairedWhole) {
    std::string mojibake;
    std::string meant;
    for (int i = 0; i < 20000; ++i) {
        mojibake += "Ã©";
        meant += "é";
    }
    const Repaired repaired = repair(mojibake);
    EXPECT_EQ(repaired.text, meant);
    EXPECT_EQ(repaired.changes.size(), 1u);

    std::string gbk;
    std::string chinese;
    for (int i = 0; i < 5000; ++i) {
        gbk += "鎵撳嵃杩斿洖鍙傛暟";
        chinese += "打印返回参数";
    }
    EXPECT_EQ(repair(gbk).text, chinese);
}

TEST(Repair, ChangesReplayToTheOutput) {
    for (const std::string& input :
         {"donâ€™t and ÃƒÂ©tÃƒÂ© 鎵撳嵃 ๐ผPandailyโขStale 锟斤拷 \xC2\x93x\xC2\x94"s,
          "Ã©Ã©Ã© 鈥檚 เธฃเธญ ðŸ˜€"s}) {
        const Repaired repaired = repair(input);
        EXPECT_EQ(replay(input, repaired), repaired.text) << input;
    }
}

// A megabyte of random valid code points: repair must finish (the test timeout catches a
// hang), keep the output valid UTF-8, and report changes that replay to it.
TEST(Repair, RandomCodePointsAreHandled) {
    std::mt19937 random(20240601);
    // Weighted towards the ranges mojibake lives in, so the slow paths run too.
    const std::vector<std::pair<char32_t, char32_t>> ranges = {
        {0x20, 0x7E},     {0x80, 0xFF},     {0x100, 0x24F},    {0x400, 0x4FF},
        {0x0E01, 0x0E5B}, {0x2000, 0x206F}, {0x2500, 0x257F},  {0x4E00, 0x9FFF},
        {0xFF00, 0xFFEF}, {0xFFFD, 0xFFFD}, {0x1F300, 0x1F64F}};
    std::string input;
    while (input.size() < 1'000'000) {
        const auto& [low, high] = ranges[random() % ranges.size()];
        const char32_t cp = low + static_cast<char32_t>(random() % (high - low + 1));
        if (cp < 0x80) {
            input.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            input.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            input.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            input.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            input.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            input.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            input.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            input.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            input.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            input.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    const Repaired repaired = repair(input);
    EXPECT_TRUE(is_valid_utf8(repaired.text));
    EXPECT_EQ(replay(input, repaired), repaired.text);
}

} // namespace
} // namespace zhisou::text
