// Throughput and memory of the text pipeline on the shared news corpus, one thread:
// decode, repair, normalize, segment, analyze, and the full decode + repair + analyze pipeline.
// Targets: pipeline >= 8 MB/s on one core; repair on clean text <= 5 % of the pipeline's time;
// memory constant in the number of documents (the pipeline runs over the corpus twice more and
// resident memory must not grow).
//
// Speeds are computed from the thread's CPU time, which is what one core delivers even when
// other processes share the machine; wall-clock seconds are printed beside it.
//
//   bench_text                      all of corpus/news/*.jsonl
//   bench_text --limit-mb 2         only the first 2 MB of fields (for valgrind --tool=callgrind)
//   bench_text --stage analyze      time one stage only (for profiling)

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <zhisou/text/analyzer.h>
#include <zhisou/text/decode.h>
#include <zhisou/text/normalize.h>
#include <zhisou/text/repair.h>
#include <zhisou/text/segment.h>

#include "corpus_paths.h"

namespace {

namespace text = zhisou::text;

struct Corpus {
    std::vector<std::string> fields; ///< the title and text of each document, as raw bytes
    std::size_t documents = 0;
    std::size_t bytes = 0;
};

Corpus load(const std::filesystem::path& news_dir, std::size_t limit_bytes) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(news_dir)) {
        if (entry.path().extension() == ".jsonl")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    Corpus corpus;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        for (std::string line; std::getline(in, line);) {
            if (corpus.bytes >= limit_bytes)
                return corpus;
            const auto doc = nlohmann::json::parse(line, nullptr, false);
            if (doc.is_discarded() || !doc.is_object())
                continue;
            ++corpus.documents;
            for (const char* field : {"title", "text"}) {
                if (!doc.contains(field) || !doc[field].is_string())
                    continue;
                corpus.fields.push_back(doc[field].get<std::string>());
                corpus.bytes += corpus.fields.back().size();
            }
        }
    }
    return corpus;
}

/// Reads a "VmXXX:  1234 kB" line of /proc/self/status; 0 where unavailable.
std::size_t proc_status_kb(const std::string& key) {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key + ":", 0) == 0) {
            return std::strtoull(line.c_str() + key.size() + 1, nullptr, 10);
        }
    }
    return 0;
}

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Keeps results observable so the optimizer cannot drop the work.
std::size_t g_sink = 0;

using StageFn = std::function<void(const std::string&)>;

struct Timing {
    double cpu = 0;
    double wall = 0;
};

Timing time_stage(const std::vector<std::string>& inputs, const StageFn& run) {
    const double cpu_start = thread_cpu_seconds();
    const auto wall_start = std::chrono::steady_clock::now();
    for (const auto& input : inputs)
        run(input);
    return {thread_cpu_seconds() - cpu_start,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count()};
}

