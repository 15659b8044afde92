#pragma once
// Internal: free text -> Xapian queries, from the Analyzer's tokens (the same terms the
// index holds). The mapping, and why:
// - English word w: (w OR Zstem), so "releases" also finds "released"; exact forms score more.
// - Letters and digits glued by punctuation (GLM-4.7, 12:00, z.ai/blog): a phrase of the
//   parts, AND_MAYBE the compound term as written, which only ranks.
// - Chinese dictionary word: its characters exactly, as they are in the text (the index's
//   dictionary may have cut the text differently; characters always match), AND_MAYBE the
//   word term so real word matches rank higher. Two characters: their bigram (XB), exact on
//   its own. Three or more: FILTER(AND(bigrams), PHRASE(unigrams)) -- the position-less
//   bigrams find the candidates cheaply and carry the weight, the phrase of the positioned
//   unigrams (XU) makes it exact. One character: its unigram.
// - "Phrases": the same over the positioned terms (words, Han unigrams): one OP_PHRASE,
//   filtered by the AND of the bigrams when it has Han text.
// Every term carries the field prefix ("" for the body, "S" for title:).

#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include <zhisou/text/analyzer.h>

namespace zhisou::query::detail {

using Tokens = std::vector<text::Token>;

/// A term typed without spaces; all its words required. Empty Query() if it has no words.
[[nodiscard]] Xapian::Query required_words(const Tokens& tokens, std::string_view prefix);

/// A quoted phrase. Empty Query() if it has no words.
[[nodiscard]] Xapian::Query phrase_words(const Tokens& tokens, std::string_view prefix);

/// The positioned terms of a term or phrase, in order (what NEAR relates).
[[nodiscard]] std::vector<std::string> positioned_terms(const Tokens& tokens,
                                                        std::string_view prefix);

/// The term a wildcard's prefix text stands for: one word or compound covering all of it.
[[nodiscard]] std::optional<std::string> wildcard_stem(const Tokens& tokens, std::string_view text);

/// Words, stems and bigrams, for ranked mode ("most words should match").
void append_ranked_terms(const Tokens& tokens, std::vector<std::string>& out);

/// Words, compounds, stems and bigrams without prefix, for highlighting.
void append_highlight_terms(const Tokens& tokens, std::vector<std::string>& out);

/// Number of words (what ranked mode counts).
[[nodiscard]] std::size_t count_words(const Tokens& tokens);

} // namespace zhisou::query::detail
