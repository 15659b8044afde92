#pragma once
// Internal: the cheap first look. Almost all text (ASCII, ordinary Chinese, ordinary accented
// Latin) holds no character that any repair could start from; for it repair costs one pass
// over the bytes and a table lookup per non-ASCII character.

#include <cstdint>
#include <string_view>

namespace zhisou::text::repair_detail {

/// False when `utf8` has no character that could begin mojibake or residue, so repair can
/// return the text unchanged without looking further.
[[nodiscard]] bool may_need_repair(std::string_view utf8);

/// Bit p is set when `cp` stands for a UTF-8 lead byte (C2..F4) in single-byte page p
/// (single_byte_code_pages() order).
[[nodiscard]] std::uint32_t single_byte_lead_pages(char32_t cp);

/// Bit p is set when `cp` stands for a continuation byte (80..BF) in single-byte page p.
[[nodiscard]] std::uint32_t single_byte_continuation_pages(char32_t cp);

} // namespace zhisou::text::repair_detail
