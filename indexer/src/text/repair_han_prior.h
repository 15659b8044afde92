#pragma once
// Internal: what repair knows about real Chinese text: how common a character is (mojibake
// lands on rare ones) and whether ICU's dictionary knows a few characters as one word.

#include <string_view>

namespace zhisou::text::repair_detail {

/// Rarity of `cp` in real Chinese text: 1 for the most frequent characters and common CJK
/// punctuation, up to 8 for private-use characters; ASCII counts 0.5.
[[nodiscard]] double chinese_char_cost(char32_t cp);

/// True if ICU's word breaker (and its CJK dictionary) keeps `chars` together as one word.
[[nodiscard]] bool is_dictionary_word(std::u32string_view chars);

} // namespace zhisou::text::repair_detail
