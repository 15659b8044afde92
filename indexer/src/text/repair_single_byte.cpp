// Single-byte mojibake. For each code page, every character is mapped back to the byte it was
// decoded from, and maximal runs of bytes that form UTF-8 sequences are candidates. A run is
// repaired only when the evidence that it is mojibake (character pairs that real text almost
// never has) clearly outweighs how odd the decoded result would look, and only if the decoded
// characters are ones real text uses. Weak evidence counts only when the same code page
// already has strong evidence elsewhere in the document, the way a reader would judge.
#include "text/repair_single_byte.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unicode/uchar.h>

#include <zhisou/text/utf8.h>

#include "text/codepage_tables.h"
#include "text/decode_common_chars.h"
#include "text/repair_han_prior.h"
#include "text/repair_prescan.h"
#include "text/repair_utf8.h"

namespace zhisou::text::repair_detail {
namespace {

constexpr double kStrong = 2.0;         // enough evidence on its own
constexpr double kWeak = 0.5;           // enough when the document already has strong evidence
constexpr int kMaxLayers = 3;           // mojibake of mojibake of mojibake is as deep as we go
constexpr double kAdjacencyBonus = 1.0; // each further sequence in an unbroken run
constexpr double kStrayPenalty = 1.5;   // each unexplained high byte next to a run
constexpr double kHanRarityWeight = 0.1;

constexpr std::uint8_t kLeadOfNoBreakSpace = 0xC2; // C2 A0 = U+00A0
constexpr std::uint8_t kLeadOfAGrave = 0xC3;       // C3 A0 = U+00E0 à

struct Run {
    std::size_t first = 0; // code point range in the text examined
    std::size_t last = 0;
    std::u32string to;
    double score = 0;
    std::size_t page = 0;
    bool lossy = false;
    bool latin1_only = true; // every byte came from a C1 control or a Latin-1 character
};

struct Repair {
    std::size_t first = 0;
    std::size_t last = 0;
    std::u32string to;
    std::vector<std::string> pages; // innermost (first wrong decode) first
    bool lossy = false;
};

/// A stretch of text that may hold single-byte mojibake, and the pages worth trying on it.
struct Window {
    std::size_t first = 0;
    std::size_t last = 0;
    std::uint32_t pages = 0; // bit p: page p has a lead byte followed by a continuation here
};

/// The pages in which characters [first, last) of `cps` have a lead byte followed by a
/// continuation byte (or by a space, '?' or U+FFFD that may stand for a lost one).
std::uint32_t pages_with_sequences(std::u32string_view cps, std::size_t first, std::size_t last) {
    std::uint32_t pages = 0;
    for (std::size_t k = first; k + 1 < last; ++k) {
        const char32_t next = cps[k + 1];
        const std::uint32_t lead = single_byte_lead_pages(cps[k]);
        if (next == U' ' || next == U'?' || next == kReplacement) {
            pages |= lead;
        } else {
            pages |= lead & single_byte_continuation_pages(next);
        }
    }
    return pages;
}

/// The text examined, and which of its characters may take part in a repair.
struct Scope {
    std::u32string_view cps;
    const std::vector<bool>* blocked = nullptr; // claimed already, or context only
    std::vector<Window> windows;
};

std::vector<Repair> find_repairs(const Scope& scope, bool nested, int depth);

// Â, Ã and Ă (bytes C2 and C3 in the Latin pages) are rare capitals in real text; followed by
// a symbol they are the classic signature of UTF-8 read as Latin.
bool is_rare_capital(char32_t cp) {
    return cp == 0x00C2 || cp == 0x00C3 || cp == 0x0102;
}

// Letters for judging word context; ƒ is one in Unicode but in text mostly a symbol.
bool is_word_letter(char32_t cp) {
    return cp != 0x0192 && is_letter(cp);
}

bool is_apostrophe(char32_t cp) {
    return cp == U'\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x00B4 || cp == 0x02BC;
}

// Punctuation that often follows a word directly in real text.
bool is_soft_punctuation(char32_t cp) {
    return std::u32string_view(U"‘’“”‚„–—…•·«»‹›°™®´\u00AD").find(cp) != std::u32string_view::npos;
}

bool is_currency(char32_t cp) {
    return cp == U'$' || (cp >= 0x00A2 && cp <= 0x00A5) || (cp >= 0x20A0 && cp <= 0x20CF);
}

// Letters that are words by themselves (à, é, y ...): a decode that yields one of them
// standing alone is not suspicious.
bool is_one_letter_word(char32_t cp) {
    const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    return std::u32string_view(U"àáâéèêíìóòôúùüäöåøæçyaeoui").find(lower) !=
           std::u32string_view::npos;
}

struct Neighbours {
    char32_t prev2 = 0;
    char32_t prev = 0;
    char32_t next = 0;
};

Neighbours neighbours(std::u32string_view cps, std::size_t first, std::size_t last) {
    Neighbours around;
    if (first >= 1) {
        around.prev = cps[first - 1];
    }
    if (first >= 2) {
        around.prev2 = cps[first - 2];
    }
    if (last < cps.size()) {
        around.next = cps[last];
    }
    return around;
}

/// Letters and digits that `page` can encode: the words its mojibake sits inside. A Han
/// character next to "×”" says nothing about Windows-1252.
bool is_page_word_char(const SingleByteCodePage& page, char32_t cp) {
    return cp != 0 && is_word_char(cp) && page.to_byte(cp) >= 0;
}

/// How strongly the two characters `lead`+`cont` (one two-byte UTF-8 sequence under `page`)
/// suggest mojibake rather than intended text.
double pair_evidence(const SingleByteCodePage& page, std::uint8_t lead_byte, char32_t lead,
                     char32_t cont, const Neighbours& around, bool used_space) {
    if (is_c1_control(lead) || is_c1_control(cont)) {
        return 3.0; // C1 controls have no use in real text
    }
    const bool word_before = is_page_word_char(page, around.prev);
    const bool word_after = is_page_word_char(page, around.next);
    const bool letter_before = word_before && is_letter(around.prev);
    const bool rare_capital = is_rare_capital(lead);
    if (used_space) {
        if (lead_byte == kLeadOfAGrave) { // "voilÃ le", "jusqu'Ã nos": à lost its A0 byte
            if (letter_before && is_lower(around.prev)) {
                return 2.0;
            }
            return letter_before ? 0.0 : 1.0;
        }
        return lead_byte == kLeadOfNoBreakSpace ? 1.0 : 0.5;
    }
    if (cont == 0x00A0) {
        return rare_capital ? 2.0 : 0.0;
    }
    if (is_word_letter(cont)) {
        if (is_word_letter(lead)) {
            if (rare_capital) {
                return 2.0; // Ã or Â followed by Š Œ Ž š œ ž Ÿ ª µ º
            }
            if (script_of(lead) != script_of(cont)) {
                return 1.5;
            }
            if ((is_upper(lead) && letter_before && is_lower(around.prev)) ||
                (is_lower(lead) && is_upper(cont))) {
                return 1.5; // capitals inside a lower-case word
            }
            return 0.5;
        }
        return word_before || word_after ? 2.0 : 1.0;
    }
    if (is_word_letter(lead) && is_apostrophe(cont) && is_letter(around.next)) {
        // "Ã’s", "ZZAJÉ’s": a letter and an apostrophe, unless the letter is Ã/Â/Ă.
        return rare_capital ? 1.0 : 0.0;
    }
    if (is_currency(cont)) {
        // Currency signs stand in for letters in stylised text ("MÄ£ÄM", "$ÚÄMÌ").
        return rare_capital && lead_byte == kLeadOfNoBreakSpace ? 2.0 : 0.5;
    }
    if (is_word_letter(lead)) {
        if (rare_capital) {
            return 2.0;
        }
        if (is_soft_punctuation(cont)) {
            return word_after && is_letter(around.next) ? 2.0 : 0.5;
        }
        return word_before || word_after ? 2.0 : 1.5;
    }
    if (letter_before) {
        return 2.0; // a symbol pair glued to the end of a word: "Zam√≤"
    }
    return word_after || (word_before && is_digit(around.prev)) ? 1.0 : 0.0;
}

/// How odd the decoded character `cp` would look between `prev` and `next` (decoded text).
double result_penalty(char32_t cp, char32_t prev2, char32_t prev, char32_t next) {
    const Script script = script_of(cp);
    if (script == Script::Han || (cp >= 0x3000 && cp < 0xA000)) {
        double penalty =
            script_of(prev) == Script::Latin || script_of(next) == Script::Latin ? 3.0 : 0.0;
        // A wrong page lands on rare characters: enough to sink a lone three-byte sequence.
        if (cp >= 0x4E00 && cp <= 0x9FFF &&
            detail::han_frequency(cp) == detail::HanFrequency::rare) {
            penalty += 3.0;
        }
        if (cp >= 0xAC00 && cp <= 0xD7A3 && !detail::is_frequent_hangul(cp)) {
            // An uncommon Hangul syllable: odd anywhere, very odd on its own.
            const bool among_hangul = (prev >= 0xAC00 && prev <= 0xD7A3 && prev != cp) ||
                                      (next >= 0xAC00 && next <= 0xD7A3 && next != cp);
            penalty += among_hangul ? 1.5 : 3.0;
        }
        return penalty;
    }
    if (!is_letter(cp)) {
        return 0.0;
    }
    double penalty = 0.0;
    if (is_lower(cp) && is_upper(prev) && is_upper(prev2) && !is_lower(next)) {
        penalty += 2.0; // "AHř": lower case inside an upper-case word
    }
    if (is_upper(cp) && is_lower(prev)) {
        penalty += 1.5; // a capital inside a lower-case word
    }
    // A letter glued to letters of another script (Greek among Latin is normal: γ, μ).
    const auto foreign = [script](char32_t other) {
        const Script theirs = script_of(other);
        if (theirs == Script::None || theirs == script) {
            return false;
        }
        const bool greek_latin = (theirs == Script::Latin && script == Script::Greek) ||
                                 (theirs == Script::Greek && script == Script::Latin);
        return !greek_latin;
    };
    if (foreign(prev) || foreign(next)) {
        penalty += 1.5;
    }
    if (script == Script::Latin && !is_letter(prev) && !is_letter(next) &&
        !is_one_letter_word(cp)) {
        penalty += 1.0;
    }
    return penalty;
}

/// Portuguese contractions with à (às, àquele, àquilo): after "Ã " the space was the A0 byte.
bool joins_a_grave(std::u32string_view rest) {
    if (!rest.empty() && rest[0] == U's' && (rest.size() == 1 || !is_letter(rest[1]))) {
        return true;
    }
    return rest.substr(0, 4) == U"quel" || rest.substr(0, 4) == U"quil";
}

Item item_for(const SingleByteCodePage& page, char32_t cp) {
    if (cp == kReplacement) {
        return Item{0, ItemKind::Lost};
    }
    if (cp == U'?') {
        return Item{static_cast<std::uint8_t>('?'), ItemKind::Question};
    }
    if (cp == U' ') {
        return Item{static_cast<std::uint8_t>(' '), ItemKind::Space};
    }
    const int byte = page.to_byte(cp);
    if (byte < 0) {
        return Item{0, ItemKind::Other};
    }
    return Item{static_cast<std::uint8_t>(byte), ItemKind::Byte};
}

bool is_high(const Item& item) {
    return (item.kind == ItemKind::Byte && item.byte >= 0x80) || item.kind == ItemKind::Lost;
}

bool has_c1(std::u32string_view cps) {
    return std::any_of(cps.begin(), cps.end(), [](char32_t cp) { return is_c1_control(cp); });
}

/// `cps` with `repairs` (sorted, non-overlapping) applied.
std::u32string apply(std::u32string_view cps, const std::vector<Repair>& repairs) {
    std::u32string out;
    std::size_t at = 0;
    for (const Repair& repair : repairs) {
        out.append(cps.substr(at, repair.first - at));
        out += repair.to;
        at = repair.last;
    }
    out.append(cps.substr(at));
    return out;
}

struct ParsedSeq {
    std::size_t first = 0; // absolute code point index
    Sequence seq;
    std::u32string output; // what the sequence decodes to, including a kept space
    double evidence = 0;
    bool bad = false;
};

/// Scores the candidate runs of one code page inside one window of the text.
class PageScanner {
public:
    PageScanner(const Scope& scope, std::size_t window_first, std::size_t window_last,
                const SingleByteCodePage& page, std::size_t page_index, int depth)
        : m_cps(scope.cps), m_blocked(scope.blocked), m_first(window_first), m_page(page),
          m_page_index(page_index), m_depth(depth) {
        m_items.reserve(window_last - window_first);
        for (std::size_t i = window_first; i < window_last; ++i) {
            const bool blocked = scope.blocked != nullptr && (*scope.blocked)[i];
            m_items.push_back(blocked ? Item{0, ItemKind::Other} : item_for(page, m_cps[i]));
        }
    }

