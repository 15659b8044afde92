#pragma once
// Completions for the search box as the user types: field names, organizations and index
// terms that start with the last word of the query. Bounded work per call (the server answers
// one on every keystroke).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace zhisou::server {

struct Suggestion {
    std::string kind;   ///< "field", "org", "value" (a field's indexed value) or "term"
    std::string text;   ///< the whole query with its last word completed
    std::string label;  ///< what the list shows: "org:", "Zhipu AI", "glm"
    std::string detail; ///< a hint: the field's help, the alias typed, a document count
};

/// At most `limit` completions of the last word of `query`: after "field:" the field's values
/// (org aliases; indexed sources, tags, authors, languages), else field names, then orgs, then
/// index terms by document frequency. Scans at most a few thousand terms.
[[nodiscard]] std::vector<Suggestion> suggest(const Xapian::Database& database,
                                              std::string_view query, std::size_t limit = 10);

} // namespace zhisou::server
