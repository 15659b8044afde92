#pragma once
// Internal: checks made before the grammar runs, so the grammar never sees input that would
// make it recurse without bound or report a confusing error far from the cause:
// the length limit, an empty query, unbalanced quotes and parentheses, and nesting depth.

#include "source_text.h"

namespace zhisou::query::detail {

/// Throws ParseError for the first problem found; returns normally if there is none.
void prescan(const SourceText& source);

} // namespace zhisou::query::detail
