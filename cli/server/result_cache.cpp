// ResultCache: an LRU map from (index revision, day, request) to a search's result.

#include "result_cache.h"

#include <fmt/format.h>
#include <xapian.h>

namespace zhisou::server {

std::optional<std::string> ResultCache::key(const query::SearchRequest& request,
                                            const Xapian::Database& database) const {
    if (m_capacity == 0 || !request.today || !request.exclude_ids.empty() ||
        request.collect_ids > 0) {
        return std::nullopt;
    }
    std::string revision;
    try {
        // Only a single local database has a revision; shards and remote ones throw.
        revision = fmt::format("{}@{}", database.get_uuid(), database.get_revision());
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
    std::string facets;
    for (const query::Facet facet : request.facets)
        facets += fmt::format("{},", query::facet_name(facet));
    // The query goes last: it is the only part that can hold any byte.
    return fmt::format("{}|{}|{}|{}|{}|{}|{}{}{}{}|{}|{}", revision,
                       request.today->time_since_epoch().count(), request.limit, request.offset,
                       query::sort_name(request.sort), facets, int{request.collapse},
                       int{request.explain}, int{request.lenient}, int{request.snippets},
                       request.snippet_chars, request.query);
}

std::optional<query::SearchResult> ResultCache::find(const std::string& key) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_by_key.find(key);
    if (it == m_by_key.end())
        return std::nullopt;
    m_recent.splice(m_recent.begin(), m_recent, it->second);
    return it->second->second;
}

void ResultCache::store(const std::string& key, const query::SearchResult& result) {
    const std::lock_guard lock(m_mutex);
    if (m_capacity == 0 || m_by_key.contains(key))
        return;
    m_recent.emplace_front(key, result);
    m_by_key.emplace(key, m_recent.begin());
    while (m_recent.size() > m_capacity) {
        m_by_key.erase(m_recent.back().first);
        m_recent.pop_back();
    }
}

} // namespace zhisou::server
