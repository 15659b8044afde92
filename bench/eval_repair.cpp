// Mojibake repair: pass rates on ftfy's test cases and on Chinese/Thai mojibake from public
// code, false positives on real legacy feeds and on the news corpora, and repair's speed.
//
//   eval_repair              the tables
//   eval_repair --failures   also every failing case (input, expected, output)
//   eval_repair --changes    also every change repair made in the news corpora

#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/text/repair.h>

#include "corpus_paths.h"
#include "repair_eval.h"

namespace {

using zhisou::eval::RepairReport;
using zhisou::eval::RepairRow;

std::string fraction(const RepairRow& row) {
    if (row.total == 0) {
        return "n/a";
    }
    return fmt::format("{}/{} ({:.1f}%)", row.passed, row.total, 100.0 * row.rate());
}

void print_rates(const RepairReport& report) {
    fmt::print("Mojibake repair pass rates (ftfy: output == fixed-encoding, else fixed, after "
               "NFC;\nzh-th: output == fixed after NFC; unfixable: flagged and no 锟斤拷 left)\n");
    fmt::print("{:<34} {:>18}\n", "set: group", "passed");
    for (const RepairRow& row : report.rows) {
        fmt::print("{:<34} {:>18}\n", row.name, fraction(row));
    }
    fmt::print("\nTargets\n");
    fmt::print("{:<34} {:>18}   target >= 90%\n", report.ftfy_pass.name,
               fraction(report.ftfy_pass));
    fmt::print("{:<34} {:>18}   target: all\n", report.ftfy_negative.name,
               fraction(report.ftfy_negative));
    fmt::print("{:<34} {:>18}\n", report.zh_th_exact.name, fraction(report.zh_th_exact));
    fmt::print("{:<34} {:>18}\n", report.zh_th_human_fixed.name,
               fraction(report.zh_th_human_fixed));
    fmt::print("{:<34} {:>18}   target >= 90%\n", report.zh_th_targets.name,
               fraction(report.zh_th_targets));
    fmt::print("\nReal legacy feeds (legacy-encodings/utf8): changed {} of {}; of those, {} only "
               "turned C1 controls\ninto the punctuation windows-874/1252 give them (the corpus's "
               "Python tis-620 decoding left them in)\n",
               report.legacy_changed, report.legacy_files, report.legacy_changed_c1_only);
    for (const std::string& file : report.legacy_changed_files) {
        fmt::print("  changed beyond C1 controls: {}\n", file);
    }
}

void print_failures(const RepairReport& report) {
    fmt::print("\nFailing cases\n");
    for (const auto& result : report.cases) {
        if (result.passed) {
            continue;
        }
        fmt::print("[{} {} #{} expect={}]\n  in:   {}\n  want: {}\n  got:  {}{}\n", result.set,
                   result.group, result.index, result.expect, result.original, result.expected,
                   result.output, result.unrecoverable ? "  (unrecoverable)" : "");
    }
}

struct CorpusRun {
    std::string name;
    std::size_t documents = 0;
    std::size_t bytes = 0;
    std::size_t changed = 0;
    double seconds = 0;
};

/// Repairs every document text of a news JSONL file; counts changes and times repair alone.
CorpusRun run_news(const std::filesystem::path& path, bool show_changes) {
    CorpusRun run;
    run.name = path.filename().string();
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> texts;
    std::vector<std::string> ids;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        const auto object = nlohmann::json::parse(line);
        texts.push_back(object.value("text", ""));
        ids.push_back(object.value("id", ""));
    }
    std::vector<zhisou::text::Repaired> results;
    results.reserve(texts.size());
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& text : texts) {
        results.push_back(zhisou::text::repair(text));
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        ++run.documents;
        run.bytes += texts[i].size();
        if (!results[i].changed()) {
            continue;
        }
        ++run.changed;
        if (show_changes) {
            for (const auto& change : results[i].changes) {
                fmt::print("  {} [{}-{}] {} -> {} ({})\n", ids[i], change.begin, change.end,
                           change.from, change.to, change.cause);
            }
        }
    }
    return run;
}

struct SyntheticRun {
    double megabytes_per_second = 0;
    std::size_t changes = 0;
};

/// Repairs ~8 MB made of `unit` repeated: a worst case for the slow path.
SyntheticRun synthetic_speed(std::string_view unit) {
    std::string text;
    while (text.size() < 8'000'000) {
        text += unit;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto result = zhisou::text::repair(text);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return SyntheticRun{static_cast<double>(text.size()) / 1e6 / (seconds > 0 ? seconds : 1e-9),
                        result.changes.size()};
}

} // namespace

int main(int argc, char** argv) {
    bool failures = false;
    bool changes = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--failures") == 0) {
            failures = true;
        } else if (std::strcmp(argv[i], "--changes") == 0) {
            changes = true;
        } else {
            fmt::print(stderr, "usage: eval_repair [--failures] [--changes]\n");
            return 2;
        }
    }
    const auto corpus = zhisou::eval::shared_corpus();
    if (!corpus) {
        fmt::print(stderr, "eval_repair: ../shared/corpus not found (set ZHISOU_SHARED)\n");
        return 1;
    }
    const RepairReport report = zhisou::eval::evaluate_repair(*corpus);
    print_rates(report);
    if (failures) {
        print_failures(report);
    }
    fmt::print("\nNews corpora (clean text): documents repair changed, and repair's speed\n");
    fmt::print("{:<32} {:>9} {:>9} {:>12}\n", "corpus", "docs", "changed", "MB/s");
    for (const char* name :
         {"picker-techsec-news.jsonl", "ruanyf-weekly.jsonl", "hkcnews-traditional.jsonl"}) {
        const auto path = *corpus / "news" / name;
        if (!std::filesystem::exists(path)) {
            continue;
        }
        const CorpusRun run = run_news(path, changes);
        fmt::print("{:<32} {:>9} {:>9} {:>12.0f}\n", run.name, run.documents, run.changed,
                   static_cast<double>(run.bytes) / 1e6 / run.seconds);
    }
    // Worst cases: every word holds characters that start a repair (correct text, then
    // mojibake that needs repairing everywhere).
    const SyntheticRun correct =
        synthetic_speed("À déjà vu — naïve café, Müller’s “Straße”; ВІКІ Ελληνικά 鄣鄢 ภาษาไทย ");
    fmt::print("{:<32} {:>9} {:>9} {:>12.0f}\n", "synthetic correct, dense (8 MB)", 1,
               correct.changes, correct.megabytes_per_second);
    const SyntheticRun broken = synthetic_speed("donâ€™t 鎵撳嵃 cafÃ© เธฃเธญ ");
    fmt::print("{:<32} {:>9} {:>9} {:>12.0f}\n", "synthetic mojibake, dense (8 MB)", 1,
               broken.changes, broken.megabytes_per_second);
    return 0;
}
