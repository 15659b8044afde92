#include "facets.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>

#include <zhisou/index/gazetteer.h>
#include <zhisou/index/schema.h>

namespace zhisou::query::detail {
namespace {

/// Facet counting needs every match seen; beyond this many documents the counts are taken
/// over the first ones seen only (and Xapian's estimate stands for the rest).
constexpr Xapian::doccount kFacetCheckAtMost = 200000;
constexpr std::size_t kFacetValues = 20;
/// FacetTables index an array by docid; past this many docids (4 bytes each per slot) they are
/// not built and matches are counted through their values.
constexpr Xapian::docid kMaxTableDocid = 64 * 1024 * 1024;

/// Counts by facet key (facet_key: the year of a date, else the slot value).
using RawCounts = std::vector<std::pair<std::string, Xapian::doccount>>;

int year_of_value(const std::string& serialised) {
    const double yyyymmdd = Xapian::sortable_unserialise(serialised);
    return static_cast<int>(yyyymmdd) / 10000;
}

std::vector<FacetValue> top_values(std::map<std::string, Xapian::doccount>& counts,
                                   const std::function<std::string(const std::string&)>& label) {
    std::vector<FacetValue> values;
    values.reserve(counts.size());
    for (auto& [value, count] : counts) {
        if (!value.empty())
            values.push_back({value, label(value), count});
    }
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (values.size() > kFacetValues)
        values.resize(kFacetValues);
    return values;
}

/// What a slot value counts under: the year of a date, else the value itself.
std::string facet_key(Facet facet, const std::string& raw) {
    return facet == Facet::Year ? std::to_string(year_of_value(raw)) : raw;
}

/// The facet's values and counts from the counts of its keys (facet_key).
std::vector<FacetValue> facet_values(Facet facet, const RawCounts& key_counts) {
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& [key, count] : key_counts) {
        if (facet != Facet::Org) {
            counts[key] += count;
            continue;
        }
        // The slot joins a document's orgs with '\n': split the combination and add its count
        // to each org (each document still counts once per org).
        std::size_t start = 0;
        while (start <= key.size()) {
            const std::size_t end = std::min(key.find('\n', start), key.size());
            if (end > start)
                counts[key.substr(start, end - start)] += count;
            start = end + 1;
        }
    }
    if (facet == Facet::Org) {
        return top_values(counts, [](const std::string& id) {
            const index::Org* org = index::Gazetteer::builtin().by_id(id);
            return org ? org->name : id;
        });
    }
    if (facet == Facet::Source) {
        // The slot holds the source as written; the filter term is its lower-case form.
        auto values = top_values(counts, [](const std::string& s) { return s; });
        for (auto& value : values) {
            std::transform(value.value.begin(), value.value.end(), value.value.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        }
        return values;
    }
    return top_values(counts, [](const std::string& s) { return s; });
}

Xapian::valueno facet_slot(Facet facet) {
    switch (facet) {
    case Facet::Org:
        return schema::kSlotOrgs;
    case Facet::Year:
        return schema::kSlotDateFirst;
    case Facet::Source:
        return schema::kSlotSource;
    case Facet::Lang:
        return schema::kSlotLang;
    }
    return schema::kSlotOrgs;
}

FacetTable build_table(const Xapian::Database& database, Facet facet) {
    const Xapian::valueno slot = facet_slot(facet);
    FacetTable table;
    table.ordinal.assign(database.get_lastdocid() + 1, 0);
    table.values.emplace_back(); // ordinal 0: no value
    std::map<std::string, std::uint32_t> ordinals;
    for (auto it = database.valuestream_begin(slot); it != database.valuestream_end(slot); ++it) {
        auto [at, added] = ordinals.try_emplace(facet_key(facet, *it),
                                                static_cast<std::uint32_t>(table.values.size()));
        if (added)
            table.values.push_back(at->first);
        table.ordinal[it.get_docid()] = at->second;
    }
    return table;
}

/// Counts the matches by their ordinal in a FacetTable. Local only: it has no name() or
/// serialise(), so Xapian cannot send it to a remote shard.
class OrdinalCountSpy final : public Xapian::MatchSpy {
public:
    explicit OrdinalCountSpy(const FacetTable& table)
        : m_table(table), m_counts(table.values.size(), 0) {}

    void operator()(const Xapian::Document& doc, double) override {
        const Xapian::docid docid = doc.get_docid();
        if (docid < m_table.ordinal.size())
            ++m_counts[m_table.ordinal[docid]];
    }

    [[nodiscard]] RawCounts counts() const {
        RawCounts out;
        for (std::size_t i = 1; i < m_counts.size(); ++i) {
            if (m_counts[i] > 0)
                out.emplace_back(m_table.values[i], m_counts[i]);
        }
        return out;
    }

private:
    const FacetTable& m_table;
    std::vector<Xapian::doccount> m_counts;
};

RawCounts counts_of(Facet facet, const Xapian::ValueCountMatchSpy& spy) {
    RawCounts out;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        out.emplace_back(facet_key(facet, *it), it.get_termfreq());
    return out;
}

} // namespace

const FacetTable* FacetTables::find(const Xapian::Database& database, Facet facet) {
    Entry& entry = m_facets[facet];
    if (!entry.asked_before) {
        entry.asked_before = true;
        return nullptr;
    }
    if (!entry.built) {
        if (database.get_lastdocid() > kMaxTableDocid)
            return nullptr;
        entry.table = build_table(database, facet);
        entry.built = true;
    }
    return &entry.table;
}

/// Unweighted (BoolWeight), Xapian drops the ranking boosts (an unweighted AND_MAYBE is its left
/// side) and computes no BM25, so the pass only walks the matching postings; the ranked pass for
/// the page then stops early as a search without facets does. Counting inside the ranked pass
/// instead made every match go through the boosts' phrase checks.
std::vector<std::pair<Facet, std::vector<FacetValue>>>
count_facets(const Xapian::Database& database, const Xapian::Query& query,
             const std::vector<Facet>& facets, FacetTables* tables) {
    Xapian::Enquire counting(database);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> value_spies(facets.size());
    std::vector<std::unique_ptr<OrdinalCountSpy>> ordinal_spies(facets.size());
    for (std::size_t i = 0; i < facets.size(); ++i) {
        if (const FacetTable* table = tables ? tables->find(database, facets[i]) : nullptr) {
            ordinal_spies[i] = std::make_unique<OrdinalCountSpy>(*table);
            counting.add_matchspy(ordinal_spies[i].get());
        } else {
            value_spies[i] = std::make_unique<Xapian::ValueCountMatchSpy>(facet_slot(facets[i]));
            counting.add_matchspy(value_spies[i].get());
        }
    }
    (void)counting.get_mset(0, 0, std::min(database.get_doccount(), kFacetCheckAtMost));
    std::vector<std::pair<Facet, std::vector<FacetValue>>> counts;
    for (std::size_t i = 0; i < facets.size(); ++i) {
        const RawCounts raw =
            ordinal_spies[i] ? ordinal_spies[i]->counts() : counts_of(facets[i], *value_spies[i]);
        counts.emplace_back(facets[i], facet_values(facets[i], raw));
    }
    return counts;
}

} // namespace zhisou::query::detail
