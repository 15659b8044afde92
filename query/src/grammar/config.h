#pragma once
// Internal: the one iterator and context type the grammar is instantiated for. grammar.cpp
// and every caller must agree on these, or the link fails with "undefined parse_rule".

#include <boost/spirit/home/x3.hpp>

#include "grammar/syntax_tree.h"

namespace zhisou::query::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = syntax::Iterator;
using skipper_type = x3::ascii::space_type;
using context_type = x3::phrase_parse_context<skipper_type>::type;

} // namespace zhisou::query::grammar
