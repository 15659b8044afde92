#include "grammar/error_handler.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace zhisou::query::grammar {
namespace {

bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// The token that ends just before `where` (spaces skipped): "AND", "org:", "(", "-".
std::string_view token_before(std::string_view text, std::size_t where) {
    std::size_t end = where;
    while (end > 0 && is_space(text[end - 1]))
        --end;
    if (end == 0)
        return {};
    if (text[end - 1] == '(' || text[end - 1] == ')')
        return text.substr(end - 1, 1);
    std::size_t begin = end;
    while (begin > 0 && !is_space(text[begin - 1]) && text[begin - 1] != '(' &&
           text[begin - 1] != ')') {
        --begin;
    }
    return text.substr(begin, end - begin);
}

/// The token that starts at `where`: "OR", ")", "&&".
std::string_view token_at(std::string_view text, std::size_t where) {
    if (where >= text.size())
        return {};
    if (text[where] == '(' || text[where] == ')')
        return text.substr(where, 1);
    std::size_t end = where;
    while (end < text.size() && !is_space(text[end]) && text[end] != '(' && text[end] != ')') {
        ++end;
    }
    return text.substr(where, end - where);
}

bool is_near(std::string_view token) {
    return lower_ascii(token.substr(0, 4)) == "near";
}

bool is_operator(std::string_view token) {
    static constexpr std::array kOperators{"and", "or", "not", "&&", "||"};
    const std::string lower = lower_ascii(token);
    if (std::find(kOperators.begin(), kOperators.end(), lower) != kOperators.end())
        return true;
    if (lower == "-" || lower == "+" || lower == "!")
        return true;
    if (token.size() >= 2 && (token[0] == '-' || token[0] == '+' || token[0] == '!')) {
        return false; // "-(" is split at the parenthesis; "-x" is an operand
    }
    return is_near(token) && (lower.size() == 4 || lower[4] == '/');
}

const std::vector<std::string> kOperandExpected{"term", "phrase", "("};

} // namespace

ParseError expectation_error(const detail::SourceText& source, std::size_t where,
                             std::string_view which) {
    const std::string_view text = source.normalized;
    where = std::min(where, text.size());
    std::size_t next = where;
    while (next < text.size() && is_space(text[next]))
        ++next;
    const bool at_end = next == text.size();
    const std::string_view before = token_before(text, where);
    const std::string_view after = token_at(text, next);

    if (which == "value") {
        // "org:" reaches here: the colon belongs to the token before.
        if (!at_end && where < text.size() && is_space(text[where])) {
            return ParseError(fmt::format("expected a value right after '{}' (no space after "
                                          "the colon)",
                                          before),
                              source.original, source.column_of(where), kOperandExpected);
        }
        return ParseError(fmt::format("expected a value after '{}'", before), source.original,
                          source.column_of(where), kOperandExpected);
    }
    if (which == "')'") {
        return ParseError("expected ')'", source.original, source.column_of(next), {")"});
    }
    if (which == "eoi") {
        return ParseError(fmt::format("unexpected '{}'", after), source.original,
                          source.column_of(next), {"end of query"});
    }
    if (which.size() >= 2 && which.front() == '\'') { // a closing quote
        return ParseError(fmt::format("unclosed quote: expected {}", which), source.original,
                          source.column_of(next), {std::string(which.substr(1, which.size() - 2))});
    }

    // An operand was expected.
    if (is_operator(before)) {
        if (is_near(before)) {
            return ParseError(fmt::format("expected a term or phrase after '{}'", before),
                              source.original, source.column_of(next), {"term", "phrase"});
        }
        return ParseError(fmt::format("expected a term, phrase or '(' after '{}'", before),
                          source.original, source.column_of(next), kOperandExpected);
    }
    if (before == "(" && after == ")") {
        return ParseError("empty parentheses: expected a term, phrase or '(' inside",
                          source.original, source.column_of(next), kOperandExpected);
    }
    if (is_operator(after)) {
        return ParseError(fmt::format("'{}' needs a term, phrase or '(' before it", after),
                          source.original, source.column_of(next), kOperandExpected);
    }
    return ParseError("expected a term, phrase or '('", source.original, source.column_of(next),
                      kOperandExpected);
}

} // namespace zhisou::query::grammar
