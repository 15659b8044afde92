// INTERIM (being replaced): one term per space-separated word.
#include <zhisou/text/analyzer.h>
#include <zhisou/text/segment.h>

namespace zhisou::text {

Analyzer::Analyzer() = default;

void Analyzer::analyze(std::string_view utf8, AnalyzeMode mode, std::uint32_t first_position,
                       const std::function<void(const Token&)>& sink) const {
    (void)mode;
    std::uint32_t position = first_position;
    for (const auto& word : segment(utf8)) {
        sink(Token{std::string(utf8.substr(word.begin, word.end - word.begin)), position++,
                   static_cast<std::uint32_t>(word.begin), static_cast<std::uint32_t>(word.end),
                   TokenKind::Word});
    }
}

void Analyzer::analyze(std::string_view utf8, AnalyzeMode mode,
                       const std::function<void(const Token&)>& sink) const {
    analyze(utf8, mode, 1, sink);
}

std::vector<Token> Analyzer::analyze(std::string_view utf8, AnalyzeMode mode) const {
    std::vector<Token> tokens;
    analyze(utf8, mode, [&](const Token& token) { tokens.push_back(token); });
    return tokens;
}

std::string describe(const std::vector<Token>& tokens) {
    std::string out;
    for (const auto& token : tokens) {
        if (!out.empty()) out += ' ';
        out += token.term;
        if (token.position != 0) out += '[' + std::to_string(token.position) + ']';
    }
    return out;
}

} // namespace zhisou::text
