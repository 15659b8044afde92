#pragma once
// Internal: Markdown front matter (a `---` block of `key: value` lines at the top, the subset
// of YAML that blogs and static-site generators write) and body helpers.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhisou::index {

struct FrontMatter {
    /// (lower-case key, value) in order; list values (`[a, b]` or `- a` lines) are split
    /// into one entry per item under the same key.
    std::vector<std::pair<std::string, std::string>> entries;
    std::string_view body; ///< the text after the block (all of it when there is none)

    [[nodiscard]] std::string first(std::string_view key) const;
    [[nodiscard]] std::vector<std::string> all(std::string_view key) const;
};

[[nodiscard]] FrontMatter parse_front_matter(std::string_view text);

/// The text of the first Markdown `#` heading, or "".
[[nodiscard]] std::string first_heading(std::string_view markdown);

/// The first non-empty line, trimmed and cut to at most `max_bytes` at a character boundary.
[[nodiscard]] std::string first_line(std::string_view text, std::size_t max_bytes = 300);

/// Trims ASCII and ideographic white space.
[[nodiscard]] std::string_view trim(std::string_view text);

} // namespace zhisou::index
