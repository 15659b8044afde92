// zhisou saved: add, list, show, run, rm, rename, export and import the saved queries kept in
// an index (query/saved.h). `saved run` prints exactly what `zhisou search` prints for the
// query and records what it matched, so `saved run NAME --new` shows only what is new since.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <zhisou/error.h>
#include <zhisou/query/saved.h>
#include <zhisou/query/search.h>

#include "../io.h"
#include "commands.h"

namespace zhisou::cli {
namespace {

// Ordered: JSON for people and scripts reads best in the order the fields are documented.
using json = nlohmann::ordered_json;

struct SavedCommandOptions {
    std::string index_dir;
    std::string name;
    std::string new_name;
    std::vector<std::string> words;
    std::string file = "-";
    bool replace = false;
    bool json = false;
};

struct SavedRunOptions {
    SearchOptions search;
    std::string name;
    bool only_new = false;
};

query::SavedQueries open_store(const std::string& index_flag) {
    return query::SavedQueries(resolve_index_dir(index_flag));
}

/// Local time for people: "2026-03-05 10:00"; "never" for 0.
std::string local_time(std::int64_t unix_seconds) {
    if (unix_seconds == 0)
        return "never";
    const auto seconds = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    localtime_r(&seconds, &local);
    char buffer[32];
    const std::size_t size = std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return std::string(buffer, size);
}

json utc_or_null(std::int64_t unix_seconds) {
    return unix_seconds == 0 ? json(nullptr) : json(query::format_utc(unix_seconds));
}

json to_json(const query::SavedQuery& saved) {
    return {{"name", saved.name},
            {"query", saved.query},
            {"created", utc_or_null(saved.created)},
            {"last_run", utc_or_null(saved.last_run)},
            {"last_count", saved.last_count}};
}

void print_json(const json& value) {
    std::cout << value.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

// --- The sub-commands ------------------------------------------------------------------------

int run_add(const SavedCommandOptions& options) {
    const std::string text = fmt::format("{}", fmt::join(options.words, " "));
    open_store(options.index_dir).add(options.name, text, options.replace);
    std::cout << "saved " << options.name << ": " << text << '\n';
    return 0;
}

int run_list(const SavedCommandOptions& options) {
    const std::vector<query::SavedQuery> all = open_store(options.index_dir).list();
    if (options.json) {
        json list = json::array();
        for (const auto& saved : all)
            list.push_back(to_json(saved));
        print_json({{"version", query::kSavedJsonVersion}, {"saved", std::move(list)}});
        return 0;
    }
    if (all.empty()) {
        std::cout << "no saved queries; add one with `zhisou saved add NAME QUERY`\n";
        return 0;
    }
    std::size_t name_width = 4;
    for (const auto& saved : all)
        name_width = std::max(name_width, saved.name.size());
    const auto row = [&](const std::string& name, const std::string& last_run,
                         const std::string& text) {
        std::cout << name << std::string(name_width - name.size() + 2, ' ') << last_run
                  << std::string(last_run.size() < 18 ? 18 - last_run.size() : 1, ' ') << text
                  << '\n';
    };
    row("NAME", "LAST RUN", "QUERY");
    for (const auto& saved : all)
        row(saved.name, local_time(saved.last_run), saved.query);
    return 0;
}

int run_show(const SavedCommandOptions& options) {
    const query::SavedQuery saved = open_store(options.index_dir).get(options.name);
    if (options.json) {
        json out = to_json(saved);
        out["version"] = query::kSavedJsonVersion;
        print_json(out);
        return 0;
    }
    std::cout << "name:     " << saved.name << '\n'
              << "query:    " << saved.query << '\n'
              << "created:  " << local_time(saved.created) << '\n'
              << "last run: " << local_time(saved.last_run);
    if (saved.last_run != 0)
        std::cout << " (" << saved.last_count << " matches recorded)";
    std::cout << '\n';
    return 0;
}

int run_run(const SavedRunOptions& options) {
    query::SavedQueries store = open_store(options.search.index_dir);
    const query::SavedQuery saved = store.get(options.name);
    query::Searcher searcher = open_searcher(options.search);

    query::SearchRequest request = make_request(options.search, saved.query);
    if (options.only_new)
        request.exclude_ids = store.previous_ids(saved.name);
    const query::SearchResult result = searcher.search(request);

    // What the query matches now, whatever --new hid or the page showed: the next --new
    // compares with this.
    query::SearchRequest everything = make_request(options.search, saved.query);
    everything.limit = 0;
    everything.offset = 0;
    everything.facets.clear();
    everything.snippets = false;
    everything.explain = false;
    everything.collect_ids = query::kMaxRecordedIds;
    const std::vector<std::string> matched = searcher.search(everything).matched_ids;

    int code = 0;
    if (options.search.json) {
        json out = json::parse(query::to_json(result));
        out["saved"] = {{"name", saved.name},
                        {"new", options.only_new},
                        {"previous_run", utc_or_null(saved.last_run)}};
        print_json(out);
    } else {
        code = print_search(options.search, result);
    }
    try {
        store.record_run(saved.name, matched);
    } catch (const Error& e) {
        // The results are printed and right; only the bookkeeping for --new is missing.
        std::cerr << "zhisou: warning: this run was not recorded, so the next --new shows "
                     "these results again: "
                  << e.what() << '\n';
    }
    return code;
}

int run_remove(const SavedCommandOptions& options) {
    open_store(options.index_dir).remove(options.name);
    std::cout << "removed " << options.name << '\n';
    return 0;
}

int run_rename(const SavedCommandOptions& options) {
    open_store(options.index_dir).rename(options.name, options.new_name);
    std::cout << "renamed " << options.name << " to " << options.new_name << '\n';
    return 0;
}

int run_export(const SavedCommandOptions& options) {
    const std::string text = open_store(options.index_dir).export_json() + '\n';
    if (options.file == "-") {
        std::cout << text;
        return 0;
    }
    std::ofstream out(options.file, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw InputError("cannot write " + options.file + ": " + std::strerror(errno) +
                         " (choose another FILE, or '-' for standard output)");
    }
    out << text;
    out.close();
    if (!out)
        throw RuntimeError("writing " + options.file + " failed: " + std::strerror(errno));
    return 0;
}

int run_import(const SavedCommandOptions& options) {
    const std::string text = read_input(options.file);
    const std::size_t count = open_store(options.index_dir).import_json(text, options.replace);
    std::cout << "imported " << count << (count == 1 ? " saved query\n" : " saved queries\n");
    return 0;
}

// --- Registration ----------------------------------------------------------------------------

void add_index_option(CLI::App& command, std::string& index_dir) {
    command.add_option("--index", index_dir,
                       "Index directory (default: $ZHISOU_INDEX, else the local index)");
}

using Runner = int (*)(const SavedCommandOptions&);

CLI::App* add_leaf(CLI::App& saved, Action& action, const char* name, const char* description,
                   const std::shared_ptr<SavedCommandOptions>& options, Runner runner) {
    auto* command = saved.add_subcommand(name, description);
    add_index_option(*command, options->index_dir);
    command->callback(
        [options, runner, &action] { action = [options, runner] { return runner(*options); }; });
    return command;
}

} // namespace

void add_saved_command(CLI::App& app, Action& action) {
    auto* saved = app.add_subcommand(
        "saved", "Manage saved queries: add, list, show, run, rm, rename, export, import");
    saved->require_subcommand(1);

    auto add_options = std::make_shared<SavedCommandOptions>();
    auto* add = add_leaf(*saved, action, "add", "Save a query under a name: saved add NAME QUERY",
                         add_options, run_add);
    add->add_option("name", add_options->name,
                    "Lower-case letters, digits, - and _ (use it as saved:NAME in queries)")
        ->required();
    add->add_option("query", add_options->words, "The query (several words are joined by spaces)")
        ->required();
    add->add_flag("--replace", add_options->replace,
                  "Overwrite a saved query of that name (its run history starts over)");

    auto list_options = std::make_shared<SavedCommandOptions>();
    auto* list = add_leaf(*saved, action, "list", "List the saved queries", list_options, run_list);
    list->add_flag("--json", list_options->json, "Print JSON (schema in the README)");

    auto show_options = std::make_shared<SavedCommandOptions>();
    auto* show = add_leaf(*saved, action, "show", "Show one saved query", show_options, run_show);
    show->add_option("name", show_options->name, "The saved query")->required();
    show->add_flag("--json", show_options->json, "Print JSON (schema in the README)");

    auto run_options = std::make_shared<SavedRunOptions>();
    auto* run = saved->add_subcommand(
        "run", "Search with a saved query; --new shows only what its previous run did not");
    run->add_option("name", run_options->name, "The saved query")->required();
    run->add_flag("--new", run_options->only_new,
                  "Only documents the previous run of this query did not match");
    add_search_options(*run, run_options->search);
    run->callback(
        [run_options, &action] { action = [run_options] { return run_run(*run_options); }; });

    auto rm_options = std::make_shared<SavedCommandOptions>();
    auto* rm = add_leaf(*saved, action, "rm", "Remove a saved query", rm_options, run_remove);
    rm->add_option("name", rm_options->name, "The saved query")->required();

    auto rename_options = std::make_shared<SavedCommandOptions>();
    auto* rename = add_leaf(*saved, action, "rename", "Rename a saved query: saved rename OLD NEW",
                            rename_options, run_rename);
    rename->add_option("old", rename_options->name, "Its name now")->required();
    rename->add_option("new", rename_options->new_name, "Its new name")->required();

    auto export_options = std::make_shared<SavedCommandOptions>();
    auto* exporter = add_leaf(*saved, action, "export", "Write the saved queries as JSON",
                              export_options, run_export);
    exporter->add_option("file", export_options->file, "Where to write ('-' or none: stdout)");

    auto import_options = std::make_shared<SavedCommandOptions>();
    auto* importer =
        add_leaf(*saved, action, "import", "Add the saved queries of an export (all or none)",
                 import_options, run_import);
    importer->add_option("file", import_options->file, "An export file, or '-' for stdin")
        ->required();
    importer->add_flag("--replace", import_options->replace,
                       "Overwrite saved queries that have the same names");
}

} // namespace zhisou::cli
