#pragma once
// Normalization for matching: NFKC, case folding, full-width -> half-width (part of NFKC)
// and Traditional -> Simplified Chinese, so 智譜 == 智谱 and ＧＬＭ == glm.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::text {

/// Normalized text plus, for each byte of it, the byte offset in the original text of the
/// character it came from (one extra entry at the end maps to the original's size).
struct NormalizedText {
    std::string text;
    std::vector<std::uint32_t> to_original;
};

/// Thread-safe after construction; the tables behind it are built once per process.
class Normalizer {
public:
    Normalizer();

    [[nodiscard]] std::string normalize(std::string_view utf8) const;
    [[nodiscard]] NormalizedText normalize_mapped(std::string_view utf8) const;
};

} // namespace zhisou::text
