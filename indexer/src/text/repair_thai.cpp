// Thai-code-page mojibake. Real Thai is full of letters whose Windows-874 bytes (0xC0..0xDF:
// ม ย ร ล ว ส ห อ ะ า ...) can never occur in UTF-8 mojibake, so a run of Thai characters is
// taken for mojibake only when all of its bytes parse as UTF-8 sequences. Sequences that lost
// bytes are rebuilt only when the candidates leave one clearly most likely character.
#include "text/repair_thai.h"

#include <algorithm>
#include <bit>
#include <map>
#include <optional>

#include <zhisou/text/utf8.h>

#include "text/codepage_tables.h"
#include "text/repair_symbol_prior.h"
#include "text/repair_utf8.h"

namespace zhisou::text::repair_detail {
namespace {

constexpr std::size_t kMaxRealThaiForLoneSymbols = 3;

bool in(char32_t cp, char32_t first, char32_t last) {
    return cp >= first && cp <= last;
}

bool is_thai_char(char32_t cp) {
    return in(cp, 0x0E01, 0x0E5B);
}

struct ThaiItem {
    std::uint8_t byte = 0;
    bool lost_marker = false; // U+FFFD: some bytes did not survive
};

enum class PieceKind : std::uint8_t { Exact, Lossy };

struct Piece {
    std::size_t at = 0;
    std::size_t length = 0;
    PieceKind kind = PieceKind::Exact;
    char32_t cp = 0;                   // exact pieces
    std::uint8_t lead = 0;             // lossy pieces: what survived
    std::vector<std::uint8_t> present; // continuation bytes that survived, in order
    bool marker = false;               // a U+FFFD stood for the lost bytes
};

int sequence_length(std::uint8_t lead) {
    const int length = utf8_sequence_length(lead);
    return length >= 3 ? length : 0; // Thai letters never start two-byte sequences
}

std::optional<Piece> read_piece(const std::vector<ThaiItem>& items, std::size_t p) {
    if (items[p].lost_marker) {
        return std::nullopt;
    }
    const std::uint8_t lead = items[p].byte;
    const int need = sequence_length(lead);
    if (need == 0) {
        return std::nullopt;
    }
    Piece piece;
    piece.at = p;
    piece.lead = lead;
    std::size_t k = 1;
    while (k < static_cast<std::size_t>(need) && p + k < items.size() &&
           !items[p + k].lost_marker && is_continuation(items[p + k].byte)) {
        piece.present.push_back(items[p + k].byte);
        ++k;
    }
    if (k < static_cast<std::size_t>(need) && p + k < items.size() && items[p + k].lost_marker) {
        piece.marker = true;
        ++k;
    }
    piece.length = k;
    if (piece.present.size() + 1 == static_cast<std::size_t>(need)) {
        char32_t cp = lead & (need == 3 ? 0x0Fu : 0x07u);
        for (const std::uint8_t byte : piece.present) {
            cp = cp << 6 | (byte & 0x3Fu);
        }
        const bool overlong = (need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || in(cp, 0xD800, 0xDFFF) || is_implausible_result(cp)) {
            return std::nullopt;
        }
        piece.kind = PieceKind::Exact;
        piece.cp = cp;
        return piece;
    }
    piece.kind = PieceKind::Lossy;
    return piece;
}

/// Every character the lossy piece can have been: its surviving bytes kept in order, the
/// lost ones (0x80..0x9F, or only the undefined ones when the page was Windows-874) filled in.
std::vector<char32_t> candidates(const Piece& piece, bool windows874) {
    const SingleByteCodePage& page = thai_code_page();
    const int need = sequence_length(piece.lead);
    const auto slots = static_cast<std::size_t>(need - 1);
    const std::size_t lost = slots - piece.present.size();
    std::vector<std::uint8_t> lost_values;
    for (unsigned byte = 0x80; byte <= 0x9F; ++byte) {
        if (!windows874 || !page.defined(static_cast<std::uint8_t>(byte))) {
            lost_values.push_back(static_cast<std::uint8_t>(byte));
        }
    }
    std::vector<char32_t> found;
    // Which slots are lost: a bit mask over the continuation slots with `lost` bits set.
    for (unsigned mask = 0; mask < (1u << slots); ++mask) {
        if (static_cast<std::size_t>(std::popcount(mask)) != lost) {
            continue;
        }
        std::size_t combos = 1;
        for (std::size_t k = 0; k < lost; ++k) {
            combos *= lost_values.size();
        }
        for (std::size_t combo = 0; combo < combos; ++combo) {
            char32_t cp = piece.lead & (need == 3 ? 0x0Fu : 0x07u);
            std::size_t next_present = 0;
            std::size_t rest = combo;
            bool valid = true;
            for (std::size_t slot = 0; slot < slots; ++slot) {
                std::uint8_t byte = 0;
                if ((mask >> slot & 1u) != 0) {
                    byte = lost_values[rest % lost_values.size()];
                    rest /= lost_values.size();
                } else {
                    byte = piece.present[next_present++];
                }
                if (slot == 0 &&
                    ((piece.lead == 0xE0 && byte < 0xA0) || (piece.lead == 0xF0 && byte < 0x90) ||
                     (piece.lead == 0xF4 && byte > 0x8F))) {
                    valid = false;
                }
                cp = cp << 6 | (byte & 0x3Fu);
            }
            if (valid && !in(cp, 0xD800, 0xDFFF) && cp <= 0x10FFFF && !is_implausible_result(cp)) {
                found.push_back(cp);
            }
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

SymbolPosition position_of(const std::vector<Char>& text, std::size_t first, std::size_t last) {
    const char32_t prev = first > 0 ? text[first - 1].cp : 0;
    const char32_t next = last < text.size() ? text[last].cp : 0;
    const bool word_before = prev != 0 && is_word_char(prev);
    const bool word_after = next != 0 && is_word_char(next);
    if ((prev == 0 || prev == U'\n') && (next == U' ' || next == 0)) {
        return SymbolPosition::LineStart;
    }
    if (word_before && word_after) {
        return SymbolPosition::InsideWord;
    }
    if (word_after) {
        return SymbolPosition::BeforeWord;
    }
    if (word_before) {
        return SymbolPosition::AfterWord;
    }
    return SymbolPosition::Alone;
}

struct RunResult {
    std::string to;
    bool lossy = false;   // U+FFFD written
    bool rebuilt = false; // a lost byte filled in from the prior
    bool removed = false; // garbage dropped
};

class ThaiRuns {
public:
    explicit ThaiRuns(const std::vector<Char>& text) : m_text(text) {}

    void find(std::vector<bool>& claimed, std::vector<Edit>& edits) {
        struct Found {
            std::size_t first;
            std::size_t last;
            std::vector<Piece> pieces;
        };
        std::vector<Found> strong; // two or more pieces, at least one exact
        std::vector<Found> weak;   // only pieces that lost bytes: believable next to strong
        std::vector<Found> single; // one symbol on its own: believable in non-Thai text
        std::size_t real_thai = 0;
        std::size_t i = 0;
        while (i < m_text.size()) {
            if (claimed[i] || !is_run_char(m_text[i].cp)) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < m_text.size() && !claimed[end] && is_run_char(m_text[end].cp)) {
                ++end;
            }
            std::vector<Piece> pieces;
            const bool clean = parse(i, end, pieces);
            std::size_t exact = 0;
            for (const Piece& piece : pieces) {
                exact += piece.kind == PieceKind::Exact ? 1 : 0;
            }
            if (clean && pieces.size() >= 2 && exact >= 1) {
                strong.push_back(Found{i, end, std::move(pieces)});
            } else if (clean && pieces.size() == 1 && is_symbol_lead(pieces.front().lead)) {
                single.push_back(Found{i, end, std::move(pieces)});
            } else if (clean) {
                weak.push_back(Found{i, end, std::move(pieces)});
            } else {
                for (std::size_t k = i; k < end; ++k) {
                    real_thai += is_thai_char(m_text[k].cp) ? 1 : 0;
                }
            }
            i = end;
        }
        for (Found& found : strong) {
            emit(found.first, found.last, found.pieces, claimed, edits);
        }
        if (!strong.empty()) {
            for (Found& found : weak) {
                emit(found.first, found.last, found.pieces, claimed, edits);
            }
        }
        if (real_thai <= kMaxRealThaiForLoneSymbols) {
            for (Found& found : single) {
                emit(found.first, found.last, found.pieces, claimed, edits);
            }
        }
    }

private:
    static bool is_symbol_lead(std::uint8_t lead) {
        return lead == 0xE2 || lead == 0xE3 || lead == 0xEF || lead == 0xF0;
    }

    bool is_run_char(char32_t cp) const {
        if (cp == kReplacement) {
            return true;
        }
        if (!is_thai_char(cp) && !(cp >= 0x2013 && cp <= 0x20AC)) {
            return false; // cheap exit: Windows-874 has nothing else above ASCII but NBSP
        }
        const int byte = thai_code_page().to_byte(cp);
        if (byte < 0x80 || is_c1_control(cp)) {
            return false;
        }
        return is_thai_char(cp) || thai_code_page().defined(static_cast<std::uint8_t>(byte));
    }

    /// What Thai-page mojibake is made of: Thai letters (E0 B8 xx, E0 B9 xx: เธ, เน),
    /// punctuation and symbols (E2: โ), CJK punctuation (E3, EF) and emoji (F0: ๐). Real
    /// Thai produces other leads (ไ, ใ, ็, ้ ...) and other second bytes.
    bool plausible_piece(const Piece& piece) {
        const std::uint8_t second = piece.present.empty() ? 0 : piece.present.front();
        switch (piece.lead) {
        case 0xE0:
            return second == 0 || second == 0xB8 || second == 0xB9;
        case 0xE2:
        case 0xF0:
            return piece.kind == PieceKind::Exact || piece.present.empty() ||
                   !candidates_of(piece).empty();
        case 0xE3:
        case 0xEF:
            return piece.kind == PieceKind::Exact;
        default:
            return false;
        }
    }

    /// Parses characters [first, last) into pieces; false when some byte fits no piece.
    bool parse(std::size_t first, std::size_t last, std::vector<Piece>& pieces) {
        std::vector<ThaiItem> items;
        bool any_thai = false;
        bool kept_punctuation = false;
        for (std::size_t k = first; k < last; ++k) {
            const char32_t cp = m_text[k].cp;
            any_thai = any_thai || is_thai_char(cp);
            if (cp == kReplacement) {
                items.push_back(ThaiItem{0, true});
            } else {
                items.push_back(
                    ThaiItem{static_cast<std::uint8_t>(thai_code_page().to_byte(cp)), false});
                kept_punctuation = kept_punctuation || (cp >= 0x2000 && cp <= 0x20AC);
            }
        }
        if (!any_thai) {
            return false;
        }
        m_windows874 = m_windows874 || kept_punctuation;
        std::size_t p = 0;
        while (p < items.size()) {
            const auto piece = read_piece(items, p);
            if (!piece) {
                return false;
            }
            const bool last_piece = p + piece->length >= items.size();
            if (piece->kind == PieceKind::Lossy && piece->present.empty() && !piece->marker &&
                !is_symbol_lead(piece->lead) && !(last_piece && !pieces.empty())) {
                // A lone Thai lead is a real Thai vowel, unless mojibake was cut off after it.
                return false;
            }
            if (!plausible_piece(*piece)) {
                return false;
            }
            p += piece->length;
            Piece placed = *piece;
            placed.at += first;
            pieces.push_back(std::move(placed));
        }
        return true;
    }

    RunResult rebuild(std::size_t first, std::size_t last, const std::vector<Piece>& pieces) {
        RunResult result;
        for (const Piece& piece : pieces) {
            if (piece.kind == PieceKind::Exact) {
                utf8::append(result.to, piece.cp);
                continue;
            }
            if (!is_symbol_lead(piece.lead)) {
                utf8::append(result.to, kReplacement); // a Thai letter lost its last byte
                result.lossy = true;
                continue;
            }
            const std::size_t piece_last = std::min(piece.at + piece.length, last);
            const SymbolPosition position = position_of(m_text, piece.at, piece_last);
            const std::vector<char32_t>& options = candidates_of(piece);
            if (const auto winner = clear_winner(options, position)) {
                utf8::append(result.to, *winner);
                result.rebuilt = true;
            } else {
                result.removed = true;
            }
        }
        // Removing garbage must not glue the words around it together.
        if (result.to.empty() && first > 0 && last < m_text.size() &&
            is_word_char(m_text[first - 1].cp) && is_word_char(m_text[last].cp)) {
            result.to.push_back(' ');
        }
        return result;
    }

    void emit(std::size_t first, std::size_t last, const std::vector<Piece>& pieces,
              std::vector<bool>& claimed, std::vector<Edit>& edits) {
        const RunResult result = rebuild(first, last, pieces);
        std::string cause = "utf-8 as windows-874";
        if (result.removed) {
            cause += " (lossy, removed)";
        } else if (result.lossy) {
            cause += " (lossy)";
        } else if (result.rebuilt) {
            cause += " (lossy, rebuilt)";
        }
        std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(first),
                  claimed.begin() + static_cast<std::ptrdiff_t>(last), true);
        edits.push_back(
            Edit{first, last, result.to, std::move(cause), result.removed || result.lossy});
    }

    /// candidates(), remembered: the same damaged emoji tends to recur in a document.
    const std::vector<char32_t>& candidates_of(const Piece& piece) {
        std::vector<std::uint8_t> key{piece.lead, static_cast<std::uint8_t>(m_windows874)};
        key.insert(key.end(), piece.present.begin(), piece.present.end());
        auto it = m_candidates.find(key);
        if (it == m_candidates.end()) {
            it = m_candidates.emplace(std::move(key), candidates(piece, m_windows874)).first;
        }
        return it->second;
    }

    const std::vector<Char>& m_text;
    bool m_windows874 = false; // the text kept bytes Windows-874 defines (€, “, —)
    std::map<std::vector<std::uint8_t>, std::vector<char32_t>> m_candidates;
};

} // namespace

void find_thai_mojibake(const std::vector<Char>& text, std::vector<bool>& claimed,
                        std::vector<Edit>& edits) {
    ThaiRuns(text).find(claimed, edits);
}

} // namespace zhisou::text::repair_detail
