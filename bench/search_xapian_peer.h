#pragma once
// The search benchmark's peer: plain Xapian on the same news documents, as a Xapian user
// would set it up. TermGenerator with FLAG_CJK_NGRAM and the English stemmer (title, also
// with prefix "S", then text; positions on), the date as sortable_serialise(YYYYMMDD) in value
// slot 0, and {"id","title","date","text"} as JSON document data. Queries go through
// QueryParser with FLAG_CJK_NGRAM | FLAG_DEFAULT, get_mset(0, 10) and MSet::snippet per hit.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

namespace zhisou::bench {

class XapianPeer {
public:
    /// Opens the peer index in `dir`, (re)building it from `jsonl_files` unless it already
    /// holds exactly those documents (the build records the input files and sizes).
    XapianPeer(const std::filesystem::path& dir,
               const std::vector<std::filesystem::path>& jsonl_files);

    struct Result {
        Xapian::doccount total = 0; ///< Xapian's estimate
        std::size_t hits = 0;
        std::size_t snippet_bytes = 0; ///< keeps the snippets from being optimised away
    };

    /// Parses and runs one query: the best `limit` hits, each with a snippet of the text.
    Result search(const std::string& query, std::size_t limit = 10);

    [[nodiscard]] bool rebuilt() const noexcept { return m_rebuilt; }
    [[nodiscard]] Xapian::doccount documents() const { return m_db.get_doccount(); }

private:
    Xapian::Database m_db;
    Xapian::Stem m_stemmer{"en"};
    Xapian::QueryParser m_parser;
    bool m_rebuilt = false;
};

} // namespace zhisou::bench
