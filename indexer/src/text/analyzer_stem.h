#pragma once
// Internal: English Snowball stems through a small per-thread cache. News text repeats the same
// few thousand words, and a hash lookup is several times cheaper than running Snowball.

#include <string>
#include <string_view>

namespace zhisou::text::analyzer_detail {

/// Xapian::Stem("en") of a lower-case word. Thread-safe (one stemmer and cache per thread).
/// The view stays valid until the next call on the same thread.
[[nodiscard]] std::string_view english_stem(std::string_view word);

} // namespace zhisou::text::analyzer_detail
