// GBK mojibake. Real Chinese text and UTF-8-read-as-GBK are both runs of Han characters, so
// the decision rests on two tests together: the run's GBK bytes must form UTF-8, and the
// decoded characters must be far more frequent in real Chinese than the ones they replace
// (mojibake lands on rare characters such as 鎵 鍙 锛 鈥, real text on common ones).
#include "text/repair_gbk.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include <zhisou/text/utf8.h>

#include "text/codepage_tables.h"
#include "text/repair_han_prior.h"
#include "text/repair_utf8.h"

namespace zhisou::text::repair_detail {
namespace {

// Average cost (rarity) the decoded run must beat the original by.
constexpr double kStrongMargin = 1.5;
constexpr double kWeakMargin = 1.0;

struct GbkItem {
    std::uint8_t byte = 0;
    ItemKind kind = ItemKind::Byte;
    std::size_t char_index = 0;
    bool char_start = false;
    bool char_end = false;
};

enum class PieceKind : std::uint8_t { Complete, Ascii, Lossy };

struct Piece {
    std::size_t at = 0;     ///< first item
    std::size_t length = 0; ///< items consumed
    char32_t cp = 0;
    PieceKind kind = PieceKind::Complete;
    bool residue = false; ///< U+FFFD written as UTF-8 and read as GBK (锟斤拷)
    bool silent = false;  ///< lossy with no marker: the missing bytes vanished without trace
    bool rebuilt = false; ///< complete only because dropped bytes were filled in
};

bool in(char32_t cp, char32_t first, char32_t last) {
    return cp >= first && cp <= last;
}

/// Punctuation and symbols a UTF-8 sequence of CJK text commonly decodes to.
bool is_punctuation_result(char32_t cp) {
    return in(cp, 0x2000, 0x206F) || in(cp, 0x3000, 0x303F) || in(cp, 0xFF00, 0xFFEF);
}

double char_cost(char32_t cp) {
    return chinese_char_cost(cp);
}

// Code page 936 has one single-byte character above ASCII: 0x80 is €.
constexpr char32_t kEuro = 0x20AC;
constexpr std::uint8_t kEuroByte = 0x80;

bool is_run_char(char32_t cp) {
    return cp == kEuro || (cp >= 0x80 && gbk_code(cp) != 0);
}

/// Reads the piece of decoded text that starts at items[p]: a UTF-8 sequence (complete or
/// with bytes lost), or an ASCII byte that was the trail byte of a GBK character.
std::optional<Piece> read_piece(const std::vector<GbkItem>& items, std::size_t p) {
    const GbkItem& first = items[p];
    if (first.kind != ItemKind::Byte) {
        return std::nullopt;
    }
    if (first.byte < 0x80) {
        return Piece{p, 1, first.byte, PieceKind::Ascii, false};
    }
    const int need = utf8_sequence_length(first.byte);
    if (need == 0) {
        return std::nullopt;
    }
    char32_t cp = first.byte & (need == 2 ? 0x1Fu : need == 3 ? 0x0Fu : 0x07u);
    std::size_t k = 1;
    while (k < static_cast<std::size_t>(need)) {
        if (p + k >= items.size()) {
            break;
        }
        const GbkItem& item = items[p + k];
        if (item.kind == ItemKind::Lost || item.kind == ItemKind::Question) {
            // The marker stands for the rest of the sequence.
            const bool residue = first.byte == 0xEF && k == 2 && items[p + 1].byte == 0xBF;
            return Piece{p, k + 1, kReplacement, PieceKind::Lossy, residue};
        }
        if (!is_continuation(item.byte)) {
            break;
        }
        cp = cp << 6 | (item.byte & 0x3Fu);
        ++k;
    }
    if (k < static_cast<std::size_t>(need)) {
        // Bytes went missing without a trace (a character the GBK decoder could not map was
        // dropped). Only believable where a character's second byte starts the sequence.
        if (k == 1 && first.char_start) {
            return std::nullopt;
        }
        return Piece{p, k, kReplacement, PieceKind::Lossy, false, true};
    }
    const bool overlong = (need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || in(cp, 0xD800, 0xDFFF)) {
        return std::nullopt;
    }
    return Piece{p, k, cp, PieceKind::Complete, cp == kReplacement};
}

/// Decodes `bytes` as whole three-byte UTF-8 sequences of CJK text; empty when they are not.
std::u32string decode_cjk_sequences(const std::vector<std::uint8_t>& bytes) {
    std::u32string chars;
    if (bytes.size() % 3 != 0) {
        return {};
    }
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint8_t lead = bytes[i];
        if (lead < 0xE1 || lead > 0xEF || !is_continuation(bytes[i + 1]) ||
            !is_continuation(bytes[i + 2])) {
            return {};
        }
        const char32_t cp =
            (lead & 0x0Fu) << 12 | (bytes[i + 1] & 0x3Fu) << 6 | (bytes[i + 2] & 0x3Fu);
        const bool cjk = in(cp, 0x4E00, 0x9FFF) || is_punctuation_result(cp);
        if (!cjk || in(cp, 0xD800, 0xDFFF) || is_implausible_result(cp)) {
            return {};
        }
        chars.push_back(cp);
    }
    return chars;
}

constexpr double kRebuildMargin = 1.5; // the winner must be this much likelier (in cost)
// A dictionary word outweighs a frequency class or two: 查询 beats 查觉 though 觉 is commoner.
constexpr double kWordBonus = 3.0;
constexpr std::size_t kMaxWordChecks = 40;

/// GB18030 decoders turn GBK's user-defined codes (AAA1..AFFE, F8A1..FEFE, A140..A7A0) into
/// private-use characters, which later software often drops: two bytes vanish at a character
/// boundary, between `before` and `after`. Returns the characters the clearly likeliest pair
/// makes of them, judged by character frequency and by ICU's dictionary (do they form a word,
/// or one with the characters `previous` and `next` around them), or nothing.
std::u32string rebuild_dropped_pair(const std::vector<std::uint8_t>& before,
                                    const std::vector<std::uint8_t>& after, char32_t previous,
                                    char32_t next) {
    struct Option {
        std::u32string chars;
        double cost = 0;
    };
    std::vector<Option> options;
    std::vector<std::uint8_t> bytes;
    // The pair ends one UTF-8 character and starts the next, so its first byte is a
    // continuation byte and its second a lead byte: of the user-defined codes only AA..AF
    // followed by E1..EF fit.
    for (unsigned lead = 0xAA; lead <= 0xAF; ++lead) {
        for (unsigned trail = 0xE1; trail <= 0xEF; ++trail) {
            const auto x = static_cast<std::uint8_t>(lead);
            const auto y = static_cast<std::uint8_t>(trail);
            if (!gbk_user_defined(x, y)) {
                continue;
            }
            bytes = before;
            bytes.push_back(x);
            bytes.push_back(y);
            bytes.insert(bytes.end(), after.begin(), after.end());
            std::u32string chars = decode_cjk_sequences(bytes);
            if (chars.empty()) {
                continue;
            }
            double cost = 0;
            for (const char32_t cp : chars) {
                cost += char_cost(cp);
            }
            options.push_back(Option{std::move(chars), cost});
        }
    }
    if (options.empty()) {
        return {};
    }
    std::sort(options.begin(), options.end(),
              [](const Option& a, const Option& b) { return a.cost < b.cost; });
    // Dictionary checks for the plausible few only: they cost a word-breaker run each.
    const double cutoff = options.front().cost + 2 * kWordBonus;
    std::size_t checked = 0;
    for (Option& option : options) {
        if (option.cost > cutoff || checked == kMaxWordChecks) {
            break;
        }
        ++checked;
        if (option.chars.size() >= 2 && is_dictionary_word(option.chars)) {
            option.cost -= kWordBonus;
        }
        if (previous != 0 && is_dictionary_word(std::u32string{previous, option.chars.front()})) {
            option.cost -= kWordBonus;
        }
        if (next != 0 && is_dictionary_word(std::u32string{option.chars.back(), next})) {
            option.cost -= kWordBonus;
        }
    }
    std::sort(options.begin(), options.begin() + static_cast<std::ptrdiff_t>(checked),
              [](const Option& a, const Option& b) { return a.cost < b.cost; });
    const bool clear = options.size() == 1 || options[0].cost + kRebuildMargin <= options[1].cost;
    return clear ? options.front().chars : std::u32string{};
}

class RunRepairer {
public:
    RunRepairer(const std::vector<Char>& text, std::size_t first, std::size_t last) : m_text(text) {
        for (std::size_t i = first; i < last; ++i) {
            const char32_t cp = text[i].cp;
            if (cp == kReplacement || cp == U'?') {
                m_items.push_back(
                    GbkItem{0, cp == U'?' ? ItemKind::Question : ItemKind::Lost, i, true, true});
                continue;
            }
            if (cp == kEuro) {
                m_items.push_back(GbkItem{kEuroByte, ItemKind::Byte, i, true, true});
                continue;
            }
            const std::uint16_t code = gbk_code(cp);
            m_items.push_back(
                GbkItem{static_cast<std::uint8_t>(code >> 8), ItemKind::Byte, i, true, false});
            m_items.push_back(
                GbkItem{static_cast<std::uint8_t>(code & 0xFF), ItemKind::Byte, i, false, true});
        }
    }

