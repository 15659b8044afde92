#pragma once
// Internal: charset detection for bytes that carry no BOM, are not valid UTF-8 and declare no
// charset that decodes cleanly. Every candidate charset decodes a sample; each decoding is
// scored for plausibility (decode_plausibility.h) plus a share of ICU's detector confidence.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "text/decode_charsets.h"

namespace zhisou::text::detail {

struct CandidateScore {
    Charset charset;
    double plausibility = 0.0;   ///< see plausibility()
    double adjustment = 0.0;     ///< base-rate prior minus structural penalties
    int detector_confidence = 0; ///< ICU ucsdet's 0..100 for this charset, 0 if not proposed
    double detector_share = 0.0; ///< the points ICU's confidence added
    std::size_t replaced = 0;    ///< U+FFFD in the decoded sample
    double score = 0.0;          ///< plausibility + adjustment + detector_share: the ranking
};

struct Detection {
    Charset charset;                        ///< the winner; UTF-8 if nothing fits
    int confidence = 0;                     ///< 0..100
    bool plausible = false;                 ///< false: no candidate looks like text
    std::vector<CandidateScore> candidates; ///< best first, for diagnostics and the bench
};

/// Ranks the candidate charsets for `bytes` (only the first 64 KB are examined).
[[nodiscard]] Detection detect_charset(std::string_view bytes);

/// For valid UTF-8 that contains NUL bytes: UTF-16/32 without BOM, if the NULs fall in the
/// pattern such text has (every other byte, mostly) and that reading is clearly plausible.
[[nodiscard]] std::optional<CandidateScore>
detect_utf16_or_32_by_nul_pattern(std::string_view bytes);

/// For 7-bit text with escape sequences: the ISO-2022 variant ICU's detector names, if any.
[[nodiscard]] std::optional<Charset> detect_iso2022(std::string_view bytes);

} // namespace zhisou::text::detail
