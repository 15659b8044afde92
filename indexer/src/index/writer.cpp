// index_inputs: the indexing pipeline. One reader walks the inputs and skips unchanged ones,
// analysis threads extract and build documents, and one writer thread owns the Xapian
// database (Xapian allows a single writer). Results are written in input order, so the same
// inputs always give the same index.

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <semaphore>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <zhisou/error.h>
#include <zhisou/index/extract.h>
#include <zhisou/index/gazetteer.h>
#include <zhisou/index/schema.h>
#include <zhisou/index/writer.h>
#include <zhisou/text/analyzer.h>

#include "index/bounded_queue.h"
#include "index/hash.h"

namespace zhisou::index {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// At most this many documents between reading and writing (bounds memory; see in_flight).
constexpr std::ptrdiff_t kMaxInFlight = 256;
// Documents sharing a band that are compared with a new one, at most (bounds the work on
// boilerplate-heavy feeds where many documents share a band).
constexpr std::size_t kMaxCandidatesPerBand = 16;
// Two signatures at least this similar (share of equal minima) are the same story.
constexpr double kDuplicateSimilarity = 0.75;

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

std::uint64_t read_fingerprint(const std::string& value) {
    std::uint64_t fingerprint = 0;
    for (const char c : value)
        fingerprint = (fingerprint << 8) | static_cast<unsigned char>(c);
    return fingerprint;
}

double signature_similarity(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.empty() || a.size() % 4 != 0)
        return 0.0;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < a.size(); i += 4)
        equal += a.compare(i, 4, b, i, 4) == 0;
    return static_cast<double>(equal) / static_cast<double>(a.size() / 4);
}

// The cluster a new document joins: the collapse key of the most similar earlier document
// that shares an LSH band with it, or a key of its own.
std::string collapse_key(Xapian::WritableDatabase& db, const Xapian::Document& doc,
                         const std::string& own_id_term) {
    const std::string signature = doc.get_value(schema::kSlotMinHash);
    std::string own_key = fmt::format("{:016x}", hash64(own_id_term));
    if (signature.empty())
        return own_key;
    // The previous version of this document (re-indexing) is not its own near-duplicate.
    Xapian::docid previous = 0;
    if (auto post = db.postlist_begin(own_id_term); post != db.postlist_end(own_id_term))
        previous = *post;
    const std::string band_prefix(schema::kDupBandPrefix);
    double best = kDuplicateSimilarity;
    std::string best_key;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        term.skip_to(band_prefix);
        if (term == doc.termlist_end() || !(*term).starts_with(band_prefix))
            break;
        std::size_t checked = 0;
        for (auto post = db.postlist_begin(*term);
             post != db.postlist_end(*term) && checked < kMaxCandidatesPerBand; ++post, ++checked) {
            if (*post == previous)
                continue;
            const Xapian::Document other = db.get_document(*post);
            const std::string key = other.get_value(schema::kSlotCollapse);
            const double similarity =
                signature_similarity(signature, other.get_value(schema::kSlotMinHash));
            if (!key.empty() && similarity >= best) {
                best = similarity;
                best_key = key;
            }
        }
    }
    return best_key.empty() ? own_key : best_key;
}

Xapian::WritableDatabase open_for_writing(const fs::path& dir, bool rebuild) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw RuntimeError(
            fmt::format("cannot create the index directory '{}': {}", dir.string(), ec.message()));
    }
    // Saved queries live in the index's metadata and survive --rebuild.
    std::vector<std::pair<std::string, std::string>> kept;
    if (rebuild && fs::exists(dir / "iamglass")) {
        Xapian::Database old(dir.string());
        for (const std::string_view prefix_view : schema::kMetaKeptOnRebuild) {
            const std::string prefix(prefix_view);
            for (auto key = old.metadata_keys_begin(prefix); key != old.metadata_keys_end(prefix);
                 ++key) {
                kept.emplace_back(*key, old.get_metadata(*key));
            }
        }
    }
    try {
        Xapian::WritableDatabase db(dir.string(), rebuild ? Xapian::DB_CREATE_OR_OVERWRITE
                                                          : Xapian::DB_CREATE_OR_OPEN);
        for (const auto& [key, value] : kept)
            db.set_metadata(key, value);
        db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kDataVersion));
        // Overwriting already dropped the old tables: commit the kept metadata now, so a
        // rebuild that fails half-way does not lose the saved queries with it.
        if (rebuild && !kept.empty())
            db.commit();
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw RuntimeError(fmt::format("another process is writing to the index '{}'; wait for it "
                                       "to finish and run again",
                                       dir.string()));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw RuntimeError(fmt::format("cannot open the index '{}': {} (use --rebuild to start "
                                       "over, or choose another --index)",
                                       dir.string(), e.get_msg()));
    }
}

