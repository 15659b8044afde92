#pragma once
// Searchers for the server's worker threads. A Searcher holds an open Xapian database and is
// not thread-safe, so each request leases one for its duration; leases are returned to the pool
// and reused, so the pool holds at most as many Searchers as requests ever ran at once.

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include <zhisou/query/search.h>

namespace zhisou::server {

class SearcherPool {
public:
    /// Opens one Searcher right away, so a missing or broken index fails at start.
    explicit SearcherPool(std::filesystem::path index);

    class Lease {
    public:
        Lease(SearcherPool& pool, std::unique_ptr<query::Searcher> searcher);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        query::Searcher& operator*() const { return *m_searcher; }
        query::Searcher* operator->() const { return m_searcher.get(); }

    private:
        SearcherPool& m_pool;
        std::unique_ptr<query::Searcher> m_searcher;
    };

    /// A Searcher that sees the latest commit: `Database::reopen()` costs one read of the
    /// index's version file when nothing changed, so every request checks.
    [[nodiscard]] Lease acquire();

    [[nodiscard]] const std::filesystem::path& index() const { return m_index; }

private:
    void release(std::unique_ptr<query::Searcher> searcher);

    std::filesystem::path m_index;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<query::Searcher>> m_idle;
};

} // namespace zhisou::server
