// zhisou parse: how a query is understood (canonical AST, match mode, the Xapian query and
// the compiler's notes), or where it is wrong. Exit code 2 on a query error.

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

#include <zhisou/error.h>
#include <zhisou/index/date.h>
#include <zhisou/index/gazetteer.h>
#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>
#include <zhisou/query/compile.h>
#include <zhisou/query/parse.h>
#include <zhisou/query/saved.h>
#include <zhisou/text/analyzer.h>

#include "../io.h"
#include "commands.h"

namespace zhisou::cli {
namespace {

using nlohmann::json;

constexpr int kExitQueryError = 2;

struct ParseCommandOptions {
    std::vector<std::string> words;
    bool json = false;
    bool lenient = false;
    bool unknown_org_as_text = false;
    std::string today;
    std::string index_dir;
};

/// The index whose saved queries and terms the query may use: --index, or the default index
/// when one exists (parse works without any index).
std::optional<Xapian::Database> open_index(const std::string& flag) {
    const std::filesystem::path dir = resolve_index_dir(flag);
    if (flag.empty() && !std::filesystem::exists(dir))
        return std::nullopt;
    return index::open_index(dir).database;
}

json error_json(const query::ParseError& error) {
    return {{"error",
             {{"message", error.message()},
              {"column", error.column()},
              {"expected", error.expected()}}}};
}

int run_parse(const ParseCommandOptions& options) {
    const std::string text = fmt::format("{}", fmt::join(options.words, " "));
    const text::Analyzer analyzer;
    const std::optional<Xapian::Database> database = open_index(options.index_dir);
    query::CompileContext context{analyzer, index::Gazetteer::builtin(), {}, {},
                                  nullptr,  options.unknown_org_as_text};
    if (database) {
        context.database = &*database;
        context.saved_query = [&database](std::string_view name) {
            return query::saved_query_text(*database, name);
        };
    }
    if (!options.today.empty()) {
        const auto today = parse_today_option(options.today);
        context.today = [today] { return today; };
    }

    query::ast::Query parsed;
    query::CompiledQuery compiled;
    try {
        parsed = query::parse(text, {options.lenient});
        compiled = query::compile(parsed, context);
    } catch (const query::ParseError& error) {
        if (!options.lenient) {
            if (!options.json)
                throw; // main prints it with the caret, exit code 2
            std::cout << error_json(error).dump() << '\n';
            return kExitQueryError;
        }
        // A compile-time error in lenient mode: the plain words, as the search box would.
        parsed = query::parse_as_plain_words(text);
        parsed.fallback = error.message() + " (column " + std::to_string(error.column()) + ")";
        compiled = query::compile(parsed, context);
    }

    const std::string ast_text = query::ast::to_string(parsed);
    if (options.json) {
        std::cout << json{{"query", text},
                          {"ast", ast_text},
                          {"mode", query::mode_name(compiled.mode)},
                          {"xapian", query::describe(compiled)},
                          {"notes", compiled.notes},
                          {"highlight_terms", compiled.highlight_terms}}
                         .dump()
                  << '\n';
        return 0;
    }
    std::cout << "ast:    " << ast_text << '\n'
              << "mode:   " << query::mode_name(compiled.mode) << '\n'
              << "xapian: " << query::describe(compiled) << '\n';
    for (const auto& note : compiled.notes)
        std::cout << "note:   " << note << '\n';
    return 0;
}

} // namespace

void add_parse_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<ParseCommandOptions>();
    auto* command =
        app.add_subcommand("parse", "Show how a query is understood, or where it is wrong");
    command->add_option("query", options->words, "The query (several words are joined by spaces)")
        ->required();
    command->add_flag(
        "--json", options->json,
        "Print JSON; an error is {\"error\": {\"message\", \"column\", \"expected\"}}");
    command->add_flag("--lenient", options->lenient,
                      "Read a query with a syntax error as plain words, as the search box does");
    command->add_flag("--unknown-org-as-text", options->unknown_org_as_text,
                      "Search org:NAME as text when NAME is not close to any known organization");
    command->add_option("--today", options->today,
                        "The date for today, yesterday, last-7d... (default: the local date)");
    command->add_option("--index", options->index_dir,
                        "Index for saved:NAME and wildcard checks (default: the local index, "
                        "if there is one)");
    command->callback([options, &action] { action = [options] { return run_parse(*options); }; });
}

} // namespace zhisou::cli
