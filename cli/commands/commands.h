#pragma once
// Each sub-command registers itself on the CLI11 app. The callback CLI11 calls after parsing
// stores the work to do in `action`; main() runs it inside one error boundary.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

namespace CLI {
class App;
}
namespace zhisou::query {
struct SearchRequest;
struct SearchResult;
class Searcher;
} // namespace zhisou::query

namespace zhisou::cli {

/// The chosen sub-command's work; returns the process exit code.
using Action = std::function<int()>;

void add_index_command(CLI::App& app, Action& action);
void add_stats_command(CLI::App& app, Action& action);
void add_repair_command(CLI::App& app, Action& action);
void add_segment_command(CLI::App& app, Action& action);
void add_analyze_command(CLI::App& app, Action& action);
void add_parse_command(CLI::App& app, Action& action);
void add_search_command(CLI::App& app, Action& action);
void add_compact_command(CLI::App& app, Action& action);
void add_saved_command(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);

/// The index directory: the --index flag when given, else the default local index.
[[nodiscard]] std::filesystem::path resolve_index_dir(const std::string& flag);

/// The options `zhisou search` and `zhisou saved run` share.
struct SearchOptions {
    std::string index_dir;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::string sort = "relevance";
    std::string facets;
    std::string today;
    bool no_collapse = false;
    bool json = false;
    bool explain = false;
    bool allow_partial = false;
};
void add_search_options(CLI::App& command, SearchOptions& options);
[[nodiscard]] query::SearchRequest make_request(const SearchOptions& options,
                                                std::string query_text);
[[nodiscard]] query::Searcher open_searcher(const SearchOptions& options);
/// Prints a result as options ask (people or --json); returns the exit code.
int print_search(const SearchOptions& options, const query::SearchResult& result);

} // namespace zhisou::cli
