#pragma once
// Mojibake repair: finds spans of text that were decoded with the wrong charset and
// decodes them again the right way. Correct text passes through unchanged.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::text {

/// One change made by repair(); offsets are byte offsets into the input text.
struct RepairChange {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string from;  ///< the text that was replaced
    std::string to;    ///< its replacement (may be empty when garbage was removed)
    std::string cause; ///< e.g. "utf-8 as windows-1252", "utf-8 as gbk", "utf-8 as cp874 (lossy)",
                       ///< "unrecoverable"
};

struct Repaired {
    std::string text;
    std::vector<RepairChange> changes;
    /// True when the input held residue that cannot be repaired (锟斤拷, runs of U+FFFD).
    bool unrecoverable = false;

    [[nodiscard]] bool changed() const noexcept { return !changes.empty(); }
    /// Changes that undid a wrong decode (all but the "unrecoverable" residue markers).
    [[nodiscard]] std::size_t mojibake_repairs() const noexcept {
        std::size_t count = 0;
        for (const auto& change : changes)
            count += !change.cause.starts_with("unrecoverable");
        return count;
    }
};

/// Repairs mojibake in valid UTF-8 text, span by span.
[[nodiscard]] Repaired repair(std::string_view utf8);

} // namespace zhisou::text
