// Search speed on the shared news corpus (../shared/corpus/news/*.jsonl, 7,961 documents):
// per query class, median / p95 / max latency of Zhisou's Searcher::search (10 hits, snippets)
// beside plain Xapian (CJK n-gram QueryParser, get_mset(0, 10), MSet::snippet per hit), one
// thread, after a warm-up pass; each engine runs all its passes before the other starts.
// Targets (issue 6): Zhisou median <= 2 ms, p95 <= 20 ms overall.
//
// Usage: bench_search [--work DIR] [--index DIR] [--queries FILE] [--reps N]
//                     [--dev-questions N] [--engine both|zhisou|xapian] [--class NAME]
//                     [--list] [--slowest N]
//   --work DIR       keep both indexes in DIR/zhisou and DIR/xapian and reuse them next time
//                    (default: a temporary directory, removed at the end)
//   --index DIR      use this existing Zhisou index as it is (e.g. one `zhisou index` made)
//   --queries FILE   class<TAB>query[<TAB>query for Xapian] (default bench/queries/search.txt)
//   --reps N         timed passes over the query set after the warm-up (default 5)
//   --dev-questions N  also N questions of retrieval-dev (class question-dev)
//   --engine E       time only one engine (for perf record)
//   --class NAME     only the queries of this class
//   --list           every query with its median times and match counts
//   --no-snippets    Zhisou without snippets (how much of its time they take)
//   --facets LIST    Zhisou also counts these facets (org,year,source,lang), as the search
//                    page asks for

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include <zhisou/error.h>
#include <zhisou/index/stats.h>
#include <zhisou/index/writer.h>
#include <zhisou/query/search.h>

#include "corpus_paths.h"
#include "search_queries.h"
#include "search_xapian_peer.h"

namespace {

namespace fs = std::filesystem;
using zhisou::bench::BenchQuery;

struct Options {
    std::optional<fs::path> work;
    std::optional<fs::path> index;
    fs::path queries = ZHISOU_BENCH_QUERIES;
    std::size_t reps = 5;
    std::size_t dev_questions = 0;
    bool zhisou = true;
    bool xapian = true;
    std::string only_class;
    bool list = false;
    std::size_t slowest = 5;
    bool snippets = true;
    std::vector<zhisou::query::Facet> facets;
};

[[noreturn]] void usage_error(const std::string& message) {
    fmt::print(stderr,
               "bench_search: {}\n(see the comment at the top of bench/bench_search.cpp "
               "or bench/README.md for the options)\n",
               message);
    std::exit(2);
}

std::size_t count_value(const std::string& flag, const std::string& value) {
    try {
        std::size_t used = 0;
        const unsigned long n = std::stoul(value, &used);
        if (used == value.size())
            return n;
    } catch (const std::exception&) {
    }
    usage_error(flag + " takes a whole number, not '" + value + "'");
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--list" || flag == "--no-snippets") {
            (flag == "--list" ? options.list : options.snippets) = flag == "--list";
            continue;
        }
        if (i + 1 >= argc)
            usage_error("unknown option or missing value: " + flag);
        const std::string value = argv[++i];
        if (flag == "--work")
            options.work = value;
        else if (flag == "--index")
            options.index = value;
        else if (flag == "--queries")
            options.queries = value;
        else if (flag == "--reps")
            options.reps = std::max<std::size_t>(1, count_value(flag, value));
        else if (flag == "--dev-questions")
            options.dev_questions = count_value(flag, value);
        else if (flag == "--slowest")
            options.slowest = count_value(flag, value);
        else if (flag == "--class")
            options.only_class = value;
        else if (flag == "--facets") {
            try {
                options.facets = zhisou::query::parse_facets(value);
            } catch (const zhisou::Error& e) {
                usage_error(e.what());
            }
        } else if (flag == "--engine") {
            if (value != "both" && value != "zhisou" && value != "xapian")
                usage_error("--engine is both, zhisou or xapian, not '" + value + "'");
            options.zhisou = value != "xapian";
            options.xapian = value != "zhisou";
        } else {
            usage_error("unknown option " + flag);
        }
    }
    return options;
}

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Timing {
    double wall_ms = 0;
    double cpu_ms = 0;
};

