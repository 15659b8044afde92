// Query latency of Zhisou's Searcher on an index, for bench/scale.py: opens the index once,
// runs each query of a file (one per line) once to warm up and then `--repeat` times, and
// prints one JSON object with the median and 95th percentile in milliseconds: first for 10
// hits with their stored data (as the peers are measured), then with highlighted snippets
// (what `zhisou search` shows). Near-duplicates are folded in both.
//
// Usage: bench_search_latency --index PATH --queries FILE [--repeat 3]

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
    int repeat = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--index")
            index = argv[i + 1];
        else if (flag == "--queries")
            queries_file = argv[i + 1];
        else if (flag == "--repeat")
            repeat = std::max(1, std::atoi(argv[i + 1]));
    }
    if (index.empty() || queries_file.empty()) {
        std::cerr << "usage: bench_search_latency --index PATH --queries FILE [--repeat N]\n";
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
        nlohmann::json out{{"queries", queries.size()}};
        // Without snippets first: comparable with peers that only read the stored data.
        for (const bool snippets : {false, true}) {
            std::vector<double> millis;
            double matches = 0;
            for (const std::string& text : queries) {
                zhisou::query::SearchRequest request;
                request.query = text;
                request.lenient = true;
                request.snippets = snippets;
                matches += static_cast<double>(searcher.search(request).total); // warm-up
                for (int r = 0; r < repeat; ++r) {
                    const auto start = std::chrono::steady_clock::now();
                    (void)searcher.search(request);
                    millis.push_back(std::chrono::duration<double, std::milli>(
                                         std::chrono::steady_clock::now() - start)
                                         .count());
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
