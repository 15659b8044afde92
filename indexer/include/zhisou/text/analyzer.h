#pragma once
// The one Analyzer: text -> terms with positions and byte offsets into the original text.
// Indexing, query parsing and highlighting all call it, so the three can never disagree.
//
// What it emits (normalized text: NFKC, case-folded, Traditional -> Simplified):
// - Positions go to units: each Han character, and each letter or digit run of a word. They
//   depend only on the word itself, so a query analysed alone has the same relative positions
//   as the same text inside a document (phrase queries match).
// - Letters: the word at its position, then "Z" + English stem without position (not for single
//   letters or words with digits). Digits: the number (4.7, 1,000) at its position.
// - Mixed words (GLM-4.7, qwen2.5-72b, 2025年): the compound as written (kind Compound) at the
//   position of its first part, then the parts: glm[p] 4.7[p+1]. Parts split at - _ . and at
//   letter/digit/Han changes, so GLM, glm 4.7, Qwen2.5, 72B and R1 are phrases of parts.
// - Han: each dictionary word (kind Word) without position; for each character the bigram
//   "XB" + (char, next Han char) without position, even across word boundaries, and the
//   unigram "XU" + char at the character's position. Positions on the unigrams rather than the
//   bigrams make a smaller index: a document has far fewer distinct characters than bigrams,
//   so fewer, denser position lists.
// - Nothing for U+FFFD, emoji, punctuation or terms longer than 245 bytes (Xapian's limit).
//
// How a query should use them for recall: a Han run of two characters by its bigram; of three
// or more as the AND of its bigrams (cheap candidates, the weight) filtered by the phrase of
// its unigrams (exactness); either way any substring of the document's run matches. A
// one-character run by its unigram; a compound as OR(compound term, phrase of its parts) --
// the parts are the tokens whose offsets lie inside the compound's; dictionary words and stems
// only add to the ranking.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::text {

enum class TokenKind : unsigned char {
    Word,    ///< a normalized word: English word, Chinese dictionary word, number
    Stem,    ///< Snowball stem of an English word (term has the stem prefix), no position
    Bigram,  ///< overlapping Han character bigram (term has the bigram prefix), no position
    Unigram, ///< single Han character (term has the unigram prefix), at its position
    Compound ///< a mixed token as written: glm-4.7, qwen2.5-72b, 2025年
};

struct Token {
    std::string term;           ///< the Xapian term, prefix included
    std::uint32_t position = 0; ///< 1-based; 0 means "no position" (stems, bigrams, Han words)
    std::uint32_t begin = 0;    ///< byte offsets into the original (un-normalized) text
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::Word;
};

/// All three modes produce exactly the same tokens today (offsets included); the mode states the
/// caller's intent so that a mode-specific difference lives in one place if one is ever needed.
enum class AnalyzeMode : unsigned char {
    Index,     ///< everything that goes into the index
    Query,     ///< the same terms, for compiling a query
    Highlight, ///< the same terms, for snippets (offsets matter)
};

class Analyzer {
public:
    Analyzer();

    /// Calls `sink` for each token in text order.
    void analyze(std::string_view utf8, AnalyzeMode mode,
                 const std::function<void(const Token&)>& sink) const;

    [[nodiscard]] std::vector<Token> analyze(std::string_view utf8, AnalyzeMode mode) const;

    /// Positions continue from `first_position` (for several fields in one document).
    void analyze(std::string_view utf8, AnalyzeMode mode, std::uint32_t first_position,
                 const std::function<void(const Token&)>& sink) const;
};

/// A compact, stable text form of tokens for golden tests: "term[pos] term[pos] stem ...".
[[nodiscard]] std::string describe(const std::vector<Token>& tokens);

} // namespace zhisou::text
