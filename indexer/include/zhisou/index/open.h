#pragma once
// What an --index path names, and opening it: a single Xapian index directory, a directory
// of shards (shard-000, shard-001, ... written by `zhisou index --shards N`) or a Xapian stub
// database file listing local and remote (`remote tcp HOST PORT`) shards. Every reader goes
// through here so the CLI, the server and saved queries agree on what an index is.

#include <filesystem>
#include <string>
#include <vector>
#include <xapian.h>

namespace zhisou::index {

struct OpenOptions {
    /// Leave out shards that cannot be opened (a remote that is down) instead of throwing;
    /// they are listed in OpenedIndex::missing.
    bool allow_partial = false;
};

struct OpenedIndex {
    Xapian::Database database;
    std::vector<std::string> shards;  ///< every shard's description (path or "tcp HOST:PORT")
    std::vector<std::string> missing; ///< shards left out under allow_partial
};

/// Opens an index for reading. Throws InputError when `path` does not exist or is not an
/// index (saying how to create one), RuntimeError naming the shard that cannot be opened.
[[nodiscard]] OpenedIndex open_index(const std::filesystem::path& path, OpenOptions options = {});

/// The local database that holds the index-wide metadata (saved queries): the index itself,
/// or the first local shard. Throws InputError when there is none (a stub of remotes only).
[[nodiscard]] std::filesystem::path metadata_database(const std::filesystem::path& path);

} // namespace zhisou::index
