#include "text/segment_units.h"

#include "text/segment_chars.h"
#include "text/segment_icu.h"
#include "text/segment_rules.h"

namespace zhisou::text::seg {
namespace {

// Scripts that ICU reports as letters but that are not alphabetic Latin-like words.
bool is_other_script_letter(char32_t c) {
    return (c >= 0x0590 && c < 0x1E00) || (c >= 0x2E80 && c < 0xA640) ||
           (c >= 0xAC00 && c < 0xD800) || (c >= 0xA960 && c < 0xAB00);
}

UnitKind classify_none(std::string_view span) {
    for (std::size_t i = 0; i < span.size();) {
        const CodePoint cp = decode_at(span, i);
        if (!is_space(cp.value))
            return UnitKind::Punct;
        i += cp.size;
    }
    return UnitKind::Space;
}

// Content decides the kind; ICU's status only says which family the span belongs to.
UnitKind classify_word(std::string_view span, IcuClass cls) {
    if (cls == IcuClass::Kana)
        return UnitKind::Other;
    bool letter = false;
    bool digit = false;
    bool han = false;
    bool joined = false; // an inner '.', '_', '-' or '@' between word characters
    bool other_script = false;
    for (std::size_t i = 0; i < span.size();) {
        const CodePoint cp = decode_at(span, i);
        const char32_t c = fold_width(cp.value);
        if (is_digit(c)) {
            digit = true;
        } else if (is_han(c)) {
            han = true;
        } else if (c == '.') {
            // A decimal point between digits keeps a number a number.
            const bool after_digit = i > 0 && is_digit(fold_width(decode_before(span, i).value));
            const bool before_digit = is_digit(fold_width(decode_at(span, i + cp.size).value));
            if (!(after_digit && before_digit))
                joined = true;
        } else if (c == '_' || c == '-' || c == '@' || c == ':' || c == '/') {
            joined = true;
        } else if (c == ',' || c == '\'' || c == 0x2019) {
            // thousands separator, apostrophe: part of the word
        } else if (is_other_script_letter(c)) {
            other_script = true;
        } else {
            letter = true;
        }
        i += cp.size;
    }
    if (!letter && !digit && !han && !other_script)
        return UnitKind::Punct; // a lone '@'
    if (cls == IcuClass::Ideo || han) {
        return (letter || digit || other_script) ? UnitKind::Other : UnitKind::Han;
    }
    if (other_script)
        return UnitKind::Other;
    if (joined || (letter && digit))
        return UnitKind::Mixed;
    if (digit)
        return UnitKind::Number;
    return UnitKind::Latin;
}

} // namespace

std::vector<Unit> segment_units(std::string_view text, unsigned rules) {
    // Reused across calls: a thread segmenting many documents allocates this once.
    thread_local std::vector<IcuSpan> spans;
    spans.clear();
    icu_word_spans(text, spans);
    std::vector<Unit> units;
    units.reserve(spans.size());
    for (const IcuSpan& span : spans) {
        const std::string_view part = text.substr(span.begin, span.end - span.begin);
        const UnitKind kind =
            span.cls == IcuClass::None ? classify_none(part) : classify_word(part, span.cls);
        units.push_back({span.begin, span.end, kind});
    }
    if (spans.capacity() > (std::size_t{1} << 20))
        std::vector<IcuSpan>().swap(spans);
    apply_rules(text, units, rules);
    return units;
}

} // namespace zhisou::text::seg
