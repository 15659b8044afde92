// Speed and reach of the organization gazetteer on the shared news corpus, one thread:
// Gazetteer::find_mentions (normalize + match) against Normalizer::normalize_mapped alone, so
// the matcher's own cost is the difference; then, per org, how many documents mention it next
// to how many contain one plain alias as a substring (a sanity check of the table and of the
// whole-word and false-friend rules).
//
//   bench_gazetteer                   all of corpus/news/*.jsonl
//   bench_gazetteer --show ORG [N]    also print up to N (default 20) mentions of ORG in context

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <zhisou/index/gazetteer.h>
#include <zhisou/text/normalize.h>

#include "corpus_paths.h"

namespace {

using zhisou::index::Gazetteer;

struct Document {
    std::string corpus; ///< file stem
    std::string text;   ///< title + "\n" + body
};

std::vector<Document> load(const std::filesystem::path& news_dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(news_dir)) {
        if (entry.path().extension() == ".jsonl") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<Document> documents;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        for (std::string line; std::getline(in, line);) {
            const auto doc = nlohmann::json::parse(line, nullptr, false);
            if (doc.is_discarded() || !doc.is_object()) {
                continue;
            }
            const auto field = [&doc](const char* name) {
                return doc.contains(name) && doc[name].is_string() ? doc[name].get<std::string>()
                                                                   : std::string();
            };
            documents.push_back({path.stem().string(), field("title") + "\n" + field("text")});
        }
    }
    return documents;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// CPU time of this process: steadier than wall time on a machine shared with builds.
double cpu_seconds() {
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

/// Best of `rounds` runs of `work` over all documents, in CPU seconds.
template <class Work>
double best_time(const std::vector<Document>& documents, int rounds, Work work) {
    double best = 1e30;
    for (int round = 0; round < rounds; ++round) {
        const double start = cpu_seconds();
        for (const Document& document : documents) {
            work(document.text);
        }
        best = std::min(best, cpu_seconds() - start);
    }
    return best;
}

// Substring reference for the sanity table: the alias SOURCES.md counted for each org.
struct Reference {
    const char* org;
    const char* substring;
};
constexpr Reference kReferences[] = {
    {"deepseek", "DeepSeek"},  {"alibaba", "阿里"}, {"tencent", "腾讯"}, {"huawei", "华为"},
    {"bytedance", "字节跳动"}, {"baidu", "百度"},   {"zhipu", "智谱"},   {"openai", "OpenAI"},
    {"nvidia", "英伟达"},      {"meta", "Meta"},    {"apple", "苹果"},   {"xiaomi", "小米"},
};

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string show_org;
    std::size_t show_limit = 20;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--show" && i + 1 < args.size()) {
            show_org = args[i + 1];
            if (i + 2 < args.size()) {
                show_limit = std::stoul(args[i + 2]);
            }
        }
    }
    const auto corpus_dir = zhisou::eval::shared_corpus();
    if (!corpus_dir) {
        fmt::print("SKIPPED: ../shared/corpus not found (set ZHISOU_SHARED)\n");
        return 0;
    }
    const std::vector<Document> documents = load(*corpus_dir / "news");
    std::map<std::string, std::size_t> bytes_per_corpus;
    std::size_t bytes = 0;
    for (const Document& document : documents) {
        bytes += document.text.size();
        bytes_per_corpus[document.corpus] += document.text.size();
    }

    // The normalizer's tables are built first, so the load time is the gazetteer's own.
    const zhisou::text::Normalizer normalizer;
    const auto start_load = std::chrono::steady_clock::now();
    const Gazetteer& gazetteer = Gazetteer::builtin();
    const double load_seconds = seconds_since(start_load);
    std::size_t aliases = 0;
    for (const auto& org : gazetteer.orgs()) {
        aliases += org.aliases.size();
    }

    std::size_t sink = 0;
    constexpr int kRounds = 5;
    const double normalize_seconds = best_time(documents, kRounds, [&](const std::string& text) {
        sink += normalizer.normalize_mapped(text).text.size();
    });
    const double mentions_seconds = best_time(documents, kRounds, [&](const std::string& text) {
        sink += gazetteer.find_mentions(text).size();
    });
    const double mb = static_cast<double>(bytes) / 1e6;
    const double match_seconds = std::max(mentions_seconds - normalize_seconds, 1e-9);

    fmt::print("Gazetteer: {} orgs, {} aliases; built-in table parsed in {:.1f} ms\n",
               gazetteer.orgs().size(), aliases, load_seconds * 1000);
    fmt::print("Corpus: {} documents, {:.1f} MB (title + text of corpus/news/*.jsonl)\n\n",
               documents.size(), mb);
    fmt::print("{:<44} {:>9} {:>9}\n", "stage (one thread, best of 5)", "CPU s", "MB/s");
    fmt::print("{:<44} {:>9.3f} {:>9.1f}\n", "Normalizer::normalize_mapped", normalize_seconds,
               mb / normalize_seconds);
    fmt::print("{:<44} {:>9.3f} {:>9.1f}\n", "Gazetteer::find_mentions (normalize + match)",
               mentions_seconds, mb / mentions_seconds);
    fmt::print("{:<44} {:>9.3f} {:>9.1f}\n\n", "matching alone (difference)", match_seconds,
               mb / match_seconds);

    // Per org: documents with a mention, mentions, and documents containing the reference
    // substring (which also counts 阿里山, 一百度, "metadata"... and misses other aliases).
    std::map<std::string, std::size_t> documents_with;
    std::map<std::string, std::size_t> mention_count;
    std::map<std::string, std::size_t> substring_documents;
    std::size_t shown = 0;
    for (const Document& document : documents) {
        std::map<std::string, bool> seen;
        for (const auto& mention : gazetteer.find_mentions(document.text)) {
            ++mention_count[mention.org->id];
            if (!seen[mention.org->id]) {
                seen[mention.org->id] = true;
                ++documents_with[mention.org->id];
            }
            if (mention.org->id == show_org && shown < show_limit) {
                ++shown;
                const std::size_t from = mention.begin > 30 ? mention.begin - 30 : 0;
                std::string context = document.text.substr(from, mention.end + 30 - from);
                std::replace(context.begin(), context.end(), '\n', ' ');
                fmt::print("  [{}] ...{}...\n",
                           document.text.substr(mention.begin, mention.end - mention.begin),
                           context);
            }
        }
        for (const Reference& reference : kReferences) {
            if (document.text.find(reference.substring) != std::string::npos) {
                ++substring_documents[reference.org];
            }
        }
    }
    if (shown > 0) {
        fmt::print("\n");
    }
    fmt::print("{:<12} {:>10} {:>10} {:>14} {:>10}\n", "org", "documents", "mentions", "substring",
               "documents");
    for (const Reference& reference : kReferences) {
        fmt::print("{:<12} {:>10} {:>10} {:>14} {:>10}\n", reference.org,
                   documents_with[reference.org], mention_count[reference.org], reference.substring,
                   substring_documents[reference.org]);
    }

    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& [id, count] : documents_with) {
        ranked.emplace_back(count, id);
    }
    std::sort(ranked.rbegin(), ranked.rend());
    fmt::print("\nOrgs found in at least one document: {} of {}. Most documents:\n", ranked.size(),
               gazetteer.orgs().size());
    for (std::size_t i = 0; i < ranked.size() && i < 30; ++i) {
        fmt::print("  {:<18} {:>6}\n", ranked[i].second, ranked[i].first);
    }
    return sink == 0 ? 1 : 0;
}
