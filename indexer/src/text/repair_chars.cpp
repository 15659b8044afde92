// Character classes for repair, from ICU's character properties plus the block lists below.
#include "text/repair_chars.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <zhisou/text/utf8.h>

namespace zhisou::text::repair_detail {

std::vector<Char> to_chars(std::string_view utf8) {
    std::vector<Char> chars;
    chars.reserve(utf8.size());
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t size = utf8.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        std::size_t length = 1;
        char32_t cp = lead;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            cp = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            cp = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            cp = lead & 0x07u;
        } else if (lead >= 0x80) {
            length = 0; // stray byte
        }
        bool valid = length > 0 && i + length <= size;
        for (std::size_t k = 1; valid && k < length; ++k) {
            const unsigned char next = bytes[i + k];
            valid = (next & 0xC0u) == 0x80;
            cp = cp << 6 | (next & 0x3Fu);
        }
        if (valid && ((length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
                      (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)))) {
            valid = false;
        }
        if (!valid) {
            cp = kReplacement;
            length = 1;
        }
        chars.push_back(
            Char{cp, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + length)});
        i += length;
    }
    return chars;
}

namespace {

UChar32 icu_char(char32_t cp) {
    return static_cast<UChar32>(cp);
}

bool in(char32_t cp, char32_t first, char32_t last) {
    return cp >= first && cp <= last;
}

// Latin Extended-B letters that real orthographies use (Vietnamese, pinyin, Romanian,
// Azerbaijani schwa); the rest of the block is rare enough to count as noise.
bool is_common_latin_extended_b(char32_t cp) {
    return cp == 0x018F || cp == 0x0192 || in(cp, 0x01A0, 0x01A1) || in(cp, 0x01AF, 0x01B0) ||
           in(cp, 0x01CD, 0x01DC) || in(cp, 0x0218, 0x021B) || cp == 0x0259;
}

// Spacing modifier letters that appear as punctuation in ordinary text.
bool is_common_modifier(char32_t cp) {
    return cp == 0x02BC || cp == 0x02C6 || cp == 0x02C7 || in(cp, 0x02D8, 0x02DD);
}

// Cyrillic letters beyond Russian that living languages use (Ukrainian, Kazakh, ...).
bool is_common_cyrillic_extension(char32_t cp) {
    return in(cp, 0x0490, 0x0493) || in(cp, 0x049A, 0x049B) || in(cp, 0x04A2, 0x04A3) ||
           in(cp, 0x04AE, 0x04B1) || in(cp, 0x04BA, 0x04BB) || in(cp, 0x04D8, 0x04D9) ||
           in(cp, 0x04E8, 0x04E9);
}

} // namespace

bool is_letter(char32_t cp) {
    return u_isalpha(icu_char(cp)) != 0;
}
bool is_upper(char32_t cp) {
    return u_isUUppercase(icu_char(cp)) != 0;
}
bool is_lower(char32_t cp) {
    return u_isULowercase(icu_char(cp)) != 0;
}
bool is_digit(char32_t cp) {
    return u_isdigit(icu_char(cp)) != 0;
}
bool is_space(char32_t cp) {
    return u_isUWhiteSpace(icu_char(cp)) != 0;
}
bool is_c1_control(char32_t cp) {
    return cp >= 0x80 && cp <= 0x9F;
}
bool is_word_char(char32_t cp) {
    return is_letter(cp) || is_digit(cp);
}

bool is_combining_mark(char32_t cp) {
    const auto type = u_charType(icu_char(cp));
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
           type == U_ENCLOSING_MARK;
}

Script script_of(char32_t cp) {
    if (!is_letter(cp)) {
        return Script::None;
    }
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(icu_char(cp), &status)) {
    case USCRIPT_LATIN:
        return Script::Latin;
    case USCRIPT_GREEK:
        return Script::Greek;
    case USCRIPT_CYRILLIC:
        return Script::Cyrillic;
    case USCRIPT_HEBREW:
        return Script::Hebrew;
    case USCRIPT_ARABIC:
        return Script::Arabic;
    case USCRIPT_THAI:
        return Script::Thai;
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
        return Script::Han;
    default:
        return Script::Other;
    }
}

