// Normalizer: NFKC + case folding + full-width folding + Traditional -> Simplified, and the map
// from normalized bytes back to the original text.

#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <vector>

#include <zhisou/text/decode.h>
#include <zhisou/text/normalize.h>

namespace zhisou::text {
namespace {

struct NormalizeRow {
    const char* what;
    std::string input;
    std::string expected;
};

class NormalizeGolden : public ::testing::TestWithParam<NormalizeRow> {};

TEST_P(NormalizeGolden, MatchesExpected) {
    const NormalizeRow& row = GetParam();
    const Normalizer normalizer;
    EXPECT_EQ(normalizer.normalize(row.input), row.expected) << row.what;
    const NormalizedText mapped = normalizer.normalize_mapped(row.input);
    EXPECT_EQ(mapped.text, row.expected) << row.what;
    ASSERT_EQ(mapped.to_original.size(), mapped.text.size() + 1) << row.what;
    EXPECT_EQ(mapped.to_original.back(), row.input.size()) << row.what;
    for (std::size_t i = 1; i < mapped.to_original.size(); ++i) {
        EXPECT_LE(mapped.to_original[i - 1], mapped.to_original[i]) << row.what << " at " << i;
    }
}

// clang-format off
const NormalizeRow kRows[] = {
    {"ASCII is lower-cased", "Hello, World 42!", "hello, world 42!"},
    {"full-width letters and digits", "ＧＬＭ－４.７", "glm-4.7"},
    {"ideographic space and full-width punctuation", "Ａ\u3000Ｂ！", "a b!"},
    {"half-width katakana", "ｶﾞ", "ガ"},
    {"Traditional to Simplified", "智譜發佈會", "智谱发布会"},
    {"Traditional, several", "臺灣頭髮後來裡面", "台湾头发后来里面"},
    {"Simplified unchanged", "智谱清言", "智谱清言"},
    {"compatibility ideograph", "\uF900", "岂"},  // U+F900 -> U+8C48 豈 -> 岂
    {"sharp s", "Straße", "strasse"},
    {"capital sharp s", "\u1E9E", "ss"},
    {"Greek sigma, final sigma folds too", "ΣΊΣΥΦΟΣ σίσυφος", "σίσυφοσ σίσυφοσ"},
    {"ligature", "ﬁle", "file"},
    {"typographic apostrophe", "Don\u2019t", "don't"},
    {"circled digit", "①", "1"},
    {"roman numeral", "Ⅻ", "xii"},
    {"parenthesized ideograph", "㈱", "(株)"},
    {"combining acute composes", "Cafe\u0301", "caf\u00E9"},
    {"combining marks reordered", "a\u0302\u0323", "\u1EAD"},  // reordered by ccc: ậ
    {"capital with combining mark", "E\u0301", "\u00E9"},
    {"Hangul jamo compose", "\u1100\u1161", "\uAC00"},
    {"lone combining mark at the start", "\u0301abc", "\u0301abc"},
    {"soft hyphen and zero-width space removed", "ab\u00ADc\u200Bd", "abcd"},
    {"NUL kept", std::string("a\0B", 3), std::string("a\0b", 3)},
    {"ill-formed byte", "a\xFF" "b", "a\uFFFDb"},
    {"truncated sequence", "\xE6\x99", "\uFFFD\uFFFD"},
    {"encoded surrogate", "\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},
    {"math bold (supplementary)", "\U0001D400\U0001D401", "ab"},
    {"emoji unchanged", "\U0001F525", "\U0001F525"},
    {"empty", "", ""},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Rows, NormalizeGolden, ::testing::ValuesIn(kRows));

TEST(NormalizeMap, MapsEveryByteToItsOriginalCharacter) {
    const NormalizedText mapped = Normalizer().normalize_mapped("智譜ＧＬＭ");
    ASSERT_EQ(mapped.text, "智谱glm");
    const std::vector<std::uint32_t> expected = {0, 0, 0, 3, 3, 3, 6, 9, 12, 15};
    EXPECT_EQ(mapped.to_original, expected);
}

TEST(NormalizeMap, ExpansionsMapToTheirSourceCharacter) {
    const NormalizedText mapped = Normalizer().normalize_mapped("aßb");
    ASSERT_EQ(mapped.text, "assb");
    EXPECT_EQ(mapped.to_original, (std::vector<std::uint32_t>{0, 1, 1, 3, 4}));
    // A span covering only the first "s" still highlights the whole ß.
    EXPECT_EQ(mapped.original_begin(1), 1u);
    EXPECT_EQ(mapped.original_end(2), 3u);
    EXPECT_EQ(mapped.original_end(3), 3u);
    EXPECT_EQ(mapped.original_end(4), 4u);
}

TEST(NormalizeMap, CombiningSequenceMapsAsOneUnit) {
    const NormalizedText mapped = Normalizer().normalize_mapped("e\u0301x");
    ASSERT_EQ(mapped.text, "\u00E9x");
    EXPECT_EQ(mapped.to_original, (std::vector<std::uint32_t>{0, 0, 3, 4}));
    EXPECT_EQ(mapped.original_end(2), 3u);
}

TEST(NormalizeMap, DeletedCharactersAreSkipped) {
    const NormalizedText mapped = Normalizer().normalize_mapped("a\u00ADb");
    ASSERT_EQ(mapped.text, "ab");
    EXPECT_EQ(mapped.to_original, (std::vector<std::uint32_t>{0, 3, 4}));
    EXPECT_EQ(mapped.original_begin(1), 3u);
}

TEST(NormalizeMap, EmptyText) {
    const NormalizedText mapped = Normalizer().normalize_mapped("");
    EXPECT_EQ(mapped.text, "");
    EXPECT_EQ(mapped.to_original, (std::vector<std::uint32_t>{0}));
    EXPECT_EQ(mapped.original_end(0), 0u);
}

TEST(NormalizeMap, ReusedBuffersAreReset) {
    const Normalizer normalizer;
    NormalizedText mapped;
    normalizer.normalize_mapped("ＡＢＣＤＥＦ", mapped);
    normalizer.normalize_mapped("Xy", mapped);
    EXPECT_EQ(mapped.text, "xy");
    EXPECT_EQ(mapped.to_original, (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(NormalizeLarge, TenMegabyteLineOfMixedText) {
    std::string line;
    const std::string piece = "智譜ＧＬＭ Model-4.7 發佈, ";
    while (line.size() < 10 * 1024 * 1024)
        line += piece;
    const NormalizedText mapped = Normalizer().normalize_mapped(line);
    const std::string normalized_piece = "智谱glm model-4.7 发布, ";
    const std::size_t copies = line.size() / piece.size();
    ASSERT_EQ(mapped.text.size(), copies * normalized_piece.size());
    EXPECT_EQ(mapped.text.substr(0, normalized_piece.size()), normalized_piece);
    EXPECT_EQ(mapped.text.substr(mapped.text.size() - normalized_piece.size()), normalized_piece);
    EXPECT_EQ(mapped.to_original[mapped.text.size() - normalized_piece.size()],
              line.size() - piece.size());
    EXPECT_TRUE(is_valid_utf8(mapped.text));
}

TEST(NormalizeLarge, MegabytesOfCombiningMarksDoNotHang) {
    // One base letter under five million marks: ICU's reordering of one segment is quadratic,
    // so the Normalizer cuts long mark runs into bounded pieces.
    std::string text = "a";
    for (int i = 0; i < 5 * 1024 * 1024 / 4; ++i)
        text += "\u0301\u0323"; // ccc 230, 220
    const std::string normalized = Normalizer().normalize(text);
    EXPECT_TRUE(is_valid_utf8(normalized));
    // a + U+0323 compose to ạ (3 bytes, as many as before); no other mark composes.
    EXPECT_EQ(normalized.size(), text.size());
    EXPECT_EQ(normalized.substr(0, 3), "\u1EA1"); // ạ (a with dot below) starts the text
}

TEST(NormalizeThreads, ConcurrentUseGivesTheSameResult) {
    const Normalizer normalizer;
    const std::string input = "智譜ＡＩ發佈 GLM-4.7 Straße";
    const std::string expected = "智谱ai发布 glm-4.7 strasse";
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                if (normalizer.normalize(input) != expected)
                    ++failures[t];
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(failures, (std::vector<int>{0, 0, 0, 0}));
}

} // namespace
} // namespace zhisou::text
