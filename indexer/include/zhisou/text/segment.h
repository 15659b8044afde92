#pragma once
// Word segmentation of normalized or raw UTF-8 text: ICU's dictionary word break for Han,
// plus Zhisou's rules for numbers, dates, product names and mixed tokens.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::text {

enum class WordKind : unsigned char {
    Han,    ///< a run of Chinese characters that forms one dictionary word
    Latin,  ///< letters (and digits) in an alphabetic script
    Number, ///< digits, possibly with . or , inside
    Mixed,  ///< a compound like GLM-4.7, Qwen2.5-72B, 2025年
    Other,  ///< kana, hangul, Thai and other scripts
};

struct Word {
    std::size_t begin = 0; ///< byte offset into the segmented text
    std::size_t end = 0;
    WordKind kind = WordKind::Other;
};

/// Splits UTF-8 text into words; spaces and punctuation are not returned.
/// Thread-safe: break iterators are cached per thread.
[[nodiscard]] std::vector<Word> segment(std::string_view utf8);

/// The SIGHAN bakeoff format: the words of one line separated by one space, with
/// punctuation kept as its own word and every character of the line otherwise unchanged.
[[nodiscard]] std::string segment_line_for_bakeoff(std::string_view utf8_line);

} // namespace zhisou::text
