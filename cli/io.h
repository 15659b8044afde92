#pragma once
// Small I/O helpers shared by the CLI commands.

#include <string>

namespace zhisou::cli {

/// Reads a whole file, or standard input for "-"; throws InputError naming the path.
[[nodiscard]] std::string read_input(const std::string& path);

/// True when standard output is a terminal (colour, progress); false when piped.
[[nodiscard]] bool stdout_is_terminal();

} // namespace zhisou::cli
