#pragma once
// Internal: "did you mean" for field names. `titel:x` is almost certainly a mistyped field,
// while `12:00`, `https://z.ai` and `大類：土石壩` are text; this decides which is which.

#include <optional>
#include <string>
#include <string_view>

namespace zhisou::query::detail {

/// Edit distance with adjacent transpositions (titel -> title is 1), ASCII case-folded.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// If `term` looks like `name:value` with `name` a near miss of a field name or alias (ASCII
/// letters, at least 3 of them; distance 1, or 2 for names of 5+ letters) and the value is
/// not the rest of a URL, returns the canonical field name to suggest.
[[nodiscard]] std::optional<std::string> misspelled_field(std::string_view term);

} // namespace zhisou::query::detail