    std::vector<Run> runs() {
        std::vector<ParsedSeq> seqs = parse_all();
        std::vector<Run> found;
        std::size_t k = 0;
        while (k < seqs.size()) {
            if (seqs[k].bad) {
                ++k;
                continue;
            }
            std::size_t end = k + 1;
            while (end < seqs.size() && !seqs[end].bad &&
                   seqs[end].first == seqs[end - 1].first + seqs[end - 1].seq.length) {
                ++end;
            }
            Run run = score_run(seqs, k, end);
            if (has_c1(run.to) && !further_layer_consumes_c1(run)) {
                // A C1 control is only believable as a byte of a further layer of mojibake.
                for (std::size_t j = k; j < end; ++j) {
                    seqs[j].bad = seqs[j].bad || is_c1_control(seqs[j].seq.cp);
                }
                continue; // re-form the runs without those sequences
            }
            found.push_back(std::move(run));
            k = end;
        }
        return found;
    }

private:
    [[nodiscard]] const Item& item(std::size_t absolute) const {
        return m_items[absolute - m_first];
    }

    std::vector<ParsedSeq> parse_all() {
        std::vector<ParsedSeq> seqs;
        std::vector<bool> covered(m_items.size(), false);
        std::size_t i = 0;
        while (i < m_items.size()) {
            const auto seq = parse_sequence(m_items, i);
            if (!seq) {
                ++i;
                continue;
            }
            ParsedSeq parsed{m_first + i, *seq, {}, 0, false};
            decode_output(parsed);
            std::fill(covered.begin() + static_cast<std::ptrdiff_t>(i),
                      covered.begin() + static_cast<std::ptrdiff_t>(i + seq->length), true);
            seqs.push_back(std::move(parsed));
            i += seq->length;
        }
        count_strays(covered);
        for (ParsedSeq& parsed : seqs) {
            parsed.bad = is_bad(parsed);
            parsed.evidence = evidence(parsed);
        }
        return seqs;
    }

