// parse(): syntax normalization, the pre-scan, the X3 grammar, and the conversion to the
// public AST. Expectation failures (Boost 1.74 can only throw them) stop here.

#include <cctype>
#include <fmt/format.h>
#include <string>
#include <utility>

#include <zhisou/query/limits.h>
#include <zhisou/query/parse.h>

#include "grammar/config.h"
#include "grammar/error_handler.h"
#include "grammar/grammar.h"
#include "grammar/to_ast.h"
#include "prescan.h"
#include "source_text.h"

namespace zhisou::query {
namespace {

namespace x3 = boost::spirit::x3;

ast::Query parse_strict(std::string_view query) {
    const detail::SourceText source = detail::normalize_syntax(query);
    detail::prescan(source);
    grammar::syntax::Or tree;
    const char* first = source.normalized.data();
    const char* const last = first + source.normalized.size();
    try {
        const bool ok =
            x3::phrase_parse(first, last, grammar::query_rule(), x3::ascii::space, tree);
        if (!ok || first != last) {
            throw grammar::expectation_error(
                source, static_cast<std::size_t>(first - source.normalized.data()), "eoi");
        }
    } catch (const x3::expectation_failure<grammar::iterator_type>& failure) {
        throw grammar::expectation_error(
            source, static_cast<std::size_t>(failure.where() - source.normalized.data()),
            failure.which());
    }
    return grammar::to_ast(tree, source);
}

bool is_syntax_char(char32_t c) {
    return c == U'(' || c == U')' || c == U'"' || c == U'「' || c == U'」' || c == U'『' ||
           c == U'』';
}

/// AND, or, &&, NEAR/3...: words a plain-words reading drops, as they were meant as syntax.
bool is_operator_word(std::string_view word) {
    std::string lower(word);
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "and" || lower == "or" || lower == "not" || lower == "&&" || lower == "||" ||
        lower == "near") {
        return true;
    }
    return lower.starts_with("near/") && lower.size() > 5 &&
           lower.find_first_not_of("0123456789", 5) == std::string::npos;
}

} // namespace

ast::Query parse(std::string_view query, const ParseOptions& options) {
    if (!options.lenient)
        return parse_strict(query);
    try {
        return parse_strict(query);
    } catch (const ParseError& error) {
        ast::Query plain = parse_as_plain_words(query);
        plain.fallback = fmt::format("{} (column {})", error.message(), error.column());
        return plain;
    }
}

ast::Query parse_as_plain_words(std::string_view query) {
    const detail::SourceText source = detail::normalize_syntax(query);
    ast::Query result;
    result.text = source.original;
    result.plain_text = true;
    result.root.kind = ast::NodeKind::And;
    ast::Node word{ast::NodeKind::Term, {}, {}, {}, 0};
    std::uint32_t index = 0;
    const auto finish_word = [&] {
        // Operator signs at the start of a word and a wildcard star at its end are syntax.
        const std::size_t first = word.text.find_first_not_of("+-!");
        if (first == std::string::npos || is_operator_word(word.text))
            word.text.clear();
        if (!word.text.empty()) {
            word.text.erase(0, first);
            while (!word.text.empty() && word.text.back() == '*')
                word.text.pop_back();
        }
        if (!word.text.empty() && result.root.children.size() < limits::kMaxTerms) {
            result.root.children.push_back(std::move(word));
        }
        word = ast::Node{ast::NodeKind::Term, {}, {}, {}, 0};
    };
    detail::for_each_char(source.normalized, [&](char32_t c, std::size_t begin, std::size_t end) {
        if (index < limits::kMaxQueryChars) {
            if (c == U' ') {
                finish_word();
            } else if (!is_syntax_char(c)) {
                if (word.text.empty())
                    word.span.begin = index;
                word.text.append(source.normalized, begin, end - begin);
                word.span.end = index + 1;
            }
        }
        ++index;
    });
    finish_word();
    if (result.root.children.size() == 1) {
        ast::Node only = std::move(result.root.children.front());
        result.root = std::move(only);
    } else if (!result.root.children.empty()) {
        result.root.span = {result.root.children.front().span.begin,
                            result.root.children.back().span.end};
    }
    return result;
}

} // namespace zhisou::query
