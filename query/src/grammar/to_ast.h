#pragma once
// Internal: the grammar's syntax tree -> the public ast::Query, with code-point spans, and
// the checks that need the whole token: misspelled field names, wildcards, NEAR operands and
// distances, and the term limit.

#include <zhisou/query/ast.h>

#include "grammar/syntax_tree.h"
#include "source_text.h"

namespace zhisou::query::grammar {

/// Throws ParseError for the problems listed above.
[[nodiscard]] ast::Query to_ast(const syntax::Or& tree, const detail::SourceText& source);

} // namespace zhisou::query::grammar
