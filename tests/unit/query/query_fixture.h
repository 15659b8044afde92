#pragma once
// Shared by the query tests: one compile context with a fixed clock (today is Sunday
// 2025-06-15) and a few saved queries, and helpers that print what a query becomes.

#include <string>
#include <string_view>

#include <zhisou/query/compile.h>
#include <zhisou/query/parse.h>

namespace zhisou::query::testing {

/// The context every golden row compiles in. Saved queries:
///   china-ai = org:(zhipu OR moonshot OR deepseek)    recent = date:last-30d
///   glm-news = GLM saved:recent                          broken = org:(zhipu
///   loop-a = saved:loop-b, loop-b = saved:loop-a          deep-0 .. deep-9: each names the next
[[nodiscard]] const CompileContext& fixed_context();

/// The canonical AST text of a query.
[[nodiscard]] std::string ast_of(std::string_view query);
/// The readable Xapian description of a compiled query (CompiledQuery::description).
[[nodiscard]] std::string xapian_of(std::string_view query);

/// A row of a golden table: query -> canonical AST -> Xapian description.
struct GoldenRow {
    const char* query;
    const char* ast;
    const char* xapian;
};

/// Checks one row, naming the query in any failure.
void expect_row(const GoldenRow& row);

} // namespace zhisou::query::testing
