#include <fmt/format.h>
#include <xapian.h>

#include <zhisou/error.h>
#include <zhisou/index/compact.h>
#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>
#include <zhisou/index/stats.h>

#include "index/folder_swap.h"

namespace zhisou::index {
namespace fs = std::filesystem;

namespace {

// Takes the database's write lock for as long as the object lives.
Xapian::WritableDatabase lock_for_writing(const fs::path& db) {
    try {
        return Xapian::WritableDatabase(db.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw RuntimeError(fmt::format("another process is writing to '{}'; compact it when the "
                                       "indexing has finished",
                                       db.string()));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw InputError(
            fmt::format("cannot open '{}' for compacting: {}", db.string(), e.get_msg()));
    }
}

// The shard count and number describe a shard, not a merged index.
void drop_shard_metadata(const fs::path& db) {
    Xapian::WritableDatabase out(db.string(), Xapian::DB_OPEN);
    out.set_metadata(std::string(schema::kMetaShardCount), "");
    out.set_metadata(std::string(schema::kMetaShardNumber), "");
    out.commit();
}

void compact_in_place(const fs::path& db, CompactSummary& summary) {
    const Xapian::WritableDatabase lock = lock_for_writing(db);
    const fs::path fresh = sibling(db, "compact");
    std::error_code ec;
    fs::remove_all(fresh, ec);
    try {
        Xapian::Database(db.string()).compact(fresh.string());
    } catch (const Xapian::Error& e) {
        fs::remove_all(fresh, ec);
        throw RuntimeError(fmt::format("compacting '{}' failed: {}", db.string(), e.get_msg()));
    }
    summary.bytes_after += folder_bytes(fresh);
    swap_into_place(fresh, db);
    fs::remove_all(fresh, ec); // now the old database
}

} // namespace

CompactSummary compact_index(const fs::path& index, const std::optional<fs::path>& output) {
    const std::vector<ShardLocation> shards = list_shards(index);
    for (const ShardLocation& shard : shards) {
        if (shard.local.empty()) {
            throw InputError(fmt::format("shard {} of '{}' is remote: compact it on the machine "
                                         "that serves it",
                                         shard.description, index.string()));
        }
    }
    CompactSummary summary;
    summary.databases = shards.size();
    for (const ShardLocation& shard : shards)
        summary.bytes_before += folder_bytes(shard.local);

    if (!output) {
        for (const ShardLocation& shard : shards)
            compact_in_place(shard.local, summary);
        summary.output = index;
        summary.documents = open_index(index).database.get_doccount();
        return summary;
    }

    std::error_code ec;
    if (fs::exists(*output, ec) && !(fs::is_directory(*output, ec) && fs::is_empty(*output, ec))) {
        throw InputError(fmt::format("'{}' already exists: --output names a new folder for the "
                                     "merged index",
                                     output->string()));
    }
    // Hold every shard's write lock so the merge is of one consistent state.
    std::vector<Xapian::WritableDatabase> locks;
    Xapian::Database all;
    for (const ShardLocation& shard : shards) {
        locks.push_back(lock_for_writing(shard.local));
        all.add_database(Xapian::Database(shard.local.string()));
    }
    const fs::path fresh = sibling(*output, "merge");
    fs::remove_all(fresh, ec);
    try {
        all.compact(fresh.string(), Xapian::DBCOMPACT_MULTIPASS);
        drop_shard_metadata(fresh);
    } catch (const Xapian::Error& e) {
        fs::remove_all(fresh, ec);
        throw RuntimeError(
            fmt::format("merging the shards of '{}' failed: {}", index.string(), e.get_msg()));
    }
    fs::remove(*output, ec); // an empty folder, if any
    fs::rename(fresh, *output, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove_all(fresh, ec);
        throw RuntimeError(
            fmt::format("cannot move the merged index to '{}': {}", output->string(), why));
    }
    summary.output = *output;
    summary.bytes_after = folder_bytes(*output);
    summary.documents = Xapian::Database(output->string()).get_doccount();
    return summary;
}

} // namespace zhisou::index
