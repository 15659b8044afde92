#include <algorithm>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include <zhisou/index/schema.h>
#include <zhisou/query/snippet.h>
#include <zhisou/text/analyzer.h>
#include <zhisou/text/utf8.h>

namespace zhisou::query {
namespace {

// Snippets look at the first part of very long documents only, so one huge hit cannot make a
// whole result page slow.
constexpr std::size_t kMaxAnalyzedBytes = 128 * 1024;
// Context shown before the first match of a passage.
constexpr std::size_t kLeadChars = 24;

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Moves `count` characters back (or forward) from byte offset `at`, staying in the text.
std::size_t back_chars(std::string_view text, std::size_t at, std::size_t count) {
    while (at > 0 && count > 0) {
        --at;
        while (at > 0 && is_continuation(text[at]))
            --at;
        --count;
    }
    return at;
}

std::size_t forward_chars(std::string_view text, std::size_t at, std::size_t count) {
    while (at < text.size() && count > 0) {
        ++at;
        while (at < text.size() && is_continuation(text[at]))
            ++at;
        --count;
    }
    return at;
}

std::size_t count_chars(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text)
        count += !is_continuation(c);
    return count;
}

// Long texts are searched for needles in pieces of about this size (see scan_for_passage).
constexpr std::size_t kScanPieceBytes = 4096;
// Texts shorter than this are analysed whole: finding windows would cost about as much.
constexpr std::size_t kWindowedFromBytes = 1024;
// With more distinct needles than this (a long pasted query), the whole text is analysed.
constexpr std::size_t kMaxNeedles = 64;
// Candidate windows closer than this are analysed as one.
constexpr std::size_t kMergeGapBytes = 64;

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

// What to look for in the normalized text so that every place a term can match is found.
// Terms are normalized already; prefixes as in the Analyzer: XB bigram, XU unigram, Z stem.
// Empty for a term we know no needle for.
std::vector<std::string> needles_of(std::string_view term) {
    if (term.starts_with("XB") || term.starts_with("XU"))
        return {std::string(term.substr(2))};
    if (term.starts_with("Z")) {
        // An English (Snowball) stem keeps the word's start except for its last letter
        // (happy -> happi, possibility -> possibl), and three-letter stems keep the first
        // two but for Snowball's exceptions dying, lying, tying (-> die, lie, tie).
        const std::string_view stem = term.substr(1);
        if (stem.size() <= 2)
            return {std::string(stem)};
        if (stem.size() == 3) {
            std::vector<std::string> out{std::string(stem.substr(0, 2))};
            if (stem[1] == 'i' && stem[2] == 'e')
                out.push_back(std::string(1, stem[0]) + "y");
            return out;
        }
        return {std::string(stem.substr(0, stem.size() - 1))};
    }
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z'))
        return {}; // a prefix this code does not know
    return {std::string(term)};
}

// glibc's memmem: string_view::find looks for the first byte and compares from there, which for
// Chinese needles (first bytes 0xE4..0xE9, as in every Han character) stops at every character.
std::size_t find_bytes(std::string_view haystack, std::string_view needle, std::size_t from) {
    if (from > haystack.size())
        return std::string_view::npos;
    const void* found =
        ::memmem(haystack.data() + from, haystack.size() - from, needle.data(), needle.size());
    return found == nullptr
               ? std::string_view::npos
               : static_cast<std::size_t>(static_cast<const char*>(found) - haystack.data());
}

// A token cannot start inside a run of ASCII letters or of ASCII digits (letter and digit
// runs are whole units of the Analyzer), so such a needle hit is no candidate.
bool can_start_token(std::string_view folded, std::size_t at) {
    if (at == 0)
        return true;
    const char before = folded[at - 1], first = folded[at];
    return !((is_ascii_letter(first) && is_ascii_letter(before)) ||
             (is_ascii_digit(first) && is_ascii_digit(before)));
}

// A Han character (U+4E00..U+9FFF) ends just before `at`.
bool han_before(std::string_view text, std::size_t at) {
    if (at < 3)
        return false;
    const auto lead = static_cast<unsigned char>(text[at - 3]);
    return lead >= 0xE4 && lead <= 0xE9 && is_continuation(text[at - 2]) &&
           is_continuation(text[at - 1]);
}

// Bytes no token spans: ASCII white space; the ideographic full stop, comma and brackets
// (、。「」『』【】), which normalize to nothing a number or compound holds; and after a Han
// character, the full-width ，；：！？（） and “” (between digits ， is part of 1，000).
// Analysing from one such place to another gives the same tokens as the whole text.
std::size_t hard_boundary_length(std::string_view text, std::size_t at) {
    const char c = text[at];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
        return 1;
    if (at + 2 >= text.size())
        return 0;
    const auto b0 = static_cast<unsigned char>(c);
    const auto b1 = static_cast<unsigned char>(text[at + 1]);
    const auto b2 = static_cast<unsigned char>(text[at + 2]);
    if (b0 == 0xE3 && b1 == 0x80 && (b2 == 0x81 || b2 == 0x82 || (b2 >= 0x8C && b2 <= 0x91)))
        return 3; // U+3001 U+3002 U+300C..U+3011
    const bool full_width_punct = b0 == 0xEF && b1 == 0xBC &&
                                  (b2 == 0x8C || b2 == 0x9B || b2 == 0x9A || b2 == 0x81 ||
                                   b2 == 0x9F || b2 == 0x88 || b2 == 0x89);
    const bool curly_quote = b0 == 0xE2 && b1 == 0x80 && (b2 == 0x9C || b2 == 0x9D);
    if ((full_width_punct || curly_quote) && han_before(text, at))
        return 3;
    return 0;
}

// The last boundary at or before `at` (just after a boundary character), or 0.
std::size_t boundary_before(std::string_view text, std::size_t at) {
    while (at > 0) {
        std::size_t start = at - 1;
        while (start > 0 && is_continuation(text[start]))
            --start;
        if (hard_boundary_length(text, start) > 0)
            return at;
        at = start;
    }
    return 0;
}

// The first boundary character at or after `at`, or the end.
std::size_t boundary_after(std::string_view text, std::size_t at) {
    while (at < text.size() && hard_boundary_length(text, at) == 0)
        at = forward_chars(text, at, 1);
    return at;
}

// A line or sentence start in [earliest, at], the latest one; npos when there is none.
std::size_t sentence_start(std::string_view text, std::size_t at, std::size_t earliest) {
    if (at == 0)
        return 0;
    for (std::size_t i = at; i > earliest; --i) {
        const char c = text[i - 1];
        if (c == '\n')
            return i;
        if (i >= 3 && (text.substr(i - 3, 3) == "。" || text.substr(i - 3, 3) == "！" ||
                       text.substr(i - 3, 3) == "？")) {
            return i;
        }
        if ((c == '.' || c == '!' || c == '?') && i < text.size() && text[i] == ' ')
            return i + 1;
    }
    return earliest == 0 ? 0 : std::string_view::npos;
}

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
}

