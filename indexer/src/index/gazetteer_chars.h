#pragma once
// Internal: the few character facts the gazetteer needs, on UTF-8 bytes without ICU: decoding
// one code point, which characters make up a Latin word (for whole-word matching), and the
// written shape of a name (for aliases that must match the text as written).

#include <cstddef>
#include <string>
#include <string_view>

namespace zhisou::index::gazetteer {

struct DecodedChar {
    char32_t code_point = 0;
    std::size_t length = 0; ///< bytes consumed; 1 for an invalid byte (decoded as U+FFFD)
};

/// The code point starting at byte `pos` of `text` (pos < text.size()).
[[nodiscard]] DecodedChar decode_at(std::string_view text, std::size_t pos);

/// The code point ending just before byte `pos`; 0 when pos is 0.
[[nodiscard]] char32_t code_point_before(std::string_view text, std::size_t pos);

/// True for letters and digits of alphabetic scripts (Latin, Greek, Cyrillic, full-width
/// Latin). A Latin alias must not touch one of these; Han, kana, punctuation and spaces are
/// word breaks, since Chinese text writes "使用DeepSeek模型" without spaces.
[[nodiscard]] bool is_word_char(char32_t code_point);

[[nodiscard]] inline bool is_ascii_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

/// True when every byte sequence in `text` is well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text);

/// What an alias marked '=' must share with the text it matches, which normalization (case
/// folding, Traditional -> Simplified) erases: 'U' or 'l' for each cased letter ("xAI" ->
/// "lUU"), and each Han character itself (昇腾 is not 升腾, "to rise"). Full-width letters count
/// like their ASCII forms, so "Ｍｅｔａ" has the shape of "Meta"; digits, spaces and
/// punctuation are left out.
[[nodiscard]] std::string written_shape(std::string_view text);

/// Lower-cases ASCII letters in place (byte for byte, so offsets stay valid).
void ascii_lower(std::string& text);

/// Number of code points in `text`.
[[nodiscard]] std::size_t code_point_count(std::string_view text);

} // namespace zhisou::index::gazetteer
