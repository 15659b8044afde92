#pragma once
// Word segmentation of normalized or raw UTF-8 text: ICU's dictionary word break for Han,
// plus Zhisou's rules for numbers, dates, product names and mixed tokens.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::text {

enum class WordKind : unsigned char {
    Han,    ///< Chinese characters forming one word (dictionary word, name, numeral)
    Latin,  ///< letters of an alphabetic script, apostrophes inside (don't, it's)
    Number, ///< digits, possibly with . or , between digits (3.14, 1,000, 192.168.0.1)
    Mixed,  ///< a compound like GLM-4.7, Qwen2.5-72B, 2025年: see below
    Other,  ///< kana, hangul, Thai and other scripts
};

/// A Mixed word is one of:
///  - letters and digits in one word (GPT4, R1, 72B, 4o, V3.2);
///  - word characters joined by '-', '_', '.', '@' without spaces where the joined form has
///    a digit or ICU already kept it as one word (GLM-4.7, DeepSeek-R1, Qwen2.5-72B,
///    2025-01-15, snake_case, example.com, a.b@example.com); plain hyphenated English
///    (state-of-the-art) stays separate Latin words;
///  - a number right before its unit: 3月, 15日, 8时, 50万, 1.5亿, 1万亿, 50%, and 年 after a
///    four-digit year (2025年; in 10 年 the duration stays two words).
/// Its parts, for indexing the pieces, are its maximal runs of letters, of digits (a '.' or
/// ',' between two digits belongs to the number: 4.7, 2.5) and of Han characters; every other
/// character ('-', '_', '.', '@', '%') only separates parts. So GLM-4.7 -> GLM, 4.7;
/// Qwen2.5-72B -> Qwen, 2.5, 72, B; GPT-4o -> GPT, 4, o; 2025年 -> 2025, 年; 50% -> 50.
struct Word {
    std::size_t begin = 0; ///< byte offset into the segmented text
    std::size_t end = 0;   ///< a word can be long (a 10 MB run of letters is one word)
    WordKind kind = WordKind::Other;
};

/// Splits UTF-8 text into words; spaces, punctuation, symbols, emoji and U+FFFD are not
/// returned (and never part of a word). Ill-formed UTF-8 is read as U+FFFD and skipped.
/// Thread-safe: break iterators are cached per thread. Throws InputError for texts of 2 GiB
/// or more (split them first).
[[nodiscard]] std::vector<Word> segment(std::string_view utf8);

/// Zhisou's rules on top of ICU's word break, as bits so that evaluations can switch each one
/// off and measure what it brings. segment() always applies all of them.
enum SegmentRule : unsigned {
    RULE_NONE = 0,
    RULE_MIXED = 1u << 0,          ///< GLM-4.7, Qwen2.5-72B, 2025年, 50%: one Mixed word
    RULE_HAN_NUMBER = 1u << 1,     ///< 二○○一年, 三十一日: Chinese numerals as one word
    RULE_FUNCTION_SPLIT = 1u << 2, ///< 就是 -> 就 是, 他的 -> 他 的, 住在 -> 住 在
    RULE_AFFIX = 1u << 3,          ///< 现代 化 -> 现代化, 委员 会 -> 委员会
    RULE_UNKNOWN_RUN = 1u << 4, ///< 克 林 顿 -> 克林顿: single characters of an unknown word
    RULE_PUNCT_RUN = 1u << 5,   ///< bakeoff only: —— and …… as one punctuation word
    RULE_MEASURE_SPLIT = 1u << 6,   ///< 一次 -> 一 次, 三年 -> 三 年
    RULE_DEGREE_SPLIT = 1u << 7,    ///< 最大 -> 最 大, 更多 -> 更 多
    RULE_TRANSLITERATION = 1u << 8, ///< 莎拉 波 娃 -> 莎拉波娃: a transliterated name
};
inline constexpr unsigned kAllSegmentRules =
    RULE_MIXED | RULE_HAN_NUMBER | RULE_FUNCTION_SPLIT | RULE_AFFIX | RULE_UNKNOWN_RUN |
    RULE_PUNCT_RUN | RULE_MEASURE_SPLIT | RULE_DEGREE_SPLIT | RULE_TRANSLITERATION;

struct BakeoffOptions {
    unsigned rules = kAllSegmentRules; ///< RULE_NONE gives ICU's plain word break
    /// Segment the Normalizer's output (NFKC, case folding, Traditional -> Simplified) as the
    /// Analyzer does, and map the boundaries back to the line. Off by default: ICU's
    /// dictionary segments Traditional text better in its own script.
    bool normalize = false;
};

/// The SIGHAN bakeoff format: the words of one line separated by one space, with each
/// punctuation character its own word (runs of —— or …… one word) and every character of the
/// line otherwise unchanged; ASCII whitespace only separates words.
[[nodiscard]] std::string segment_line_for_bakeoff(std::string_view utf8_line,
                                                   const BakeoffOptions& options = {});

} // namespace zhisou::text
