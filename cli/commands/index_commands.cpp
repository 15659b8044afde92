// `zhisou index` and `zhisou stats`.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <ctime>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <zhisou/error.h>
#include <zhisou/index/stats.h>
#include <zhisou/index/writer.h>

#include "commands.h"
#include "io.h"

namespace zhisou::cli {
namespace {

using nlohmann::json;

struct IndexCommandOptions {
    std::vector<std::string> inputs;
    std::string index_dir;
    std::vector<std::string> excludes;
    std::string orgs_file;
    bool prune = false;
    bool rebuild = false;
    bool no_compact = false;
    bool json = false;
    bool quiet = false;
    unsigned threads = 0;
    unsigned shards = 0;
};

std::string format_duration(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    return s >= 3600 ? fmt::format("{}:{:02d}:{:02d}", s / 3600, s / 60 % 60, s % 60)
                     : fmt::format("{}:{:02d}", s / 60, s % 60);
}

// "1 document", "2 documents".
std::string documents(std::size_t count) {
    return fmt::format("{} document{}", count, count == 1 ? "" : "s");
}

void print_progress(const index::IndexProgress& p) {
    const double seconds = p.elapsed.count();
    const double mb = static_cast<double>(p.bytes) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0.0;
    std::string eta;
    if (p.finishing) {
        eta = "  compacting the index";
    } else if (p.total_bytes > p.bytes && rate > 0) {
        eta = " ETA " + format_duration(static_cast<double>(p.total_bytes - p.bytes) / 1e6 / rate);
    }
    std::cerr << fmt::format("\r\033[K{} documents  {:.1f} MB  {:.1f} MB/s{}  skipped {}",
                             p.documents, mb, rate, eta, p.skipped)
              << std::flush;
}

int run_index(const IndexCommandOptions& options) {
    if (options.inputs.empty()) {
        throw InputError("nothing to index: give files or folders, or - to read JSONL from "
                         "standard input");
    }
    index::IndexOptions index_options;
    index_options.index_dir = resolve_index_dir(options.index_dir);
    index_options.excludes = options.excludes;
    if (!options.orgs_file.empty())
        index_options.orgs_file = options.orgs_file;
    index_options.prune = options.prune;
    index_options.rebuild = options.rebuild;
    index_options.threads = options.threads;
    index_options.shards = options.shards;
    index_options.compact = !options.no_compact;

    const bool show_progress = !options.quiet && ::isatty(STDERR_FILENO) == 1;
    bool progress_shown = false;
    const auto summary = index::index_inputs(
        options.inputs, index_options,
        [&](const index::IndexProgress& progress) {
            if (!show_progress)
                return;
            progress_shown = true;
            print_progress(progress);
        },
        [&](const index::SourceProblem& problem) {
            if (progress_shown)
                std::cerr << "\r\033[K";
            std::cerr << fmt::format("zhisou: skipped {}{}: {}\n", problem.path.string(),
                                     problem.line ? fmt::format(":{}", problem.line) : "",
                                     problem.reason);
        });
    if (progress_shown)
        std::cerr << "\r\033[K" << std::flush;

    const double seconds = summary.elapsed.count();
    const double mb = static_cast<double>(summary.bytes) / 1e6;
    if (options.json) {
        json problems = json::array();
        for (const auto& problem : summary.problems) {
            json entry{{"path", problem.path.string()}, {"reason", problem.reason}};
            if (problem.line)
                entry["line"] = problem.line;
            problems.push_back(std::move(entry));
        }
        std::cout << json{{"index", index_options.index_dir.string()},
                          {"documents", summary.documents},
                          {"added", summary.added},
                          {"updated", summary.updated},
                          {"unchanged", summary.unchanged},
                          {"removed", summary.removed},
                          {"skipped", summary.skipped},
                          {"repaired", summary.repaired},
                          {"bytes", summary.bytes},
                          {"seconds", seconds},
                          {"index_documents", summary.index_documents},
                          {"compacted", summary.compacted},
                          {"parts", summary.parts},
                          {"shards", summary.shards},
                          {"recovered", summary.recovered},
                          {"problems", problems}}
                         .dump(2)
                  << '\n';
    } else if (!options.quiet) {
        std::cout << fmt::format(
            "Indexed {} in {:.2f} s ({:.1f} MB, {:.1f} MB/s): {} added, {} updated, {} "
            "unchanged, {} removed, {} skipped, {} repaired.\nIndex: {} ({})\n",
            documents(summary.documents), seconds, mb, seconds > 0 ? mb / seconds : 0.0,
            summary.added, summary.updated, summary.unchanged, summary.removed, summary.skipped,
            summary.repaired, index_options.index_dir.string(), documents(summary.index_documents));
        if (summary.recovered != 0)
            std::cout << fmt::format("Recovered {} written by an interrupted run.\n",
                                     documents(summary.recovered));
        if (summary.parts > 1)
            std::cout << fmt::format(
                "Written as {} parts in parallel, merged into {}.\n", summary.parts,
                summary.shards > 1 ? fmt::format("{} shards", summary.shards) : "one database");
        else if (summary.compacted && summary.added + summary.updated + summary.removed != 0)
            std::cout << "Compacted the index (the run changed at least a fifth of it).\n";
    }
    if (summary.documents == 0 && summary.skipped == 0 && !options.quiet)
        std::cerr << "zhisou: no documents found in the inputs (indexed: .txt, .md, .html, .htm "
                     "and .jsonl files, not hidden ones or --exclude matches)\n";
    if (!summary.compact_skipped.empty() && !options.quiet)
        std::cerr << "zhisou: the index was not compacted: " << summary.compact_skipped
                  << " (run `zhisou compact` later)\n";
    return 0;
}

struct StatsOptions {
    std::string index_dir;
    bool json = false;
};

json pairs_to_json(const std::vector<std::pair<std::string, std::uint64_t>>& pairs) {
    json out = json::array();
    for (const auto& [name, count] : pairs)
        out.push_back({{"name", name}, {"documents", count}});
    return out;
}

std::string pairs_to_text(const std::vector<std::pair<std::string, std::uint64_t>>& pairs) {
    std::string out;
    for (const auto& [name, count] : pairs) {
        if (!out.empty())
            out += ", ";
        out += fmt::format("{} ({})", name, count);
    }
    return out.empty() ? "-" : out;
}

int run_stats(const StatsOptions& options) {
    const auto stats = index::read_stats(resolve_index_dir(options.index_dir));
    std::string updated = "never";
    if (stats.last_update > 0) {
        const std::time_t t = stats.last_update;
        char buffer[64];
        std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S %Z", std::localtime(&t));
        updated = buffer;
    }
    if (options.json) {
        std::cout << json{{"index", stats.path.string()},
                          {"documents", stats.documents},
                          {"first_date", stats.first_date},
                          {"last_date", stats.last_date},
                          {"undated", stats.undated},
                          {"repaired", stats.repaired},
                          {"languages", pairs_to_json(stats.languages)},
                          {"top_orgs", pairs_to_json(stats.top_orgs)},
                          {"top_sources", pairs_to_json(stats.top_sources)},
                          {"size_bytes", stats.size_bytes},
                          {"last_update", stats.last_update}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    std::cout << fmt::format("Index:       {}\n"
                             "Documents:   {} ({} undated, {} repaired)\n"
                             "Dates:       {} .. {}\n"
                             "Languages:   {}\n"
                             "Top orgs:    {}\n"
                             "Top sources: {}\n"
                             "Size:        {:.1f} MB\n"
                             "Updated:     {}\n",
                             stats.path.string(), stats.documents, stats.undated, stats.repaired,
                             stats.first_date.empty() ? "-" : stats.first_date,
                             stats.last_date.empty() ? "-" : stats.last_date,
                             pairs_to_text(stats.languages), pairs_to_text(stats.top_orgs),
                             pairs_to_text(stats.top_sources),
                             static_cast<double>(stats.size_bytes) / 1e6, updated);
    return 0;
}

} // namespace

std::filesystem::path resolve_index_dir(const std::string& flag) {
    return flag.empty() ? index::default_index_dir() : std::filesystem::path(flag);
}

void add_index_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<IndexCommandOptions>();
    auto* command = app.add_subcommand(
        "index", "Index files, folders or JSONL (- for stdin) into the local index");
    command->add_option("inputs", options->inputs,
                        "Files or folders (.txt .md .html .jsonl), or - for JSONL on stdin");
    command->add_option("--index", options->index_dir,
                        "Index directory (default: $ZHISOU_INDEX or ~/.local/share/zhisou/index)");
    command->add_option("--exclude", options->excludes,
                        "Skip paths matching this glob (repeatable)");
    command->add_option("--orgs", options->orgs_file,
                        "Extra organizations table (id<TAB>name<TAB>alias|alias...)");
    command->add_flag("--prune", options->prune,
                      "Remove documents whose inputs were not seen in this run");
    command->add_flag("--rebuild", options->rebuild, "Start the index over (keeps saved queries)");
    command->add_option("--threads", options->threads, "Analysis threads (default: one per core)");
    command
        ->add_option("--shards", options->shards,
                     "Split a new index into N shard databases written in parallel (default: "
                     "as the index is; re-sharding needs --rebuild)")
        ->check(CLI::Range(1u, 256u));
    command->add_flag("--no-compact", options->no_compact,
                      "Do not compact the index at the end (done when the run changed at least "
                      "a fifth of its documents)");
    command->add_flag("--json", options->json, "Print the summary as JSON");
    command->add_flag("-q,--quiet", options->quiet, "No progress and no summary");
    command->callback([options, &action] { action = [options] { return run_index(*options); }; });
}

void add_stats_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<StatsOptions>();
    auto* command = app.add_subcommand("stats", "Show what the index holds");
    command->add_option("--index", options->index_dir, "Index directory");
    command->add_flag("--json", options->json, "Print one JSON object");
    command->callback([options, &action] { action = [options] { return run_stats(*options); }; });
}

} // namespace zhisou::cli