    void decode_output(ParsedSeq& parsed) const {
        const Sequence& seq = parsed.seq;
        parsed.output.push_back(seq.cp);
        if (seq.used_space && seq.length == 2 && item(parsed.first).byte == kLeadOfAGrave &&
            !joins_a_grave(m_cps.substr(parsed.first + 2))) {
            parsed.output.push_back(U' '); // "Ã nos" -> "à nos": keep the word break
        }
    }

    // Characters that would be mojibake too but that no sequence explains (high bytes of the
    // page, or Latin/Greek/Cyrillic/symbols it cannot encode), per maximal stretch of them:
    // mojibake is consistent, so a stretch that mostly does not parse is something else.
    [[nodiscard]] bool is_stray_candidate(std::size_t index) const {
        const Item& it = m_items[index];
        if (is_high(it)) {
            return true;
        }
        const char32_t cp = m_cps[m_first + index];
        return it.kind == ItemKind::Other && cp >= 0x80 && cp < 0x3000 && page_can_see(index);
    }

    [[nodiscard]] bool page_can_see(std::size_t index) const {
        return m_blocked == nullptr || !(*m_blocked)[m_first + index];
    }

    void count_strays(const std::vector<bool>& covered) {
        m_strays.assign(m_items.size(), 0);
        std::size_t i = 0;
        while (i < m_items.size()) {
            if (!is_stray_candidate(i) && !covered[i]) {
                ++i;
                continue;
            }
            std::size_t end = i;
            int strays = 0;
            while (end < m_items.size() && (is_stray_candidate(end) || covered[end])) {
                strays += covered[end] ? 0 : 1;
                ++end;
            }
            std::fill(m_strays.begin() + static_cast<std::ptrdiff_t>(i),
                      m_strays.begin() + static_cast<std::ptrdiff_t>(end), strays);
            i = end;
        }
    }

