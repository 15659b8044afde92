#include "index/build_parts.h"

#include <algorithm>
#include <fmt/format.h>
#include <string>

#include <zhisou/error.h>
#include <zhisou/index/open.h>

#include "index/folder_swap.h"

namespace zhisou::index {
namespace fs = std::filesystem;

fs::path build_parts_dir(const fs::path& index) {
    return index / "build-parts";
}

bool first_build_pending(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return false; // list_shards would throw: a missing index is not a pending one
    // A plain index is its own one shard; each shard of a folder merges its own parts.
    const auto shards = list_shards(path);
    return std::any_of(shards.begin(), shards.end(), [&](const ShardLocation& shard) {
        if (shard.local.empty())
            return false; // a remote shard: its server's machine is not ours to look at
        const fs::path dir = build_parts_dir(shard.local);
        return fs::is_directory(dir, ec) && !fs::is_empty(dir, ec);
    });
}

Xapian::WritableDatabase create_build_part(const fs::path& index, std::size_t writer,
                                           std::size_t number) {
    const fs::path dir = build_parts_dir(index);
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path part = dir / fmt::format("part-{:03d}-{:04d}", writer, number);
    try {
        return Xapian::WritableDatabase(part.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    } catch (const Xapian::Error& e) {
        throw RuntimeError(fmt::format("cannot create '{}' to build the index in: {}",
                                       part.string(), e.get_msg()));
    }
}

std::vector<fs::path> list_build_parts(const fs::path& index) {
    std::vector<fs::path> parts;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(build_parts_dir(index), ec)) {
        if (entry.path().filename().string().starts_with("part-") && entry.is_directory(ec))
            parts.push_back(entry.path());
    }
    std::sort(parts.begin(), parts.end()); // zero-padded numbers: writer, then part
    return parts;
}

Xapian::doccount merge_build_parts(const fs::path& index, Xapian::WritableDatabase& index_db) {
    // Committed first: its metadata goes into the merge, and closing it after the swap must
    // not write (Xapian would write the old database's version file into the new one).
    index_db.commit();
    // The index itself comes first: it has no documents, only the metadata to keep.
    Xapian::Database all(index.string());
    for (const fs::path& part : list_build_parts(index))
        all.add_database(Xapian::Database(part.string()));
    const fs::path fresh = sibling(index, "merge");
    std::error_code ec;
    fs::remove_all(fresh, ec);
    try {
        all.compact(fresh.string(), Xapian::DBCOMPACT_MULTIPASS);
    } catch (const Xapian::Error& e) {
        fs::remove_all(fresh, ec);
        throw RuntimeError(fmt::format("merging the parts of the new index '{}' failed: {} (they "
                                       "are kept in '{}'; the next run merges them)",
                                       index.string(), e.get_msg(),
                                       build_parts_dir(index).string()));
    }
    const Xapian::doccount merged = all.get_doccount();
    all.close();
    swap_into_place(fresh, index);
    index_db.close(); // the lock of the old database, which is now at `fresh`
    fs::remove_all(fresh, ec);
    return merged;
}

std::size_t recover_build_parts(const fs::path& index, Xapian::WritableDatabase& index_db,
                                bool rebuild) {
    std::error_code ec;
    if (!fs::is_directory(build_parts_dir(index), ec))
        return 0;
    Xapian::doccount recovered = 0;
    for (const fs::path& part : list_build_parts(index)) {
        try {
            recovered += Xapian::Database(part.string()).get_doccount();
        } catch (const Xapian::Error&) {
            fs::remove_all(part, ec); // cut off before its first commit: nothing to recover
        }
    }
    if (rebuild || index_db.get_doccount() != 0 || recovered == 0) {
        fs::remove_all(build_parts_dir(index), ec);
        return 0;
    }
    merge_build_parts(index, index_db);
    return recovered;
}

} // namespace zhisou::index
