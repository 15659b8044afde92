// The one Analyzer: normalize, segment, then turn each word into Xapian terms with positions and
// offsets into the original text.
//
// Positions are given to "units": each Han character, and each letter or digit run of a word.
// They depend only on the text of the word itself, never on its neighbours, so a query analysed
// on its own gets the same relative positions as the same words inside a document, and phrase
// queries match. A Chinese run gets, per character, the unigram at the character's position (exact
// phrases, one-character queries) and the position-less bigram with the next character (cheap
// candidate filtering and ranking for any substring of two or more characters); dictionary words
// on top, without positions, let word matches rank above bigram-only matches.

#include <algorithm>

#include <zhisou/index/schema.h>
#include <zhisou/text/analyzer.h>
#include <zhisou/text/normalize.h>
#include <zhisou/text/segment.h>

#include "text/analyzer_parts.h"
#include "text/analyzer_stem.h"
#include "text/segment_chars.h"

namespace zhisou::text {
namespace {

using analyzer_detail::Part;
using analyzer_detail::PartKind;

/// Xapian refuses longer terms (glass backend); such words are dropped, their position kept.
constexpr std::size_t kMaxTermBytes = 245;

bool has_digit(std::string_view s) {
    for (const char c : s) {
        if (c >= '0' && c <= '9')
            return true;
    }
    return false;
}

class TermWriter {
public:
    TermWriter(const NormalizedText& normalized, std::uint32_t first_position,
               const std::function<void(const Token&)>& sink)
        : m_norm(normalized), m_text(normalized.text), m_next_position(first_position),
          m_sink(sink) {}

    void run() {
        std::size_t covered = 0;
        for (const Word& word : segment(m_text)) {
            han_gap(covered, word.begin);
            if (word.kind == WordKind::Han) {
                han_word(word.begin, word.end);
            } else {
                split_word(word.begin, word.end);
            }
            covered = word.end;
        }
        han_gap(covered, m_text.size());
    }

private:
    // --- Chinese -------------------------------------------------------------------------
    // A dictionary word: the word itself without position (its characters' unigrams carry the
    // positions, so phrases never depend on how the dictionary cut the text), then its characters.
    void han_word(std::size_t begin, std::size_t end) {
        emit({}, begin, end, 0, TokenKind::Word);
        han_characters(begin, end);
    }

    // Each character: the bigram with the following Han character (which may be in the next
    // word) without position, and the unigram at the character's position. Positions on the
    // unigrams rather than the bigrams keep the index small: a document has far fewer distinct
    // characters than bigrams, so it gets fewer, denser position lists (each costs a key).
    void han_characters(std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end;) {
            const seg::CodePoint cp = seg::decode_at(m_text, i);
            const std::size_t char_end = i + cp.size;
            const std::uint32_t position = m_next_position++;
            const seg::CodePoint next = seg::decode_at(m_text, char_end);
            if (next.size != 0 && (char_end < end || seg::is_han(next.value))) {
                emit(schema::kBigramPrefix, i, char_end + next.size, 0, TokenKind::Bigram);
            }
            emit(schema::kUnigramPrefix, i, char_end, position, TokenKind::Unigram);
            i = char_end;
        }
    }

    // Han characters that segment() did not return as words still get positions and n-grams,
    // so the recall guarantee never depends on the segmenter.
    void han_gap(std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end;) {
            if (static_cast<unsigned char>(m_text[i]) < 0x80) {
                ++i;
                continue;
            }
            const seg::CodePoint cp = seg::decode_at(m_text, i);
            if (seg::is_han(cp.value))
                han_characters(i, i + cp.size);
            i += cp.size;
        }
    }

    // A Han run inside a compound (2025年, glm-4.5发布): dictionary words from segment().
    void han_part(std::size_t begin, std::size_t end) {
        const std::string_view part = m_text.substr(begin, end - begin);
        if (seg::decode_at(part, 0).size == part.size()) {
            han_word(begin, end);
            return;
        }
        std::size_t covered = begin;
        for (const Word& word : segment(part)) {
            han_gap(covered, begin + word.begin);
            han_word(begin + word.begin, begin + word.end);
            covered = begin + word.end;
        }
        han_gap(covered, end);
    }