    /// Pieces grouped into maximal unbroken stretches. With `rebuild_dropped`, also tries to
    /// fill in dropped byte pairs (costly: only for runs already found to be mojibake).
    std::vector<std::vector<Piece>> stretches(bool rebuild_dropped) const {
        std::vector<std::vector<Piece>> result;
        std::vector<Piece> current;
        std::size_t p = 0;
        while (p < m_items.size()) {
            const auto piece = read_piece(m_items, p);
            if (rebuild_dropped) {
                if (const auto resume = rebuild(current, piece, p)) {
                    p = *resume;
                    continue;
                }
            }
            const bool usable = piece && (piece->kind != PieceKind::Complete || piece->residue ||
                                          !is_implausible_result(piece->cp));
            if (!usable) {
                if (!current.empty()) {
                    result.push_back(std::move(current));
                    current.clear();
                }
                ++p;
                continue;
            }
            current.push_back(*piece);
            p += piece->length;
        }
        if (!current.empty()) {
            result.push_back(std::move(current));
        }
        return result;
    }

    /// Where a sequence breaks off, tries the dropped-pair hypothesis (see
    /// rebuild_dropped_pair) at the character boundary where the bytes went missing: after a
    /// truncated sequence, or inside a sequence completed by the wrong bytes and followed by a
    /// stray continuation byte. Appends the rebuilt pieces to `current` and returns where to
    /// go on reading; nullopt when the hypothesis does not clearly fit.
    std::optional<std::size_t> rebuild(std::vector<Piece>& current,
                                       const std::optional<Piece>& piece, std::size_t p) const {
        const char32_t previous = current.empty() ? 0 : current.back().cp;
        // Only where the gap is pinned down to a few dozen candidates: a lead byte and one
        // continuation before it, and two continuation bytes after. A lone lead byte leaves
        // hundreds of characters possible, and frequency alone picks wrongly (梅 for 正).
        if (piece && piece->silent && piece->length == 2 &&
            utf8_sequence_length(m_items[p].byte) == 3) {
            const std::size_t gap = p + piece->length;
            if (gap >= m_items.size() || !m_items[gap].char_start) {
                return std::nullopt;
            }
            std::vector<std::uint8_t> before;
            for (std::size_t k = p; k < gap; ++k) {
                before.push_back(m_items[k].byte);
            }
            // The pair ends this character and starts the next, which the two bytes after
            // the gap complete.
            if (gap + 2 > m_items.size() || !is_byte(gap) || !is_byte(gap + 1)) {
                return std::nullopt;
            }
            const std::vector<std::uint8_t> after{m_items[gap].byte, m_items[gap + 1].byte};
            const std::size_t resume = gap + 2;
            const std::u32string chars =
                rebuild_dropped_pair(before, after, previous, char_at(resume));
            if (chars.empty()) {
                return std::nullopt;
            }
            if (chars.size() != 2) {
                return std::nullopt;
            }
            current.push_back(rebuilt_piece(p, gap - p, chars.front()));
            current.push_back(rebuilt_piece(gap, resume - gap, chars.back()));
            return resume;
        }
        // "璺緞": E8 B7 | BE 84 read as E8 B7 BE + stray 84; the pair was dropped before BE.
        if (!piece && !current.empty() && p >= 3 && is_byte(p) &&
            is_continuation(m_items[p].byte)) {
            const Piece& last = current.back();
            if (last.kind != PieceKind::Complete || last.length != 3 || last.at + 3 != p ||
                !m_items[p - 1].char_start) {
                return std::nullopt;
            }
            const std::vector<std::uint8_t> before{m_items[p - 3].byte, m_items[p - 2].byte};
            const std::vector<std::uint8_t> after{m_items[p - 1].byte, m_items[p].byte};
            const char32_t earlier = current.size() >= 2 ? current[current.size() - 2].cp : 0;
            const std::u32string chars =
                rebuild_dropped_pair(before, after, earlier, char_at(p + 1));
            if (chars.size() != 2) {
                return std::nullopt;
            }
            current.pop_back();
            current.push_back(rebuilt_piece(p - 3, 2, chars.front()));
            current.push_back(rebuilt_piece(p - 1, 2, chars.back()));
            return p + 1;
        }
        return std::nullopt;
    }

