#pragma once
// What an index holds: for `zhisou stats` and the HTTP API's /api/stats.

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

namespace zhisou::index {

struct IndexStats {
    std::filesystem::path path;
    std::uint64_t documents = 0;
    std::string first_date; ///< earliest document date (YYYY-MM-DD of its period's start)
    std::string last_date;  ///< latest document date (YYYY-MM-DD of its period's end)
    std::uint64_t undated = 0;
    std::uint64_t repaired = 0;
    std::vector<std::pair<std::string, std::uint64_t>> languages; ///< most documents first
    std::vector<std::pair<std::string, std::uint64_t>> top_orgs;
    std::vector<std::pair<std::string, std::uint64_t>> top_sources;
    std::uint64_t size_bytes = 0;
    std::int64_t last_update = 0; ///< seconds since the epoch; 0 if never written
};

/// Bytes of the regular files below `dir` (a database folder); 0 for a missing folder.
[[nodiscard]] std::uint64_t folder_bytes(const std::filesystem::path& dir);

/// Reads the statistics of the index at `dir` (any index open.h opens: shards are added up);
/// throws InputError naming the directory and what to do when there is no index there.
[[nodiscard]] IndexStats read_stats(const std::filesystem::path& dir, std::size_t top = 10);

} // namespace zhisou::index
