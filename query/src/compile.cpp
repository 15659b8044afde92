// compile() and compile_query(): the public entry points over detail::Compiler.

#include <ctime>
#include <fmt/format.h>

#include <zhisou/query/compile.h>

#include "compiler.h"

namespace zhisou::query {

std::chrono::sys_days local_today() {
    using namespace std::chrono;
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return sys_days{year{local.tm_year + 1900} / month{static_cast<unsigned>(local.tm_mon + 1)} /
                    day{static_cast<unsigned>(local.tm_mday)}};
}

std::string_view mode_name(MatchMode mode) noexcept {
    return mode == MatchMode::Ranked ? "ranked" : "boolean";
}

CompiledQuery compile(const ast::Query& query, const CompileContext& context) {
    return detail::Compiler(context).run(query);
}

CompiledQuery compile_query(std::string_view query, const ParseOptions& options,
                            const CompileContext& context) {
    if (!options.lenient)
        return compile(parse(query), context);
    try {
        return compile(parse(query), context);
    } catch (const ParseError& error) {
        // The search box: a query we cannot read is still searched, as its plain words.
        ast::Query plain = parse_as_plain_words(query);
        plain.fallback = fmt::format("{} (column {})", error.message(), error.column());
        return compile(plain, context);
    }
}

} // namespace zhisou::query