template <typename Open, typename Close, typename Append>
std::string render(const Snippet& s, Open open, Close close, Append append) {
    std::string out;
    if (s.cut_before)
        out += "…";
    std::size_t at = 0;
    for (const auto& [begin, end] : s.marks) {
        append(out, std::string_view(s.text).substr(at, begin - at));
        open(out);
        append(out, std::string_view(s.text).substr(begin, end - begin));
        close(out);
        at = end;
    }
    append(out, std::string_view(s.text).substr(at));
    if (s.cut_after)
        out += "…";
    return out;
}

} // namespace

std::string Snippet::html() const {
    return render(
        *this, [](std::string& o) { o += "<mark>"; }, [](std::string& o) { o += "</mark>"; },
        append_escaped);
}

std::string Snippet::ansi() const {
    return render(
        *this, [](std::string& o) { o += "\033[1;33m"; }, [](std::string& o) { o += "\033[0m"; },
        [](std::string& o, std::string_view t) { o.append(t); });
}

std::string Snippet::bracketed() const {
    return render(
        *this, [](std::string& o) { o += "[["; }, [](std::string& o) { o += "]]"; },
        [](std::string& o, std::string_view t) { o.append(t); });
}

Highlighter::Highlighter(const text::Analyzer& analyzer, std::vector<std::string> terms)
    : m_analyzer(analyzer) {
    for (auto& term : terms) {
        if (m_terms.insert(term).second)
            m_term_list.push_back(std::move(term));
    }
    std::vector<std::string> all;
    for (std::size_t t = 0; t < m_term_list.size(); ++t) {
        const auto needles = needles_of(m_term_list[t]);
        if (needles.empty()) {
            m_term_needles.clear(); // a term we cannot look for cheaply: analyse everything
            return;
        }
        all.insert(all.end(), needles.begin(), needles.end());
        for (const std::string& needle : needles)
            m_term_needles.emplace_back(needle, t);
    }
    std::sort(all.begin(), all.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    all.erase(std::unique(all.begin(), all.end()), all.end());
    if (all.size() > kMaxNeedles) {
        m_term_needles.clear(); // a pasted page: searching each needle costs more than analysing
        return;
    }
    // A needle that contains another one adds no window the shorter one does not find.
    for (const std::string& needle : all) {
        if (std::none_of(m_window_needles.begin(), m_window_needles.end(),
                         [&](const auto& shorter) {
                             return needle.find(shorter.first) != std::string::npos;
                         })) {
            m_window_needles.emplace_back(needle, 0); // the term does not matter for windows
        }
    }
    find_bigram_needles();
}

void Highlighter::find_bigram_needles() {
    std::vector<std::pair<std::string, std::size_t>> needles;
    for (std::size_t t = 0; t < m_term_list.size(); ++t) {
        const std::string& term = m_term_list[t];
        if (term.starts_with(schema::kBigramPrefix)) {
            needles.emplace_back(term.substr(schema::kBigramPrefix.size()), t);
            continue;
        }
        // A word is covered when each two adjacent characters of it are a bigram term (which
        // only Han characters give); a one-character word is not.
        std::vector<std::size_t> starts;
        text::utf8::for_each_code_point(
            term, [&](char32_t, std::size_t begin, std::size_t) { starts.push_back(begin); });
        starts.push_back(term.size());
        if (starts.size() < 3 || (term[0] >= 'A' && term[0] <= 'Z'))
            return; // a prefixed term, or one character
        for (std::size_t i = 0; i + 2 < starts.size(); ++i) {
            const std::string pair = std::string(schema::kBigramPrefix) +
                                     term.substr(starts[i], starts[i + 2] - starts[i]);
            if (!m_terms.contains(pair))
                return;
        }
    }
    m_bigram_needles = std::move(needles);
}

void Highlighter::mark_range(std::string_view text, std::size_t begin, std::size_t end,
                             std::vector<Match>& matches) const {
    if (m_bigram_needles.empty()) {
        analyze_range(text, begin, end, matches);
        return;
    }
    for (Match hit : needle_hits(text.substr(begin, end - begin), m_bigram_needles)) {
        hit.begin += begin;
        hit.end += begin;
        matches.push_back(hit);
    }
}

std::vector<Highlighter::Match>
Highlighter::needle_hits(std::string_view text,
                         const std::vector<std::pair<std::string, std::size_t>>& needles) const {
    std::vector<Match> hits;
    const text::NormalizedText normalized = m_normalizer.normalize_mapped(text);
    const std::string_view folded = normalized.text;
    for (const auto& [needle, term] : needles) {
        for (std::size_t at = find_bytes(folded, needle, 0); at != std::string_view::npos;
             at = find_bytes(folded, needle, at + 1)) {
            if (can_start_token(folded, at)) {
                hits.push_back({normalized.original_begin(at),
                                normalized.original_end(at + needle.size()), term});
            }
        }
    }
    return hits;
}

std::vector<std::pair<std::size_t, std::size_t>>
Highlighter::candidate_windows(std::string_view text) const {
    std::vector<std::pair<std::size_t, std::size_t>> windows;
    if (m_window_needles.empty() || text.size() < kWindowedFromBytes)
        return windows;
    for (const Match& hit : needle_hits(text, m_window_needles))
        windows.emplace_back(boundary_before(text, hit.begin), boundary_after(text, hit.end));
    if (windows.empty()) {
        windows.emplace_back(0, 0); // nothing can match: analyse nothing
        return windows;
    }
    std::sort(windows.begin(), windows.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    std::size_t covered = 0;
    for (const auto& [begin, end] : windows) {
        // Windows a few bytes apart are analysed in one call.
        if (!merged.empty() && begin <= merged.back().second + kMergeGapBytes) {
            merged.back().second = std::max(merged.back().second, end);
        } else {
            merged.emplace_back(begin, end);
        }
    }
    for (const auto& [begin, end] : merged)
        covered += end - begin;
    if (covered * 4 >= text.size() * 3)
        merged.clear(); // most of the text: one call over all of it is cheaper
    return merged;
}

namespace {

// The part of a text snippets look at (see kMaxAnalyzedBytes), cut at a character start.
std::string_view analyzed_part(std::string_view text) {
    if (text.size() <= kMaxAnalyzedBytes)
        return text;
    std::size_t cut = kMaxAnalyzedBytes;
    while (cut > 0 && is_continuation(text[cut]))
        --cut;
    return text.substr(0, cut);
}

} // namespace

void Highlighter::analyze_range(std::string_view text, std::size_t begin, std::size_t end,
                                std::vector<Match>& matches) const {
    m_analyzer.analyze(text.substr(begin, end - begin), text::AnalyzeMode::Highlight,
                       [&](const text::Token& token) {
                           if (!m_terms.contains(token.term))
                               return;
                           const auto it =
                               std::find(m_term_list.begin(), m_term_list.end(), token.term);
                           matches.push_back({begin + token.begin, begin + token.end,
                                              static_cast<std::size_t>(it - m_term_list.begin())});
                       });
}

std::vector<Highlighter::Match> Highlighter::find_matches(std::string_view text) const {
    std::vector<Match> matches;
    if (m_terms.empty())
        return matches;
    text = analyzed_part(text);
    const auto windows = candidate_windows(text);
    if (windows.empty()) {
        analyze_range(text, 0, text.size(), matches);
    } else {
        for (const auto& [begin, end] : windows) {
            if (end > begin)
                analyze_range(text, begin, end, matches);
        }
    }
    sort_matches(matches);
    return matches;
}

void Highlighter::sort_matches(std::vector<Match>& matches) {
    // A total order, so that the passage chosen does not depend on the order found in.
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return std::tie(a.begin, a.end, a.term) < std::tie(b.begin, b.end, b.term);
    });
}

