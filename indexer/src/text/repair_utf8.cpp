// Lenient UTF-8 parsing over mojibake bytes: strict about structure, tolerant of one lost or
// space-altered byte per sequence, because that is how real mojibake degrades.
#include "text/repair_utf8.h"

#include "text/repair_chars.h"

namespace zhisou::text::repair_detail {
namespace {

constexpr std::uint8_t kNoBreakSpaceByte = 0xA0;

/// Second-byte ranges that keep a sequence shortest-form and out of the surrogates (ED A0..BF
/// is let through here: CESU-8 needs it, and decode_strict rejects lone surrogates).
bool second_byte_ok(std::uint8_t lead, std::uint8_t second) {
    switch (lead) {
    case 0xE0:
        return second >= 0xA0;
    case 0xF0:
        return second >= 0x90;
    case 0xF4:
        return second <= 0x8F;
    default:
        return true;
    }
}

/// Where a space may stand for a 0xA0 byte that was turned into one: only where the result is
/// a likely character (C2 A0 NBSP, C3 A0 à, C5 A0 Š, CE A0 Π, D0 A0 Р; E0..E3 sequences, e.g.
/// Thai; F0 emoji).
bool space_may_stand_for_a0(std::uint8_t lead, int position, int need) {
    switch (need) {
    case 2:
        return lead == 0xC2 || lead == 0xC3 || lead == 0xC5 || lead == 0xCE || lead == 0xD0;
    case 3:
        return (lead >= 0xE0 && lead <= 0xE3 && position == 2) ||
               ((lead == 0xE2 || lead == 0xE3) && position == 1);
    default:
        return lead == 0xF0;
    }
}

struct Partial {
    char32_t cp = 0;
    std::size_t length = 0;
    bool lossy = false;
    bool used_space = false;
};

/// Reads the sequence at items[i] without joining surrogates.
std::optional<Partial> read_one(std::span<const Item> items, std::size_t i) {
    if (i >= items.size() || items[i].kind != ItemKind::Byte) {
        return std::nullopt;
    }
    const std::uint8_t lead = items[i].byte;
    const int need = utf8_sequence_length(lead);
    if (need == 0 || i + static_cast<std::size_t>(need) > items.size()) {
        return std::nullopt;
    }
    Partial seq;
    seq.length = static_cast<std::size_t>(need);
    char32_t cp = lead & (need == 2 ? 0x1Fu : need == 3 ? 0x0Fu : 0x07u);
    bool question_used = false;
    for (int k = 1; k < need; ++k) {
        const Item& item = items[i + static_cast<std::size_t>(k)];
        std::uint8_t byte = 0;
        switch (item.kind) {
        case ItemKind::Byte:
            byte = item.byte;
            if (!is_continuation(byte) || (k == 1 && !second_byte_ok(lead, byte))) {
                return std::nullopt;
            }
            break;
        case ItemKind::Lost:
            seq.lossy = true;
            break;
        case ItemKind::Question:
            // '?' for a lost byte is only believable once, and not in two-byte sequences,
            // where it is far more often a real question mark after an accented letter.
            if (question_used || need == 2) {
                return std::nullopt;
            }
            question_used = true;
            seq.lossy = true;
            break;
        case ItemKind::Space:
            if (seq.used_space || !space_may_stand_for_a0(lead, k, need)) {
                return std::nullopt;
            }
            seq.used_space = true;
            byte = kNoBreakSpaceByte;
            break;
        case ItemKind::Other:
            return std::nullopt;
        }
        cp = cp << 6 | (byte & 0x3Fu);
    }
    if (seq.lossy) {
        // A lead followed only by lost bytes is too little to call a character.
        int real = 0;
        for (int k = 1; k < need; ++k) {
            const ItemKind kind = items[i + static_cast<std::size_t>(k)].kind;
            real += kind == ItemKind::Byte || kind == ItemKind::Space ? 1 : 0;
        }
        if (need > 2 && real == 0) {
            return std::nullopt;
        }
        seq.cp = kReplacement;
        return seq;
    }
    if ((need == 3 && cp < 0x800) || (need == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        return std::nullopt;
    }
    seq.cp = cp;
    return seq;
}

} // namespace

int utf8_sequence_length(std::uint8_t lead) {
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

std::optional<Sequence> parse_sequence(std::span<const Item> items, std::size_t i) {
    const auto first = read_one(items, i);
    if (!first) {
        return std::nullopt;
    }
    Sequence seq{first->length, first->cp, first->lossy, first->used_space};
    if (first->lossy || first->cp < 0xD800 || first->cp > 0xDFFF) {
        return seq;
    }
    // A surrogate: valid only as the first half of a CESU-8 pair.
    if (first->cp > 0xDBFF) {
        return std::nullopt;
    }
    const auto second = read_one(items, i + first->length);
    if (!second || second->lossy || second->cp < 0xDC00 || second->cp > 0xDFFF) {
        return std::nullopt;
    }
    seq.length += second->length;
    seq.used_space = seq.used_space || second->used_space;
    seq.cp = 0x10000 + ((first->cp - 0xD800) << 10) + (second->cp - 0xDC00);
    return seq;
}

} // namespace zhisou::text::repair_detail
