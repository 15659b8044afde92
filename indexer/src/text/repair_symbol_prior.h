#pragma once
// Internal: how often punctuation, symbols and emoji occur in real text, used to rebuild a
// character whose UTF-8 bytes were partly dropped. The weights are rough relative
// frequencies in web and news text, written for Zhisou from general knowledge; what matters
// is their order of magnitude, not their exact values.

#include <optional>
#include <span>

namespace zhisou::text::repair_detail {

/// Where the character stood, as far as it changes the odds.
enum class SymbolPosition : unsigned char {
    LineStart,  ///< at the start of a line (or text), followed by a space: a bullet or icon
    InsideWord, ///< between two letters: an apostrophe, a dot, a bullet separator
    BeforeWord, ///< after a space or bracket, glued to the word that follows
    AfterWord,  ///< glued to the word before it
    Alone,      ///< spaces or punctuation on both sides
};

/// Relative frequency of `cp` in real text at `position`; 0 for characters that are not
/// worth rebuilding (rare symbols, letters, controls).
[[nodiscard]] double symbol_weight(char32_t cp, SymbolPosition position);

/// The candidate that is clearly the most likely (at least three times as likely as the
/// runner-up and more than half of the odds of all candidates together), or nullopt.
[[nodiscard]] std::optional<char32_t> clear_winner(std::span<const char32_t> candidates,
                                                   SymbolPosition position);

} // namespace zhisou::text::repair_detail
