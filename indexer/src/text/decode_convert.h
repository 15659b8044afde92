#pragma once
// Internal: runs one ICU converter over a byte string and produces UTF-8, turning every
// illegal or unmapped byte sequence into U+FFFD and counting it. Private to the indexer.

#include <cstddef>
#include <string>
#include <string_view>

namespace zhisou::text::detail {

struct Converted {
    std::string text;         ///< valid UTF-8
    std::size_t replaced = 0; ///< U+FFFD inserted for byte sequences that did not decode
    bool gave_up = false;     ///< stopped early: more than `max_replaced` bad sequences
};

inline constexpr std::size_t kNoReplacementLimit = static_cast<std::size_t>(-1);

/// True if ICU has a converter for `icu_name` (an ICU name or alias).
[[nodiscard]] bool converter_available(const char* icu_name);

/// Decodes `bytes` with the ICU converter `icu_name`. Throws RuntimeError only if ICU cannot
/// open a converter that it should have (a broken ICU installation); bad bytes never throw.
/// Detection passes `max_replaced` to stop early on charsets that plainly do not fit.
[[nodiscard]] Converted convert_to_utf8(std::string_view bytes, const char* icu_name,
                                        std::size_t max_replaced = kNoReplacementLimit);

} // namespace zhisou::text::detail
