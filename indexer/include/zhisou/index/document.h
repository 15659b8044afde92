#pragma once
// A document after decoding, repair and field extraction: everything the writer stores.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <zhisou/index/date.h>

namespace zhisou::index {

struct OrgCount {
    std::string id;
    std::uint32_t count = 0;  ///< mentions in title and body (title mentions count thrice)
    bool in_metadata = false; ///< named by front matter / JSONL / HTML meta
};

struct ExtractedDocument {
    std::string id;
    std::string path;
    std::size_t line = 0;
    std::string format; ///< "txt", "md", "html", "jsonl"

    std::string title;
    std::string body; ///< repaired UTF-8 text that is indexed and shown in snippets
    std::optional<PartialDate> date;
    std::string date_from; ///< "front-matter", "jsonl", "html-meta", "filename", "byline", "none"
    std::vector<DateMention> mentioned_dates; ///< offsets into body

    std::string source;
    std::string author;
    std::string url;
    std::string lang; ///< "en", "zh-Hans", "zh-Hant", "mixed", "" when too little text
    std::vector<std::string> tags;
    std::vector<OrgCount> orgs;

    std::string encoding;       ///< encoding the bytes were read in
    bool repaired = false;      ///< mojibake was repaired (is:repaired)
    std::size_t repairs = 0;    ///< how many spans
    bool unrecoverable = false; ///< residue that cannot be repaired: 锟斤拷, U+FFFD (is:damaged)

    /// Unknown JSONL fields, kept as stored data: (name, JSON-encoded value).
    std::vector<std::pair<std::string, std::string>> extra;
    std::uint64_t fingerprint = 0;
};

} // namespace zhisou::index
