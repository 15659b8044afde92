#pragma once
// Internal: what every repair detector shares: the text as code points with byte offsets,
// the edits detectors propose, and the character classes their plausibility tests use.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::text::repair_detail {

inline constexpr char32_t kReplacement = 0xFFFD;

/// One code point of the input and the bytes it occupies there.
struct Char {
    char32_t cp = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

/// Splits valid UTF-8 into code points (a stray invalid byte becomes one U+FFFD).
[[nodiscard]] std::vector<Char> to_chars(std::string_view utf8);

/// A replacement proposed by a detector: characters [first, last) of the text become `to`.
struct Edit {
    std::size_t first = 0;
    std::size_t last = 0;
    std::string to;
    std::string cause;
    bool unrecoverable = false; ///< information was lost (U+FFFD in `to`, or garbage removed)
};

/// Broad script of a letter, as far as repair cares.
enum class Script : std::uint8_t {
    None, ///< not a letter
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    Thai,
    Han, ///< also kana and Hangul: the CJK block
    Other,
};

[[nodiscard]] bool is_letter(char32_t cp);
[[nodiscard]] bool is_upper(char32_t cp);
[[nodiscard]] bool is_lower(char32_t cp);
[[nodiscard]] bool is_digit(char32_t cp);
[[nodiscard]] bool is_space(char32_t cp);
[[nodiscard]] bool is_combining_mark(char32_t cp);
[[nodiscard]] Script script_of(char32_t cp);
[[nodiscard]] bool is_c1_control(char32_t cp);
/// Letters and digits: what a word is made of.
[[nodiscard]] bool is_word_char(char32_t cp);

/// Characters that practically never occur in real text but come out of decoding random
/// bytes: controls, private use, unassigned code points, phonetic and modifier letters,
/// rare historic scripts and the like. A decode that produces one is not a repair.
[[nodiscard]] bool is_implausible_result(char32_t cp);

/// Emoji and pictographic symbols (including the dingbats and miscellaneous symbols blocks).
[[nodiscard]] bool is_pictographic(char32_t cp);

} // namespace zhisou::text::repair_detail
