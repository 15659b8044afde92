#pragma once
// Internal: charset labels (from documents, containers and ICU's detector) mapped to the name
// Zhisou reports and the ICU converter it decodes with. Following browsers, a label is
// decoded with its common superset: GB2312/GBK -> GB18030, Big5 -> Big5-HKSCS,
// ISO-8859-1/ASCII -> windows-1252, TIS-620 -> windows-874, EUC-KR -> windows-949.

#include <optional>
#include <string>
#include <string_view>

namespace zhisou::text::detail {

struct Charset {
    std::string name;     ///< reported in Decoded::encoding, e.g. "GB18030"
    std::string icu_name; ///< the ICU converter used to decode, e.g. "gb18030"

    [[nodiscard]] bool is_chinese() const {
        return name == "GB18030" || name == "Big5" || name == "EUC-TW" || name == "HZ-GB-2312" ||
               name.starts_with("ISO-2022-CN");
    }
    [[nodiscard]] bool is_japanese() const {
        return name == "Shift_JIS" || name == "EUC-JP" || name.starts_with("ISO-2022-JP");
    }
    [[nodiscard]] bool is_korean() const { return name == "EUC-KR" || name == "ISO-2022-KR"; }
    /// Single-byte charsets for Latin-script languages (Western, Central European, Turkish...).
    [[nodiscard]] bool is_latin() const {
        for (const char* latin :
             {"windows-1250", "windows-1252", "windows-1254", "windows-1257", "windows-1258",
              "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-9", "ISO-8859-10", "ISO-8859-13",
              "ISO-8859-14", "ISO-8859-15", "ISO-8859-16"}) {
            if (name == latin) {
                return true;
            }
        }
        return false;
    }
    [[nodiscard]] bool is_utf16_or_32() const {
        return name.starts_with("UTF-16") || name.starts_with("UTF-32");
    }
    friend bool operator==(const Charset&, const Charset&) = default;
};

/// The charset a label names (case-insensitive, surrounding spaces and quotes ignored), or
/// nothing when neither our alias table nor ICU knows the label.
[[nodiscard]] std::optional<Charset> charset_for_label(std::string_view label);

namespace charsets {
// The ones the decoder refers to directly (BOMs, detection candidates, fallback).
Charset utf8();
Charset utf16le();
Charset utf16be();
Charset utf32le();
Charset utf32be();
Charset gb18030();
Charset big5();
Charset shift_jis();
Charset euc_jp();
Charset euc_kr();
Charset euc_tw();
Charset windows_874();
Charset windows_1252();
} // namespace charsets

} // namespace zhisou::text::detail
