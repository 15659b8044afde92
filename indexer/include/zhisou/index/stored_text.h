#pragma once
// The body text a document keeps for snippets and the document view (value slot kSlotText,
// schema.h), compressed with zstd. Xapian would deflate it inside the document data instead;
// zstd reads back several times faster, and inflating the data of a page's ten hits was a
// fifth of the search server's CPU.

#include <optional>
#include <string>
#include <string_view>

namespace zhisou::index {

/// One zstd frame holding `text` (records its size, so reading needs no guess).
[[nodiscard]] std::string compress_stored_text(std::string_view text);

/// The text of a frame written by compress_stored_text(); nullopt when `frame` is not one (a
/// damaged or foreign value), so a search can still show the hit without a snippet.
[[nodiscard]] std::optional<std::string> decompress_stored_text(std::string_view frame);

} // namespace zhisou::index
