#pragma once
// Internal: Boost.Fusion adaptation of the syntax tree, so X3 can fill the structs from
// sequences. Only the grammar definition includes this.

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/syntax_tree.h"

BOOST_FUSION_ADAPT_STRUCT(zhisou::query::grammar::syntax::NearTail, op, operand)
BOOST_FUSION_ADAPT_STRUCT(zhisou::query::grammar::syntax::Near, first, rest)
BOOST_FUSION_ADAPT_STRUCT(zhisou::query::grammar::syntax::Unary, prefix, body)
BOOST_FUSION_ADAPT_STRUCT(zhisou::query::grammar::syntax::AndItem, op, operand)
BOOST_FUSION_ADAPT_STRUCT(zhisou::query::grammar::syntax::And, first, rest)
BOOST_FUSION_ADAPT_STRUCT(zhisou::query::grammar::syntax::Group, open, body)
BOOST_FUSION_ADAPT_STRUCT(zhisou::query::grammar::syntax::Field, name, value)
