#pragma once
// Internal: decoding one UTF-8 code point, and the character classes the segmentation rules
// reason about (Han, digits, connectors, number units, spaces). Header-only so the rules can
// inline them: they run for every character of every document.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace zhisou::text::seg {

struct CodePoint {
    char32_t value = 0;   ///< U+FFFD for an ill-formed sequence
    std::size_t size = 0; ///< bytes consumed, at least 1 unless at the end
};

/// Decodes the code point at byte `i`. Ill-formed bytes decode as U+FFFD of size 1, so a
/// caller that advances by `size` always makes progress and never reads past the end.
[[nodiscard]] inline CodePoint decode_at(std::string_view s, std::size_t i) {
    constexpr char32_t replacement = 0xFFFD;
    if (i >= s.size())
        return {0, 0};
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80)
        return {b0, 1};
    std::size_t size = 0;
    char32_t value = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        size = 2, value = b0 & 0x1Fu, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        size = 3, value = b0 & 0x0Fu, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        size = 4, value = b0 & 0x07u, min = 0x10000;
    } else {
        return {replacement, 1};
    }
    if (i + size > s.size())
        return {replacement, 1};
    for (std::size_t k = 1; k < size; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0u) != 0x80u)
            return {replacement, 1};
        value = (value << 6) | (b & 0x3Fu);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return {replacement, 1};
    }
    return {value, size};
}

/// The code point that ends just before byte `end` (for looking one character back).
[[nodiscard]] inline CodePoint decode_before(std::string_view s, std::size_t end) {
    if (end == 0 || end > s.size())
        return {0, 0};
    std::size_t begin = end - 1;
    // Step back over at most three continuation bytes to the lead byte.
    while (begin > 0 && end - begin < 4 &&
           (static_cast<unsigned char>(s[begin]) & 0xC0u) == 0x80u) {
        --begin;
    }
    const CodePoint cp = decode_at(s, begin);
    if (begin + cp.size == end)
        return cp;
    return {0xFFFD, 1};
}

/// CJK Unified Ideographs and their extensions, compatibility ideographs and 〇.
[[nodiscard]] constexpr bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x323AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x2F800 && c <= 0x2FA1F) || c == 0x3007;
}

/// ASCII and full-width digits (ICU treats both as numbers; so do the rules).
[[nodiscard]] constexpr bool is_digit(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/// Full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space map to ASCII; every other
/// character maps to itself. One code point to one code point, so offsets map back simply.
[[nodiscard]] constexpr char32_t fold_width(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFF01 + 0x21;
    if (c == 0x3000)
        return ' ';
    return c;
}

/// Characters that join letters and digits into one product-name-like token: GLM-4.7,
/// snake_case, example.com. (Full-width forms are folded before this is asked.)
[[nodiscard]] constexpr bool is_connector(char32_t c) {
    return c == '-' || c == '.' || c == '_';
}

/// Characters that, right after a number, make one word with it: 3月, 15日, 8时, 50万, 1亿,
/// 50%. (年 joins only a year: see is_year_unit.) Both scripts, since segment() may see
/// un-normalized text.
[[nodiscard]] constexpr bool is_number_unit(char32_t c) {
    switch (c) {
    case U'月':
    case U'日':
    case U'号':
    case U'號':
    case U'时':
    case U'時':
    case U'点':
    case U'點':
    case U'万':
    case U'萬':
    case U'亿':
    case U'億':
    case U'%':
    case U'％':
    case U'‰':
        return true;
    default:
        return false;
    }
}

/// Units that may follow another unit: 1万亿.
[[nodiscard]] constexpr bool is_magnitude_unit(char32_t c) {
    return c == U'万' || c == U'萬' || c == U'亿' || c == U'億';
}

/// 年 after a four-digit number is a date (2025年, one word); after other numbers it is a
/// duration (10 年) and stays apart.
[[nodiscard]] constexpr bool is_year_unit(char32_t c) {
    return c == U'年';
}

/// ASCII whitespace plus the Unicode spaces that appear in Chinese text.
[[nodiscard]] constexpr bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF ||
           c == 0x202F || c == 0x205F;
}

} // namespace zhisou::text::seg
