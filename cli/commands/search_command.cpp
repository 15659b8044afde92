// zhisou search: run a query against the index and print ranked hits with snippets, facets
// and, with --explain, how the query was understood. --json prints query::to_json.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <zhisou/query/search.h>

#include "../io.h"
#include "commands.h"
#include "search_output.h"

namespace zhisou::cli {
namespace {

struct SearchCommandOptions {
    SearchOptions search;
    std::vector<std::string> words;
};

} // namespace

void add_search_options(CLI::App& command, SearchOptions& options) {
    command.add_option("--index", options.index_dir,
                       "Index directory, shard directory or stub file (default: $ZHISOU_INDEX, "
                       "else the local index)");
    command.add_option("--limit,-n", options.limit, "Hits per page (default 10, at most 1000)");
    command.add_option("--offset", options.offset, "Skip this many hits (for the next page)");
    command.add_option("--sort", options.sort,
                       "relevance (default), date (oldest first) or -date (newest first)");
    command.add_option("--facets", options.facets,
                       "Count the matches by org, year, source, lang: --facets org,year");
    command.add_flag("--no-collapse", options.no_collapse,
                     "Show near-duplicates instead of folding them into one hit");
    command.add_flag("--json", options.json, "Print one JSON object (schema in the README)");
    command.add_flag("--explain", options.explain,
                     "Show how the query was understood and why each hit matched");
    command.add_flag("--allow-partial", options.allow_partial,
                     "Answer from the reachable shards when a remote shard is down");
    command.add_option("--today", options.today,
                       "The date for today, last-7d... (default: the local date)");
}

query::SearchRequest make_request(const SearchOptions& options, std::string query_text) {
    query::SearchRequest request;
    request.query = std::move(query_text);
    request.limit = options.limit;
    request.offset = options.offset;
    request.sort = query::parse_sort(options.sort);
    if (!options.facets.empty())
        request.facets = query::parse_facets(options.facets);
    request.collapse = !options.no_collapse;
    request.explain = options.explain;
    if (!options.today.empty())
        request.today = parse_today_option(options.today);
    return request;
}

int print_search(const SearchOptions& options, const query::SearchResult& result) {
    if (options.json) {
        std::cout << query::to_json(result) << '\n';
        return 0;
    }
    print_result(std::cout, result, {stdout_is_terminal(), options.explain});
    return 0;
}

query::Searcher open_searcher(const SearchOptions& options) {
    return query::Searcher(resolve_index_dir(options.index_dir), {options.allow_partial});
}

void add_search_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<SearchCommandOptions>();
    auto* command =
        app.add_subcommand("search", "Search the index: zhisou search 'org:Zhipu date:2025 GLM'");
    command
        ->add_option("query", options->words,
                     "The query (several words are joined by spaces); see the README")
        ->required();
    add_search_options(*command, options->search);
    command->callback([options, &action] {
        action = [options] {
            query::Searcher searcher = open_searcher(options->search);
            const auto result = searcher.search(
                make_request(options->search, fmt::format("{}", fmt::join(options->words, " "))));
            return print_search(options->search, result);
        };
    });
}

} // namespace zhisou::cli
