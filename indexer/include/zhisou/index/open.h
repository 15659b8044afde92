#pragma once
// What an --index path names, and opening it: a single Xapian index directory, a directory
// of shards (shard-000, shard-001, ... written by `zhisou index --shards N`) or a Xapian stub
// database file listing local and remote shards. Every reader goes through here so the CLI,
// the server and saved queries agree on what an index is.
//
// Stub files use Xapian's own format, so xapian-delve and friends open them too: one shard
// per line, `auto PATH` or `glass PATH` (relative to the stub's folder), `remote HOST:PORT`
// for a database served by xapian-tcpsrv; `remote tcp HOST PORT` is accepted as a synonym.
// A shard directory holds such a stub named XAPIANDB, which Xapian opens by itself.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace zhisou::index {

/// The stub inside a shard directory (Xapian treats a directory holding XAPIANDB as a stub).
inline constexpr std::string_view kShardStubName = "XAPIANDB";

/// "shard-007": the folder of shard `number` inside a shard directory.
[[nodiscard]] std::string shard_dir_name(unsigned number);

/// One database an index is made of.
struct ShardLocation {
    std::string description;     ///< what users are told: the path, or "tcp HOST:PORT"
    std::filesystem::path local; ///< the database folder; empty for a remote shard
    std::string host;            ///< remote shards served by xapian-tcpsrv
    unsigned port = 0;
};

/// The shards `path` names, without opening them: the index itself for a plain index
/// directory, else the lines of its stub. Throws InputError when `path` does not exist or a
/// stub line cannot be read (naming the file and the line).
[[nodiscard]] std::vector<ShardLocation> list_shards(const std::filesystem::path& path);

/// True when `path` is a directory of shards written by `zhisou index --shards N`.
[[nodiscard]] bool is_shard_directory(const std::filesystem::path& path);

struct OpenOptions {
    /// Leave out shards that cannot be opened (a remote that is down) instead of throwing;
    /// they are listed in OpenedIndex::missing.
    bool allow_partial = false;
};

/// A local database folder as it was when opened (its inode), to tell when it was replaced.
struct FolderIdentity {
    std::filesystem::path path;
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
};

struct OpenedIndex {
    Xapian::Database database;
    std::vector<std::string> shards;     ///< every shard's description (path or "tcp HOST:PORT")
    std::vector<std::string> missing;    ///< shards left out under allow_partial
    bool all_local = true;               ///< no shard is remote
    std::vector<FolderIdentity> folders; ///< the local databases opened
};

/// Opens an index for reading. Throws InputError when `path` does not exist or is not an
/// index (saying how to create one), RuntimeError naming the shard that cannot be opened.
[[nodiscard]] OpenedIndex open_index(const std::filesystem::path& path, OpenOptions options = {});

/// True when a local database of `opened` is no longer the folder that was opened: `zhisou
/// index` compacts by swapping in a new folder, whose revision starts again at 1, so
/// `Xapian::Database::reopen()` can take it for the revision it has and keep reading the old
/// files. One stat() per local database.
[[nodiscard]] bool replaced_since_open(const OpenedIndex& opened);

/// True when the local index at `path` (a plain database, or a folder of shards) holds parts
/// of a first `zhisou index` run that has not merged them yet (it is still running, or it was
/// stopped and the next run recovers them): until then the index has no documents.
[[nodiscard]] bool first_build_pending(const std::filesystem::path& path);

/// The local database that holds the index-wide metadata (saved queries): the index itself,
/// or the first shard, which must be local. Throws InputError when it is remote (remote
/// shards are read-only).
[[nodiscard]] std::filesystem::path metadata_database(const std::filesystem::path& path);

} // namespace zhisou::index
