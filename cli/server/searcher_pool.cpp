// SearcherPool: lease a Searcher per request, reopened so that new commits are visible.

#include "searcher_pool.h"

#include <utility>

namespace zhisou::server {

SearcherPool::SearcherPool(std::filesystem::path index) : m_index(std::move(index)) {
    m_idle.push_back(std::make_unique<query::Searcher>(m_index));
}

SearcherPool::Lease::Lease(SearcherPool& pool, std::unique_ptr<query::Searcher> searcher)
    : m_pool(pool), m_searcher(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
    if (m_searcher)
        m_pool.release(std::move(m_searcher));
}

SearcherPool::Lease SearcherPool::acquire() {
    std::unique_ptr<query::Searcher> searcher;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            searcher = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    if (searcher)
        searcher->reopen(); // sees what `zhisou index` committed since the last request
    else
        searcher = std::make_unique<query::Searcher>(m_index); // opening reads the latest
    return Lease(*this, std::move(searcher));
}

void SearcherPool::release(std::unique_ptr<query::Searcher> searcher) {
    const std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(searcher));
}

} // namespace zhisou::server
