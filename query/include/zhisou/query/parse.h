#pragma once
// Query text -> ast::Query. The grammar is in docs/query-language.md; errors are ParseError
// with a column and a caret line.

#include <string_view>

#include <zhisou/query/ast.h>
#include <zhisou/query/parse_error.h>

namespace zhisou::query {

struct ParseOptions {
    /// For a search box: a query with a syntax error is read as its plain words instead
    /// (quotes, parentheses and operators dropped), and Query::fallback says so.
    bool lenient = false;
};

/// Parses a query. Throws ParseError for syntax errors and for the limits in limits.h.
/// Any bytes are accepted as input (invalid UTF-8 is read as U+FFFD); this never crashes,
/// hangs or recurses deeper than limits::kMaxDepth.
[[nodiscard]] ast::Query parse(std::string_view query, const ParseOptions& options = {});

/// The plain words of a query, as ParseOptions::lenient reads a query it cannot parse:
/// one Term per run of non-space characters, with the syntax characters removed.
[[nodiscard]] ast::Query parse_as_plain_words(std::string_view query);

} // namespace zhisou::query