    // --- Letters, digits, compounds -----------------------------------------------------------
    void split_word(std::size_t begin, std::size_t end) {
        const std::string_view word = m_text.substr(begin, end - begin);
        analyzer_detail::split_parts(word, m_parts);
        if (m_parts.empty())
            return; // emoji, U+FFFD, symbols: nothing to index
        const bool whole =
            m_parts.size() == 1 && m_parts[0].begin == 0 && m_parts[0].end == word.size();
        if (!whole && analyzer_detail::is_compound_term(word)) {
            // The compound as written, at the position of its first part.
            emit({}, begin, end, m_next_position, TokenKind::Compound);
        }
        // Nothing below calls split_word() again, so m_parts stays valid through the loop.
        for (const Part& part : m_parts) {
            const std::size_t part_begin = begin + part.begin;
            const std::size_t part_end = begin + part.end;
            switch (part.kind) {
            case PartKind::Letters:
                letters(part_begin, part_end, part.latin);
                break;
            case PartKind::Digits:
                emit({}, part_begin, part_end, m_next_position++, TokenKind::Word);
                break;
            case PartKind::Han:
                han_part(part_begin, part_end);
                break;
            }
        }
    }

    // A word of letters, then its English stem (Xapian's "Z" convention, no position).
    void letters(std::size_t begin, std::size_t end, bool latin) {
        const std::uint32_t position = m_next_position++;
        if (!emit({}, begin, end, position, TokenKind::Word))
            return;
        const std::string_view word = m_text.substr(begin, end - begin);
        // A single letter (the b of 72b, the r of r1) has no stem worth a term.
        if (!latin || word.size() < 2 || has_digit(word))
            return;
        emit_term(schema::kStemPrefix, analyzer_detail::english_stem(word), begin, end, 0,
                  TokenKind::Stem);
    }

    // --- Output -------------------------------------------------------------------------------
    bool emit(std::string_view prefix, std::size_t begin, std::size_t end, std::uint32_t position,
              TokenKind kind) {
        return emit_term(prefix, m_text.substr(begin, end - begin), begin, end, position, kind);
    }

    bool emit_term(std::string_view prefix, std::string_view term, std::size_t begin,
                   std::size_t end, std::uint32_t position, TokenKind kind) {
        if (term.empty() || prefix.size() + term.size() > kMaxTermBytes)
            return false;
        // resize + copy: assign()/append() cost more than the copy for terms this short.
        std::string& out = m_token.term;
        out.resize(prefix.size() + term.size());
        std::copy(prefix.begin(), prefix.end(), out.begin());
        std::copy(term.begin(), term.end(),
                  out.begin() + static_cast<std::ptrdiff_t>(prefix.size()));
        m_token.position = position;
        m_token.begin = m_norm.original_begin(begin);
        m_token.end = m_norm.original_end(end);
        m_token.kind = kind;
        m_sink(m_token);
        return true;
    }

    const NormalizedText& m_norm;
    std::string_view m_text;
    std::uint32_t m_next_position;
    const std::function<void(const Token&)>& m_sink;
    Token m_token;
    std::vector<Part> m_parts;
};

} // namespace

Analyzer::Analyzer() {
    (void)Normalizer();
} // builds the normalization tables up front

void Analyzer::analyze(std::string_view utf8, AnalyzeMode mode, std::uint32_t first_position,
                       const std::function<void(const Token&)>& sink) const {
    // All modes produce the same tokens today (see AnalyzeMode); the mode states the caller's
    // intent so that a mode-specific difference can be added in one place.
    (void)mode;
    const NormalizedText normalized = Normalizer().normalize_mapped(utf8);
    TermWriter(normalized, first_position, sink).run();
}

void Analyzer::analyze(std::string_view utf8, AnalyzeMode mode,
                       const std::function<void(const Token&)>& sink) const {
    analyze(utf8, mode, 1, sink);
}

std::vector<Token> Analyzer::analyze(std::string_view utf8, AnalyzeMode mode) const {
    std::vector<Token> tokens;
    analyze(utf8, mode, [&](const Token& token) { tokens.push_back(token); });
    return tokens;
}

std::string describe(const std::vector<Token>& tokens) {
    std::string out;
    for (const auto& token : tokens) {
        if (!out.empty())
            out += ' ';
        out += token.term;
        if (token.position != 0)
            out += '[' + std::to_string(token.position) + ']';
    }
    return out;
}

} // namespace zhisou::text
