#pragma once
// Answers to repeated searches, kept until the index changes.
//
// The search page asks the same thing again and again: a pause while typing, paging back, the
// saved-query list, several readers following one story. An answer is stored under the exact
// request, the day relative dates are resolved against and the index's identity and revision
// (Xapian's uuid and commit counter), so a commit makes every older answer unreachable: a
// cached answer is never stale. Indexes without a single revision (a directory of shards, a
// stub with remote shards) are not cached. Least recently used answers go first.

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include <zhisou/query/search.h>

namespace Xapian {
class Database;
}

namespace zhisou::server {

class ResultCache {
public:
    /// At most `capacity` answers; 0 turns the cache off.
    explicit ResultCache(std::size_t capacity) : m_capacity(capacity) {}

    /// The key of this request against this database, or nullopt when it cannot be cached
    /// (cache off, or no single revision). `request.today` must be set (query::local_today()).
    [[nodiscard]] std::optional<std::string> key(const query::SearchRequest& request,
                                                 const Xapian::Database& database) const;

    [[nodiscard]] std::optional<query::SearchResult> find(const std::string& key);
    void store(const std::string& key, const query::SearchResult& result);

private:
    using Entry = std::pair<std::string, query::SearchResult>;
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::list<Entry> m_recent; ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_by_key;
};

} // namespace zhisou::server