template <typename Run>
Timing timed(Run&& run) {
    const double cpu = thread_cpu_ms();
    const auto start = std::chrono::steady_clock::now();
    run();
    const auto end = std::chrono::steady_clock::now();
    return {std::chrono::duration<double, std::milli>(end - start).count(), thread_cpu_ms() - cpu};
}

// Nearest-rank percentile of unsorted samples.
double percentile(std::vector<double> samples, double p) {
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size()));
    return samples[std::min(rank, samples.size() - 1)];
}

struct Stats {
    double median = 0, p95 = 0, max = 0;
};

Stats stats(const std::vector<double>& samples) {
    return {percentile(samples, 50), percentile(samples, 95), percentile(samples, 100)};
}

// Per query: every timed sample of each engine, and what the last run found.
struct QueryRecord {
    std::vector<double> zhisou_wall, zhisou_cpu, xapian_wall, xapian_cpu;
    std::size_t zhisou_total = 0, zhisou_hits = 0, xapian_total = 0, xapian_hits = 0;
    std::string error;
};

std::vector<fs::path> news_files(const fs::path& corpus) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus / "news")) {
        if (entry.path().extension() == ".jsonl")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

void print_row(const std::string& name, std::size_t queries, const std::vector<double>& z,
               const std::vector<double>& x) {
    const Stats zs = stats(z), xs = stats(x);
    const auto cell = [](const std::vector<double>& samples, double value) {
        return samples.empty() ? std::string("-") : fmt::format("{:.2f}", value);
    };
    fmt::print("| {:<14} | {:>7} | {:>8} | {:>8} | {:>8} | {:>8} | {:>8} | {:>8} |\n", name,
               queries, cell(z, zs.median), cell(z, zs.p95), cell(z, zs.max), cell(x, xs.median),
               cell(x, xs.p95), cell(x, xs.max));
}

int run(const Options& options) {
    const auto corpus = zhisou::eval::shared_corpus();
    if (!corpus || !fs::exists(*corpus / "news")) {
        fmt::print("SKIPPED: ../shared/corpus/news not found (set ZHISOU_SHARED)\n");
        return 0;
    }
    const std::vector<fs::path> files = news_files(*corpus);
    std::vector<BenchQuery> queries = zhisou::bench::load_queries(options.queries);
    if (options.dev_questions > 0) {
        auto dev = zhisou::bench::load_dev_questions(*corpus / "retrieval-dev" / "queries.jsonl",
                                                     options.dev_questions);
        queries.insert(queries.end(), dev.begin(), dev.end());
    }
    if (!options.only_class.empty()) {
        std::erase_if(queries,
                      [&](const BenchQuery& q) { return q.query_class != options.only_class; });
        if (queries.empty())
            usage_error("no query of class '" + options.only_class + "'");
    }

    const bool temporary = !options.work;
    const fs::path work = options.work ? *options.work
                                       : fs::temp_directory_path() /
                                             fmt::format("zhisou-bench-search-{}", ::getpid());
    fs::create_directories(work);
    struct Cleanup {
        fs::path dir;
        bool active;
        ~Cleanup() {
            std::error_code ec;
            if (active)
                fs::remove_all(dir, ec);
        }
    } cleanup{work, temporary};

    // Indexes: Zhisou's (incremental, so an unchanged --work index costs a fingerprint check).
    fs::path zhisou_dir = options.index ? *options.index : work / "zhisou";
    if (!options.index && options.zhisou) {
        zhisou::index::IndexOptions index_options;
        index_options.index_dir = zhisou_dir;
        std::vector<std::string> inputs;
        for (const auto& file : files)
            inputs.push_back(file.string());
        const auto t = timed([&] { (void)zhisou::index::index_inputs(inputs, index_options); });
        fmt::print(stderr, "zhisou index ready in {:.1f} s\n", t.wall_ms / 1000);
    }
    std::optional<zhisou::bench::XapianPeer> peer;
    if (options.xapian) {
        const auto t = timed([&] { peer.emplace(work / "xapian", files); });
        fmt::print(stderr, "xapian index {} in {:.1f} s\n", peer->rebuilt() ? "built" : "reused",
                   t.wall_ms / 1000);
    }
    std::optional<zhisou::query::Searcher> searcher;
    if (options.zhisou)
        searcher.emplace(zhisou_dir);

    std::vector<QueryRecord> records(queries.size());
    // Each engine runs its own warm-up and timed passes, one after the other, as each would run
    // alone on a server; interleaving them query by query made each evict the other's caches
    // (about 10 % slower medians for both).
    const auto zhisou_pass = [&](bool record) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
            QueryRecord& r = records[i];
            if (!r.error.empty())
                continue;
            try {
                zhisou::query::SearchRequest request;
                request.query = queries[i].zhisou;
                request.limit = 10;
                request.snippets = options.snippets;
                request.facets = options.facets;
                std::size_t rendered = 0;
                const Timing t = timed([&] {
                    const auto result = searcher->search(request);
                    for (const auto& hit : result.hits)
                        rendered += hit.snippet.html().size(); // what the web page shows
                    r.zhisou_total = result.total;
                    r.zhisou_hits = result.hits.size();
                });
                if (record) {
                    r.zhisou_wall.push_back(t.wall_ms);
                    r.zhisou_cpu.push_back(t.cpu_ms);
                }
            } catch (const zhisou::Error& e) {
                r.error = e.what();
            } catch (const Xapian::Error& e) {
                r.error = e.get_description();
            }
        }
    };
    const auto xapian_pass = [&](bool record) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
            QueryRecord& r = records[i];
            if (!r.error.empty())
                continue;
            try {
                zhisou::bench::XapianPeer::Result found;
                const Timing t = timed([&] { found = peer->search(queries[i].xapian); });
                r.xapian_total = found.total;
                r.xapian_hits = found.hits;
                if (record) {
                    r.xapian_wall.push_back(t.wall_ms);
                    r.xapian_cpu.push_back(t.cpu_ms);
                }
            } catch (const Xapian::Error& e) {
                r.error = e.get_description();
            }
        }
    };
    if (searcher) {
        zhisou_pass(
            false); // warm-up: page cache, Xapian's block cache, the Analyzer's dictionaries
        for (std::size_t rep = 0; rep < options.reps; ++rep)
            zhisou_pass(true);
    }
    if (peer) {
        xapian_pass(false);
        for (std::size_t rep = 0; rep < options.reps; ++rep)
            xapian_pass(true);
    }

    // Classes in the order they first appear in the query file.
    std::vector<std::string> classes;
    for (const auto& q : queries) {
        if (std::find(classes.begin(), classes.end(), q.query_class) == classes.end())
            classes.push_back(q.query_class);
    }
    fmt::print("Search latency on {} news documents ({} queries, {} timed passes after a "
               "warm-up per engine, one engine after the other, one thread, 10 hits with "
               "snippets)\n\n",
               peer ? peer->documents() : searcher->database().get_doccount(), queries.size(),
               options.reps);
    // One table of wall-clock times, one of the thread's CPU time (the machine may be busy).
    std::vector<double> all_z;
    const auto table = [&](const char* title, bool cpu) {
        fmt::print("{}\n\n", title);
        fmt::print("| {:<14} | {:>7} | {:>8} | {:>8} | {:>8} | {:>8} | {:>8} | {:>8} |\n", "class",
                   "queries", "Z median", "Z p95", "Z max", "X median", "X p95", "X max");
        fmt::print("|{:-<16}|{:->9}|{:->10}|{:->10}|{:->10}|{:->10}|{:->10}|{:->10}|\n", "", ":",
                   ":", ":", ":", ":", ":", ":");
        std::vector<double> all_zhisou, all_xapian;
        for (const std::string& class_name : classes) {
            std::vector<double> zhisou_samples, xapian_samples;
            std::size_t count = 0;
            for (std::size_t i = 0; i < queries.size(); ++i) {
                if (queries[i].query_class != class_name)
                    continue;
                ++count;
                const QueryRecord& r = records[i];
                const auto& from_zhisou = cpu ? r.zhisou_cpu : r.zhisou_wall;
                const auto& from_xapian = cpu ? r.xapian_cpu : r.xapian_wall;
                zhisou_samples.insert(zhisou_samples.end(), from_zhisou.begin(), from_zhisou.end());
                xapian_samples.insert(xapian_samples.end(), from_xapian.begin(), from_xapian.end());
            }
            all_zhisou.insert(all_zhisou.end(), zhisou_samples.begin(), zhisou_samples.end());
            all_xapian.insert(all_xapian.end(), xapian_samples.begin(), xapian_samples.end());
            print_row(class_name, count, zhisou_samples, xapian_samples);
        }
        print_row("**overall**", queries.size(), all_zhisou, all_xapian);
        if (!cpu)
            all_z = all_zhisou;
    };
    table("Wall-clock ms per query (Z = Zhisou, X = Xapian):", false);
    fmt::print("\n");
    table("CPU ms per query (this thread only; what the query costs without other load):", true);
    const Stats overall = stats(all_z);
    if (searcher) {
        fmt::print("\nZhisou overall: median {:.2f} ms (target <= 2), p95 {:.2f} ms (target <= 20)"
                   " -> {}\n",
                   overall.median, overall.p95,
                   overall.median <= 2 && overall.p95 <= 20 ? "MET" : "NOT MET");
    }
    fmt::print("Index size: Zhisou {:.0f} MB, Xapian CJK n-gram {:.0f} MB\n",
               searcher ? static_cast<double>(zhisou::index::folder_bytes(zhisou_dir)) / 1e6 : 0.0,
               peer ? static_cast<double>(zhisou::index::folder_bytes(work / "xapian")) / 1e6
                    : 0.0);

    for (std::size_t i = 0; i < queries.size(); ++i) {
        if (!records[i].error.empty())
            fmt::print("ERROR [{}] {}: {}\n", queries[i].query_class, queries[i].zhisou,
                       records[i].error);
    }
    const auto median_of = [](const std::vector<double>& v) { return percentile(v, 50); };
    const auto print_slowest = [&](const char* engine, auto samples_of) {
        std::vector<std::size_t> order(queries.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return median_of(samples_of(records[a])) > median_of(samples_of(records[b]));
        });
        fmt::print("\nSlowest for {} (median ms):\n", engine);
        for (std::size_t k = 0; k < std::min(options.slowest, order.size()); ++k) {
            const std::size_t i = order[k];
            fmt::print("  {:8.2f}  [{}] {}\n", median_of(samples_of(records[i])),
                       queries[i].query_class, queries[i].zhisou);
        }
    };
    if (searcher && options.slowest > 0)
        print_slowest(
            "Zhisou", [](const QueryRecord& r) -> const auto& { return r.zhisou_wall; });
    if (peer && options.slowest > 0)
        print_slowest(
            "Xapian", [](const QueryRecord& r) -> const auto& { return r.xapian_wall; });
    if (options.list) {
        fmt::print("\n{:<10} {:>8} {:>8} {:>8} {:>8}  query  ||  xapian query\n", "class", "Z ms",
                   "X ms", "Z total", "X total");
        for (std::size_t i = 0; i < queries.size(); ++i) {
            const QueryRecord& r = records[i];
            fmt::print("{:<10} {:>8.2f} {:>8.2f} {:>8} {:>8}  {}  ||  {}\n", queries[i].query_class,
                       median_of(r.zhisou_wall), median_of(r.xapian_wall), r.zhisou_total,
                       r.xapian_total, queries[i].zhisou, queries[i].xapian);
        }
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const Options options = parse_options(argc, argv);
    try {
        return run(options);
    } catch (const std::exception& e) {
        fmt::print(stderr, "bench_search: {}\n", e.what());
        return 1;
    }
}
