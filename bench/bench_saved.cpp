// What saved queries cost: for a broad and a narrow query, the plain search, the search that
// also collects the ids of up to 10,000 matches (every `saved run` does this), the --new
// search that leaves out the previous run's ids, writing a run's record (one commit) and
// reading the ids back. Medians of several runs, in milliseconds.
//
// Usage: bench_saved [--index DIR] [--repeat N] [QUERY...]
//   Without --index, indexes ../shared/corpus/news/ruanyf-weekly.jsonl into a temporary
//   directory first (SKIPPED when the shared corpus is absent).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <string>
#include <unistd.h>
#include <vector>
#include <xapian.h>

#include <zhisou/index/schema.h>
#include <zhisou/index/writer.h>
#include <zhisou/query/saved.h>
#include <zhisou/query/search.h>

#include "corpus_paths.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double median_ms(int repeat, const std::function<void()>& action) {
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        const auto start = Clock::now();
        action();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// A temporary index of the ruanyf weekly feed, removed at exit.
struct TempIndex {
    fs::path dir;
    ~TempIndex() {
        std::error_code ec;
        if (!dir.empty())
            fs::remove_all(dir, ec);
    }
};

} // namespace

int main(int argc, char** argv) {
    fs::path index;
    int repeat = 5;
    std::vector<std::string> queries;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--index" && i + 1 < argc) {
            index = argv[++i];
        } else if (arg == "--repeat" && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else if (arg.starts_with("-")) {
            std::fprintf(stderr, "usage: bench_saved [--index DIR] [--repeat N] [QUERY...]\n");
            return 2;
        } else {
            queries.push_back(arg);
        }
    }

    TempIndex temporary;
    if (index.empty()) {
        const auto corpus = zhisou::eval::shared_corpus();
        if (!corpus) {
            std::printf("SKIPPED: ../shared/corpus not found (set ZHISOU_SHARED, or pass "
                        "--index DIR)\n");
            return 0;
        }
        temporary.dir = fs::temp_directory_path() / fmt::format("zhisou-bench-saved-{}", getpid());
        index = temporary.dir / "index";
        zhisou::index::IndexOptions options;
        options.index_dir = index;
        const auto started = Clock::now();
        const auto summary = zhisou::index::index_inputs(
            {(*corpus / "news" / "ruanyf-weekly.jsonl").string()}, options);
        std::printf("indexed %zu documents of news/ruanyf-weekly.jsonl in %.1f s\n",
                    summary.index_documents,
                    std::chrono::duration<double>(Clock::now() - started).count());
    }
    if (queries.empty())
        queries = {"的", "开源"};

    zhisou::query::Searcher searcher(index);
    zhisou::query::SavedQueries saved(index);
    std::printf("index %s: %u documents; median of %d runs, ms\n\n", index.c_str(),
                searcher.database().get_doccount(), repeat);
    std::printf("| query | matches | ids kept | search | + collect ids | --new search | "
                "record run | read ids | ids stored |\n|---|---:|---:|---:|---:|---:|---:|---:|"
                "---:|\n");
    int number = 0;
    for (const std::string& text : queries) {
        const std::string name = fmt::format("bench-{}-{}", getpid(), number++);
        saved.add(name, text, true);

        zhisou::query::SearchRequest plain;
        plain.query = text;
        zhisou::query::SearchRequest collecting = plain;
        collecting.limit = 0;
        collecting.snippets = false;
        collecting.collect_ids = zhisou::query::kMaxRecordedIds;

        zhisou::query::SearchResult result;
        const double search_ms = median_ms(repeat, [&] { result = searcher.search(plain); });
        std::vector<std::string> ids;
        const double collect_ms =
            median_ms(repeat, [&] { ids = searcher.search(collecting).matched_ids; });
        zhisou::query::SearchRequest only_new = plain;
        only_new.exclude_ids = ids;
        const double new_ms = median_ms(repeat, [&] { (void)searcher.search(only_new); });
        const double record_ms = median_ms(repeat, [&] { saved.record_run(name, ids); });
        std::vector<std::string> read;
        const double read_ms = median_ms(repeat, [&] { read = saved.previous_ids(name); });
        const std::size_t stored =
            Xapian::Database(index.string())
                .get_metadata(std::string(zhisou::schema::kMetaSavedIdsPrefix) + name)
                .size();
        std::printf("| `%s` | %u | %zu | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f KB |\n",
                    text.c_str(), result.total, read.size(), search_ms, collect_ms, new_ms,
                    record_ms, read_ms, static_cast<double>(stored) / 1024.0);
        saved.remove(name);
    }
    return 0;
}
