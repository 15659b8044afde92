// segment(): ICU's word break plus Zhisou's rules; and the SIGHAN bakeoff line format.
#include <algorithm>

#include <zhisou/text/normalize.h>
#include <zhisou/text/segment.h>

#include "text/segment_chars.h"
#include "text/segment_units.h"

namespace zhisou::text {
namespace {

// Dashes and ellipses come in runs (——, ……) that both bakeoff standards write as one word.
bool is_repeated_punctuation(char32_t c) {
    return c == U'—' || c == U'…' || c == U'─' || c == U'━' || c == U'-' || c == U'.' ||
           c == U'·' || c == U'～' || c == U'~';
}

bool is_ascii_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Units found on the normalized text, moved onto the original line: each unit starts where
// the original character of its first byte starts. Boundaries that fall inside one original
// character (an expansion such as ℃ -> °c) disappear, so the result still tiles the line.
std::vector<seg::Unit> units_on_original(const NormalizedText& normalized,
                                         const std::vector<seg::Unit>& units,
                                         std::size_t original_size) {
    std::vector<seg::Unit> mapped;
    mapped.reserve(units.size());
    for (const seg::Unit& unit : units) {
        const std::uint32_t begin = normalized.original_begin(unit.begin);
        if (!mapped.empty() && begin <= mapped.back().begin)
            continue;
        if (!mapped.empty())
            mapped.back().end = begin;
        mapped.push_back({begin, begin, unit.kind});
    }
    if (mapped.empty() && original_size > 0) {
        // Normalization deleted every character (a line of soft hyphens): keep them as such.
        mapped.push_back({0, 0, seg::UnitKind::Punct});
    }
    if (!mapped.empty()) {
        mapped.front().begin = 0; // characters normalization deleted at the start
        mapped.back().end = static_cast<std::uint32_t>(original_size);
    }
    return mapped;
}

std::string format_bakeoff(std::string_view line, const std::vector<seg::Unit>& units,
                           bool punctuation_runs) {
    std::string out;
    out.reserve(line.size() + line.size() / 2);
    // A byte order mark at the start of a file's first line stays glued to the first word,
    // as in the gold files, so the line still compares equal word by word.
    std::size_t glued = 0;
    if (line.starts_with("\xEF\xBB\xBF")) {
        out = "\xEF\xBB\xBF";
        glued = out.size();
    }
    const auto separate = [&out, &glued] {
        if (out.size() > glued)
            out += ' ';
    };
    char32_t previous_punct = 0; // the punctuation character just written, if any
    for (const seg::Unit& unit : units) {
        std::string_view span = line.substr(unit.begin, unit.end - unit.begin);
        if (unit.begin < glued)
            span.remove_prefix(std::min(span.size(), glued - unit.begin));
        if (seg::is_word_kind(unit.kind)) {
            separate();
            out.append(span);
            previous_punct = 0;
            continue;
        }
        // Each punctuation character is a word; ASCII whitespace only separates words.
        for (std::size_t i = 0; i < span.size();) {
            const seg::CodePoint cp = seg::decode_at(span, i);
            if (is_ascii_space(cp.value)) {
                previous_punct = 0;
            } else {
                const bool continues_run = punctuation_runs && cp.value == previous_punct &&
                                           is_repeated_punctuation(cp.value);
                if (!continues_run)
                    separate();
                out.append(span.substr(i, cp.size));
                previous_punct = cp.value;
            }
            i += cp.size;
        }
    }
    return out;
}

} // namespace

std::vector<Word> segment(std::string_view utf8) {
    const std::vector<seg::Unit> units = seg::segment_units(utf8, kAllSegmentRules);
    std::vector<Word> words;
    words.reserve(units.size());
    for (const seg::Unit& unit : units) {
        if (seg::is_word_kind(unit.kind)) {
            words.push_back({unit.begin, unit.end, seg::word_kind(unit.kind)});
        }
    }
    return words;
}

std::string segment_line_for_bakeoff(std::string_view utf8_line, const BakeoffOptions& options) {
    const bool punctuation_runs = (options.rules & RULE_PUNCT_RUN) != 0;
    if (!options.normalize) {
        return format_bakeoff(utf8_line, seg::segment_units(utf8_line, options.rules),
                              punctuation_runs);
    }
    static const Normalizer normalizer;
    const NormalizedText normalized = normalizer.normalize_mapped(utf8_line);
    const auto units = seg::segment_units(normalized.text, options.rules);
    return format_bakeoff(utf8_line, units_on_original(normalized, units, utf8_line.size()),
                          punctuation_runs);
}

} // namespace zhisou::text
