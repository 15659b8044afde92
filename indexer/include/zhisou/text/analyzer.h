#pragma once
// The one Analyzer: text -> terms with positions and byte offsets into the original text.
// Indexing, query parsing and highlighting all call it, so the three can never disagree.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::text {

enum class TokenKind : unsigned char {
    Word,    ///< a normalized word: English word, Chinese dictionary word, number
    Stem,    ///< Snowball stem of an English word (term has the stem prefix), no position
    Bigram,  ///< overlapping Han character bigram (term has the bigram prefix)
    Unigram, ///< single Han character (term has the unigram prefix), no position
    Compound ///< a mixed token as written: glm-4.7, qwen2.5-72b, 2025年
};

struct Token {
    std::string term;            ///< the Xapian term, prefix included
    std::uint32_t position = 0;  ///< 1-based; 0 means "no position" (stems, unigrams)
    std::uint32_t begin = 0;     ///< byte offsets into the original (un-normalized) text
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::Word;
};

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
