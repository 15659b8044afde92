#pragma once
// How a search result is printed for people (a terminal or a pipe); `--json` uses
// query::to_json. Shared by `zhisou search` and `zhisou saved run`.

#include <iosfwd>

#include <zhisou/query/search.h>

namespace zhisou::cli {

struct PrintOptions {
    bool colour = false;  ///< ANSI highlights and dim metadata (stdout is a terminal)
    bool explain = false; ///< the query as understood, and why each hit matched
};

void print_result(std::ostream& out, const query::SearchResult& result,
                  const PrintOptions& options);

} // namespace zhisou::cli
