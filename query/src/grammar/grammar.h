#pragma once
// Internal: the public face of the grammar: the rule that parses a whole query, declared
// here and defined in grammar_def.h, compiled once in grammar.cpp.

#include <boost/spirit/home/x3.hpp>

#include "grammar/syntax_tree.h"

namespace zhisou::query::grammar {

namespace x3 = boost::spirit::x3;

struct query_class;
using query_type = x3::rule<query_class, syntax::Or>;
BOOST_SPIRIT_DECLARE(query_type)

/// The whole-query rule: an OR-expression followed by the end of input.
/// Throws x3::expectation_failure<syntax::Iterator> where the input cannot continue.
[[nodiscard]] const query_type& query_rule();

} // namespace zhisou::query::grammar
