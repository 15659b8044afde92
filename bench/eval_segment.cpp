// Segmentation quality on the SIGHAN 2005 PKU and CityU gold sets (ICU's plain word break,
// Zhisou, and jieba when installed), and the speed of segment() on the news corpus.
//
//   eval_segment              the F1 table and the speed table
//   eval_segment --ablation   also one row per rule switched off
//   eval_segment --no-speed   the F1 table only
//   eval_segment --errors PKU|CityU [N]   the N most frequent wrong words (for development)

#include <algorithm>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <zhisou/text/segment.h>

#include "corpus_paths.h"
#include "segment_eval.h"

namespace {

using zhisou::eval::SegScore;
using zhisou::eval::SighanSet;

struct Row {
    std::string name;
    std::vector<SegScore> scores; ///< one per set, in sighan_sets() order
};

struct RuleVariant {
    std::string name;
    unsigned rules;
    bool normalize = false;
};

std::vector<RuleVariant> variants(bool ablation) {
    using namespace zhisou::text;
    std::vector<RuleVariant> list = {
        {"ICU word break (plain)", RULE_NONE},
        {"Zhisou segment", kAllSegmentRules},
    };
    if (ablation) {
        const std::vector<std::pair<std::string, unsigned>> rules = {
            {"mixed tokens", RULE_MIXED},
            {"Han numerals", RULE_HAN_NUMBER},
            {"function split", RULE_FUNCTION_SPLIT},
            {"measure split", RULE_MEASURE_SPLIT},
            {"degree split", RULE_DEGREE_SPLIT},
            {"affixes", RULE_AFFIX},
            {"unknown runs", RULE_UNKNOWN_RUN},
            {"transliterations", RULE_TRANSLITERATION},
            {"punctuation runs", RULE_PUNCT_RUN},
        };
        for (const auto& [name, bit] : rules) {
            list.push_back({"  without " + name, kAllSegmentRules & ~bit});
        }
    }
    // What the Analyzer sees: NFKC, case folding and Traditional -> Simplified first.
    list.push_back({"Zhisou on normalized text", kAllSegmentRules, true});
    return list;
}

std::vector<std::string> zhisou_lines(const std::vector<std::string>& input, unsigned rules,
                                      bool normalize = false) {
    zhisou::text::BakeoffOptions options;
    options.rules = rules;
    options.normalize = normalize;
    return zhisou::eval::segment_lines(input, [&](std::string_view line) {
        return zhisou::text::segment_line_for_bakeoff(line, options);
    });
}

void print_quality(const std::vector<SighanSet>& sets, const std::vector<Row>& rows) {
    fmt::print("Segmentation on SIGHAN 2005 gold (word P/R/F1, OOV recall; target F1 >= 0.83)\n");
    fmt::print("{:<28}", "segmenter");
    for (const auto& set : sets) {
        fmt::print(" | {:<6} {:>6} {:>6} {:>6} {:>6}", set.name, "P", "R", "F1", "OOV-R");
    }
    fmt::print("\n");
    for (const Row& row : rows) {
        fmt::print("{:<28}", row.name);
        for (const SegScore& score : row.scores) {
            fmt::print(" | {:<6} {:>6.4f} {:>6.4f} {:>6.4f} {:>6.4f}", "", score.precision(),
                       score.recall(), score.f1(), score.oov_recall());
        }
        fmt::print("\n");
        for (std::size_t k = 0; k < row.scores.size(); ++k) {
            if (row.scores[k].mismatched_lines > 0) {
                fmt::print("  warning: {} lines of {} differ from the gold text\n",
                           row.scores[k].mismatched_lines, sets[k].name);
            }
        }
    }
}

// For development: which words does Zhisou get wrong most often? Prints gold words missed
// and test words invented, with counts.
void print_errors(const SighanSet& set, std::size_t limit) {
    const auto input = zhisou::eval::read_lines(set.test);
    const auto gold = zhisou::eval::read_lines(set.gold);
    const auto test = zhisou_lines(input, zhisou::text::kAllSegmentRules);
    std::map<std::string, std::size_t> missed;
    std::map<std::string, std::size_t> invented;
    auto words = [](const std::string& line) {
        std::vector<std::pair<std::size_t, std::string>> out;
        std::size_t pos = 0;
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
                ++i;
            const std::size_t start = i;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t')
                ++i;
            if (i > start) {
                out.emplace_back(pos, line.substr(start, i - start));
                pos += i - start;
            }
        }
        return out;
    };
    for (std::size_t n = 0; n < gold.size() && n < test.size(); ++n) {
        const auto g = words(gold[n]);
        const auto t = words(test[n]);
        std::map<std::pair<std::size_t, std::string>, int> seen;
        for (const auto& w : g)
            seen[w] |= 1;
        for (const auto& w : t)
            seen[w] |= 2;
        for (const auto& [w, mask] : seen) {
            if (mask == 1)
                ++missed[w.second];
            if (mask == 2)
                ++invented[w.second];
        }
    }
    auto top = [limit](const std::map<std::string, std::size_t>& counts, const char* title) {
        std::vector<std::pair<std::size_t, std::string>> sorted;
        for (const auto& [w, c] : counts)
            sorted.emplace_back(c, w);
        std::sort(sorted.rbegin(), sorted.rend());
        fmt::print("{}\n", title);
        for (std::size_t k = 0; k < sorted.size() && k < limit; ++k) {
            fmt::print("{:>6}  {}\n", sorted[k].first, sorted[k].second);
        }
    };
    top(missed, "gold words missed:");
    top(invented, "words produced that the gold does not have:");
}

