// Fuzz target: arbitrary bytes as a query, through parse and compile with an in-memory context
// (fixed clock, saved queries with a cycle). Any crash, hang, leak or sanitizer report is a bug;
// so is any exception other than ParseError, and so are the broken promises checked below.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <zhisou/index/gazetteer.h>
#include <zhisou/query/compile.h>
#include <zhisou/query/parse.h>
#include <zhisou/text/analyzer.h>

namespace {

using namespace zhisou;

const query::CompileContext& context() {
    static const text::Analyzer analyzer;
    static const query::CompileContext instance{
        analyzer,
        index::Gazetteer::builtin(),
        [](std::string_view name) -> std::optional<std::string> {
            if (name == "a")
                return "org:zhipu GLM saved:b";
            if (name == "b")
                return "date:last-7d OR saved:a"; // a cycle
            if (name == "c")
                return "(unbalanced";
            return std::nullopt;
        },
        [] {
            using namespace std::chrono;
            return sys_days{year{2025} / June / 15};
        },
        nullptr,
        false};
    return instance;
}

/// Columns count code points, and every code point takes at least one byte.
std::size_t max_column(std::string_view bytes) {
    return bytes.size() + 1;
}

void check_error(const query::ParseError& error, std::string_view input) {
    if (error.column() < 1 || error.column() > max_column(input))
        std::abort();
    if (error.message().empty())
        std::abort();
    if (error.caret().find('^') == std::string::npos)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    try {
        const query::ast::Query parsed = query::parse(input);
        const std::string canonical = query::ast::to_string(parsed);
        try {
            (void)query::parse(canonical); // the canonical form is a query again
        } catch (const query::ParseError&) {
        }
        (void)query::compile(parsed, context());
    } catch (const query::ParseError& error) {
        check_error(error, input);
    }
    // The search box never fails: anything is searched, as plain words if need be.
    try {
        (void)query::compile_query(input, {true}, context());
    } catch (const query::ParseError& error) {
        // Only the limits a plain-words reading cannot avoid remain: an empty query.
        check_error(error, input);
        if (error.message().rfind("empty query", 0) != 0 &&
            error.message().rfind("query too long", 0) != 0) {
            std::abort();
        }
    }
    return 0;
}
