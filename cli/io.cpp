#include "io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>

#include <zhisou/error.h>
#include <zhisou/index/date.h>

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

std::chrono::sys_days parse_today_option(const std::string& text) {
    const auto date = index::parse_date(text);
    if (!date || date->precision != index::DatePrecision::Day) {
        throw InputError("--today needs a day such as 2025-03-05, not '" + text + "'");
    }
    using namespace std::chrono;
    return sys_days{year{date->year} / month{static_cast<unsigned>(date->month)} /
                    day{static_cast<unsigned>(date->day)}};
}

} // namespace zhisou::cli
