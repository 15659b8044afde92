#pragma once
// Internal: ICU's word BreakIterator run directly over UTF-8 (no UTF-16 copy of the text),
// one iterator per thread, cloned from a process-wide prototype because creating one loads
// the rules and the CJK dictionary and is expensive.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace zhisou::text::seg {

/// What ICU's rule status says a span between two boundaries is.
enum class IcuClass : unsigned char {
    None,   ///< spaces, punctuation, symbols, emoji (UBRK_WORD_NONE)
    Number, ///< UBRK_WORD_NUMBER
    Letter, ///< UBRK_WORD_LETTER: alphabetic words, also Thai/Lao/Khmer/Myanmar/Hangul
    Kana,   ///< UBRK_WORD_KANA
    Ideo,   ///< UBRK_WORD_IDEO: Han dictionary words
};

struct IcuSpan {
    std::uint32_t begin = 0; ///< byte offsets into the text given to icu_word_spans
    std::uint32_t end = 0;
    IcuClass cls = IcuClass::None;
};

/// Appends ICU's word-break spans of `utf8` (which must be shorter than 2 GiB) to `out`,
/// offsets relative to `utf8`. Consecutive spans tile the text. Thread-safe.
void icu_word_spans(std::string_view utf8, std::vector<IcuSpan>& out);

} // namespace zhisou::text::seg
