#pragma once
// Small I/O helpers shared by the CLI commands.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::cli {

/// Reads a whole file, or standard input for "-"; throws InputError naming the path.
[[nodiscard]] std::string read_input(const std::string& path);

/// True when standard output is a terminal (colour, progress); false when piped.
[[nodiscard]] bool stdout_is_terminal();

/// The items with `separator` between them ("a b c" for the words of a query given as
/// several arguments; "zhipu, deepseek" for a hit's orgs).
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view separator);

/// --today YYYY-MM-DD (tests pin "today" for relative dates); throws InputError otherwise.
[[nodiscard]] std::chrono::sys_days parse_today_option(const std::string& text);

} // namespace zhisou::cli