namespace {

// Cuts [begin, end) out of text and turns overlapping matches inside it into merged marks.
Snippet make_snippet(std::string_view text, std::size_t begin, std::size_t end,
                     const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
    Snippet snippet;
    snippet.cut_before = begin > 0;
    snippet.cut_after = end < text.size();
    // Rebuild the passage with white space collapsed, mapping mark offsets as we go.
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& [b, e] : spans) {
        if (e <= begin || b >= end)
            continue;
        const std::size_t mb = std::max(b, begin), me = std::min(e, end);
        if (!merged.empty() && mb <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, me);
        } else {
            merged.emplace_back(mb, me);
        }
    }
    std::string out;
    bool space = false;
    std::size_t next_mark = 0;
    bool in_mark = false;
    for (std::size_t i = begin; i < end; ++i) {
        if (!in_mark && next_mark < merged.size() && i == merged[next_mark].first) {
            if (space && !out.empty())
                out += ' ';
            space = false;
            snippet.marks.emplace_back(out.size(), out.size());
            in_mark = true;
        }
        if (in_mark && i == merged[next_mark].second) {
            snippet.marks.back().second = out.size();
            in_mark = false;
            ++next_mark;
            if (next_mark < merged.size() && i == merged[next_mark].first) {
                snippet.marks.emplace_back(out.size(), out.size());
                in_mark = true;
            }
        }
        const char c = text[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    if (in_mark)
        snippet.marks.back().second = out.size();
    snippet.text = std::move(out);
    return snippet;
}

} // namespace

