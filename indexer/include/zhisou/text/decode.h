#pragma once
// Bytes -> UTF-8. BOMs first, then strict UTF-8, then a declared charset that decodes
// cleanly, then charset detection (candidate decodings scored for plausibility, with ICU's
// detector as a tie-breaker). Undecodable bytes become U+FFFD and are counted.

#include <cstddef>
#include <string>
#include <string_view>

namespace zhisou::text {

struct DecodeHints {
    /// Charset named by the container (HTML meta, JSON field, front matter); empty if none.
    /// It wins over detection when the bytes decode with it without errors.
    std::string declared_charset;
    /// Honour declared charsets (the one above and one declared inside the bytes). Off only
    /// to measure detection alone.
    bool honour_declared = true;
};

struct Decoded {
    std::string text; ///< valid UTF-8, without BOM
    /// The charset used, by the name of the superset actually decoded with: "UTF-8",
    /// "UTF-16LE/BE", "UTF-32LE/BE", "GB18030" (also for GB2312/GBK), "Big5" (decoded as
    /// Big5-HKSCS), "Shift_JIS", "EUC-JP", "EUC-KR", "EUC-TW", "windows-874" (TIS-620),
    /// "windows-1252" (also ISO-8859-1 and ASCII), or another ICU charset's MIME name.
    std::string encoding;
    /// 0..100: 100 for a BOM and for valid UTF-8, 95 for a declared charset that decoded
    /// cleanly, 1..99 for detection (how clearly the winner beat the runner-up), 0 for
    /// fallback.
    int confidence = 0;
    /// "bom", "utf-8", "declared", "detected", or "fallback" (nothing looked like text: decoded
    /// as UTF-8, so every undecodable sequence shows as U+FFFD in `replaced`).
    std::string method;
    std::size_t replaced = 0; ///< U+FFFD characters inserted for bytes that did not decode
};

/// Decodes any byte string into UTF-8. Never throws for bad input bytes.
[[nodiscard]] Decoded decode(std::string_view bytes, const DecodeHints& hints = {});

/// True if `bytes` is well-formed UTF-8 per the Unicode Standard (no overlongs, no
/// surrogates, nothing above U+10FFFF, no truncated sequence). Fast: 16 ASCII bytes per step.
[[nodiscard]] bool is_valid_utf8(std::string_view bytes) noexcept;

/// Finds a charset declared inside the bytes: `<meta charset=...>`,
/// `<meta http-equiv="Content-Type" content="...; charset=...">`, or an XML prolog's
/// `encoding="..."`. Looks only at the first few KB. Empty if none.
[[nodiscard]] std::string sniff_declared_charset(std::string_view bytes);

} // namespace zhisou::text
