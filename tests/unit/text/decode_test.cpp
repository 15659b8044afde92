// decode(): BOMs, strict UTF-8, declared charsets, detection, U+FFFD accounting, and the
// helpers is_valid_utf8() and sniff_declared_charset(). Legacy-encoded inputs are spelled out
// byte by byte; the expected text is what those bytes mean.

#include <gtest/gtest.h>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/text/decode.h>

namespace zhisou::text {
namespace {

using namespace std::string_literals;
using namespace std::string_view_literals;

// --- encoded test strings (our own sentences) -----------------------------------------------

// 人工智能公司发布新模型 in GB18030
const std::string kGbNews = "\xC8\xCB\xB9\xA4\xD6\xC7\xC4\xDC\xB9\xAB\xCB\xBE\xB7\xA2\xB2\xBC"
                            "\xD0\xC2\xC4\xA3\xD0\xCD";
// 深度求索发布了开源大模型 in GB18030
const std::string kGbDeepSeek = "\xC9\xEE\xB6\xC8\xC7\xF3\xCB\xF7\xB7\xA2\xB2\xBC\xC1\xCB\xBF\xAA"
                                "\xD4\xB4\xB4\xF3\xC4\xA3\xD0\xCD";
// 人工智慧公司發布新模型 in Big5 (trail bytes 0x40-0x7E included)
const std::string kBig5News = "\xA4\x48\xA4\x75\xB4\xBC\xBC\x7A\xA4\xBD\xA5\x71\xB5\x6F\xA5\xAC"
                              "\xB7\x73\xBC\xD2\xAB\xAC";
// 騰訊和阿里巴巴 in Big5
const std::string kBig5Companies = "\xC4\xCB\xB0\x54\xA9\x4D\xAA\xFC\xA8\xBD\xA4\xDA\xA4\xDA";

Decoded detect_only(std::string_view bytes) {
    DecodeHints hints;
    hints.honour_declared = false;
    return decode(bytes, hints);
}

// --- empty and UTF-8 ------------------------------------------------------------------------

TEST(Decode, EmptyInputIsEmptyUtf8) {
    const Decoded decoded = decode("");
    EXPECT_EQ(decoded.text, "");
    EXPECT_EQ(decoded.encoding, "UTF-8");
    EXPECT_EQ(decoded.method, "utf-8");
    EXPECT_EQ(decoded.confidence, 100);
    EXPECT_EQ(decoded.replaced, 0u);
}

TEST(Decode, ValidUtf8IsCopiedUnchanged) {
    for (const std::string& text :
         {"plain ASCII"s, "知搜 indexes 人工智能 news"s, "emoji 🙂 ok"s}) {
        const Decoded decoded = decode(text);
        EXPECT_EQ(decoded.text, text);
        EXPECT_EQ(decoded.encoding, "UTF-8");
        EXPECT_EQ(decoded.method, "utf-8");
        EXPECT_EQ(decoded.confidence, 100);
        EXPECT_EQ(decoded.replaced, 0u);
    }
}

TEST(Decode, NulBytesInUtf8AreKept) {
    const std::string text = "abc\0def\0中文"s;
    const Decoded decoded = decode(text);
    EXPECT_EQ(decoded.encoding, "UTF-8");
    EXPECT_EQ(decoded.text, text);
    EXPECT_EQ(decoded.text.size(), 14u);
    EXPECT_EQ(decoded.replaced, 0u);
}

// --- BOMs -----------------------------------------------------------------------------------

struct BomRow {
    const char* what;
    std::string bytes;
    std::string encoding;
    std::string text;
    // Names the row in test listings instead of dumping its bytes.
    friend void PrintTo(const BomRow& row, std::ostream* out) { *out << row.what; }
};

class DecodeBom : public ::testing::TestWithParam<BomRow> {};

TEST_P(DecodeBom, StripsBomAndDecodes) {
    const BomRow& row = GetParam();
    const Decoded decoded = decode(row.bytes);
    EXPECT_EQ(decoded.encoding, row.encoding) << row.what;
    EXPECT_EQ(decoded.text, row.text) << row.what;
    EXPECT_EQ(decoded.method, "bom") << row.what;
    EXPECT_EQ(decoded.confidence, 100) << row.what;
    EXPECT_EQ(decoded.replaced, 0u) << row.what;
}

INSTANTIATE_TEST_SUITE_P(
    Boms, DecodeBom,
    ::testing::Values(
        BomRow{"UTF-8", "\xEF\xBB\xBF\xE4\xB8\xAD\xE6\x96\x87"s, "UTF-8", "中文"},
        BomRow{"UTF-16LE", "\xFF\xFE\x2D\x4E\x87\x65"s, "UTF-16LE", "中文"},
        BomRow{"UTF-16BE", "\xFE\xFF\x4E\x2D\x65\x87"s, "UTF-16BE", "中文"},
        BomRow{"UTF-32LE", "\xFF\xFE\x00\x00\x2D\x4E\x00\x00\x87\x65\x00\x00"s, "UTF-32LE", "中文"},
        BomRow{"UTF-32BE", "\x00\x00\xFE\xFF\x00\x00\x4E\x2D\x00\x00\x65\x87"s, "UTF-32BE", "中文"},
        BomRow{"UTF-16LE with ASCII", "\xFF\xFE\x41\x00\x49\x00"s, "UTF-16LE", "AI"},
        BomRow{"UTF-8 BOM only", "\xEF\xBB\xBF"s, "UTF-8", ""},
        BomRow{"UTF-16BE BOM only", "\xFE\xFF"s, "UTF-16BE", ""}));

TEST(Decode, Utf16LeBomFollowedByNulIsNotUtf32) {
    // FF FE 00 00 starts UTF-32LE, but also UTF-16LE "U+0000 ..."; the odd length decides.
    const Decoded decoded = decode("\xFF\xFE\x00\x00\x41\x00"s);
    EXPECT_EQ(decoded.encoding, "UTF-16LE");
    EXPECT_EQ(decoded.text, "\0A"s);
    EXPECT_EQ(decoded.replaced, 0u);
}

TEST(Decode, Utf8BomWithBrokenBytesReplacesAndCounts) {
    const Decoded decoded = decode("\xEF\xBB\xBF\xE4\xB8\xAD\xFF\xE6\x96\x87"s);
    EXPECT_EQ(decoded.encoding, "UTF-8");
    EXPECT_EQ(decoded.method, "bom");
    EXPECT_EQ(decoded.text, "中\uFFFD文");
    EXPECT_EQ(decoded.replaced, 1u);
}

// --- UTF-16 without BOM and lone surrogates -------------------------------------------------

TEST(Decode, Utf16WithoutBomAsciiHeavy) {
    const std::string bytes =
        "\x68\x00\x65\x00\x6C\x00\x6C\x00\x6F\x00\x20\x00\x77\x00\x6F\x00\x72\x00\x6C\x00\x64\x00"s;
    const Decoded decoded = decode(bytes);
    EXPECT_EQ(decoded.encoding, "UTF-16LE");
    EXPECT_EQ(decoded.text, "hello world");
    EXPECT_EQ(decoded.method, "detected");
}

TEST(Decode, Utf16WithoutBomChinese) {
    // 人工智能公司发布新模型 in UTF-16BE: no NUL bytes at all.
    const std::string bytes =
        "\x4E\xBA\x5D\xE5\x66\x7A\x80\xFD\x51\x6C\x53\xF8\x53\xD1\x5E\x03\x65\xB0\x6A\x21\x57\x8B"s;
    const Decoded decoded = decode(bytes);
    EXPECT_EQ(decoded.encoding, "UTF-16BE");
    EXPECT_EQ(decoded.text, "人工智能公司发布新模型");
    EXPECT_EQ(decoded.replaced, 0u);
}

TEST(Decode, LoneSurrogatesBecomeCountedReplacements) {
    // UTF-16LE: lone high surrogate D800 before 'A'; lone low surrogate DC00 before 'B'.
    const Decoded high = decode("\xFF\xFE\x00\xD8\x41\x00"s);
    EXPECT_EQ(high.text, "\uFFFDA");
    EXPECT_EQ(high.replaced, 1u);
    const Decoded low = decode("\xFF\xFE\x00\xDC\x42\x00"s);
    EXPECT_EQ(low.text, "\uFFFDB");
    EXPECT_EQ(low.replaced, 1u);
    // A proper pair (U+1F642) stays one character; a high surrogate cut off at the end does not.
    const Decoded pair = decode("\xFE\xFF\xD8\x3D\xDE\x42"s);
    EXPECT_EQ(pair.text, "🙂");
    EXPECT_EQ(pair.replaced, 0u);
    const Decoded cut = decode("\xFE\xFF\x00\x41\xD8\x3D"s);
    EXPECT_EQ(cut.text, "A\uFFFD");
    EXPECT_EQ(cut.replaced, 1u);
}

TEST(Decode, OddTrailingByteOfUtf16IsCounted) {
    const Decoded decoded = decode("\xFF\xFE\x41\x00\x42"s);
    EXPECT_EQ(decoded.text, "A\uFFFD");
    EXPECT_EQ(decoded.replaced, 1u);
}

// --- detection of legacy charsets -----------------------------------------------------------

struct DetectRow {
    const char* what;
    std::string bytes;
    std::string encoding;
    std::string text;
    // Names the row in test listings instead of dumping its bytes.
    friend void PrintTo(const DetectRow& row, std::ostream* out) { *out << row.what; }
};

class DecodeDetect : public ::testing::TestWithParam<DetectRow> {};

TEST_P(DecodeDetect, FindsCharsetAndText) {
    const DetectRow& row = GetParam();
    const Decoded decoded = decode(row.bytes);
    EXPECT_EQ(decoded.encoding, row.encoding) << row.what;
    EXPECT_EQ(decoded.text, row.text) << row.what;
    EXPECT_EQ(decoded.method, "detected") << row.what;
    EXPECT_EQ(decoded.replaced, 0u) << row.what;
    EXPECT_GE(decoded.confidence, 1) << row.what;
    EXPECT_LE(decoded.confidence, 99) << row.what;
}

INSTANTIATE_TEST_SUITE_P(
    Legacy, DecodeDetect,
    ::testing::Values(
        DetectRow{"GB18030 news", kGbNews, "GB18030", "人工智能公司发布新模型"},
        DetectRow{"GB18030 DeepSeek", kGbDeepSeek, "GB18030", "深度求索发布了开源大模型"},
        DetectRow{"GB18030 short", "\xCB\xD1\xCB\xF7\xD2\xFD\xC7\xE6"s, "GB18030", "搜索引擎"},
        DetectRow{"GB18030 in ASCII", "DeepSeek-R1 " + kGbNews + " (2025)", "GB18030",
                  "DeepSeek-R1 人工智能公司发布新模型 (2025)"},
        DetectRow{"Big5 news", kBig5News, "Big5", "人工智慧公司發布新模型"},
        DetectRow{"Big5 companies", kBig5Companies, "Big5", "騰訊和阿里巴巴"},
        DetectRow{"Shift_JIS",
                  "\x8D\xA1\x93\xFA\x82\xCD\x97\xC7\x82\xA2\x93\x56\x8B\x43\x82\xC5"
                  "\x82\xB7\x82\xCB"s,
                  "Shift_JIS", "今日は良い天気ですね"},
        DetectRow{"EUC-KR",
                  "\xC0\xCE\xB0\xF8\xC1\xF6\xB4\xC9\x20\xC8\xB8\xBB\xE7\xB0\xA1\x20\xBB\xF5\xB7"
                  "\xCE\xBF\xEE\x20\xB8\xF0\xB5\xA8\xC0\xBB\x20\xB9\xDF\xC7\xA5\xC7\xDF\xBD\xC0"
                  "\xB4\xCF\xB4\xD9"s,
                  "EUC-KR", "인공지능 회사가 새로운 모델을 발표했습니다"},
        DetectRow{"TIS-620 as windows-874",
                  "\xA2\xE8\xD2\xC7\xBB\xD1\xAD\xAD\xD2\xBB\xC3\xD0\xB4\xD4\xC9\xB0\xEC"s,
                  "windows-874", "ข่าวปัญญาประดิษฐ์"},
        DetectRow{"windows-1252",
                  "Caf\xE9"
                  " cr\xE8"
                  "me br\xFB"
                  "l\xE9"
                  "e"s,
                  "windows-1252", "Café crème brûlée"},
        DetectRow{"windows-1252 punctuation",
                  "\x93"
                  "Smart\x94 quotes \x96 and \x80"
                  "5"s,
                  "windows-1252", "“Smart” quotes – and €5"},
        DetectRow{"single Latin-1 byte", "\xE9"s, "windows-1252", "é"}));

TEST(Decode, Iso2022JpIsNotMistakenForAscii) {
    // こんにちは in ISO-2022-JP: 7-bit, so it is also valid UTF-8.
    const Decoded decoded =
        decode("\x1B\x24\x42\x24\x33\x24\x73\x24\x4B\x24\x41\x24\x4F\x1B\x28\x42"s);
    EXPECT_EQ(decoded.encoding, "ISO-2022-JP");
    EXPECT_EQ(decoded.text, "こんにちは");
    EXPECT_EQ(decoded.replaced, 0u);
}

// --- declared charsets ----------------------------------------------------------------------

TEST(Decode, DeclaredCharsetWinsWhenItDecodesCleanly) {
    // Big5 bytes are also well-formed GB18030. Detection says Big5; a declaration says GBK.
    ASSERT_EQ(detect_only(kBig5News).encoding, "Big5");
    DecodeHints hints;
    hints.declared_charset = "GBK";
    const Decoded decoded = decode(kBig5News, hints);
    EXPECT_EQ(decoded.encoding, "GB18030");
    EXPECT_EQ(decoded.method, "declared");
    EXPECT_EQ(decoded.replaced, 0u);
}

TEST(Decode, CharsetDeclaredInsideTheBytesIsUsed) {
    const std::string page =
        "<html><head><meta charset=\"big5\"></head><body>" + kBig5News + "</body></html>";
    const Decoded decoded = decode(page);
    EXPECT_EQ(decoded.encoding, "Big5");
    EXPECT_EQ(decoded.method, "declared");
    EXPECT_EQ(
        decoded.text,
        "<html><head><meta charset=\"big5\"></head><body>人工智慧公司發布新模型</body></html>");
}

TEST(Decode, HintWinsOverDeclarationInsideTheBytes) {
    const std::string feed = "<?xml version=\"1.0\" encoding=\"big5\"?><t>" + kBig5News + "</t>";
    DecodeHints hints;
    hints.declared_charset = "gb2312";
    EXPECT_EQ(decode(feed, hints).encoding, "GB18030");
    EXPECT_EQ(decode(feed).encoding, "Big5");
}

TEST(Decode, DeclaredCharsetLosesWhenItDoesNotDecodeCleanly) {
    DecodeHints hints;
    hints.declared_charset = "utf-8";
    const Decoded wrong_utf8 = decode(kGbDeepSeek, hints);
    EXPECT_EQ(wrong_utf8.encoding, "GB18030");
    EXPECT_EQ(wrong_utf8.method, "detected");
    EXPECT_EQ(wrong_utf8.text, "深度求索发布了开源大模型");
    EXPECT_EQ(wrong_utf8.replaced, 0u);

    // ISO-2022-JP is 7-bit: every byte of the GB18030 text is illegal in it.
    const std::string page = "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                             "charset=ISO-2022-JP\">" +
                             kGbNews;
    const Decoded wrong_meta = decode(page);
    EXPECT_EQ(wrong_meta.encoding, "GB18030");
    EXPECT_EQ(wrong_meta.method, "detected");
}

TEST(Decode, UnknownDeclaredCharsetIsIgnored) {
    DecodeHints hints;
    hints.declared_charset = "x-no-such-charset";
    const Decoded decoded = decode(kGbNews, hints);
    EXPECT_EQ(decoded.encoding, "GB18030");
    EXPECT_EQ(decoded.method, "detected");
}

TEST(Decode, DeclaredLatin1IsDecodedAsWindows1252) {
    DecodeHints hints;
    hints.declared_charset = "ISO-8859-1";
    const Decoded decoded = decode("caf\xE9 \x93"
                                   "AI\x94"s,
                                   hints);
    EXPECT_EQ(decoded.encoding, "windows-1252");
    EXPECT_EQ(decoded.method, "declared");
    EXPECT_EQ(decoded.text, "café “AI”");
}

TEST(Decode, GbkAliasesMapToGb18030) {
    for (const char* label : {"gb2312", "GBK", "x-gbk", "GB18030", "cp936", " \"gb2312\" "}) {
        DecodeHints hints;
        hints.declared_charset = label;
        const Decoded decoded = decode(kGbNews, hints);
        EXPECT_EQ(decoded.encoding, "GB18030") << label;
        EXPECT_EQ(decoded.method, "declared") << label;
        EXPECT_EQ(decoded.text, "人工智能公司发布新模型") << label;
    }
}

TEST(Decode, DeclarationsIgnoredWhenAskedTo) {
    DecodeHints hints;
    hints.declared_charset = "GBK";
    hints.honour_declared = false;
    EXPECT_EQ(decode(kBig5News, hints).encoding, "Big5");
}

// --- broken bytes ---------------------------------------------------------------------------

TEST(Decode, InvalidBytesInUtf8BecomeCountedReplacements) {
    // 中文, a stray 0xFF, 中文: one replacement.
    const Decoded stray = decode("\xE4\xB8\xAD\xE6\x96\x87\xFF\xE4\xB8\xAD\xE6\x96\x87"s);
    EXPECT_EQ(stray.encoding, "UTF-8");
    EXPECT_EQ(stray.text, "中文\uFFFD中文");
    EXPECT_EQ(stray.replaced, 1u);

    // 搜索引擎 with its last character cut after two of three bytes: one replacement.
    const Decoded cut = decode("\xE6\x90\x9C\xE7\xB4\xA2\xE5\xBC\x95\xE6\x93"s);
    EXPECT_EQ(cut.encoding, "UTF-8");
    EXPECT_EQ(cut.text, "搜索引\uFFFD");
    EXPECT_EQ(cut.replaced, 1u);

    // An overlong '/' (C0 AF) inside Chinese text: each byte is replaced.
    const Decoded overlong = decode("\xE4\xB8\xAD\xE6\x96\x87\xC0\xAF\xE4\xB8\xAD\xE6\x96\x87"s);
    EXPECT_EQ(overlong.text, "中文\uFFFD\uFFFD中文");
    EXPECT_EQ(overlong.replaced, 2u);
}

TEST(Decode, ArbitraryBytesNeverThrowAndAlwaysGiveValidUtf8) {
    std::mt19937 random(20250101);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(1, 300);
    for (int round = 0; round < 300; ++round) {
        std::string bytes(static_cast<std::size_t>(length(random)), '\0');
        for (char& c : bytes) {
            c = static_cast<char>(byte(random));
        }
        const Decoded decoded = decode(bytes);
        ASSERT_TRUE(is_valid_utf8(decoded.text)) << "round " << round;
        ASSERT_FALSE(decoded.encoding.empty());
        ASSERT_GE(decoded.confidence, 0);
        ASSERT_LE(decoded.confidence, 100);
        if (decoded.method == "fallback") {
            EXPECT_EQ(decoded.confidence, 0);
        }
    }
    for (int b = 0; b < 256; ++b) {
        const Decoded decoded = decode(std::string(1, static_cast<char>(b)));
        EXPECT_TRUE(is_valid_utf8(decoded.text)) << b;
        EXPECT_FALSE(decoded.text.empty()) << b; // one byte never vanishes
    }
}

TEST(Decode, GarbageFallsBackToUtf8WithCountedReplacements) {
    // C1 bytes and bytes that no candidate reads as text.
    const std::string garbage = "\x80\x81\xFF\xFE\x90\x9F\xFD\x8F\xFF\x80\x81\xFF"s;
    const Decoded decoded = decode(garbage);
    EXPECT_EQ(decoded.method, "fallback");
    EXPECT_EQ(decoded.encoding, "UTF-8");
    EXPECT_EQ(decoded.confidence, 0);
    EXPECT_EQ(decoded.replaced, 12u);
    EXPECT_EQ(decoded.text.size(), 12u * 3);
}

// --- big inputs (must finish; speed is measured by bench/eval_decode) ------------------------

TEST(Decode, TenMegabyteSingleLineInLegacyEncoding) {
    std::string line;
    while (line.size() < 10u * 1024 * 1024) {
        line += kGbDeepSeek;
        line += ' ';
    }
    const Decoded decoded = decode(line);
    EXPECT_EQ(decoded.encoding, "GB18030");
    EXPECT_EQ(decoded.replaced, 0u);
    const std::size_t copies = line.size() / (kGbDeepSeek.size() + 1);
    EXPECT_EQ(decoded.text.size(), copies * (std::string("深度求索发布了开源大模型").size() + 1));
}

TEST(Decode, TenMegabyteSingleLineOfUtf8WithOneBadByteAtTheEnd) {
    std::string line(10u * 1024 * 1024, 'a');
    line += "\xE4\xB8\xAD\xE6\x96\x87\xFF"; // 中文 then a stray byte
    const Decoded decoded = decode(line);
    EXPECT_EQ(decoded.encoding, "UTF-8");
    EXPECT_EQ(decoded.replaced, 1u);
    EXPECT_EQ(decoded.text.size(), line.size() - 1 + 3);
    EXPECT_TRUE(decoded.text.ends_with("中文\uFFFD"));
}

TEST(Decode, TenMegabytesOfValidUtf8AreCopied) {
    std::string text;
    while (text.size() < 10u * 1024 * 1024) {
        text += "知搜 search 人工智能 ";
    }
    const Decoded decoded = decode(text);
    EXPECT_EQ(decoded.method, "utf-8");
    EXPECT_EQ(decoded.text, text);
}

// --- is_valid_utf8 --------------------------------------------------------------------------

struct Utf8Row {
    const char* what;
    std::string bytes;
    bool valid;
    // Names the row in test listings instead of dumping its bytes.
    friend void PrintTo(const Utf8Row& row, std::ostream* out) { *out << row.what; }
};

class ValidUtf8 : public ::testing::TestWithParam<Utf8Row> {};

TEST_P(ValidUtf8, FollowsTheUnicodeStandard) {
    const Utf8Row& row = GetParam();
    EXPECT_EQ(is_valid_utf8(row.bytes), row.valid) << row.what;
    // The same bytes after a long ASCII prefix exercise the 16-bytes-at-a-time path.
    EXPECT_EQ(is_valid_utf8(std::string(37, 'x') + row.bytes), row.valid) << row.what;
}

INSTANTIATE_TEST_SUITE_P(
    Table37, ValidUtf8,
    ::testing::Values(
        Utf8Row{"empty", "", true}, Utf8Row{"ASCII", "Zhisou 1.0", true},
        Utf8Row{"NUL", "\0"s, true}, Utf8Row{"U+0080", "\xC2\x80", true},
        Utf8Row{"U+07FF", "\xDF\xBF", true}, Utf8Row{"U+0800", "\xE0\xA0\x80", true},
        Utf8Row{"U+D7FF", "\xED\x9F\xBF", true}, Utf8Row{"U+E000", "\xEE\x80\x80", true},
        Utf8Row{"U+FFFF", "\xEF\xBF\xBF", true}, Utf8Row{"U+10000", "\xF0\x90\x80\x80", true},
        Utf8Row{"U+10FFFF", "\xF4\x8F\xBF\xBF", true},
        Utf8Row{"Chinese", "\xE4\xB8\xAD\xE6\x96\x87", true},
        Utf8Row{"overlong NUL", "\xC0\x80", false}, Utf8Row{"overlong 2-byte", "\xC1\xBF", false},
        Utf8Row{"overlong 3-byte", "\xE0\x80\xAF", false},
        Utf8Row{"overlong 3-byte high", "\xE0\x9F\xBF", false},
        Utf8Row{"overlong 4-byte", "\xF0\x8F\xBF\xBF", false},
        Utf8Row{"surrogate D800", "\xED\xA0\x80", false},
        Utf8Row{"surrogate DFFF", "\xED\xBF\xBF", false},
        Utf8Row{"CESU-8 pair", "\xED\xA0\xBD\xED\xB8\x82", false},
        Utf8Row{"above U+10FFFF", "\xF4\x90\x80\x80", false},
        Utf8Row{"lead F5", "\xF5\x80\x80\x80", false}, Utf8Row{"byte FF", "\xFF", false},
        Utf8Row{"stray continuation", "\x80", false},
        Utf8Row{"truncated 2 of 3", "\xE4\xB8", false},
        Utf8Row{"truncated 3 of 4", "\xF0\x9F\x98", false},
        Utf8Row{"lead then ASCII",
                "\xE4"
                "A\xAD",
                false},
        Utf8Row{"5-byte form", "\xF8\x88\x80\x80\x80", false}));

TEST(IsValidUtf8, FindsABadByteAtEveryOffsetOfALongString) {
    for (std::size_t at = 0; at < 70; ++at) {
        std::string text(70, 'a');
        text[at] = '\x80';
        EXPECT_FALSE(is_valid_utf8(text)) << at;
        text[at] = 'b';
        EXPECT_TRUE(is_valid_utf8(text)) << at;
    }
}

// --- sniff_declared_charset -----------------------------------------------------------------

struct SniffRow {
    const char* what;
    std::string bytes;
    std::string declared;
    // Names the row in test listings instead of dumping its bytes.
    friend void PrintTo(const SniffRow& row, std::ostream* out) { *out << row.what; }
};

class Sniff : public ::testing::TestWithParam<SniffRow> {};

TEST_P(Sniff, FindsTheDeclaration) {
    EXPECT_EQ(sniff_declared_charset(GetParam().bytes), GetParam().declared) << GetParam().what;
}

INSTANTIATE_TEST_SUITE_P(
    Declarations, Sniff,
    ::testing::Values(
        SniffRow{"meta charset", "<html><head><meta charset=\"gb2312\"><title>", "gb2312"},
        SniffRow{"meta charset unquoted", "<META CHARSET=Big5>", "Big5"},
        SniffRow{"meta charset single quotes", "<meta charset='utf-8' />", "utf-8"},
        SniffRow{"http-equiv",
                 "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">", "GBK"},
        SniffRow{"http-equiv, content first",
                 "<meta content=\"text/html;charset=big5\" http-equiv=\"content-type\">", "big5"},
        SniffRow{"xml prolog", "<?xml version=\"1.0\" encoding=\"BIG5\"?><rss>", "BIG5"},
        SniffRow{"xml prolog single quotes", "<?xml version='1.0' encoding='gb2312'?>", "gb2312"},
        SniffRow{"xml prolog without encoding", "<?xml version=\"1.0\"?><meta charset=\"gbk\">",
                 "gbk"},
        SniffRow{"none", "<html><head><title>Zhisou</title></head></html>", ""},
        SniffRow{"charset word outside a meta tag", "<p>charset=big5 is a label</p>", ""},
        SniffRow{"meta without charset", "<meta name=\"description\" content=\"charset\">", ""},
        SniffRow{"empty value", "<meta charset=\"\">", ""},
        SniffRow{"beyond the first 4 KB", std::string(5000, ' ') + "<meta charset=\"big5\">", ""}));

} // namespace
} // namespace zhisou::text
