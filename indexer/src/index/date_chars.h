#pragma once
// Internal: reads UTF-8 one character at a time, folding the variants people (and encoding
// accidents) use for the characters of a date onto one code each: full-width digits, letters
// and punctuation onto ASCII, odd spaces onto ' ', hyphen look-alikes onto '-', range dashes
// onto kRangeDash, Kangxi radicals ⽉⽇ onto 月日, 號 onto 号. No ICU: the mapping is small.

#include <cstddef>
#include <string_view>

namespace zhisou::index::detail {

/// En dash, em dash, figure dash, wave dash and tilde: the dashes of a range ("2024–2025").
inline constexpr char32_t kRangeDash = U'\u2013';
/// Middle dot, bullet, katakana middle dot and the full-width bar: byline field separators.
inline constexpr char32_t kBullet = U'\u00B7';

/// One folded character: its code and how many bytes of the original it spans.
/// An invalid UTF-8 byte reads as U+FFFD with len 1, so no input can stall a scanner.
struct Sym {
    char32_t code = 0;
    std::size_t len = 0; ///< 0 only at the end of the text
};

/// The character starting at byte `pos` (len 0 when pos is at or past the end).
[[nodiscard]] Sym sym_at(std::string_view text, std::size_t pos);

/// The character ending just before byte `pos` (len 0 when pos is 0).
[[nodiscard]] Sym sym_before(std::string_view text, std::size_t pos);

[[nodiscard]] constexpr bool is_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}
[[nodiscard]] constexpr bool is_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
[[nodiscard]] constexpr bool is_alnum(char32_t c) {
    return is_digit(c) || is_letter(c);
}
[[nodiscard]] constexpr char32_t to_lower(char32_t c) {
    return (c >= U'A' && c <= U'Z') ? c + (U'a' - U'A') : c;
}
/// Spaces that may sit between the parts of a date on one line.
[[nodiscard]] constexpr bool is_blank(char32_t c) {
    return c == U' ' || c == U'\t';
}
[[nodiscard]] constexpr bool is_space(char32_t c) {
    return is_blank(c) || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v';
}

/// Value of a Chinese numeral digit (〇○零一二…九), or -1.
[[nodiscard]] int chinese_digit(char32_t c);

} // namespace zhisou::index::detail
