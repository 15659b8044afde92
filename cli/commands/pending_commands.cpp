// Sub-commands that later releases fill in. They are registered now so `zhisou --help` shows
// the whole tool; running one says so plainly and exits 2 instead of printing fake output.

#include <CLI/CLI.hpp>
#include <array>
#include <string>

#include <zhisou/error.h>

#include "commands.h"

namespace zhisou::cli {

void add_pending_commands(CLI::App& app, Action& action) {
    struct Pending {
        const char* name;
        const char* description;
    };
    static constexpr std::array pending{
        Pending{"saved", "Manage saved queries: add, list, show, run, rm, rename, export, import"},
        Pending{"serve", "Serve the HTTP API and the search page"},
    };
    for (const auto& entry : pending) {
        auto* command = app.add_subcommand(entry.name, entry.description);
        command->allow_extras();
        const std::string name = entry.name;
        command->callback([name, &action] {
            action = [name]() -> int { throw NotImplementedError("'zhisou " + name + "'"); };
        });
    }
}

} // namespace zhisou::cli
