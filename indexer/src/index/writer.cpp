// index_inputs: the indexing pipeline. One reader walks the inputs and skips unchanged ones,
// analysis threads extract and build documents, a sequencer puts them back in input order and
// gives each its near-duplicate cluster, and one writer thread per shard owns that shard's
// Xapian database (Xapian allows a single writer per database). A new index is written the
// same way into parts (one writer per core, or per shard), merged at the end (build_parts.h). The
// same inputs always give the same index.

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <mutex>
#include <semaphore>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#include <zhisou/error.h>
#include <zhisou/index/compact.h>
#include <zhisou/index/extract.h>
#include <zhisou/index/gazetteer.h>
#include <zhisou/index/schema.h>
#include <zhisou/index/writer.h>
#include <zhisou/text/analyzer.h>

#include "index/bounded_queue.h"
#include "index/build_parts.h"
#include "index/hash.h"
#include "index/near_duplicates.h"
#include "index/writable_shards.h"

namespace zhisou::index {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// At most this many documents between reading and writing (bounds memory; see in_flight).
constexpr std::ptrdiff_t kMaxInFlight = 256;
// Documents waiting for one shard's writer.
constexpr std::size_t kShardQueueCapacity = 64;
// Writers of a new index's parts: one per analysis thread, up to this many.
constexpr std::size_t kMaxPartWriters = 8;

struct Work {
    std::uint64_t sequence = 0;
    SourceDocument source;
    bool existed = false;
};

struct Built {
    std::uint64_t sequence = 0;
    std::string id_term;
    std::optional<Xapian::Document> document; // empty when the input was skipped
    bool existed = false;
    bool repaired = false;
    std::size_t bytes = 0; // input bytes, for batch sizes
};

// An analysis thread runs at a lower priority than the writers: a Xapian writer is the slowest
// stage and cannot be split, so when the cores are short it should never wait for a core
// while analysis, which has time to spare, holds it. Relative to the process's
// own niceness, so `nice zhisou index` stays below other work. Best effort: if the system
// refuses, the thread runs as it is.
void yield_cpu_to_writers() {
    constexpr int kAnalysisNice = 5;
    constexpr int kLowestPriority = 19;
    const auto thread = static_cast<id_t>(::gettid());
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, thread);
    if (errno == 0)
        (void)::setpriority(PRIO_PROCESS, thread,
                            std::min(current + kAnalysisNice, kLowestPriority));
}

std::uint64_t read_fingerprint(const std::string& value) {
    std::uint64_t fingerprint = 0;
    for (const char c : value)
        fingerprint = (fingerprint << 8) | static_cast<unsigned char>(c);
    return fingerprint;
}

// What the index already holds, over all shards: id-term hash -> fingerprint (to skip
// unchanged inputs), and the near-duplicate clusters new documents may join.
void load_existing(const Xapian::Database& db,
                   std::unordered_map<std::uint64_t, std::uint64_t>& fingerprints,
                   NearDuplicates& near_duplicates) {
    std::unordered_map<Xapian::docid, std::uint64_t> fingerprint_by_docid;
    for (auto v = db.valuestream_begin(schema::kSlotFingerprint);
         v != db.valuestream_end(schema::kSlotFingerprint); ++v) {
        fingerprint_by_docid.emplace(v.get_docid(), read_fingerprint(*v));
    }
    std::unordered_map<Xapian::docid, std::uint64_t> id_hash_by_docid;
    id_hash_by_docid.reserve(fingerprint_by_docid.size());
    const std::string prefix(schema::kIdPrefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        auto post = db.postlist_begin(*term);
        if (post == db.postlist_end(*term))
            continue;
        const std::uint64_t id_hash = hash64(*term);
        id_hash_by_docid.emplace(*post, id_hash);
        const auto it = fingerprint_by_docid.find(*post);
        fingerprints.emplace(id_hash, it == fingerprint_by_docid.end() ? 0 : it->second);
    }
    near_duplicates.load(db, id_hash_by_docid);
}

} // namespace

fs::path default_index_dir() {
    if (const char* env = std::getenv("ZHISOU_INDEX"); env && *env)
        return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        return fs::path(xdg) / "zhisou" / "index";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return fs::path(home) / ".local" / "share" / "zhisou" / "index";
    }
    return fs::path(".zhisou") / "index";
}

