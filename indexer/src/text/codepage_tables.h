#pragma once
// Internal: byte <-> character tables of the legacy code pages whose wrong use repair undoes
// (single-byte Windows/ISO/Mac/DOS pages, Windows-874 Thai, GBK). They are built once per
// process from ICU's own converters, so they agree with the decoder, and never per call.

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace zhisou::text::repair_detail {

/// A single-byte code page read "sloppily", the way most software does: a byte the page
/// leaves undefined shows up as the C1 control with the same number, and every C1 control
/// encodes back to its own byte (so Latin-1 and Windows-1252 mojibake read as one page).
class SingleByteCodePage {
public:
    SingleByteCodePage(std::string_view name, const char* icu_name);

    [[nodiscard]] std::string_view name() const { return m_name; }
    /// The character that byte `byte` (0x80..0xFF) decodes to.
    [[nodiscard]] char32_t to_unicode(std::uint8_t byte) const { return m_high[byte - 0x80]; }
    /// The byte that `cp` encodes to, or -1 when the page has no such character. ASCII
    /// encodes to itself.
    [[nodiscard]] int to_byte(char32_t cp) const;
    /// False for bytes 0x80..0x9F that the page leaves undefined (they decode to C1 controls).
    [[nodiscard]] bool defined(std::uint8_t byte) const;

private:
    std::string_view m_name;
    std::array<char32_t, 128> m_high{};
    std::vector<std::pair<char32_t, std::uint8_t>> m_reverse; // sorted by code point
};

/// The pages tried for "UTF-8 read as a single-byte page", most common mix-up first.
[[nodiscard]] const std::vector<SingleByteCodePage>& single_byte_code_pages();

/// Windows-874 / TIS-620 (Thai).
[[nodiscard]] const SingleByteCodePage& thai_code_page();

/// GBK as Windows code page 936: its user-defined area (AAA1..AFFE, F8A1..FEFE, A140..A7A0)
/// decodes to private-use characters, as ICU and Windows do.
/// Returns the two-byte code (lead << 8 | trail) of `cp`, or 0 when it has none.
[[nodiscard]] std::uint16_t gbk_code(char32_t cp);

/// True for the two-byte codes of GBK's user-defined area (decoded to private-use
/// characters, which some programs then drop).
[[nodiscard]] bool gbk_user_defined(std::uint8_t lead, std::uint8_t trail);

} // namespace zhisou::text::repair_detail