std::size_t Highlighter::passage_begin(std::string_view text, const std::vector<Match>& matches,
                                       std::size_t term_count, std::size_t max_chars,
                                       std::size_t* best_distinct) {
    std::size_t best_begin = 0;
    if (best_distinct != nullptr)
        *best_distinct = 0;
    if (!matches.empty()) {
        // Score each passage that starts just before a match: distinct terms first, then
        // the number of matches. A passage holds the matches from its first one up to the
        // first that ends past it; passage ends only move forward, so two indexes slide.
        std::size_t best_score = 0;
        const std::size_t candidates = std::min<std::size_t>(matches.size(), 256);
        std::vector<std::size_t> in_window(term_count, 0);
        std::size_t distinct = 0, next = 0;
        // The window [matches[i].begin, window_end) holds max_chars characters (fewer at the
        // end of the text); both ends move forward by the same number of characters.
        std::size_t window_begin = matches[0].begin;
        std::size_t window_end = forward_chars(text, window_begin, max_chars);
        for (std::size_t i = 0; i < candidates; ++i) {
            if (matches[i].begin != window_begin) {
                const std::size_t moved =
                    count_chars(text.substr(window_begin, matches[i].begin - window_begin));
                window_begin = matches[i].begin;
                window_end = forward_chars(text, window_end, moved);
            }
            for (next = std::max(next, i); next < matches.size() && matches[next].end <= window_end;
                 ++next) {
                distinct += in_window[matches[next].term]++ == 0;
            }
            const std::size_t count = next - i;
            const std::size_t score = distinct * 1000 + count;
            if (score > best_score) {
                best_score = score;
                best_begin = matches[i].begin;
                if (best_distinct != nullptr)
                    *best_distinct = distinct;
            }
            if (next > i) // match i leaves the window before the next passage
                distinct -= --in_window[matches[i].term] == 0;
        }
        // Start at a sentence start shortly before the match, else with a little context.
        const std::size_t lead = back_chars(text, best_begin, kLeadChars);
        const std::size_t start = sentence_start(text, best_begin, lead);
        best_begin = start == std::string_view::npos ? lead : start;
    }
    // Skip leading white space so the passage starts with text.
    while (best_begin < text.size() &&
           (text[best_begin] == ' ' || text[best_begin] == '\n' || text[best_begin] == '\r')) {
        ++best_begin;
    }
    return best_begin;
}

