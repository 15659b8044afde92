#pragma once
// Normalization for matching: NFKC, case folding, full-width -> half-width (part of NFKC)
// and Traditional -> Simplified Chinese, so 智譜 == 智谱 and ＧＬＭ == glm.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::text {

/// Normalized text plus, for each byte of it, the byte offset in the original text of the
/// character it came from (one extra entry at the end maps to the original's size).
/// Offsets are non-decreasing. A combining sequence (e + U+0301) maps as one unit to its start.
struct NormalizedText {
    std::string text;
    std::vector<std::uint32_t> to_original;

    /// Original offset where the character holding normalized byte `begin` starts.
    [[nodiscard]] std::uint32_t original_begin(std::size_t begin) const {
        return to_original[begin];
    }
    /// Original offset just past the character holding normalized byte `end - 1`, so that
    /// [original_begin(b), original_end(e)) covers whole original characters even when one
    /// of them expanded (ß -> ss, ㈱ -> (株)). Characters that normalization deleted (soft
    /// hyphen, zero-width space) right after the span are included.
    [[nodiscard]] std::uint32_t original_end(std::size_t end) const {
        if (end == 0)
            return to_original[0];
        const std::uint32_t last = to_original[end - 1];
        while (to_original[end] == last)
            ++end; // the final entry is the original size > last
        return to_original[end];
    }
};

/// NFKC_Casefold (Unicode's normalization for caseless matching, which also folds full-width
/// forms and removes default-ignorable characters) followed by Traditional -> Simplified for
/// single Han characters and ’ -> ' (don’t == don't). Ill-formed UTF-8 becomes U+FFFD; nothing
/// else is dropped.
/// Thread-safe; the tables behind it are built once per process.
class Normalizer {
public:
    Normalizer();

    [[nodiscard]] std::string normalize(std::string_view utf8) const;
    [[nodiscard]] NormalizedText normalize_mapped(std::string_view utf8) const;
    /// The same into existing buffers, so a caller that streams documents reuses their memory.
    void normalize_mapped(std::string_view utf8, NormalizedText& out) const;
};

} // namespace zhisou::text
