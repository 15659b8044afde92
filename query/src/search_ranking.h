#pragma once
// Ranking choices of a search, kept apart from the mechanics in search.cpp: the weighting
// scheme, the boosts added to a compiled query, per-hit explanations and "did you mean".

#include <string>
#include <vector>
#include <xapian.h>

#include <zhisou/query/ast.h>
#include <zhisou/query/compile.h>

namespace zhisou::text {
class Analyzer;
}

namespace zhisou::query::detail {

/// The compiled query with the ranking boosts added (title, phrase, org "aboutness").
[[nodiscard]] Xapian::Query rank(const CompiledQuery& compiled, const ast::Query& parsed,
                                 const Xapian::Database& database, const text::Analyzer& analyzer);

[[nodiscard]] Xapian::BM25Weight weighting();

/// Ranked mode leaves this term out of the query (it is in too many documents), so snippets
/// should not highlight it either.
[[nodiscard]] bool too_common_for_ranking(const std::string& term, const Xapian::Database& db);

/// Why a hit matched: the query terms it contains, in a readable form.
[[nodiscard]] std::vector<std::string>
why(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit, const CompiledQuery& compiled);

/// The query with misspelt English words and unknown org values corrected, or "".
[[nodiscard]] std::string did_you_mean(const ast::Query& parsed, const Xapian::Database& db);

} // namespace zhisou::query::detail
