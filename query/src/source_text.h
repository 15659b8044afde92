#pragma once
// Internal: the query text as the grammar sees it. Chinese input methods type full-width
// punctuation (：（）“”！＋－) and letters (ＡＮＤ); the grammar only knows ASCII syntax, so
// each code point is folded 1:1 to its ASCII twin here, and every byte of the folded text
// maps back to the code point of the original query for error columns.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::query::detail {

struct SourceText {
    std::string original;   ///< the query as given (any bytes)
    std::string normalized; ///< valid UTF-8, same number of code points as `original`
    /// char_of_byte[b] = index of the code point that normalized byte b belongs to;
    /// one extra entry at normalized.size() = the number of code points.
    std::vector<std::uint32_t> char_of_byte;

    [[nodiscard]] std::uint32_t char_count() const noexcept { return char_of_byte.back(); }
    /// 1-based column of a byte offset into `normalized`.
    [[nodiscard]] std::size_t column_of(std::size_t byte) const noexcept {
        return char_of_byte[byte] + 1;
    }
};

/// Decodes `query` (invalid bytes become U+FFFD, one code point each) and folds syntax
/// characters: full-width ASCII U+FF01..FF5E to ASCII, U+3000 and other spaces and control
/// characters to ' ', curly double quotes “” to '"'.
[[nodiscard]] SourceText normalize_syntax(std::string_view query);

/// Calls fn(code point, byte begin, byte end) for each code point of any bytes; an invalid or
/// truncated sequence yields U+FFFD for its first byte and continues with the next byte.
template <typename Fn>
void for_each_char(std::string_view bytes, Fn&& fn);

/// The code point at `byte` in valid UTF-8 and its length; (U+FFFD, 1) if invalid.
struct DecodedChar {
    char32_t c;
    std::size_t length;
};
[[nodiscard]] DecodedChar decode_char(std::string_view bytes, std::size_t byte) noexcept;

template <typename Fn>
void for_each_char(std::string_view bytes, Fn&& fn) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const DecodedChar decoded = decode_char(bytes, i);
        fn(decoded.c, i, i + decoded.length);
        i += decoded.length;
    }
}

} // namespace zhisou::query::detail
