#include "source_text.h"

#include <zhisou/text/utf8.h>

namespace zhisou::query::detail {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

char32_t fold_syntax(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFEE0; // full-width ASCII: （ -> (
    if (c < 0x20 || c == 0x7F)
        return U' '; // tabs, newlines, NUL...
    switch (c) {
    case 0x00A0: // no-break space
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x200B: // zero-width space: invisible, so it must not glue two words
    case 0x202F:
    case 0x205F:
    case 0x3000: // ideographic space
    case 0xFEFF: // byte order mark pasted along with text
        return U' ';
    case 0x201C: // “
    case 0x201D: // ”
        return U'"';
    default:
        return c;
    }
}

} // namespace

DecodedChar decode_char(std::string_view bytes, std::size_t byte) noexcept {
    const auto lead = static_cast<unsigned char>(bytes[byte]);
    if (lead < 0x80)
        return {lead, 1};
    std::size_t length = 0;
    char32_t c = 0;
    char32_t min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, c = lead & 0x1Fu, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, c = lead & 0x0Fu, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, c = lead & 0x07u, min = 0x10000;
    } else {
        return {kReplacement, 1};
    }
    if (byte + length > bytes.size())
        return {kReplacement, 1};
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(bytes[byte + k]);
        if ((next & 0xC0) != 0x80)
            return {kReplacement, 1};
        c = (c << 6) | (next & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        return {kReplacement, 1};
    return {c, length};
}

SourceText normalize_syntax(std::string_view query) {
    SourceText source;
    source.original.assign(query);
    source.normalized.reserve(query.size());
    source.char_of_byte.reserve(query.size() + 1);
    std::uint32_t index = 0;
    for_each_char(query, [&](char32_t c, std::size_t, std::size_t) {
        const std::size_t before = source.normalized.size();
        text::utf8::append(source.normalized, fold_syntax(c));
        source.char_of_byte.insert(source.char_of_byte.end(), source.normalized.size() - before,
                                   index);
        ++index;
    });
    source.char_of_byte.push_back(index);
    return source;
}

} // namespace zhisou::query::detail
