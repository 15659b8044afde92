// Query latency of Zhisou's Searcher on an index, for bench/scale.py: opens the index once,
// runs each query of a file (one per line) once to warm up and then `--repeat` times, and
// prints one JSON object with the median and 95th percentile in milliseconds: first for 10
// hits with their stored data (as the peers are measured), then with highlighted snippets
// (what `zhisou search` shows). Near-duplicates are folded in both unless --no-collapse.
// --per-query FILE writes each query's median (no snippets) to FILE, one tab-separated line
// per query, to find which queries grow with the index.
//
// Usage: bench_search_latency --index PATH --queries FILE [--repeat 3] [--no-collapse]
//                             [--per-query FILE]

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <zhisou/query/search.h>

int main(int argc, char** argv) {
    std::string index;
    std::string queries_file;
    std::string per_query_file;
    int repeat = 3;
    bool collapse = true;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--no-collapse") {
            collapse = false;
            continue;
        }
        if (i + 1 >= argc)
            break;
        if (flag == "--index")
            index = argv[i + 1];
        else if (flag == "--queries")
            queries_file = argv[i + 1];
        else if (flag == "--repeat")
            repeat = std::max(1, std::atoi(argv[i + 1]));
        else if (flag == "--per-query")
            per_query_file = argv[i + 1];
        ++i;
    }
    if (index.empty() || queries_file.empty()) {
        std::cerr << "usage: bench_search_latency --index PATH --queries FILE [--repeat N] "
                     "[--no-collapse] [--per-query FILE]\n";
        return 2;
    }
    std::vector<std::string> queries;
    std::ifstream in(queries_file);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty())
            queries.push_back(line);
    }
    try {
        zhisou::query::Searcher searcher(index);
        nlohmann::json out{{"queries", queries.size()}, {"collapse", collapse}};
        std::ofstream per_query;
        if (!per_query_file.empty())
            per_query.open(per_query_file);
        // Without snippets first: comparable with peers that only read the stored data.
        for (const bool snippets : {false, true}) {
            std::vector<double> millis;
            double matches = 0;
            for (const std::string& text : queries) {
                zhisou::query::SearchRequest request;
                request.query = text;
                request.lenient = true;
                request.snippets = snippets;
                request.collapse = collapse;
                const auto total = searcher.search(request).total; // warm-up
                matches += static_cast<double>(total);
                std::vector<double> this_query;
                for (int r = 0; r < repeat; ++r) {
                    const auto start = std::chrono::steady_clock::now();
                    (void)searcher.search(request);
                    this_query.push_back(std::chrono::duration<double, std::milli>(
                                             std::chrono::steady_clock::now() - start)
                                             .count());
                }
                millis.insert(millis.end(), this_query.begin(), this_query.end());
                if (!snippets && per_query.is_open()) {
                    std::sort(this_query.begin(), this_query.end());
                    per_query << this_query[this_query.size() / 2] << '\t' << total << '\t' << text
                              << '\n';
                }
            }
            std::sort(millis.begin(), millis.end());
            const auto at = [&](double q) {
                return millis.empty()
                           ? 0.0
                           : millis[std::min(
                                 millis.size() - 1,
                                 static_cast<std::size_t>(q * static_cast<double>(millis.size())))];
            };
            const std::string prefix = snippets ? "snippets_" : "";
            out[prefix + "median_ms"] = at(0.5);
            out[prefix + "p95_ms"] = at(0.95);
            out["mean_matches"] =
                queries.empty() ? 0.0 : matches / static_cast<double>(queries.size());
        }
        std::cout << out.dump() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "bench_search_latency: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
