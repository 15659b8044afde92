// Splitting words of normalized text into parts (see analyzer_parts.h).

#include "text/analyzer_parts.h"

#include <unicode/uchar.h>

#include "text/segment_chars.h"

namespace zhisou::text::analyzer_detail {
namespace {

enum class CharClass : unsigned char { Letter, Digit, Han, Other };

CharClass classify(char32_t c) {
    if (c < 0x80) {
        if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return CharClass::Letter;
        if ((c >= '0' && c <= '9'))
            return CharClass::Digit;
        return CharClass::Other;
    }
    if (seg::is_han(c))
        return CharClass::Han;
    if (c == 0xFFFD)
        return CharClass::Other;
    const auto cp = static_cast<UChar32>(c);
    if (u_isdigit(cp))
        return CharClass::Digit;
    // Marks left over after NFKC composition stay with the letters they decorate.
    if (u_isalpha(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0)
        return CharClass::Letter;
    return CharClass::Other;
}

bool is_latin_letter(char32_t c) {
    // Basic Latin through Latin Extended-B and IPA, plus Latin Extended Additional.
    return c < 0x2B0 || (c >= 0x1E00 && c <= 0x1EFF);
}

// Characters that stay inside a part when the same class is on both sides: 4.7, 1,000, don't.
bool joins(CharClass cls, char32_t c) {
    if (cls == CharClass::Digit)
        return c == '.' || c == ',';
    if (cls == CharClass::Letter)
        return c == '\'' || c == 0x2019;
    return false;
}

PartKind part_kind(CharClass cls) {
    switch (cls) {
    case CharClass::Digit:
        return PartKind::Digits;
    case CharClass::Han:
        return PartKind::Han;
    default:
        return PartKind::Letters;
    }
}

} // namespace

void split_parts(std::string_view word, std::vector<Part>& parts) {
    parts.clear();
    CharClass current = CharClass::Other;
    Part part;
    for (std::size_t i = 0; i < word.size();) {
        const seg::CodePoint cp = seg::decode_at(word, i);
        const CharClass cls = classify(cp.value);
        if (cls == current && cls != CharClass::Other) {
            part.end = i + cp.size;
            if (cls == CharClass::Letter && !is_latin_letter(cp.value))
                part.latin = false;
        } else if (current != CharClass::Other && joins(current, cp.value)) {
            // A joiner continues the part only if the next character is of the same class.
            const seg::CodePoint next = seg::decode_at(word, i + cp.size);
            if (next.size != 0 && classify(next.value) == current) {
                part.end = i + cp.size + next.size;
                if (current == CharClass::Letter && !is_latin_letter(next.value))
                    part.latin = false;
                i += cp.size + next.size;
                continue;
            }
            parts.push_back(part);
            current = CharClass::Other;
        } else {
            if (current != CharClass::Other)
                parts.push_back(part);
            current = cls;
            if (cls != CharClass::Other) {
                part = Part{i, i + cp.size, part_kind(cls),
                            cls != CharClass::Letter || is_latin_letter(cp.value)};
            }
        }
        i += cp.size;
    }
    if (current != CharClass::Other)
        parts.push_back(part);
}

bool is_compound_term(std::string_view word) {
    for (std::size_t i = 0; i < word.size();) {
        const seg::CodePoint cp = seg::decode_at(word, i);
        const bool ascii_punct = cp.value > 0x20 && cp.value < 0x7F;
        if (!ascii_punct && classify(cp.value) == CharClass::Other)
            return false;
        i += cp.size;
    }
    return true;
}

} // namespace zhisou::text::analyzer_detail
