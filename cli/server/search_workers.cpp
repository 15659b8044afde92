// SearchWorkers: a fixed set of threads, each with its own Searcher, running jobs in arrival
// order.

#include "search_workers.h"

#include <algorithm>
#include <utility>

namespace zhisou::server {

namespace {

std::size_t default_count() {
    return std::max<std::size_t>(1, std::thread::hardware_concurrency()) + 1;
}

} // namespace

SearchWorkers::SearchWorkers(std::filesystem::path index, std::size_t count)
    : m_index(std::move(index)) {
    auto first = std::make_unique<query::Searcher>(m_index);
    if (count == 0)
        count = default_count();
    m_threads.reserve(count);
    m_threads.emplace_back(
        [this, searcher = std::move(first)]() mutable { work(std::move(searcher)); });
    for (std::size_t i = 1; i < count; ++i)
        m_threads.emplace_back([this] { work(nullptr); });
}

SearchWorkers::~SearchWorkers() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_queued.notify_all();
    for (std::thread& thread : m_threads)
        thread.join();
}

std::size_t SearchWorkers::waiting() {
    const std::lock_guard lock(m_mutex);
    return m_queue.size();
}

void SearchWorkers::run_job(std::function<void(query::Searcher&)> work) {
    Job job;
    job.work = std::move(work);
    std::unique_lock lock(m_mutex);
    m_queue.push_back(&job);
    m_queued.notify_one();
    job.finished.wait(lock, [&] { return job.done; });
    if (job.error)
        std::rethrow_exception(job.error);
}

void SearchWorkers::work(std::unique_ptr<query::Searcher> searcher) {
    for (;;) {
        Job* job = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_queued.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and every job handed in has run
            job = m_queue.front();
            m_queue.pop_front();
        }
        try {
            if (searcher)
                searcher->reopen(); // sees what `zhisou index` committed since the last job
            else
                searcher = std::make_unique<query::Searcher>(m_index); // opening reads the latest
            job->work(*searcher);
        } catch (...) {
            job->error = std::current_exception();
        }
        // Under the lock: the caller may return (ending the Job) as soon as it sees `done`.
        const std::lock_guard lock(m_mutex);
        job->done = true;
        job->finished.notify_one();
    }
}

} // namespace zhisou::server