// id term hash -> (fingerprint) of every document already in the index.
std::unordered_map<std::uint64_t, std::uint64_t> load_fingerprints(const Xapian::Database& db) {
    std::unordered_map<Xapian::docid, std::uint64_t> by_docid;
    for (auto v = db.valuestream_begin(schema::kSlotFingerprint);
         v != db.valuestream_end(schema::kSlotFingerprint); ++v) {
        by_docid.emplace(v.get_docid(), read_fingerprint(*v));
    }
    std::unordered_map<std::uint64_t, std::uint64_t> known;
    known.reserve(by_docid.size());
    const std::string prefix(schema::kIdPrefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        auto post = db.postlist_begin(*term);
        if (post == db.postlist_end(*term))
            continue;
        const auto it = by_docid.find(*post);
        known.emplace(hash64(*term), it == by_docid.end() ? 0 : it->second);
    }
    return known;
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

    Xapian::WritableDatabase db = open_for_writing(options.index_dir, options.rebuild);
    const auto known = load_fingerprints(db);

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

    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    BoundedQueue<Work> work_queue(64);
    // Documents read but not yet written. The single writer is the slowest stage, so without
    // this bound built documents would pile up in memory.
    std::counting_semaphore<kMaxInFlight> in_flight(kMaxInFlight);
    std::mutex built_mutex;
    std::condition_variable built_ready;
    std::map<std::uint64_t, Built> built; // reorder buffer: written in input order
    std::atomic<bool> failed{false};
    std::exception_ptr failure;

    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
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

    std::atomic<std::uint64_t> produced{0};
    std::atomic<bool> reading_done{false};
    std::atomic<bool> writer_done{false};
    std::unordered_set<std::uint64_t> seen; // id-term hashes of every input (for --prune)
    std::thread writer([&] {
        std::uint64_t next = 0;
        std::size_t batch_docs = 0;
        std::size_t batch_bytes = 0;
        try {
            while (true) {
                std::unique_lock lock(built_mutex);
                built_ready.wait(lock, [&] {
                    return built.contains(next) || (reading_done && next == produced);
                });
                if (!built.contains(next))
                    break;
                Built item = std::move(built.at(next));
                built.erase(next++);
                lock.unlock();
                in_flight.release();
                if (!item.document)
                    continue;
                item.document->add_value(schema::kSlotCollapse,
                                         collapse_key(db, *item.document, item.id_term));
                db.replace_document(item.id_term, *item.document);
                (item.existed ? updated : added)++;
                repaired += item.repaired;
                // Commit in batches: Xapian buffers a batch's postings in memory, and an
                // interrupted run keeps everything up to the last commit.
                batch_bytes += item.bytes;
                if (++batch_docs >= options.batch_documents || batch_bytes >= options.batch_bytes) {
                    db.commit();
                    batch_docs = 0;
                    batch_bytes = 0;
                }
            }
        } catch (...) {
            failure = std::current_exception();
            failed = true;
            work_queue.close();
        }
        writer_done = true;
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
                    work_queue.push(
                        {produced.load(), std::move(source), it != known.end() || duplicate_input});
                    ++produced;
                }
                maybe_report();
            },
            [&](const SourceProblem& problem) {
                report_problem(problem);
                maybe_report();
            });
    } catch (...) {
        work_queue.close();
        for (auto& worker : workers)
            worker.join();
        {
            std::lock_guard lock(built_mutex);
            reading_done = true;
        }
        built_ready.notify_all();
        writer.join();
        throw;
    }
    // Every input is queued: the writer stops once it has written all `produced` items.
    work_queue.close();
    {
        std::lock_guard lock(built_mutex);
        reading_done = true;
    }
    built_ready.notify_all();
    while (!writer_done) { // keep reporting while analysis and writing finish
        maybe_report();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto& worker : workers)
        worker.join();
    writer.join();
    if (failure)
        std::rethrow_exception(failure);

    if (options.prune) {
        std::vector<std::string> gone;
        const std::string prefix(schema::kIdPrefix);
        for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
            if (!seen.contains(hash64(*term)))
                gone.push_back(*term);
        }
        for (const auto& term : gone)
            db.delete_document(term);
        summary.removed = gone.size();
    }
    db.set_metadata(std::string(schema::kMetaLastUpdate), std::to_string(std::time(nullptr)));
    db.commit();

    summary.added = added;
    summary.updated = updated;
    summary.repaired = repaired;
    summary.skipped = skipped;
    summary.elapsed = Clock::now() - start;
    summary.done = true;
    summary.index_documents = db.get_doccount();
    if (on_progress)
        on_progress(summary);
    return summary;
}

} // namespace zhisou::index
