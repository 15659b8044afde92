#pragma once
// The search benchmark's query set: bench/queries/search.txt, one query a line as
// "class<TAB>query[<TAB>query for Xapian]", and how a Zhisou query becomes the Xapian peer's
// query when the third column is absent.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::bench {

struct BenchQuery {
    std::string query_class; ///< english, chinese, phrase, field, date, question, mixed, ...
    std::string zhisou;      ///< the query as a Zhisou user types it
    std::string xapian;      ///< the same for Xapian's QueryParser (see to_xapian_query)
};

/// Reads a query file. Throws std::runtime_error naming the file and line of a malformed line.
[[nodiscard]] std::vector<BenchQuery> load_queries(const std::filesystem::path& file);

/// Up to `count` questions of retrieval-dev/queries.jsonl, spread evenly over the file, as
/// class "question-dev" (both engines get the text as is).
[[nodiscard]] std::vector<BenchQuery> load_dev_questions(const std::filesystem::path& file,
                                                         std::size_t count);

/// Zhisou-only syntax translated for Xapian's QueryParser: 「」『』“” quotes become '"';
/// org:X becomes the plain words X; date:SPEC becomes a YYYYMMDD..YYYYMMDD range on value slot 0
/// (the peer's NumberRangeProcessor); lang:, source:, author:, tag:, is:, mentioned: filters are
/// dropped (the peer has no such terms); title: stays (the peer indexes the title with "S").
/// Throws std::runtime_error for a date it cannot translate.
[[nodiscard]] std::string to_xapian_query(std::string_view zhisou_query);

} // namespace zhisou::bench
