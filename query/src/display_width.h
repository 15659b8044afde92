#pragma once
// Internal: how many terminal cells a character takes, so a caret can sit under it.

namespace zhisou::query::detail {

/// 2 for East Asian Wide and Fullwidth characters (CJK, full-width forms, most emoji),
/// 0 for combining marks and format characters, 1 otherwise (Ambiguous counts as 1, as in
/// terminals outside CJK locales).
[[nodiscard]] int display_width(char32_t c) noexcept;

} // namespace zhisou::query::detail