// segment() alone on the text fields of the picker news corpus, one thread.
void print_speed(const std::filesystem::path& corpus) {
    const auto path = corpus / "news" / "picker-techsec-news.jsonl";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fmt::print("speed: {} not found, skipped\n", path.string());
        return;
    }
    std::vector<std::string> texts;
    std::size_t bytes = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty())
            continue;
        auto doc = nlohmann::json::parse(line, nullptr, false);
        if (doc.is_discarded() || !doc.contains("text") || !doc["text"].is_string())
            continue;
        texts.push_back(doc["text"].get<std::string>());
        bytes += texts.back().size();
    }
    std::size_t words = 0;
    double best = 1e30;
    for (int round = 0; round < 3; ++round) {
        // CPU time of this one thread: other processes on a shared machine do not count.
        const std::clock_t start = std::clock();
        std::size_t round_words = 0;
        for (const auto& text : texts)
            round_words += zhisou::text::segment(text).size();
        const double seconds =
            static_cast<double>(std::clock() - start) / static_cast<double>(CLOCKS_PER_SEC);
        best = std::min(best, seconds);
        words = round_words;
    }
    fmt::print("\nsegment() speed on {} ({} documents, one thread, CPU time, best of 3)\n",
               path.filename().string(), texts.size());
    fmt::print("{:<12} {:>12} {:>10} {:>10}\n", "MB", "words", "seconds", "MB/s");
    const double mb = static_cast<double>(bytes) / 1e6;
    fmt::print("{:<12.1f} {:>12} {:>10.2f} {:>10.1f}\n", mb, words, best, mb / best);
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const auto corpus = zhisou::eval::shared_corpus();
    if (!corpus) {
        fmt::print("SKIPPED: ../shared/corpus not found (set ZHISOU_SHARED)\n");
        return 0;
    }
    const auto sets = zhisou::eval::sighan_sets(*corpus);
    if (!args.empty() && args[0] == "--errors") {
        const std::string name = args.size() > 1 ? args[1] : "PKU";
        const std::size_t limit = args.size() > 2 ? std::stoul(args[2]) : 40;
        for (const auto& set : sets) {
            if (set.name == name)
                print_errors(set, limit);
        }
        return 0;
    }
    const bool ablation = std::find(args.begin(), args.end(), "--ablation") != args.end();
    const bool quality_only = std::find(args.begin(), args.end(), "--no-speed") != args.end();

    std::vector<Row> rows;
    for (const auto& variant : variants(ablation))
        rows.push_back({variant.name, {}});
    Row jieba{"jieba (HMM=True)", {}};
    bool have_jieba = true;
    for (const auto& set : sets) {
        const auto input = zhisou::eval::read_lines(set.test);
        const auto gold = zhisou::eval::read_lines(set.gold);
        const auto training = zhisou::eval::read_word_list(set.training_words);
        std::size_t k = 0;
        for (const auto& variant : variants(ablation)) {
            rows[k++].scores.push_back(zhisou::eval::score_segmentation(
                gold, zhisou_lines(input, variant.rules, variant.normalize), training));
        }
        if (have_jieba) {
            if (auto lines = zhisou::eval::jieba_segment_file(set.test)) {
                jieba.scores.push_back(zhisou::eval::score_segmentation(gold, *lines, training));
            } else {
                have_jieba = false;
            }
        }
    }
    if (have_jieba) {
        rows.push_back(jieba);
    }
    print_quality(sets, rows);
    if (!have_jieba)
        fmt::print("(jieba: no python3 here can import jieba; row left out)\n");
    if (!quality_only)
        print_speed(*corpus);
    return 0;
}
