#pragma once
// Each sub-command registers itself on the CLI11 app. The callback CLI11 calls after parsing
// stores the work to do in `action`; main() runs it inside one error boundary.

#include <functional>

namespace CLI {
class App;
}

namespace zhisou::cli {

/// The chosen sub-command's work; returns the process exit code.
using Action = std::function<int()>;

void add_repair_command(CLI::App& app, Action& action);
void add_segment_command(CLI::App& app, Action& action);
void add_analyze_command(CLI::App& app, Action& action);
/// Commands that later releases fill in: index, search, saved, serve, stats, parse, compact.
void add_pending_commands(CLI::App& app, Action& action);

} // namespace zhisou::cli
