#pragma once
// Facet counts over every match of a query, in an unweighted pass of its own (see
// count_facets). Counting uses Xapian's ValueCountMatchSpy, which also works through remote
// shards, or, for a single local database a Searcher has counted before, FacetTables: each
// document's facet value as a small number, read once per database revision, so counting a
// match is one array increment instead of reading its value and looking it up in a std::map.
// That lookup was a fifth of the search server's CPU.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

#include <zhisou/query/search.h>

namespace zhisou::query::detail {

/// One facet's key by document (the year of its date, its org ids joined by '\n', its source or
/// lang): `values[ordinal[docid]]`, ordinal 0 for none.
struct FacetTable {
    std::vector<std::uint32_t> ordinal;
    std::vector<std::string> values;
};

/// The FacetTables of one Searcher's database. The Searcher clears them when it reopens.
class FacetTables {
public:
    /// The table of `facet`, or nullptr while counting directly is the better choice: the
    /// first time a slot is asked for (a one-off CLI search would pay for reading every
    /// document's value to count a few matches), or for a database whose docids are too sparse
    /// to index an array by.
    const FacetTable* find(const Xapian::Database& database, Facet facet);
    void clear() { m_facets.clear(); }

private:
    struct Entry {
        bool asked_before = false;
        bool built = false;
        FacetTable table;
    };
    std::map<Facet, Entry> m_facets;
};

/// Counts `facets` over every match of `query` (up to a bound). `tables` may be nullptr (remote
/// or several shards: the spy sees docids of the shard, not of the combined database).
[[nodiscard]] std::vector<std::pair<Facet, std::vector<FacetValue>>>
count_facets(const Xapian::Database& database, const Xapian::Query& query,
             const std::vector<Facet>& facets, FacetTables* tables);

} // namespace zhisou::query::detail
