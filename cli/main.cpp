// zhisou: the command-line entry point. Parses arguments, runs one sub-command inside a single
// error boundary, and maps errors to exit codes: 0 success, 1 runtime failure, 2 usage or
// query error. Errors are one line on stderr, without a stack of noise.

#include <CLI/CLI.hpp>
#include <iostream>
#include <xapian.h>

#include <zhisou/error.h>
#include <zhisou/version.h>

#include "commands/commands.h"

namespace {

constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;

int fail(int code, const std::string& message) {
    std::cerr << "zhisou: error: " << message << '\n';
    return code;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Zhisou (知搜): full-text search for mixed Chinese and English documents",
                 "zhisou"};
    app.set_version_flag("--version", std::string("zhisou ") + ZHISOU_VERSION + " (Xapian " +
                                          Xapian::version_string() + ")");
    app.require_subcommand(0, 1);

    zhisou::cli::Action action;
    zhisou::cli::add_index_command(app, action);
    zhisou::cli::add_stats_command(app, action);
    zhisou::cli::add_repair_command(app, action);
    zhisou::cli::add_segment_command(app, action);
    zhisou::cli::add_analyze_command(app, action);
    zhisou::cli::add_parse_command(app, action);
    zhisou::cli::add_search_command(app, action);
    zhisou::cli::add_saved_command(app, action);
    zhisou::cli::add_serve_command(app, action);
    zhisou::cli::add_compact_command(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        std::cout << e.what() << '\n'; // CLI11 2.1 prints it without a newline
        return 0;
    } catch (const CLI::ParseError& e) {
        return fail(kExitUsage, std::string(e.what()) + " (run 'zhisou --help' for usage)");
    }

    if (!action) { // no sub-command: a usage error, with the help that explains it
        std::cerr << app.help();
        return kExitUsage;
    }
    try {
        return action();
    } catch (const zhisou::InputError& e) {
        return fail(kExitUsage, e.what());
    } catch (const zhisou::NotImplementedError& e) {
        return fail(kExitUsage, e.what());
    } catch (const zhisou::Error& e) {
        return fail(kExitRuntime, e.what());
    } catch (const Xapian::Error& e) {
        return fail(kExitRuntime, e.get_type() + std::string(": ") + e.get_msg());
    } catch (const std::exception& e) {
        return fail(kExitRuntime, e.what());
    }
}
