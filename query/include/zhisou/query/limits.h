#pragma once
// The documented limits of the query language (docs/query-language.md, "Limits"). Each one
// turns input that would cost unbounded time or memory into a clear ParseError.

#include <cstddef>
#include <cstdint>

namespace zhisou::query::limits {

/// Longest query, in code points. A pasted paragraph fits; a pasted book does not.
inline constexpr std::size_t kMaxQueryChars = 4096;
/// Deepest nesting of parentheses (field groups count). Bounds the parser's recursion.
inline constexpr std::size_t kMaxDepth = 32;
/// Most terms, phrases and wildcards in one query, saved queries expanded.
inline constexpr std::size_t kMaxTerms = 256;
/// saved:NAME inside saved queries, at most this deep (cycles are reported as such).
inline constexpr std::size_t kMaxSavedDepth = 8;
/// Most words one wildcard may expand to; more is an error, not a slow search.
inline constexpr std::uint32_t kMaxWildcardExpansion = 100;
/// Largest n in NEAR/n; NEAR alone means NEAR/10 (as in Xapian's own parser).
inline constexpr std::uint32_t kMaxNearDistance = 100;
inline constexpr std::uint32_t kDefaultNearDistance = 10;
/// Most terms a mentioned: date range may expand to (years, months, days).
inline constexpr std::size_t kMaxMentionedTerms = 400;
/// Most hits one search returns (--limit, limit=) and the deepest page (offset + limit):
/// deeper pages cost time in proportion and nobody reads them.
inline constexpr std::size_t kMaxPageSize = 1000;
inline constexpr std::size_t kMaxResultDepth = 100000;

} // namespace zhisou::query::limits
