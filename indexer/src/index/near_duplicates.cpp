#include "index/near_duplicates.h"

#include <fmt/format.h>

#include <zhisou/index/schema.h>

#include "index/hash.h"

namespace zhisou::index {
namespace {

// Documents sharing a band that are compared with a new one, at most (bounds the work and the
// memory on boilerplate-heavy feeds where many documents share a band).
constexpr std::size_t kMaxCandidatesPerBand = 16;
// Two signatures at least this similar (share of equal minima) are the same story.
constexpr double kDuplicateSimilarity = 0.75;

double signature_similarity(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.empty() || a.size() % 4 != 0)
        return 0.0;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < a.size(); i += 4)
        equal += a.compare(i, 4, b, i, 4) == 0;
    return static_cast<double>(equal) / static_cast<double>(a.size() / 4);
}

// Calls `visit` with the hash of each of the document's band terms.
template <typename Visit>
void for_each_band(const Xapian::Document& doc, Visit visit) {
    const std::string band_prefix(schema::kDupBandPrefix);
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        term.skip_to(band_prefix);
        if (term == doc.termlist_end() || !(*term).starts_with(band_prefix))
            break;
        visit(hash64(*term));
    }
}

} // namespace

void NearDuplicates::remember(std::uint64_t band, std::uint32_t entry) {
    auto& list = m_bands[band];
    if (list.size() < kMaxCandidatesPerBand)
        list.push_back(entry);
}

void NearDuplicates::load(
    const Xapian::Database& shard,
    const std::unordered_map<Xapian::docid, std::uint64_t>& id_hash_by_docid) {
    std::unordered_map<Xapian::docid, std::uint32_t> entry_of;
    for (auto v = shard.valuestream_begin(schema::kSlotMinHash);
         v != shard.valuestream_end(schema::kSlotMinHash); ++v) {
        const auto id = id_hash_by_docid.find(v.get_docid());
        if (id == id_hash_by_docid.end())
            continue;
        entry_of.emplace(v.get_docid(), static_cast<std::uint32_t>(m_entries.size()));
        m_entries.push_back({id->second, *v, {}});
    }
    for (auto v = shard.valuestream_begin(schema::kSlotCollapse);
         v != shard.valuestream_end(schema::kSlotCollapse); ++v) {
        if (const auto it = entry_of.find(v.get_docid()); it != entry_of.end())
            m_entries[it->second].key = *v;
    }
    const std::string prefix(schema::kDupBandPrefix);
    for (auto term = shard.allterms_begin(prefix); term != shard.allterms_end(prefix); ++term) {
        const std::uint64_t band = hash64(*term);
        std::size_t taken = 0;
        for (auto post = shard.postlist_begin(*term);
             post != shard.postlist_end(*term) && taken < kMaxCandidatesPerBand; ++post) {
            const auto it = entry_of.find(*post);
            if (it == entry_of.end() || m_entries[it->second].key.empty())
                continue;
            remember(band, it->second);
            ++taken;
        }
    }
}

std::string NearDuplicates::assign(const Xapian::Document& doc, const std::string& id_term) {
    const std::uint64_t own_id = hash64(id_term);
    std::string own_key = fmt::format("{:016x}", own_id);
    std::string signature = doc.get_value(schema::kSlotMinHash);
    if (signature.empty())
        return own_key;
    double best = kDuplicateSimilarity;
    const Entry* best_entry = nullptr;
    for_each_band(doc, [&](std::uint64_t band) {
        const auto it = m_bands.find(band);
        if (it == m_bands.end())
            return;
        for (const std::uint32_t index : it->second) {
            const Entry& other = m_entries[index];
            // The previous version of this document (re-indexing) is not its own duplicate.
            if (other.id_hash == own_id)
                continue;
            const double similarity = signature_similarity(signature, other.signature);
            if (similarity >= best) {
                best = similarity;
                best_entry = &other;
            }
        }
    });
    std::string key = best_entry ? best_entry->key : std::move(own_key);
    const auto index = static_cast<std::uint32_t>(m_entries.size());
    m_entries.push_back({own_id, std::move(signature), key});
    for_each_band(doc, [&](std::uint64_t band) { remember(band, index); });
    return key;
}

} // namespace zhisou::index
