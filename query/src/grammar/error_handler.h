#pragma once
// Internal: turns the grammar's expectation failures (a rule name and a position) into a
// ParseError a person can act on: what is wrong, where, and what was expected there.
// Spirit's own error_handler counts columns in bytes; ours counts code points.

#include <cstddef>
#include <string_view>

#include <zhisou/query/parse_error.h>

#include "source_text.h"

namespace zhisou::query::grammar {

/// `where` is a byte offset into source.normalized; `which` the name of the rule or literal
/// the grammar expected there (grammar_def.h names the rules).
[[nodiscard]] ParseError expectation_error(const detail::SourceText& source, std::size_t where,
                                           std::string_view which);

} // namespace zhisou::query::grammar
