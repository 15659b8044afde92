#include "io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>

#include <zhisou/error.h>

namespace zhisou::cli {

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read '" + path + "': " + std::strerror(errno) +
                         " (check the path, or pass - to read standard input)");
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool stdout_is_terminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}

} // namespace zhisou::cli
