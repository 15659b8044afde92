#pragma once
// Internal: opening an index for writing, as one database or as N shards. A sharded index is
// a folder with shard-000 .. shard-(N-1) and a Xapian stub named XAPIANDB listing them, so
// Xapian's own tools open the folder as one database. Each shard records the count, and a
// later run keeps it: re-sharding (a different --shards) needs --rebuild, because every
// document's shard would change.

#include <cstdint>
#include <filesystem>
#include <vector>
#include <xapian.h>

namespace zhisou::index {

struct WritableShards {
    std::vector<Xapian::WritableDatabase> databases; ///< one per shard; one for a plain index
    std::vector<std::filesystem::path> folders;      ///< where each of `databases` is
    bool sharded = false; ///< a shard folder (N >= 2) rather than one plain database
    /// Documents of an interrupted new index, merged from its parts on opening (build_parts.h).
    std::size_t recovered = 0;
};

/// Opens (creating when needed) the index at `dir` with `requested` shards (0 = as it is,
/// or one database for a new index). Saved queries survive --rebuild and re-sharding; they
/// live in the first database. Throws InputError when `requested` differs from the index's
/// shard count without `rebuild`, RuntimeError when another process is writing.
[[nodiscard]] WritableShards open_writable_shards(const std::filesystem::path& dir,
                                                  unsigned requested, bool rebuild);

/// The shard a document belongs to, from hash64 of its id term (stable across runs).
[[nodiscard]] inline std::size_t shard_of(std::uint64_t id_term_hash, std::size_t shards) {
    return static_cast<std::size_t>(id_term_hash % shards);
}

} // namespace zhisou::index