    [[nodiscard]] bool is_bad(const ParsedSeq& parsed) const {
        const char32_t cp = parsed.seq.cp;
        if (parsed.seq.lossy || is_c1_control(cp)) {
            return false; // C1 results are judged with the whole run (see runs())
        }
        if (is_implausible_result(cp)) {
            return true;
        }
        if (is_combining_mark(cp)) {
            const char32_t before = parsed.first > 0 ? m_cps[parsed.first - 1] : 0;
            return before == 0 || is_space(before);
        }
        return false;
    }

    [[nodiscard]] double evidence(const ParsedSeq& parsed) const {
        const Sequence& seq = parsed.seq;
        if (seq.lossy) {
            return 0.0;
        }
        const Neighbours around = neighbours(m_cps, parsed.first, parsed.first + seq.length);
        if (seq.length == 2) {
            return pair_evidence(m_page, item(parsed.first).byte, m_cps[parsed.first],
                                 m_cps[parsed.first + 1], around, seq.used_space);
        }
        if (seq.used_space) {
            return 1.0; // a guessed A0 byte: "Mikoláš Aleš" is not mojibake
        }
        double value = 3.0; // three or four characters in exactly UTF-8's pattern
        for (std::size_t k = 0; k < seq.length; ++k) {
            if (is_c1_control(m_cps[parsed.first + k])) {
                value += 1.0;
            }
        }
        return value;
    }