std::size_t total_bytes(const std::vector<std::string>& texts) {
    std::size_t bytes = 0;
    for (const auto& s : texts)
        bytes += s.size();
    return bytes;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::size_t limit_bytes = static_cast<std::size_t>(-1);
    std::string only_stage;
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--limit-mb")
            limit_bytes = std::stoull(args[i + 1]) * 1000 * 1000;
        if (args[i] == "--stage")
            only_stage = args[i + 1];
    }
    const auto corpus_dir = zhisou::eval::shared_corpus();
    if (!corpus_dir) {
        fmt::print("SKIPPED: ../shared/corpus not found (set ZHISOU_SHARED)\n");
        return 0;
    }
    const Corpus corpus = load(*corpus_dir / "news", limit_bytes);
    const std::size_t rss_loaded = proc_status_kb("VmRSS");

    // Inputs of the later stages are the outputs of the earlier ones, prepared untimed.
    std::vector<std::string> decoded;
    std::vector<std::string> repaired;
    std::vector<std::string> normalized;
    std::vector<std::string> clean; // decoded fields that repair leaves unchanged
    const text::Normalizer normalizer;
    const text::Analyzer analyzer;
    for (const auto& field : corpus.fields) {
        decoded.push_back(text::decode(field).text);
        auto fixed = text::repair(decoded.back());
        if (!fixed.changed())
            clean.push_back(decoded.back());
        repaired.push_back(std::move(fixed.text));
        normalized.push_back(normalizer.normalize(repaired.back()));
    }

    std::size_t terms = 0;
    const auto count_term = [&](const text::Token& token) { terms += token.term.empty() ? 0 : 1; };
    const StageFn pipeline = [&](const std::string& bytes) {
        const auto fixed = text::repair(text::decode(bytes).text);
        analyzer.analyze(fixed.text, text::AnalyzeMode::Index, count_term);
    };
    const StageFn repair_only = [](const std::string& s) { g_sink += text::repair(s).text.size(); };
    struct Stage {
        std::string name;
        std::string label;
        StageFn run;
        const std::vector<std::string>* inputs;
    };
    const std::vector<Stage> stages = {
        {"decode", "decode (bytes -> UTF-8)",
         [](const std::string& s) { g_sink += text::decode(s).text.size(); }, &corpus.fields},
        {"repair", "repair", repair_only, &decoded},
        {"normalize", "normalize (with offset map)",
         [&](const std::string& s) { g_sink += normalizer.normalize_mapped(s).text.size(); },
         &repaired},
        {"segment", "segment (of normalized text)",
         [](const std::string& s) { g_sink += text::segment(s).size(); }, &normalized},
        {"analyze", "analyze (normalize+segment+all terms)",
         [&](const std::string& s) { analyzer.analyze(s, text::AnalyzeMode::Index, count_term); },
         &repaired},
        {"pipeline", "full pipeline: decode + repair + analyze", pipeline, &corpus.fields},
    };

    const double mb = static_cast<double>(corpus.bytes) / 1e6;
    fmt::print("Text pipeline throughput, one thread: {} documents, {} fields, {:.1f} MB "
               "(title + text of corpus/news/*.jsonl)\n",
               corpus.documents, corpus.fields.size(), mb);
    fmt::print("{:<42} {:>8} {:>8} {:>9} {:>9}\n", "stage", "cpu s", "wall s", "MB/s", "docs/s");
    double pipeline_cpu = 0;
    for (const Stage& stage : stages) {
        if (!only_stage.empty() && stage.name != only_stage)
            continue;
        terms = 0;
        const Timing t = time_stage(*stage.inputs, stage.run);
        if (stage.name == "pipeline")
            pipeline_cpu = t.cpu;
        fmt::print("{:<42} {:>8.2f} {:>8.2f} {:>9.2f} {:>9.0f}\n", stage.label, t.cpu, t.wall,
                   mb / t.cpu, static_cast<double>(corpus.documents) / t.cpu);
        if (terms != 0)
            fmt::print("{:<42} {:>8} terms\n", "", terms);
    }
    if (!only_stage.empty())
        return g_sink == 0xFFFFFFFF ? 1 : 0;

    // Repair on clean text: the fields repair leaves unchanged, against the pipeline's time on
    // those same fields.
    const Timing clean_repair = time_stage(clean, repair_only);
    const Timing clean_pipeline = time_stage(clean, pipeline);
    fmt::print("\nfull pipeline: {:.2f} MB/s on one core (target >= 8 MB/s)\n", mb / pipeline_cpu);
    fmt::print("repair on clean text ({} of {} fields, {:.1f} MB): {:.2f} s = {:.1f} % of the "
               "pipeline's {:.2f} s on the same fields (target <= 5 %)\n",
               clean.size(), corpus.fields.size(), static_cast<double>(total_bytes(clean)) / 1e6,
               clean_repair.cpu, 100.0 * clean_repair.cpu / clean_pipeline.cpu, clean_pipeline.cpu);

    // Memory: run the pipeline over the corpus three more times; resident memory must not grow
    // with the number of documents processed. (The baseline holds the corpus and the stage
    // inputs; bounded caches such as the stem cache fill during the first pass.)
    const std::size_t rss_before = proc_status_kb("VmRSS");
    fmt::print("\n{:<42} {:>10} {:>10}\n", "memory (kB)", "RSS", "peak RSS");
    fmt::print("{:<42} {:>10}\n", "corpus loaded", rss_loaded);
    fmt::print("{:<42} {:>10}\n", "stage inputs ready, stages run", rss_before);
    std::vector<std::size_t> rss;
    for (int pass = 1; pass <= 3; ++pass) {
        for (const auto& field : corpus.fields)
            pipeline(field);
        rss.push_back(proc_status_kb("VmRSS"));
        fmt::print("{:<42} {:>10} {:>10}\n",
                   fmt::format("after pipeline pass {} ({} documents)", pass,
                               static_cast<std::size_t>(pass) * corpus.documents),
                   rss.back(), proc_status_kb("VmHWM"));
    }
    fmt::print("growth from pass 1 to pass 3 ({} more documents): {} kB RSS\n",
               2 * corpus.documents,
               static_cast<long long>(rss.back()) - static_cast<long long>(rss.front()));
    return g_sink == 0xFFFFFFFF ? 1 : 0;
}
