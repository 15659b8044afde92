#include "index/gazetteer_chars.h"

namespace zhisou::index::gazetteer {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

[[nodiscard]] bool is_continuation(unsigned char byte) {
    return (byte & 0xC0U) == 0x80U;
}

/// CJK unified ideographs (with extension A and the supplementary planes) and compatibility
/// ideographs.
[[nodiscard]] bool is_han(char32_t c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

} // namespace

DecodedChar decode_at(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80U) {
        return {lead, 1};
    }
    std::size_t length = 0;
    char32_t code_point = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        code_point = lead & 0x1FU;
        minimum = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        code_point = lead & 0x0FU;
        minimum = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        code_point = lead & 0x07U;
        minimum = 0x10000;
    } else {
        return {kReplacement, 1};
    }
    if (pos + length > text.size()) {
        return {kReplacement, 1};
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if (!is_continuation(byte)) {
            return {kReplacement, 1};
        }
        code_point = (code_point << 6U) | (byte & 0x3FU);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    if (code_point < minimum || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        return {kReplacement, 1};
    }
    return {code_point, length};
}

char32_t code_point_before(std::string_view text, std::size_t pos) {
    if (pos == 0) {
        return 0;
    }
    std::size_t start = pos - 1;
    // A code point has at most 3 continuation bytes; stop there so bad input stays cheap.
    while (start > 0 && pos - start < 4 &&
           is_continuation(static_cast<unsigned char>(text[start]))) {
        --start;
    }
    const DecodedChar decoded = decode_at(text, start);
    return start + decoded.length == pos ? decoded.code_point : kReplacement;
}

bool is_word_char(char32_t c) {
    if (c < 0x80) {
        return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || is_ascii_digit(c);
    }
    return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) // Latin-1 letters, Latin Ext-A/B
           || (c >= 0x300 && c <= 0x36F)                       // combining accents
           || (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) // Greek
           || (c >= 0x400 && c <= 0x52F)                             // Cyrillic
           || (c >= 0x1E00 && c <= 0x1EFF)                           // Latin Extended Additional
           || (c >= 0xFF10 && c <= 0xFF19)                           // full-width digits
           || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A); // full-width letters
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const DecodedChar decoded = decode_at(text, pos);
        if (decoded.code_point == kReplacement && decoded.length == 1) {
            return false;
        }
        pos += decoded.length;
    }
    return true;
}

std::string written_shape(std::string_view text) {
    std::string shape;
    for (std::size_t pos = 0; pos < text.size();) {
        const DecodedChar decoded = decode_at(text, pos);
        const char32_t c = decoded.code_point;
        if (is_han(c)) {
            shape.append(text.substr(pos, decoded.length));
        }
        pos += decoded.length;
        const bool upper = (c >= U'A' && c <= U'Z') || (c >= 0xFF21 && c <= 0xFF3A) ||
                           (c >= 0xC0 && c <= 0xDE && c != 0xD7);
        const bool lower = (c >= U'a' && c <= U'z') || (c >= 0xFF41 && c <= 0xFF5A) ||
                           (c >= 0xDF && c <= 0xFF && c != 0xF7);
        if (upper) {
            shape.push_back('U');
        } else if (lower) {
            shape.push_back('l');
        }
    }
    return shape;
}

void ascii_lower(std::string& text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
}

std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); pos += decode_at(text, pos).length) {
        ++count;
    }
    return count;
}

} // namespace zhisou::index::gazetteer
