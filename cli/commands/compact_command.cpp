// `zhisou compact`: compact an index in place, or merge its shards into one index.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include <zhisou/index/compact.h>

#include "commands.h"

namespace zhisou::cli {
namespace {

struct CompactOptions {
    std::string index_dir;
    std::string output;
    bool json = false;
};

int run_compact(const CompactOptions& options) {
    std::optional<std::filesystem::path> output;
    if (!options.output.empty())
        output = options.output;
    const auto summary = index::compact_index(resolve_index_dir(options.index_dir), output);
    if (options.json) {
        std::cout << nlohmann::json{{"index", summary.output.string()},
                                    {"databases", summary.databases},
                                    {"documents", summary.documents},
                                    {"bytes_before", summary.bytes_before},
                                    {"bytes_after", summary.bytes_after}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    std::cout << fmt::format("{} {} database{} into {} ({} documents): {:.1f} MB -> {:.1f} MB\n",
                             output ? "Merged" : "Compacted", summary.databases,
                             summary.databases == 1 ? "" : "s", summary.output.string(),
                             summary.documents, static_cast<double>(summary.bytes_before) / 1e6,
                             static_cast<double>(summary.bytes_after) / 1e6);
    return 0;
}

} // namespace

void add_compact_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<CompactOptions>();
    auto* command = app.add_subcommand(
        "compact", "Compact an index in place (safe while searches run), or merge its shards "
                   "into one index with --output");
    command->add_option("--index", options->index_dir,
                        "Index: a folder, a shard folder or a stub file (default: $ZHISOU_INDEX "
                        "or ~/.local/share/zhisou/index)");
    command->add_option("--output", options->output,
                        "Merge every shard into one new index in this folder (must not exist)");
    command->add_flag("--json", options->json, "Print the summary as JSON");
    command->callback([options, &action] { action = [options] { return run_compact(*options); }; });
}

} // namespace zhisou::cli
