#pragma once
// Each sub-command registers itself on the CLI11 app. The callback CLI11 calls after parsing
// stores the work to do in `action`; main() runs it inside one error boundary.

#include <filesystem>
#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace zhisou::cli {

/// The chosen sub-command's work; returns the process exit code.
using Action = std::function<int()>;

void add_index_command(CLI::App& app, Action& action);
void add_stats_command(CLI::App& app, Action& action);
void add_repair_command(CLI::App& app, Action& action);
void add_segment_command(CLI::App& app, Action& action);
void add_analyze_command(CLI::App& app, Action& action);
void add_parse_command(CLI::App& app, Action& action);
/// Commands that later releases fill in: search, saved, serve, parse, compact.
void add_pending_commands(CLI::App& app, Action& action);

/// The index directory: the --index flag when given, else the default local index.
[[nodiscard]] std::filesystem::path resolve_index_dir(const std::string& flag);

} // namespace zhisou::cli
