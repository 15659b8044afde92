#pragma once
// Internal: how the Analyzer cuts a word of normalized text into the parts that get their own
// positions: letter runs, digit runs (with . or , between digits) and Han runs. A compound such
// as qwen2.5-72b has several parts (qwen 2.5 72 b); a plain word has one.

#include <cstddef>
#include <string_view>
#include <vector>

namespace zhisou::text::analyzer_detail {

enum class PartKind : unsigned char {
    Letters, ///< letters of an alphabetic script (with inner apostrophes: don't)
    Digits,  ///< 4.7, 2025, 1,000
    Han,     ///< Chinese characters
};

struct Part {
    std::size_t begin = 0; ///< byte offsets into the word
    std::size_t end = 0;
    PartKind kind = PartKind::Letters;
    bool latin = true; ///< Letters only: all letters are Latin script, so English stemming applies
};

/// Splits at every character that is not a letter, digit or Han character (-, _, ., spaces,
/// emoji, U+FFFD...) and where letters meet digits or Han meets anything else.
/// Replaces the contents of `parts`.
void split_parts(std::string_view word, std::vector<Part>& parts);

/// True if `word` may be indexed as one compound term: every character is a part character or
/// printable ASCII punctuation (GLM-4.7, C++, 50%). Emoji and U+FFFD are never indexed.
[[nodiscard]] bool is_compound_term(std::string_view word);

} // namespace zhisou::text::analyzer_detail
