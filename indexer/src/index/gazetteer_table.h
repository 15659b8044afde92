#pragma once
// Internal: reads the rows of an orgs.tsv table (id, display name, aliases) and checks each
// one, so that every mistake in a user's file is reported as "FILE:LINE: what to fix".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::index::gazetteer {

/// The id of rows that list false friends (words that contain an alias but name no org).
inline constexpr std::string_view kFalseFriendId = "-";

struct AliasSpec {
    std::string text;        ///< as written, without the '=' marker
    bool as_written = false; ///< written "=Meta": must match as written (case, Han characters)
};

struct TableRow {
    std::size_t line = 0;
    std::string id;
    std::string name;
    std::vector<AliasSpec> aliases; ///< the row's aliases, then its display name
};

/// Parses every row of `tsv`. Throws InputError("<origin>:<line>: ...") on the first malformed
/// row: wrong column count, bad id, empty alias, invalid UTF-8.
[[nodiscard]] std::vector<TableRow> parse_table(std::string_view tsv, std::string_view origin);

} // namespace zhisou::index::gazetteer
