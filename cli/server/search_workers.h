#pragma once
// The threads that search for the server. Each worker owns a Searcher (an open Xapian database,
// not thread-safe) and runs the jobs the HTTP threads hand it, one at a time, in the order they
// arrived; the HTTP thread waits for its job and writes the answer.
//
// Why not search on the 32 HTTP threads: searching is CPU-bound, so 32 searches at once on two
// cores only time-slice each other. Every search then lasts as long as the slow ones around it
// and those set the tail (p99 107 ms in bench/bench_server.sh), and the Searchers, ICU break
// iterators and allocator arenas touched by 32 threads keep falling out of the CPU caches. A few
// workers that always run the same Searcher: p99 38 ms, and 1,111 instead of 905 requests/s.
// One worker more than the cores keeps both busy while a worker waits for a block read.

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include <zhisou/query/search.h>

namespace zhisou::server {

class SearchWorkers {
public:
    /// Opens one Searcher right away, so a missing or broken index fails at start; then starts
    /// `count` workers (0 = one more than the cores).
    explicit SearchWorkers(std::filesystem::path index, std::size_t count = 0);
    ~SearchWorkers();
    SearchWorkers(const SearchWorkers&) = delete;
    SearchWorkers& operator=(const SearchWorkers&) = delete;

    /// Runs `job(searcher)` on a worker, after the jobs handed in before it, and returns its
    /// result or throws its exception. The Searcher was reopened just before, so it sees what
    /// `zhisou index` committed since the last job (one read of the version file if nothing).
    template <typename Job>
    auto run(Job&& job) -> std::invoke_result_t<Job&, query::Searcher&> {
        using Result = std::invoke_result_t<Job&, query::Searcher&>;
        if constexpr (std::is_void_v<Result>) {
            run_job([&](query::Searcher& searcher) { job(searcher); });
        } else {
            std::optional<Result> result;
            run_job([&](query::Searcher& searcher) { result.emplace(job(searcher)); });
            return std::move(*result);
        }
    }

    [[nodiscard]] std::size_t count() const { return m_threads.size(); }
    /// Jobs handed in and not yet started.
    [[nodiscard]] std::size_t waiting();

private:
    struct Job {
        std::function<void(query::Searcher&)> work;
        std::exception_ptr error;
        bool done = false;
        std::condition_variable finished;
    };

    void run_job(std::function<void(query::Searcher&)> work);
    void work(std::unique_ptr<query::Searcher> searcher);

    std::filesystem::path m_index;
    std::mutex m_mutex;
    std::condition_variable m_queued;
    std::deque<Job*> m_queue; ///< oldest first; each Job lives on its caller's stack
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace zhisou::server
