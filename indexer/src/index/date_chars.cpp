#include "index/date_chars.h"

namespace zhisou::index::detail {
namespace {

constexpr char32_t kReplacement = U'\uFFFD';

constexpr bool is_continuation(unsigned char byte) {
    return (byte & 0xC0U) == 0x80U;
}

/// Decodes one UTF-8 sequence; malformed or truncated sequences read as one replacement byte.
Sym decode(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80U) {
        return {lead, 1};
    }
    std::size_t len = 0;
    char32_t code = 0;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        len = 2;
        code = lead & 0x1FU;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        len = 3;
        code = lead & 0x0FU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        len = 4;
        code = lead & 0x07U;
    } else {
        return {kReplacement, 1};
    }
    if (pos + len > text.size()) {
        return {kReplacement, 1};
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto byte = static_cast<unsigned char>(text[pos + k]);
        if (!is_continuation(byte)) {
            return {kReplacement, 1};
        }
        code = (code << 6U) | (byte & 0x3FU);
    }
    // Overlong forms and surrogates are not characters; treat them as one bad byte.
    const bool overlong = (len == 3 && code < 0x800) || (len == 4 && code < 0x10000);
    if (overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
        return {kReplacement, 1};
    }
    return {code, len};
}

char32_t fold(char32_t c) {
    if (c < 0x80) {
        return c;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) { // full-width ASCII block
        const char32_t ascii = c - 0xFEE0;
        if (ascii == U'~') {
            return kRangeDash;
        }
        if (ascii == U'|') {
            return kBullet;
        }
        return ascii;
    }
    switch (c) {
    case U'\u00A0': // no-break space
    case U'\u2002':
    case U'\u2003':
    case U'\u2009': // thin space
    case U'\u202F':
    case U'\u3000': // ideographic space
        return U' ';
    case U'\u2010': // hyphen
    case U'\u2011': // non-breaking hyphen
    case U'\u2212': // minus sign
        return U'-';
    case U'\u2012': // figure dash
    case U'\u2013': // en dash
    case U'\u2014': // em dash
    case U'\u301C': // wave dash
    case U'\u2053': // swung dash
        return kRangeDash;
    case U'\u00B7':
    case U'\u2022':
    case U'\u30FB':
        return kBullet;
    case U'\u2F49': // Kangxi radical moon, a frequent stand-in for 月 in copied PDFs
        return U'月';
    case U'\u2F47': // Kangxi radical sun for 日
        return U'日';
    case U'號':
        return U'号';
    default:
        return c;
    }
}

} // namespace

Sym sym_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) {
        return {};
    }
    Sym sym = decode(text, pos);
    sym.code = fold(sym.code);
    if (sym.code == U'~') {
        sym.code = kRangeDash;
    }
    return sym;
}

Sym sym_before(std::string_view text, std::size_t pos) {
    if (pos == 0 || pos > text.size()) {
        return {};
    }
    // Step back over at most three continuation bytes to a lead byte, then check that the
    // sequence decoded from there ends exactly at pos; otherwise the last byte stands alone.
    std::size_t start = pos - 1;
    for (int steps = 0;
         steps < 3 && start > 0 && is_continuation(static_cast<unsigned char>(text[start]));
         ++steps) {
        --start;
    }
    const Sym sym = sym_at(text, start);
    if (start + sym.len == pos) {
        return sym;
    }
    return {kReplacement, 1};
}

int chinese_digit(char32_t c) {
    switch (c) {
    case U'〇':
    case U'○': // white circle, the usual typed stand-in for 〇
    case U'零':
        return 0;
    case U'一':
        return 1;
    case U'二':
        return 2;
    case U'三':
        return 3;
    case U'四':
        return 4;
    case U'五':
        return 5;
    case U'六':
        return 6;
    case U'七':
        return 7;
    case U'八':
        return 8;
    case U'九':
        return 9;
    default:
        return -1;
    }
}

} // namespace zhisou::index::detail