IndexSummary index_inputs(const std::vector<std::string>& inputs, const IndexOptions& options,
                          const std::function<void(const IndexProgress&)>& on_progress,
                          const std::function<void(const SourceProblem&)>& on_problem) {
    Gazetteer gazetteer = Gazetteer::builtin();
    if (options.orgs_file)
        gazetteer.add_file(*options.orgs_file);

    WritableShards shards =
        open_writable_shards(options.index_dir, options.shards, options.rebuild);
    const std::size_t shard_count = shards.databases.size();
    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // A new index is written as parts and merged at the end (build_parts.h); the merge is the
    // compaction such a run ends with anyway. A plain index gets one writer per core, a sharded
    // one a writer per shard, whose parts merge into that shard.
    const bool in_parts =
        options.compact && options.part_bytes != 0 &&
        std::all_of(shards.databases.begin(), shards.databases.end(),
                    [](const Xapian::WritableDatabase& db) { return db.get_doccount() == 0; });
    const std::size_t writer_count = in_parts && !shards.sharded
                                         ? std::clamp<std::size_t>(threads, 1, kMaxPartWriters)
                                         : shard_count;
    // Writer `s` writes into this database, or into parts that merge into it.
    const auto database_of = [&](std::size_t s) { return shards.sharded ? s : 0; };
    const auto create_part = [&](std::size_t s, std::size_t number) {
        return create_build_part(shards.folders[database_of(s)], shards.sharded ? 0 : s, number);
    };
    // Each writer's parts, oldest first (a deque: references stay valid as parts are added).
    std::vector<std::deque<Xapian::WritableDatabase>> parts(in_parts ? writer_count : 0);
    std::unordered_map<std::uint64_t, std::uint64_t> known;
    NearDuplicates near_duplicates;
    for (const auto& db : shards.databases)
        load_existing(db, known, near_duplicates);

    const auto start = Clock::now();
    IndexSummary summary;
    std::mutex summary_mutex; // guards summary and on_problem across threads
    std::atomic<std::size_t> added{0}, updated{0}, repaired{0}, skipped{0};

    WalkOptions walk;
    walk.excludes = options.excludes;
    for (const auto& path : list_files(inputs, walk)) {
        std::error_code ec;
        summary.total_bytes += fs::file_size(path, ec);
    }

    auto report_problem = [&](const SourceProblem& problem) {
        std::lock_guard lock(summary_mutex);
        ++skipped;
        summary.problems.push_back(problem);
        if (on_problem)
            on_problem(problem);
    };

    std::atomic<bool> failed{false};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    BoundedQueue<Work> work_queue(64);
    auto fail = [&](std::exception_ptr error) {
        {
            std::lock_guard lock(failure_mutex);
            if (!failure)
                failure = std::move(error);
        }
        failed = true;
        work_queue.close(); // the reader stops feeding; what was queued drains
    };

    // Documents read but not yet handed to a shard writer. The writers are the slowest stage,
    // so without this bound built documents would pile up in memory.
    std::counting_semaphore<kMaxInFlight> in_flight(kMaxInFlight);
    std::mutex built_mutex;
    std::condition_variable built_ready;
    std::map<std::uint64_t, Built> built; // reorder buffer: sequenced in input order

    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            yield_cpu_to_writers();
            const text::Analyzer analyzer;
            const Extractor extractor(gazetteer);
            while (auto work = work_queue.pop()) {
                Built result;
                result.sequence = work->sequence;
                result.existed = work->existed;
                result.id_term = id_term(work->source.id);
                result.bytes = work->source.size_on_disk;
                try {
                    ExtractedDocument doc = extractor.extract(work->source);
                    result.repaired = doc.repaired;
                    result.document = build_document(doc, analyzer);
                } catch (const Error& e) {
                    report_problem({work->source.path, work->source.line, e.what()});
                } catch (const std::exception& e) {
                    report_problem({work->source.path, work->source.line,
                                    std::string("internal error: ") + e.what()});
                }
                std::lock_guard lock(built_mutex);
                built.emplace(result.sequence, std::move(result));
                built_ready.notify_one();
            }
        });
    }

    // One writer per shard or part (Xapian allows one writer per database): they write in
    // parallel, each document to the writer its id hashes to, so a repeated id meets its
    // earlier copy.
    std::vector<std::unique_ptr<BoundedQueue<Built>>> shard_queues;
    std::vector<std::thread> shard_writers;
    for (std::size_t s = 0; s < writer_count; ++s)
        shard_queues.push_back(std::make_unique<BoundedQueue<Built>>(kShardQueueCapacity));
    // Every writer buffers its own batch: split the batch size among them so that memory stays
    // where one database would keep it.
    const std::size_t shard_batch_documents =
        std::max<std::size_t>(1, options.batch_documents / writer_count);
    const auto shard_batch_bytes = [&](Xapian::doccount shard_documents) {
        const std::size_t grown = std::clamp<std::size_t>(
            shard_documents * options.batch_bytes_per_document, options.batch_bytes,
            std::max(options.batch_bytes, options.batch_bytes_max));
        return std::max<std::size_t>(1, grown / writer_count);
    };
    for (std::size_t s = 0; s < writer_count; ++s) {
        shard_writers.emplace_back([&, s] {
            std::size_t part_bytes = 0;
            Xapian::WritableDatabase* db = &shards.databases[database_of(s)];
            try {
                if (in_parts)
                    db = &parts[s].emplace_back(create_part(s, 0));
                std::size_t batch_docs = 0;
                std::size_t batch_bytes = 0;
                std::size_t batch_bytes_limit = shard_batch_bytes(db->get_doccount());
                while (auto item = shard_queues[s]->pop()) {
                    // A new id cannot be in the index (the fingerprints cover every
                    // committed document), so it skips replace_document's id lookup.
                    if (item->existed) {
                        // The repeated id may be in an older part, which is committed at
                        // once: a run killed later must not leave both copies behind.
                        if (in_parts)
                            for (auto& older : parts[s])
                                if (&older != db && older.term_exists(item->id_term)) {
                                    older.delete_document(item->id_term);
                                    older.commit();
                                }
                        db->replace_document(item->id_term, *item->document);
                    } else {
                        db->add_document(*item->document);
                    }
                    (item->existed ? updated : added)++;
                    repaired += item->repaired;
                    // Commit in batches: Xapian buffers a batch's postings in memory, and an
                    // interrupted run keeps everything up to the last commit of each database.
                    batch_bytes += item->bytes;
                    part_bytes += item->bytes;
                    if (++batch_docs >= shard_batch_documents || batch_bytes >= batch_bytes_limit) {
                        db->commit();
                        batch_docs = 0;
                        batch_bytes = 0;
                        // A full part is left as it is: B-tree updates cost more the larger the
                        // database, merging the parts at the end does not.
                        if (in_parts && part_bytes >= options.part_bytes) {
                            db = &parts[s].emplace_back(create_part(s, parts[s].size()));
                            part_bytes = 0;
                        }
                        batch_bytes_limit = shard_batch_bytes(db->get_doccount());
                    }
                }
                if (in_parts)
                    parts[s].back().commit(); // the last batch
            } catch (...) {
                fail(std::current_exception());
                shard_queues[s]->close(); // the sequencer's pushes fail from now on
            }
        });
    }

    // The sequencer takes built documents in input order, gives each its collapse key (which
    // depends on the documents before it, in every shard) and hands it to its shard's writer.
    std::atomic<std::uint64_t> produced{0};
    std::atomic<bool> reading_done{false};
    std::atomic<bool> sequencer_done{false};
    std::unordered_set<std::uint64_t> seen; // id-term hashes of every input (for --prune)
    std::thread sequencer([&] {
        std::uint64_t next = 0;
        while (true) {
            std::unique_lock lock(built_mutex);
            built_ready.wait(
                lock, [&] { return built.contains(next) || (reading_done && next == produced); });
            if (!built.contains(next))
                break;
            Built item = std::move(built.at(next));
            built.erase(next++);
            lock.unlock();
            in_flight.release();
            if (!item.document || failed)
                continue; // after a failure: keep draining so nobody waits forever
            try {
                item.document->add_value(schema::kSlotCollapse,
                                         near_duplicates.assign(*item.document, item.id_term));
                const std::size_t shard = shard_of(hash64(item.id_term), writer_count);
                (void)shard_queues[shard]->push(std::move(item));
            } catch (...) {
                fail(std::current_exception());
            }
        }
        for (auto& queue : shard_queues)
            queue->close();
        sequencer_done = true;
    });

    auto progress_snapshot = [&] {
        IndexProgress p;
        {
            std::lock_guard lock(summary_mutex);
            p = static_cast<const IndexProgress&>(summary);
        }
        p.added = added;
        p.updated = updated;
        p.repaired = repaired;
        p.skipped = skipped;
        p.elapsed = Clock::now() - start;
        return p;
    };
    auto last_report = Clock::now();
    auto maybe_report = [&] {
        if (!on_progress || Clock::now() - last_report < std::chrono::milliseconds(250))
            return;
        last_report = Clock::now();
        on_progress(progress_snapshot());
    };
    auto finish_threads = [&] {
        work_queue.close();
        {
            std::lock_guard lock(built_mutex);
            reading_done = true;
        }
        built_ready.notify_all();
        while (!sequencer_done) { // keep reporting while analysis and writing finish
            maybe_report();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        for (auto& worker : workers)
            worker.join();
        sequencer.join();
        for (auto& writer : shard_writers)
            writer.join();
    };

    try {
        walk_sources(
            inputs, walk,
            [&](SourceDocument&& source) {
                if (failed)
                    return;
                const std::string term = id_term(source.id);
                const std::uint64_t key = hash64(term);
                const auto it = known.find(key);
                {
                    std::lock_guard lock(summary_mutex);
                    ++summary.documents;
                    summary.bytes += source.size_on_disk;
                    if (source.path == "-")
                        summary.total_bytes += source.size_on_disk;
                }
                const bool duplicate_input = !seen.insert(key).second;
                if (it != known.end() && it->second == source.fingerprint && !options.rebuild &&
                    !duplicate_input) {
                    std::lock_guard lock(summary_mutex);
                    ++summary.unchanged;
                } else {
                    in_flight.acquire();
                    if (work_queue.push({produced.load(), std::move(source),
                                         it != known.end() || duplicate_input}))
                        ++produced;
                    else
                        in_flight.release(); // closed after a failure: nothing will build it
                }
                maybe_report();
            },
            [&](const SourceProblem& problem) {
                report_problem(problem);
                maybe_report();
            });
    } catch (...) {
        finish_threads();
        throw;
    }
    // Every input is queued: the sequencer stops once it has passed on all `produced` items.
    finish_threads();
    if (failure)
        std::rethrow_exception(failure);

    const std::string last_update = std::to_string(std::time(nullptr));
    for (auto& db : shards.databases) {
        if (options.prune) {
            std::vector<std::string> gone;
            const std::string prefix(schema::kIdPrefix);
            for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
                if (!seen.contains(hash64(*term)))
                    gone.push_back(*term);
            }
            for (const auto& term : gone)
                db.delete_document(term);
            summary.removed += gone.size();
        }
        db.set_metadata(std::string(schema::kMetaLastUpdate), last_update);
        db.commit();
        summary.index_documents += db.get_doccount();
    }

    const std::size_t changed = added + updated + summary.removed;
    const bool compact_now =
        !in_parts && options.compact && changed > 0 && changed * 5 >= summary.index_documents;
    if ((in_parts || compact_now) && on_progress) {
        IndexProgress finishing = progress_snapshot();
        finishing.finishing = true;
        on_progress(finishing);
    }
    if (in_parts) {
        // A writer that was given no document still left a part; it is not counted.
        for (const auto& writer_parts : parts)
            for (const auto& part : writer_parts)
                summary.parts += part.get_doccount() != 0;
        parts.clear(); // closes them; everything is committed
        summary.index_documents = 0;
        for (std::size_t s = 0; s < shard_count; ++s)
            summary.index_documents += merge_build_parts(shards.folders[s], shards.databases[s]);
        summary.compacted = true;
    } else if (compact_now) {
        shards.databases.clear(); // closes them: compaction takes each write lock itself
        try {
            (void)compact_index(options.index_dir, std::nullopt);
            summary.compacted = true;
        } catch (const RuntimeError& e) {
            // Another writer started between our last commit and the compaction: the index
            // is complete, only not compacted (`zhisou compact` does it later).
            summary.compact_skipped = e.what();
        }
    }

    summary.recovered = shards.recovered;
    summary.shards = shard_count;
    summary.added = added;
    summary.updated = updated;
    summary.repaired = repaired;
    summary.skipped = skipped;
    summary.elapsed = Clock::now() - start;
    summary.done = true;
    if (on_progress)
        on_progress(summary);
    return summary;
}

} // namespace zhisou::index
