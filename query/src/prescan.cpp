#include "prescan.h"

#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/query/limits.h>
#include <zhisou/query/parse_error.h>

namespace zhisou::query::detail {
namespace {

struct QuotePair {
    std::string_view open;
    std::string_view close;
};

// '"' also stands for “ and ”, which normalize_syntax folded into it.
constexpr QuotePair kQuotes[] = {{"\"", "\""}, {"「", "」"}, {"『", "』"}};

bool starts_with_at(std::string_view text, std::size_t at, std::string_view what) {
    return text.compare(at, what.size(), what) == 0;
}

} // namespace

void prescan(const SourceText& source) {
    if (source.char_count() > limits::kMaxQueryChars) {
        throw ParseError(fmt::format("query too long: {} characters; the limit is {}",
                                     source.char_count(), limits::kMaxQueryChars),
                         source.original, limits::kMaxQueryChars + 1);
    }
    const std::string_view text = source.normalized;
    if (text.find_first_not_of(' ') == std::string_view::npos) {
        throw ParseError("empty query: type a word, a \"phrase\" or a field such as org:zhipu",
                         source.original, 1, {"term", "phrase", "field"});
    }

    std::vector<std::size_t> open_parens; // byte offsets of the '(' still open
    std::size_t i = 0;
    while (i < text.size()) {
        const QuotePair* quote = nullptr;
        for (const QuotePair& pair : kQuotes) {
            if (starts_with_at(text, i, pair.open))
                quote = &pair;
        }
        if (quote != nullptr) {
            const std::size_t close = text.find(quote->close, i + quote->open.size());
            if (close == std::string_view::npos) {
                throw ParseError(
                    fmt::format("unclosed quote: no {} after this {}", quote->close, quote->open),
                    source.original, source.column_of(i), {std::string(quote->close)});
            }
            i = close + quote->close.size();
            continue;
        }
        if (text[i] == '(') {
            if (open_parens.size() == limits::kMaxDepth) {
                throw ParseError(fmt::format("too deeply nested: at most {} levels of "
                                             "parentheses",
                                             limits::kMaxDepth),
                                 source.original, source.column_of(i));
            }
            open_parens.push_back(i);
        } else if (text[i] == ')') {
            if (open_parens.empty()) {
                throw ParseError("unbalanced ')': no '(' before it", source.original,
                                 source.column_of(i));
            }
            open_parens.pop_back();
        }
        ++i;
    }
    if (!open_parens.empty()) {
        throw ParseError("unbalanced '(': no ')' after it", source.original,
                         source.column_of(open_parens.back()), {")"});
    }
}

} // namespace zhisou::query::detail
