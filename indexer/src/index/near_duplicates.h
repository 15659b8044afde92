#pragma once
// Internal: near-duplicate clusters across all shards of an index. Each document's MinHash
// signature is split into LSH bands (its XH terms); a new document joins the cluster of the
// most similar earlier document that shares a band with it, else starts its own. Kept in
// memory for the whole run, so the answer does not depend on which shard a document went to
// or on when another shard's writer committed: the same inputs give the same keys.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace zhisou::index {

class NearDuplicates {
public:
    /// Learns the documents already in one shard: `id_hash_by_docid` maps the shard's
    /// docids to hash64 of their id terms.
    void load(const Xapian::Database& shard,
              const std::unordered_map<Xapian::docid, std::uint64_t>& id_hash_by_docid);

    /// The collapse key of a new document (its own key when it has no near-duplicate); the
    /// document is remembered for the ones that follow.
    [[nodiscard]] std::string assign(const Xapian::Document& doc, const std::string& id_term);

private:
    struct Entry {
        std::uint64_t id_hash = 0;
        std::string signature;
        std::string key;
    };
    void remember(std::uint64_t band, std::uint32_t entry);

    std::vector<Entry> m_entries;
    /// hash of a band term -> the first documents with that band (at most a few per band).
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_bands;
};

} // namespace zhisou::index
