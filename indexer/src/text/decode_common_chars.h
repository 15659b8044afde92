#pragma once
// Internal: which characters are typical of real CJK text. Wrongly decoded CJK bytes land on
// characters spread evenly over the code table, mostly rare ones; correctly decoded text is
// dominated by a few hundred frequent characters. That contrast is what lets the decoder tell
// GB18030 from Big5, Shift_JIS and EUC-KR on short texts where ICU's detector guesses.

namespace zhisou::text::detail {

enum class HanFrequency {
    top,    ///< among the ~500 most frequent Chinese characters (Simplified or Traditional)
    common, ///< among the ~2000 most frequent
    level1, ///< in GB2312 level 1 or Big5 level 1 (the "frequent" halves of those standards)
    rare,   ///< any other ideograph
};

/// Frequency class of a CJK Unified Ideograph (U+4E00..U+9FFF); `rare` for anything else.
[[nodiscard]] HanFrequency han_frequency(char32_t cp);

/// One of the ~150 most frequent Hangul syllables in Korean text.
[[nodiscard]] bool is_frequent_hangul(char32_t cp);

/// One of the most frequent kana in Japanese text (particles, endings, long-vowel mark).
[[nodiscard]] bool is_frequent_kana(char32_t cp);

} // namespace zhisou::text::detail
