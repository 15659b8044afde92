#pragma once
// Small I/O helpers shared by the CLI commands.

#include <chrono>
#include <string>

namespace zhisou::cli {

/// Reads a whole file, or standard input for "-"; throws InputError naming the path.
[[nodiscard]] std::string read_input(const std::string& path);

/// True when standard output is a terminal (colour, progress); false when piped.
[[nodiscard]] bool stdout_is_terminal();

/// --today YYYY-MM-DD (tests pin "today" for relative dates); throws InputError otherwise.
[[nodiscard]] std::chrono::sys_days parse_today_option(const std::string& text);

} // namespace zhisou::cli
