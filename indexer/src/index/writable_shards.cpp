#include "index/writable_shards.h"

#include <fmt/format.h>
#include <fstream>
#include <string>
#include <utility>

#include <zhisou/error.h>
#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>

#include "index/build_parts.h"

namespace zhisou::index {
namespace fs = std::filesystem;

namespace {

using Metadata = std::vector<std::pair<std::string, std::string>>;

constexpr unsigned kMaxShards = 256;

// The shard count of what is at `dir` now: 0 (nothing yet), 1 (a plain index) or N.
unsigned existing_shards(const fs::path& dir) {
    std::error_code ec;
    if (is_shard_directory(dir))
        return static_cast<unsigned>(list_shards(dir).size());
    return fs::exists(dir / "iamglass", ec) ? 1 : 0;
}

// The user's own metadata (saved queries and their history), which --rebuild keeps.
Metadata kept_metadata(const fs::path& dir) {
    Metadata kept;
    const Xapian::Database old(metadata_database(dir).string());
    for (const std::string_view prefix_view : schema::kMetaKeptOnRebuild) {
        const std::string prefix(prefix_view);
        for (auto key = old.metadata_keys_begin(prefix); key != old.metadata_keys_end(prefix);
             ++key)
            kept.emplace_back(*key, old.get_metadata(*key));
    }
    return kept;
}

// `adding_to`: the index (folder) documents will be added to; the database must then be of
// the current index format. Empty when the database is only opened to be removed.
Xapian::WritableDatabase open_database(const fs::path& dir, bool overwrite,
                                       const fs::path& adding_to = {}) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw RuntimeError(
            fmt::format("cannot create the index directory '{}': {}", dir.string(), ec.message()));
    }
    try {
        Xapian::WritableDatabase db(dir.string(), overwrite ? Xapian::DB_CREATE_OR_OVERWRITE
                                                            : Xapian::DB_CREATE_OR_OPEN);
        // Adding documents of the current format to an index of another would mix the two.
        if (!overwrite && !adding_to.empty())
            schema::require_current_schema(db, adding_to.string());
        db.set_metadata(std::string(schema::kMetaSchema),
                        std::to_string(schema::kIndexSchemaVersion));
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw RuntimeError(fmt::format("another process is writing to the index '{}'; wait for it "
                                       "to finish and run again",
                                       dir.string()));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw RuntimeError(fmt::format("cannot open the index '{}': {} (use --rebuild to start "
                                       "over, or choose another --index)",
                                       dir.string(), e.get_msg()));
    }
}

// Re-sharding under --rebuild: the old layout goes once its databases are known to be idle
// (opening them for writing takes their locks, so a running writer is reported, not broken).
void remove_old_layout(const fs::path& dir, unsigned old_count) {
    std::vector<fs::path> databases;
    if (is_shard_directory(dir)) {
        for (const ShardLocation& shard : list_shards(dir))
            databases.push_back(shard.local);
    } else if (old_count == 1) {
        databases.push_back(dir);
    }
    for (const fs::path& db : databases)
        (void)open_database(db, false); // throws when another process holds the lock
    std::error_code ec;
    if (is_shard_directory(dir)) {
        fs::remove(dir / kShardStubName, ec);
        for (const fs::path& db : databases)
            fs::remove_all(db, ec);
        return;
    }
    // A plain glass database: its own files only, nothing else the folder may hold.
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(ec) && (name == "iamglass" || name == "flintlock" ||
                                          name.ends_with(".glass") || name.ends_with(".tmp")))
            fs::remove(entry.path(), ec);
    }
    fs::remove_all(build_parts_dir(dir), ec);
}

void write_stub(const fs::path& dir, unsigned count) {
    const fs::path stub = dir / kShardStubName;
    const fs::path temp = dir / (std::string(kShardStubName) + ".tmp");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        for (unsigned i = 0; i < count; ++i)
            out << "auto " << shard_dir_name(i) << '\n';
        if (!out.flush())
            throw RuntimeError(fmt::format("cannot write the stub '{}'", temp.string()));
    }
    std::error_code ec;
    fs::rename(temp, stub, ec); // atomic: readers see the old stub or the new one
    if (ec)
        throw RuntimeError(
            fmt::format("cannot write the stub '{}': {}", stub.string(), ec.message()));
}

} // namespace

WritableShards open_writable_shards(const fs::path& dir, unsigned requested, bool rebuild) {
    if (requested > kMaxShards)
        throw InputError(
            fmt::format("--shards {} is too many (at most {})", requested, kMaxShards));
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        throw InputError(fmt::format("'{}' is a file (a stub?), not an index folder: zhisou index "
                                     "writes to a folder (--shards N makes a folder of shards)",
                                     dir.string()));
    }
    const unsigned existing = existing_shards(dir);
    const unsigned count = requested != 0 ? requested : std::max(existing, 1u);
    if (existing != 0 && count != existing && !rebuild) {
        throw InputError(fmt::format(
            "the index '{}' has {} shard{}, not {}: documents are placed by shard count, so "
            "re-sharding rebuilds it; run again with --rebuild --shards {} (saved queries "
            "are kept), or leave out --shards",
            dir.string(), existing, existing == 1 ? "" : "s", count, count));
    }
    Metadata kept;
    if (rebuild && existing != 0)
        kept = kept_metadata(dir);
    if (existing != 0 && count != existing)
        remove_old_layout(dir, existing);

    WritableShards shards;
    shards.sharded = count > 1;
    // Opens the database at `folder` (the index or one shard), first merging the parts an
    // interrupted first run left in it.
    const auto open_one = [&](const fs::path& folder) -> Xapian::WritableDatabase& {
        Xapian::WritableDatabase db = open_database(folder, rebuild, dir);
        const std::size_t recovered = recover_build_parts(folder, db, rebuild);
        if (recovered != 0)
            db = open_database(folder, false, dir); // the merge replaced the database
        shards.recovered += recovered;
        shards.folders.push_back(folder);
        return shards.databases.emplace_back(std::move(db));
    };
    if (!shards.sharded) {
        open_one(dir);
    } else {
        for (unsigned i = 0; i < count; ++i) {
            Xapian::WritableDatabase& db = open_one(dir / shard_dir_name(i));
            db.set_metadata(std::string(schema::kMetaShardCount), std::to_string(count));
            db.set_metadata(std::string(schema::kMetaShardNumber), std::to_string(i));
        }
        write_stub(dir, count);
    }
    for (const auto& [key, value] : kept)
        shards.databases.front().set_metadata(key, value);
    // Overwriting already dropped the old tables: commit the kept metadata now, so a rebuild
    // that fails half-way does not lose the saved queries with it.
    if (!kept.empty())
        shards.databases.front().commit();
    return shards;
}

} // namespace zhisou::index