    [[nodiscard]] Run score_run(const std::vector<ParsedSeq>& seqs, std::size_t begin,
                                std::size_t end) const {
        Run run;
        run.first = seqs[begin].first;
        run.last = seqs[end - 1].first + seqs[end - 1].seq.length;
        run.page = m_page_index;
        double evidence_sum = 0;
        for (std::size_t k = begin; k < end; ++k) {
            run.to += seqs[k].output;
            evidence_sum += seqs[k].evidence;
            run.lossy = run.lossy || seqs[k].seq.lossy;
        }
        for (std::size_t i = run.first; i < run.last; ++i) {
            const char32_t cp = m_cps[i];
            if (cp >= 0x80 && cp != kReplacement && cp > 0xFF) {
                run.latin1_only = false;
            }
        }
        evidence_sum += kAdjacencyBonus * static_cast<double>(end - begin - 1);
        // Odd-looking results, judged in the decoded text with the original context around.
        const Neighbours around = neighbours(m_cps, run.first, run.last);
        double penalty = 0;
        for (std::size_t k = 0; k < run.to.size(); ++k) {
            const char32_t prev = k >= 1 ? run.to[k - 1] : around.prev;
            const char32_t prev2 = k >= 2 ? run.to[k - 2] : k == 1 ? around.prev : around.prev2;
            const char32_t next = k + 1 < run.to.size() ? run.to[k + 1] : around.next;
            penalty += result_penalty(run.to[k], prev2, prev, next);
            if (run.to[k] >= 0x4E00 && run.to[k] <= 0x9FFF) {
                // Breaks ties between pages that both decode (1251 vs Mac Cyrillic): the
                // right one gives the commoner characters (深度, not 棱寶).
                penalty += kHanRarityWeight * (chinese_char_cost(run.to[k]) - 1.0);
            }
        }
        penalty += kStrayPenalty * m_strays[run.first - m_first];
        run.score = evidence_sum - penalty;
        return run;
    }

    [[nodiscard]] bool further_layer_consumes_c1(const Run& run) const {
        if (m_depth >= kMaxLayers) {
            return false;
        }
        std::u32string inner = run.to;
        const Neighbours around = neighbours(m_cps, run.first, run.last);
        inner.insert(inner.begin(), around.prev == 0 ? U' ' : around.prev);
        inner.push_back(around.next == 0 ? U' ' : around.next);
        std::vector<bool> blocked(inner.size(), false);
        blocked.front() = blocked.back() = true;
        const std::size_t last = inner.size() - 1;
        const Scope scope{inner, &blocked, {Window{1, last, pages_with_sequences(inner, 1, last)}}};
        const std::u32string result = apply(inner, find_repairs(scope, true, m_depth + 1));
        return !has_c1(result);
    }

