#pragma once
// The parsed form of a query: a small tree of plain structs with source spans, independent of
// the grammar that produced it (Spirit stays inside query/src/grammar) and of Xapian.
// compile.h turns it into an Xapian::Query; to_string() prints its canonical text form.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zhisou::query::ast {

/// Characters [begin, end) of the original query, counted in code points from 0.
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

enum class NodeKind : unsigned char {
    Term,     ///< text as typed, without spaces: `GLM`, `智谱融资`, `12:00`, `DeepSeek-R1`
    Phrase,   ///< text between quotes ("…", 「…」, 『…』, “…”), quotes removed
    Wildcard, ///< `GLM*`: text is the prefix before the '*'
    Field,    ///< `name:value`: text is the canonical field name, one child (the value)
    And,      ///< two or more children, all required
    Or,       ///< two or more children, any of them
    Not,      ///< one child, excluded
    Near,     ///< two or more Term/Phrase children within `distance` words of each other
};

struct Node {
    NodeKind kind = NodeKind::Term;
    /// Term, Phrase, Wildcard: the text (syntax-normalized: full-width ASCII folded to ASCII);
    /// Field: the canonical field name from the schema.
    std::string text;
    /// Where the node was written. For a Field, its value's span is the child's.
    Span span;
    std::vector<Node> children;
    /// Near: the largest number of words allowed between two neighbouring operands.
    std::uint32_t distance = 0;
};

struct Query {
    Node root;
    /// The query as given; compile() errors point into it.
    std::string text;
    /// True when the query is only words and quoted phrases separated by spaces: no operators,
    /// fields, parentheses or wildcards. Long plain queries are matched in ranked mode, where
    /// quoted words count like the others (compile.h); short ones keep their phrases.
    bool plain_text = false;
    /// Set when ParseOptions::lenient replaced a query with a syntax error by its plain words;
    /// says what the error was, so callers can tell the user.
    std::optional<std::string> fallback;
};

/// The canonical text form: `(org:Zhipu AND GLM AND funding)`, `(a OR NOT b)`,
/// `title:"open source"`, `(a NEAR/3 b)`. Binary operators are always parenthesized, so the
/// form shows precedence. It is a query again, which for ordinary terms parses to the same
/// tree (a term that itself starts with '-', as in "+-a", does not).
[[nodiscard]] std::string to_string(const Node& node);
[[nodiscard]] std::string to_string(const Query& query);

} // namespace zhisou::query::ast