std::vector<Highlighter::Match> Highlighter::scan_for_passage(std::string_view text,
                                                              std::size_t max_chars) const {
    // Piece by piece from the start, cut at hard boundaries (no needle spans one), until a
    // passage holds every term: nothing later can beat it on distinct terms, and normalizing
    // and searching the rest of a long document was a fifth of a search's time.
    std::vector<Match> hits;
    std::size_t scanned = 0;
    while (scanned < text.size()) {
        std::size_t end = text.size();
        if (text.size() - scanned > kScanPieceBytes) {
            std::size_t at = scanned + kScanPieceBytes;
            while (at > scanned && is_continuation(text[at]))
                --at;
            end = boundary_after(text, at);
            if (end <= scanned) // no character start in the piece (ill-formed text)
                end = text.size();
        }
        for (Match hit : needle_hits(text.substr(scanned, end - scanned), m_term_needles)) {
            hit.begin += scanned;
            hit.end += scanned;
            hits.push_back(hit);
        }
        scanned = end;
        sort_matches(hits);
        std::size_t distinct = 0;
        if (scanned < text.size() && !hits.empty()) {
            (void)passage_begin(text, hits, m_term_list.size(), max_chars, &distinct);
            if (distinct == m_term_list.size())
                break;
        }
    }
    return hits;
}

Snippet Highlighter::best_passage(std::string_view text, std::size_t max_chars) const {
    const auto spans_of = [](const std::vector<Match>& matches) {
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        spans.reserve(matches.size());
        for (const auto& m : matches)
            spans.emplace_back(m.begin, m.end);
        return spans;
    };
    if (!m_term_needles.empty() && text.size() >= kWindowedFromBytes) {
        // Long text: choose the passage by where each term's needles occur (a term's needle
        // stands for the term, so distinct terms are counted as with the Analyzer's matches),
        // then analyse only that passage, from the hard boundary before it to the one after,
        // for the exact marks. Analysing every candidate window of a long document cost most
        // of a search's time.
        std::vector<Match> hits = scan_for_passage(analyzed_part(text), max_chars);
        if (hits.empty()) {
            const std::size_t begin = passage_begin(text, hits, 0, max_chars);
            return make_snippet(text, begin, forward_chars(text, begin, max_chars), {});
        }
        const std::size_t begin = passage_begin(text, hits, m_term_list.size(), max_chars);
        const std::size_t end = forward_chars(text, begin, max_chars);
        std::vector<Match> matches;
        mark_range(text, boundary_before(text, begin), boundary_after(text, end), matches);
        if (std::any_of(matches.begin(), matches.end(),
                        [&](const Match& m) { return m.end > begin && m.begin < end; })) {
            sort_matches(matches);
            return make_snippet(text, begin, end, spans_of(matches));
        }
        // Only needle hits that are no term (a stem's prefix inside another word): look at
        // every candidate window instead.
    }
    const auto matches = find_matches(text);
    const std::size_t begin = passage_begin(text, matches, m_term_list.size(), max_chars);
    return make_snippet(text, begin, forward_chars(text, begin, max_chars), spans_of(matches));
}

Snippet Highlighter::whole(std::string_view text) const {
    const auto matches = find_matches(text);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& m : matches)
        spans.emplace_back(m.begin, m.end);
    Snippet snippet;
    snippet.text.assign(text);
    for (const auto& [b, e] : spans) {
        if (!snippet.marks.empty() && b <= snippet.marks.back().second) {
            snippet.marks.back().second = std::max(snippet.marks.back().second, e);
        } else {
            snippet.marks.emplace_back(b, e);
        }
    }
    return snippet;
}

} // namespace zhisou::query
