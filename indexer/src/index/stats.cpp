#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include <zhisou/error.h>
#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>
#include <zhisou/index/stats.h>

namespace zhisou::index {
namespace fs = std::filesystem;

namespace {

std::vector<std::pair<std::string, std::uint64_t>>
top_terms(const Xapian::Database& db, std::string_view prefix, std::size_t top) {
    std::vector<std::pair<std::string, std::uint64_t>> counts;
    const std::string p(prefix);
    for (auto term = db.allterms_begin(p); term != db.allterms_end(p); ++term) {
        counts.emplace_back((*term).substr(p.size()), term.get_termfreq());
    }
    std::stable_sort(counts.begin(), counts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (counts.size() > top)
        counts.resize(top);
    return counts;
}

std::string day_string(const std::string& serialised) {
    if (serialised.empty())
        return {};
    const auto day = static_cast<long>(std::lround(Xapian::sortable_unserialise(serialised)));
    return fmt::format("{:04d}-{:02d}-{:02d}", day / 10000, day / 100 % 100, day % 100);
}

} // namespace

std::uint64_t folder_bytes(const fs::path& dir) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
        if (entry.is_regular_file(ec))
            total += entry.file_size(ec);
    }
    return total;
}

IndexStats read_stats(const fs::path& dir, std::size_t top) {
    const Xapian::Database db = open_index(dir).database;
    IndexStats stats;
    stats.path = dir;
    stats.documents = db.get_doccount();
    stats.first_date = day_string(db.get_value_lower_bound(schema::kSlotDateFirst));
    stats.last_date = day_string(db.get_value_upper_bound(schema::kSlotDateLast));
    stats.undated = db.get_termfreq(std::string(schema::kFlagPrefix) + "undated");
    stats.repaired = db.get_termfreq(std::string(schema::kFlagPrefix) + "repaired");
    stats.languages = top_terms(db, schema::kLangPrefix, top);
    stats.top_orgs = top_terms(db, schema::kOrgPrefix, top);
    stats.top_sources = top_terms(db, schema::kSourcePrefix, top);
    for (const ShardLocation& shard : list_shards(dir)) // remote ones have no folder: 0 bytes
        stats.size_bytes += folder_bytes(shard.local);
    const std::string last = db.get_metadata(std::string(schema::kMetaLastUpdate));
    stats.last_update = last.empty() ? 0 : std::stoll(last);
    return stats;
}

} // namespace zhisou::index
