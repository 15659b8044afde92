#pragma once
// Internal: minimal UTF-8 stepping for valid UTF-8 (decode guarantees validity upstream).

#include <cstddef>
#include <string_view>

namespace zhisou::index {

/// Byte length of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes).
[[nodiscard]] constexpr std::size_t utf8_length(char lead) noexcept {
    const auto c = static_cast<unsigned char>(lead);
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/// Calls fn(code point, begin, end) for each character of valid UTF-8 text.
template <typename Fn>
void for_each_code_point(std::string_view text, Fn&& fn) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = utf8_length(text[i]);
        if (i + len > text.size())
            len = text.size() - i;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        fn(cp, i, i + len);
        i += len;
    }
}

[[nodiscard]] constexpr bool is_han(char32_t c) noexcept {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2EBEF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x30000 && c <= 0x3134F);
}

} // namespace zhisou::index
