#pragma once
// Internal: the unit list that segmentation builds and its rules rewrite. A unit is a span of
// the text with a kind; units tile the text (spaces and punctuation included) so the bakeoff
// format and offsets fall out of the same list that segment() filters.

#include <cstdint>
#include <string_view>
#include <vector>

#include <zhisou/text/segment.h>

namespace zhisou::text::seg {

enum class UnitKind : unsigned char {
    Han,
    Latin,
    Number,
    Mixed,
    Other,
    Punct, ///< punctuation, symbols, emoji, U+FFFD: kept for the bakeoff, never a Word
    Space, ///< whitespace: never a Word; the bakeoff keeps non-ASCII spaces as characters
};

struct Unit {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    UnitKind kind = UnitKind::Other;
};

[[nodiscard]] inline bool is_word_kind(UnitKind kind) {
    return kind != UnitKind::Punct && kind != UnitKind::Space;
}

[[nodiscard]] inline WordKind word_kind(UnitKind kind) {
    switch (kind) {
    case UnitKind::Han:
        return WordKind::Han;
    case UnitKind::Latin:
        return WordKind::Latin;
    case UnitKind::Number:
        return WordKind::Number;
    case UnitKind::Mixed:
        return WordKind::Mixed;
    default:
        return WordKind::Other;
    }
}

/// Runs ICU's word break over `text` and classifies each span; then applies Zhisou's rules
/// selected by `rules` (SegmentRule bits). The result tiles `text`.
[[nodiscard]] std::vector<Unit> segment_units(std::string_view text, unsigned rules);

} // namespace zhisou::text::seg