    /// The character a complete sequence at item `p` decodes to, or 0.
    [[nodiscard]] char32_t char_at(std::size_t p) const {
        if (p >= m_items.size()) {
            return 0;
        }
        const auto piece = read_piece(m_items, p);
        return piece && piece->kind == PieceKind::Complete ? piece->cp : 0;
    }

    [[nodiscard]] bool is_byte(std::size_t p) const { return m_items[p].kind == ItemKind::Byte; }

    static Piece rebuilt_piece(std::size_t at, std::size_t length, char32_t cp) {
        Piece piece{at, length, cp, PieceKind::Complete, false, false, true};
        return piece;
    }

    /// Trims a stretch so that it starts and ends on character boundaries.
    [[nodiscard]] bool align(std::vector<Piece>& pieces) const {
        while (!pieces.empty() && !m_items[pieces.front().at].char_start) {
            pieces.erase(pieces.begin());
        }
        while (!pieces.empty() && !m_items[pieces.back().at + pieces.back().length - 1].char_end) {
            pieces.pop_back();
        }
        return !pieces.empty();
    }

    [[nodiscard]] std::size_t first_char(const std::vector<Piece>& pieces) const {
        return m_items[pieces.front().at].char_index;
    }
    [[nodiscard]] std::size_t last_char(const std::vector<Piece>& pieces) const {
        const Piece& back = pieces.back();
        return m_items[back.at + back.length - 1].char_index + 1;
    }