    std::u32string_view m_cps;
    const std::vector<bool>* m_blocked;
    std::size_t m_first;
    const SingleByteCodePage& m_page;
    std::size_t m_page_index;
    int m_depth;
    std::vector<Item> m_items;
    std::vector<int> m_strays;
};

std::string page_label(const Run& run) {
    const std::string_view name = single_byte_code_pages()[run.page].name();
    if (name == "windows-1252" && run.latin1_only) {
        return "latin-1";
    }
    return std::string(name);
}

/// Unwraps further layers inside an accepted repair ("ÃƒÂ©" -> "Ã©" -> "é"), with the text
/// around the repair as context; the nested search unwraps its own finds in turn.
void unwrap_layers(const Scope& scope, Repair& repair, int depth) {
    if (depth >= kMaxLayers) {
        return;
    }
    std::u32string inner = repair.to;
    const Neighbours around = neighbours(scope.cps, repair.first, repair.last);
    inner.insert(inner.begin(), around.prev == 0 ? U' ' : around.prev);
    inner.push_back(around.next == 0 ? U' ' : around.next);
    std::vector<bool> blocked(inner.size(), false);
    blocked.front() = blocked.back() = true;
    const std::size_t last = inner.size() - 1;
    const Scope nested{inner, &blocked, {Window{1, last, pages_with_sequences(inner, 1, last)}}};
    if (nested.windows.front().pages == 0) {
        return;
    }
    const std::vector<Repair> found = find_repairs(nested, true, depth + 1);
    if (found.empty()) {
        return;
    }
    std::u32string rebuilt;
    std::size_t at = 1;
    for (const Repair& part : found) {
        rebuilt.append(inner, at, part.first - at);
        rebuilt += part.to;
        at = part.last;
        repair.lossy = repair.lossy || part.lossy;
    }
    rebuilt.append(inner, at, inner.size() - 1 - at);
    repair.to = std::move(rebuilt);
    const std::vector<std::string>& inner_pages = found.front().pages;
    repair.pages.insert(repair.pages.begin(), inner_pages.begin(), inner_pages.end());
}

std::vector<Repair> find_repairs(const Scope& scope, bool nested, int depth) {
    const auto& pages = single_byte_code_pages();
    std::vector<Run> candidates;
    std::vector<double> support(pages.size(), 0.0);
    for (const Window& window : scope.windows) {
        for (std::size_t p = 0; p < pages.size(); ++p) {
            if ((window.pages >> p & 1u) == 0) {
                continue;
            }
            PageScanner scanner(scope, window.first, window.last, pages[p], p, depth);
            for (Run& run : scanner.runs()) {
                if (run.score >= kStrong) {
                    support[p] += run.score;
                }
                candidates.push_back(std::move(run));
            }
        }
    }
    // Nested layers are already known to be mojibake: weak evidence is enough there.
    std::erase_if(candidates, [&](const Run& run) {
        if (nested) {
            return run.score < kWeak || run.lossy;
        }
        const bool supported = support[run.page] >= kStrong;
        return run.score < kStrong && !(run.score >= kWeak && supported) &&
               !(run.lossy && run.score >= 0 && supported);
    });
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Run& a, const Run& b) { return a.score > b.score; });
    std::vector<Repair> repairs;
    std::vector<bool> taken(candidates.empty() ? 0 : scope.cps.size(), false);
    for (const Run& run : candidates) {
        const auto begin = taken.begin() + static_cast<std::ptrdiff_t>(run.first);
        const auto end = taken.begin() + static_cast<std::ptrdiff_t>(run.last);
        if (std::find(begin, end, true) != end) {
            continue; // overlaps a better-scored run of another page
        }
        std::fill(begin, end, true);
        Repair repair{run.first, run.last, run.to, {page_label(run)}, run.lossy};
        unwrap_layers(scope, repair, depth);
        repairs.push_back(std::move(repair));
    }
    std::sort(repairs.begin(), repairs.end(),
              [](const Repair& a, const Repair& b) { return a.first < b.first; });
    return repairs;
}

