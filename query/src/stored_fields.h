#pragma once
// Reading a hit's stored data (the JSON object the indexer writes, see index/schema.h) on the
// search path. simdjson's on-demand parser reads the ~10 KB of a news document's data about
// ten times faster than building a DOM, which was a sixth of a search's time with snippets.

#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace zhisou::query::detail {

struct StoredFields {
    std::string id, title, date, source, lang, path, url;
    std::vector<std::string> orgs; ///< canonical org ids, as stored
};

/// The fields a hit shows. A field that is missing or not a string stays empty; data that is
/// no JSON object gives empty fields (a document written by something else) rather than an
/// error, as a search result must still be shown.
[[nodiscard]] StoredFields read_stored_fields(std::string_view data);

/// The document's body: its text slot (schema.h, kSlotText), else the "text" member of its
/// `data` (data version 1), else empty. The data is parsed only in that last case.
[[nodiscard]] std::string read_stored_text(const Xapian::Document& doc, std::string_view data);

/// Only the document's id as stored (its Q term may be a hash of a long id).
[[nodiscard]] std::string read_stored_id(std::string_view data);

} // namespace zhisou::query::detail