    /// Characters overlapping 锟斤拷 residue, as [first, last) ranges.
    [[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>>
    residue_ranges(const std::vector<std::vector<Piece>>& all) const {
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        for (const auto& pieces : all) {
            for (const Piece& piece : pieces) {
                if (!piece.residue) {
                    continue;
                }
                std::size_t first = m_items[piece.at].char_index;
                std::size_t last = m_items[piece.at + piece.length - 1].char_index + 1;
                // Lost-byte markers right after the residue belong to it.
                while (last < m_text.size() &&
                       (m_text[last].cp == kReplacement || m_text[last].cp == U'?') &&
                       last < end_char()) {
                    ++last;
                }
                if (!ranges.empty() && ranges.back().second >= first) {
                    ranges.back().second = std::max(ranges.back().second, last);
                    first = ranges.back().first;
                } else {
                    ranges.emplace_back(first, last);
                }
            }
        }
        return ranges;
    }

private:
    [[nodiscard]] std::size_t end_char() const { return m_items.back().char_index + 1; }

    const std::vector<Char>& m_text;
    std::vector<GbkItem> m_items;
};

struct Verdict {
    double original_cost = 0; // average rarity of the characters replaced
    double decoded_cost = 0;  // average rarity of what replaces them
    int complete_cjk = 0;     // complete sequences that decode to CJK text or punctuation
    int punctuation = 0;
    int lossy = 0;
    int rebuilt = 0;
};

Verdict judge(const std::vector<Char>& text, std::size_t first, std::size_t last,
              const std::vector<Piece>& pieces) {
    Verdict verdict;
    double original = 0;
    for (std::size_t i = first; i < last; ++i) {
        original += char_cost(text[i].cp);
    }
    verdict.original_cost = original / static_cast<double>(last - first);
    double decoded = 0;
    for (const Piece& piece : pieces) {
        decoded += char_cost(piece.cp);
        if (piece.kind == PieceKind::Lossy) {
            ++verdict.lossy;
        } else if (piece.rebuilt) {
            ++verdict.rebuilt; // a guess: no evidence either way
        } else if (piece.kind == PieceKind::Complete) {
            if (in(piece.cp, 0x4E00, 0x9FFF) || is_punctuation_result(piece.cp)) {
                ++verdict.complete_cjk;
            }
            if (is_punctuation_result(piece.cp)) {
                ++verdict.punctuation;
            }
        }
    }
    verdict.decoded_cost = decoded / static_cast<double>(pieces.size());
    return verdict;
}

bool strong(const Verdict& v) {
    if (v.lossy + v.rebuilt > v.complete_cjk) {
        return false;
    }
    if (v.complete_cjk >= 2) {
        return v.decoded_cost + kStrongMargin <= v.original_cost;
    }
    // One sequence: only the punctuation that dominates real UTF-8 mojibake (鈥檚 -> ’s),
    // from characters that are rare in real text.
    return v.complete_cjk == 1 && v.punctuation == 1 && v.original_cost >= 5.0 &&
           v.decoded_cost <= 2.5;
}

bool weak(const Verdict& v) {
    return v.complete_cjk >= 1 && v.decoded_cost + kWeakMargin <= v.original_cost;
}

struct Candidate {
    std::size_t first = 0;
    std::size_t last = 0;
    std::string to;
    bool lossy = false;
    bool rebuilt = false;
    bool strong = false;
};

std::string cause_of(const Candidate& candidate) {
    if (candidate.lossy) {
        return candidate.rebuilt ? "utf-8 as gbk (lossy, partly rebuilt)" : "utf-8 as gbk (lossy)";
    }
    return candidate.rebuilt ? "utf-8 as gbk (lossy, rebuilt)" : "utf-8 as gbk";
}

/// The stretches of a run that read as mojibake, with what they decode to.
std::vector<Candidate> judge_stretches(const std::vector<Char>& text, const RunRepairer& run,
                                       const std::vector<std::vector<Piece>>& stretches) {
    std::vector<Candidate> found;
    for (auto pieces : stretches) {
        if (!run.align(pieces)) {
            continue;
        }
        const std::size_t first = run.first_char(pieces);
        const std::size_t last = run.last_char(pieces);
        const Verdict verdict = judge(text, first, last, pieces);
        if (!weak(verdict) && !strong(verdict)) {
            continue;
        }
        Candidate candidate{first,          last, {}, verdict.lossy > 0, verdict.rebuilt > 0,
                            strong(verdict)};
        for (const Piece& piece : pieces) {
            utf8::append(candidate.to, piece.cp);
        }
        found.push_back(std::move(candidate));
    }
    return found;
}

} // namespace

bool may_start_gbk_mojibake(char32_t cp) {
    const std::uint16_t code = gbk_code(cp);
    const auto lead = static_cast<std::uint8_t>(code >> 8);
    const auto trail = static_cast<std::uint8_t>(code & 0xFF);
    // CJK text in UTF-8 is three-byte sequences: lead E0..EF, then continuation bytes.
    return lead >= 0xE0 && lead <= 0xEF && is_continuation(trail);
}

void find_gbk_mojibake(const std::vector<Char>& text, std::vector<bool>& claimed,
                       std::vector<Edit>& edits) {
    std::vector<Candidate> candidates;
    bool any_strong = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (claimed[i] || !is_run_char(text[i].cp)) {
            ++i;
            continue;
        }
        // A run: GBK characters plus the lost-byte markers among and right after them.
        std::size_t end = i;
        bool suspicious = false;
        while (end < text.size() && !claimed[end] &&
               (is_run_char(text[end].cp) || text[end].cp == kReplacement ||
                (text[end].cp == U'?' && end > i))) {
            suspicious = suspicious || may_start_gbk_mojibake(text[end].cp);
            ++end;
        }
        if (!suspicious) {
            i = end;
            continue;
        }
        const RunRepairer run(text, i, end);
        const auto stretches = run.stretches(false);
        const auto residue = run.residue_ranges(stretches);
        if (!residue.empty()) {
            for (const auto& [first, last] : residue) {
                std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(first),
                          claimed.begin() + static_cast<std::ptrdiff_t>(last), true);
                std::string to;
                utf8::append(to, kReplacement);
                edits.push_back(Edit{first, last, std::move(to),
                                     "unrecoverable (gbk read as utf-8, then as gbk)", true});
            }
            i = end;
            continue;
        }
        std::vector<Candidate> found = judge_stretches(text, run, stretches);
        if (!found.empty()) {
            // Mojibake it is: read it again, filling in byte pairs a decoder dropped.
            std::vector<Candidate> rebuilt = judge_stretches(text, run, run.stretches(true));
            if (!rebuilt.empty()) {
                found = std::move(rebuilt);
            }
        }
        for (Candidate& candidate : found) {
            any_strong = any_strong || candidate.strong;
            candidates.push_back(std::move(candidate));
        }
        i = end;
    }
    for (Candidate& candidate : candidates) {
        if (!candidate.strong && !any_strong) {
            continue;
        }
        std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(candidate.first),
                  claimed.begin() + static_cast<std::ptrdiff_t>(candidate.last), true);
        edits.push_back(Edit{candidate.first, candidate.last, std::move(candidate.to),
                             cause_of(candidate), candidate.lossy});
    }
}

} // namespace zhisou::text::repair_detail
