#pragma once
// Internal: a new index is written as parts and merged into one database at the end.
//
// Why: Xapian allows one writer per database, and that writer is the slowest stage of
// indexing (its in-memory map of a batch's terms, then one B-tree update per term and commit,
// which costs more the larger the database). Parts are written in parallel, each stays small,
// and Xapian's compactor merges them in one sequential pass (news corpus: 30.4 s as one
// database, 23.7 s as two parts plus 1.2 s of merging).
//
// Layout: <index>/build-parts/part-W-K (writer W, its K-th part). A new sharded index has one
// writer per shard, whose parts are in and merge into that shard's database
// (<index>/shard-NNN/build-parts/part-000-K). Parts are only touched by
// the process that holds the index's write lock. The merge swaps the merged database into
// <index> atomically; the old folder goes, and the parts inside it with it. A run that stops
// before the merge (kill -9, a full disk) leaves the index empty and the committed parts in
// place: the next run merges them first, then indexes what is still missing.

#include <cstddef>
#include <filesystem>
#include <vector>
#include <xapian.h>

namespace zhisou::index {

/// Where the parts of a new index are written.
[[nodiscard]] std::filesystem::path build_parts_dir(const std::filesystem::path& index);

/// Creates (overwriting a leftover) the `number`-th part of writer `writer`.
[[nodiscard]] Xapian::WritableDatabase create_build_part(const std::filesystem::path& index,
                                                         std::size_t writer, std::size_t number);

/// The parts that exist now, in the order they merge (writer, then number).
[[nodiscard]] std::vector<std::filesystem::path>
list_build_parts(const std::filesystem::path& index);

/// Merges the parts into the plain database at `index`, which `index_db` holds open for
/// writing (so no other writer comes in between) and which holds no documents yet; its
/// metadata (schema version, saved queries) is kept. `index_db` is closed: the merged database
/// replaces it. Returns its number of documents. Throws RuntimeError when the merge fails; the
/// parts then stay for the next run.
Xapian::doccount merge_build_parts(const std::filesystem::path& index,
                                   Xapian::WritableDatabase& index_db);

/// When a run opens the plain index at `index` (held by `index_db`): parts left by a run that
/// stopped before its merge are merged now if the index is still empty, which closes
/// `index_db` (reopen it), or else removed (under `rebuild`, or when they hold nothing).
/// Returns how many documents were recovered.
std::size_t recover_build_parts(const std::filesystem::path& index,
                                Xapian::WritableDatabase& index_db, bool rebuild);

} // namespace zhisou::index