/// Characters any single-byte page maps to a byte >= 0x80, and U+FFFD (a lost byte).
bool is_page_char(char32_t cp) {
    static const std::vector<bool> table = [] {
        std::vector<bool> chars(0x10000, false);
        for (const SingleByteCodePage& page : single_byte_code_pages()) {
            for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
                const char32_t mapped = page.to_unicode(static_cast<std::uint8_t>(byte));
                if (mapped < chars.size()) {
                    chars[mapped] = true;
                }
            }
        }
        for (char32_t c1 = 0x80; c1 <= 0x9F; ++c1) {
            chars[c1] = true;
        }
        chars[kReplacement] = true;
        return chars;
    }();
    return cp < table.size() && table[cp];
}

/// Maximal stretches of page characters (with single spaces and '?' inside or right after,
/// which may stand for lost bytes) in which some page has a lead byte followed by a
/// continuation byte; only these can hold single-byte mojibake.
std::vector<Window> windows_of(const std::vector<Char>& text, std::u32string_view cps,
                               const std::vector<bool>& claimed) {
    std::vector<Window> windows;
    std::size_t i = 0;
    while (i < text.size()) {
        if (claimed[i] || !is_page_char(text[i].cp)) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < text.size() && !claimed[end]) {
            const char32_t cp = text[end].cp;
            if (is_page_char(cp)) {
                ++end;
            } else if ((cp == U' ' || cp == U'?') &&
                       (end + 1 >= text.size() || text[end + 1].cp != cp)) {
                ++end; // a space or '?' may be a lost byte; a second one in a row is not
            } else {
                break;
            }
        }
        const std::uint32_t pages = pages_with_sequences(cps, i, end);
        if (pages != 0) {
            windows.push_back(Window{i, end, pages});
        }
        i = end;
    }
    return windows;
}

std::string to_utf8(std::u32string_view cps) {
    std::string out;
    for (const char32_t cp : cps) {
        utf8::append(out, cp);
    }
    return out;
}

std::string cause_of(const Repair& repair) {
    std::string cause = "utf-8 as " + repair.pages.front();
    for (std::size_t k = 1; k < repair.pages.size(); ++k) {
        cause += ", then as " + repair.pages[k];
    }
    if (repair.lossy) {
        cause += " (lossy)";
    }
    return cause;
}

} // namespace

void find_single_byte_mojibake(const std::vector<Char>& text, std::vector<bool>& claimed,
                               std::vector<Edit>& edits) {
    std::u32string cps;
    cps.reserve(text.size());
    for (const Char& c : text) {
        cps.push_back(c.cp);
    }
    Scope scope;
    scope.windows = windows_of(text, cps, claimed);
    if (scope.windows.empty()) {
        return;
    }
    scope.cps = cps;
    scope.blocked = &claimed;
    for (Repair& repair : find_repairs(scope, false, 1)) {
        std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(repair.first),
                  claimed.begin() + static_cast<std::ptrdiff_t>(repair.last), true);
        edits.push_back(
            Edit{repair.first, repair.last, to_utf8(repair.to), cause_of(repair), repair.lossy});
    }
}

void find_c1_controls(const std::vector<Char>& text, std::vector<bool>& claimed,
                      std::vector<Edit>& edits) {
    const SingleByteCodePage& windows1252 = single_byte_code_pages().front();
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t cp = text[i].cp;
        if (claimed[i] || !is_c1_control(cp)) {
            continue;
        }
        const auto byte = static_cast<std::uint8_t>(cp);
        if (!windows1252.defined(byte)) {
            continue; // 81, 8D, 8F, 90, 9D: nothing was meant, leave them
        }
        std::string to;
        utf8::append(to, windows1252.to_unicode(byte));
        claimed[i] = true;
        edits.push_back(Edit{i, i + 1, std::move(to), "windows-1252 as latin-1", false});
    }
}

} // namespace zhisou::text::repair_detail
