#pragma once
// The index schema in one place: term prefixes, value slots and the user-facing field names.
// Indexing (writer), querying (compile) and the docs read it from here, so they cannot drift.
// Prefixes follow Xapian's conventions (xapian-omega termprefixes.rst): single capitals are the
// reserved ones, X-prefixes are ours.

#include <string_view>

namespace zhisou::schema {

// --- Terms produced by the Analyzer (free text) --------------------------------------------
/// English Snowball stems, as Xapian's TermGenerator writes them ("Z" + stem, no positions).
inline constexpr std::string_view kStemPrefix = "Z";
/// Overlapping Han bigrams: recall for any Chinese substring of two or more characters.
/// Kept apart from dictionary words so that word matches can rank above bigram-only matches.
inline constexpr std::string_view kBigramPrefix = "XB";
/// Single Han characters, without positions: a one-character query (蝶) still finds words
/// the dictionary kept whole (蝴蝶).
inline constexpr std::string_view kUnigramPrefix = "XU";

// --- Free-text fields ----------------------------------------------------------------------
/// Title terms are indexed twice: unprefixed (weighted higher) and with "S" for title: queries.
inline constexpr std::string_view kTitlePrefix = "S";

// --- Boolean filter fields -----------------------------------------------------------------
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kAuthorPrefix = "A";
inline constexpr std::string_view kYearPrefix = "Y";  ///< YYYY
inline constexpr std::string_view kMonthPrefix = "M"; ///< YYYYMM
inline constexpr std::string_view kDayPrefix = "D";   ///< YYYYMMDD
inline constexpr std::string_view kLangPrefix = "L";
inline constexpr std::string_view kOrgPrefix = "XO";
inline constexpr std::string_view kSourcePrefix = "XS";
inline constexpr std::string_view kTagPrefix = "K"; ///< Xapian's "keyword" convention
inline constexpr std::string_view kMentionedDatePrefix = "XM"; ///< dates mentioned in the body
inline constexpr std::string_view kFlagPrefix = "XF"; ///< XFrepaired

} // namespace zhisou::schema
