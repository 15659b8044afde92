#pragma once
// UTF-8 stepping shared by every module. Inputs are valid UTF-8 (decode() guarantees it
// upstream); a truncated last sequence is read as far as it goes, never past the end.

#include <cstddef>
#include <string>
#include <string_view>

namespace zhisou::text::utf8 {

/// Byte length of the sequence that starts with `lead` (1 for stray continuation bytes).
[[nodiscard]] constexpr std::size_t sequence_length(unsigned char lead) noexcept {
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/// Calls fn(code point, begin, end) for each character.
template <typename Fn>
void for_each_code_point(std::string_view text, Fn&& fn) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = sequence_length(lead);
        if (i + length > text.size())
            length = text.size() - i;
        char32_t cp = length == 1   ? lead
                      : length == 2 ? (lead & 0x1Fu)
                      : length == 3 ? (lead & 0x0Fu)
                                    : (lead & 0x07u);
        for (std::size_t k = 1; k < length; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        }
        fn(cp, i, i + length);
        i += length;
    }
}

[[nodiscard]] inline std::u32string to_code_points(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for_each_code_point(text, [&](char32_t cp, std::size_t, std::size_t) { out.push_back(cp); });
    return out;
}

/// Appends code point `cp` (assumed valid) as UTF-8.
inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// Han ideographs: CJK Unified (BMP, Ext A, Ext B–H) and compatibility ideographs.
[[nodiscard]] constexpr bool is_han(char32_t c) noexcept {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2EBEF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x30000 && c <= 0x3134F);
}

} // namespace zhisou::text::utf8
