#pragma once
// Internal: the tree the Spirit X3 grammar fills, as close to the grammar as possible.
// Every node keeps the raw source range it was parsed from (pointers into the
// syntax-normalized query); to_ast.cpp turns this tree into the public ast::Node.

#include <boost/range/iterator_range.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <vector>

namespace zhisou::query::grammar::syntax {

namespace x3 = boost::spirit::x3;

using Iterator = const char*;
using Range = boost::iterator_range<Iterator>;

/// Words as typed, up to a space, a parenthesis or a quote. Filled by a semantic action, not
/// by fusion (one-member fusion structs are a known X3 trap).
struct Term {
    Range text;
};
/// The whole phrase, quotes included.
struct Phrase {
    Range text;
};

struct Group;
struct Field;

struct Operand : x3::variant<Term, Phrase, x3::forward_ast<Group>, x3::forward_ast<Field>> {
    using base_type::base_type;
    using base_type::operator=;
};

/// What may follow `name:`: a term, a phrase or a parenthesized group (no nested field).
struct Value : x3::variant<Term, Phrase, x3::forward_ast<Group>> {
    using base_type::base_type;
    using base_type::operator=;
};

struct NearTail {
    Range op; ///< "NEAR" or "NEAR/3"
    Operand operand;
};

struct Near {
    Operand first;
    std::vector<NearTail> rest;
};

struct Unary {
    Range prefix; ///< "-", "+", "!", "NOT", or empty
    Near body;
};

struct AndItem {
    Range op; ///< "AND", "&&", or empty for two operands side by side
    Unary operand;
};

struct And {
    Unary first;
    std::vector<AndItem> rest;
};

/// Operands of OR, in order (the OR tokens carry no information).
using Or = std::vector<And>;

struct Group {
    Range open; ///< the '('
    Or body;
};

struct Field {
    Range name; ///< as typed: "org", "ORG", "机构"
    Value value;
};

} // namespace zhisou::query::grammar::syntax
