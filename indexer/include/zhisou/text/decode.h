#pragma once
// Bytes -> UTF-8. BOMs first, then strict UTF-8, then a declared charset that decodes
// cleanly, then ICU charset detection. Undecodable bytes become U+FFFD and are counted.

#include <cstddef>
#include <string>
#include <string_view>

namespace zhisou::text {

struct DecodeHints {
    /// Charset named by the container (HTML meta, JSON field, front matter); empty if none.
    /// It wins over detection when the bytes decode with it without errors.
    std::string declared_charset;
};

struct Decoded {
    std::string text;         ///< valid UTF-8, without BOM
    std::string encoding;     ///< canonical name: "UTF-8", "GB18030", "Big5", "UTF-16LE", ...
    int confidence = 0;       ///< 0..100; 100 for BOM and for valid UTF-8
    std::string method;       ///< "bom", "utf-8", "declared", "detected", "fallback"
    std::size_t replaced = 0; ///< U+FFFD characters inserted for bytes that did not decode
};

/// Decodes any byte string into UTF-8. Never throws for bad input bytes.
[[nodiscard]] Decoded decode(std::string_view bytes, const DecodeHints& hints = {});

/// True if `bytes` is well-formed UTF-8 (no surrogates, no overlongs).
[[nodiscard]] bool is_valid_utf8(std::string_view bytes) noexcept;

/// Finds a charset declared inside the bytes: `<meta charset=...>`,
/// `<meta http-equiv="Content-Type" content="...; charset=...">`, or an XML prolog's
/// `encoding="..."`. Looks only at the first few KB. Empty if none.
[[nodiscard]] std::string sniff_declared_charset(std::string_view bytes);

} // namespace zhisou::text
