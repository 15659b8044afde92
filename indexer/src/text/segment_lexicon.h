#pragma once
// Internal: the small hand-written character classes behind Zhisou's segmentation rules
// (numerals, function words, measure words, suffixes, transliteration characters). Written
// from Chinese grammar, not learnt from any test set; each class serves one rule in
// segment_rules.cpp. Lookups are one table read: the rules ask them for every character.

#include <array>
#include <cstdint>

namespace zhisou::text::seg {

enum class CharFlag : std::uint16_t {
    Numeral = 1u << 0,    ///< 〇○零一二三四五六七八九十百千万亿两 (both scripts)
    DateUnit = 1u << 1,   ///< 年月日号 after a Chinese numeral: 二○○一年, 三十一日
    Function = 1u << 2,   ///< function words the dictionary sometimes glues: 就是, 不能
    Standalone = 1u << 3, ///< words on their own; never part of an unknown-word run
    CountingNumeral = 1u << 4, ///< 一二三 … 两几多: numerals that count things (一次, 三年)
    Measure = 1u << 5,         ///< measure words and counted time units: 次, 位, 条, 年, 天
    Degree = 1u << 6,          ///< degree adverbs: 最, 更, 很, 太
    Gradable = 1u << 7,        ///< one-character adjectives they modify: 大, 多, 好, 新
    Transliteration = 1u << 8, ///< characters of transliterated names: 克, 林, 顿, 斯, 娃
    Suffix = 1u << 9,          ///< productive suffixes: 化, 性, 者, 会, 院, 省
    LexicalDe = 1u << 10,      ///< X in X的 words that stay whole: 有的, 目的
    LexicalLe = 1u << 11,      ///< X in X了 words that stay whole: 为了, 除了
    LexicalZai = 1u << 12,     ///< X in X在 words that stay whole: 现在, 正在
};

/// One entry per Basic Multilingual Plane code point; built at compile time.
extern const std::array<std::uint16_t, 0x10000> kCharFlags;

/// Whether `c` belongs to the class `flag`. Every class lies in the BMP.
[[nodiscard]] inline bool has_flag(char32_t c, CharFlag flag) {
    return c < kCharFlags.size() && (kCharFlags[c] & static_cast<std::uint16_t>(flag)) != 0;
}

/// Function-character pairs that are words in their own right (只要, 不要, 要是).
[[nodiscard]] bool is_lexical_function_pair(char32_t first, char32_t second);

/// Numeral + measure pairs that are lexical words (一个, 多次).
[[nodiscard]] bool is_lexical_measure_pair(char32_t first, char32_t second);

/// Degree adverb + adjective pairs that are lexical words (更新: to update).
[[nodiscard]] bool is_lexical_degree_pair(char32_t first, char32_t second);

/// The two-character suffix 主义 / 主義 (socialism = 社会 + 主义 is one word).
[[nodiscard]] bool is_two_char_suffix(char32_t first, char32_t second);

} // namespace zhisou::text::seg