bool is_pictographic(char32_t cp) {
    return in(cp, 0x1F000, 0x1FAFF) || in(cp, 0x2600, 0x27BF) || in(cp, 0x2B00, 0x2BFF) ||
           in(cp, 0x2300, 0x23FF) || in(cp, 0x2190, 0x21FF) || in(cp, 0x25A0, 0x25FF);
}

bool is_implausible_result(char32_t cp) {
    if (cp < 0x20 ? cp != '\t' && cp != '\n' && cp != '\r' : in(cp, 0x7F, 0x9F)) {
        return true;
    }
    const auto type = u_charType(icu_char(cp));
    if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE) {
        return true;
    }
    if (cp < 0x0180) {
        return cp == 0x017F; // long s: only in old print
    }
    if (cp < 0x0250) {
        return !is_common_latin_extended_b(cp);
    }
    if (cp < 0x0300) {
        return cp != 0x0259 && !is_common_modifier(cp); // IPA and modifier letters
    }
    if (cp < 0x0370) {
        return false; // combining marks: judged by the caller from what precedes them
    }
    if (cp < 0x0400) {
        return cp < 0x0386 && cp != 0x037E;
    }
    if (cp < 0x0460) {
        return false;
    }
    if (cp < 0x0530) {
        return !is_common_cyrillic_extension(cp);
    }
    if (cp < 0x0590) {
        return true; // Armenian
    }
    if (cp < 0x0600) {
        return cp < 0x05D0; // Hebrew points and accents
    }
    if (cp < 0x0700) {
        return in(cp, 0x0610, 0x061A) || in(cp, 0x06D6, 0x06ED);
    }
    if (cp < 0x0900) {
        return true; // Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic extensions
    }
    if (cp < 0x1100) {
        return false; // Indic, Thai, Lao, Tibetan, Myanmar, Georgian
    }
    if (cp < 0x1E00) {
        return !in(cp, 0x1780, 0x17FF); // jamo, Ethiopic ... phonetic extensions; not Khmer
    }
    if (cp < 0x2000) {
        return false; // Vietnamese and polytonic Greek
    }
    if (cp < 0x2070) {
        return in(cp, 0x200B, 0x200C) || in(cp, 0x200E, 0x200F) || in(cp, 0x2028, 0x202E) ||
               in(cp, 0x2060, 0x206F);
    }
    if (cp < 0x2C00) {
        return in(cp, 0x20D0, 0x20FF); // combining marks for symbols
    }
    if (cp < 0x2E80) {
        return cp < 0x2E00; // Glagolitic, Coptic, Tifinagh, ...; not supplemental punctuation
    }
    if (cp < 0x3000) {
        return true; // CJK radicals, ideographic description
    }
    if (cp < 0x3400) {
        return false;
    }
    if (cp < 0x4E00) {
        return true; // CJK extension A
    }
    if (cp < 0xA000) {
        return false;
    }
    if (cp < 0xAC00) {
        return true; // Yi, Vai, Bamum, ...
    }
    if (cp < 0xD7B0) {
        return false; // Hangul syllables
    }
    if (cp < 0xFB00) {
        return true; // compatibility ideographs and the like
    }
    if (cp < 0xFE00) {
        return cp > 0xFB06; // presentation forms, except the Latin ligatures
    }
    if (cp < 0xFE10) {
        return false; // variation selectors
    }
    if (cp < 0xFF00) {
        return cp != 0xFEFF;
    }
    if (cp < 0xFFF0) {
        return false;
    }
    if (cp < 0x10000) {
        return cp != kReplacement;
    }
    return !in(cp, 0x1F000, 0x1FAFF) && !in(cp, 0xE0020, 0xE007F);
}

} // namespace zhisou::text::repair_detail
