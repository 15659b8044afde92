#pragma once
// `zhisou compact`: Xapian's compactor, either in place (each database rewritten without the
// free space incremental updates leave behind) or merging the shards of an index into one.

#include <cstdint>
#include <filesystem>
#include <optional>

namespace zhisou::index {

struct CompactSummary {
    std::filesystem::path output;   ///< where the compacted index is
    std::size_t databases = 0;      ///< databases read (shards)
    std::uint64_t documents = 0;    ///< documents in the output
    std::uint64_t bytes_before = 0; ///< size of the input databases on disk
    std::uint64_t bytes_after = 0;  ///< size of the output on disk
};

/// Compacts the index at `index`.
/// - Without `output`: each database (the index, or each local shard) is compacted into a
///   new folder beside it, which is then swapped in atomically (renameat2 RENAME_EXCHANGE).
///   The write lock is held meanwhile, so a concurrent `zhisou index` waits instead of
///   losing its commits. Readers that have the index open keep the files they hold (Linux
///   keeps unlinked files alive) and keep answering from them; they see the compacted index
///   when they reopen it.
/// - With `output`: every shard is merged into one plain index at `output`, which must not
///   exist yet (it is written beside it and renamed into place when complete).
/// Throws InputError for remote shards (compact them where they are served) and bad paths,
/// RuntimeError when another process is writing.
CompactSummary compact_index(const std::filesystem::path& index,
                             const std::optional<std::filesystem::path>& output);

} // namespace zhisou::index
