#pragma once
// Internal: the query grammar in Spirit X3 (docs/query-language.md has the same grammar in
// EBNF). Included only by grammar.cpp, which instantiates it once.
//
// The text arrives syntax-normalized (source_text.h): full-width punctuation is already
// ASCII, so the grammar only names ASCII operators plus the CJK quote pairs 「」『』.
// Parentheses and quotes are known to be balanced and nested at most limits::kMaxDepth deep
// (prescan.cpp checks before parsing), which bounds the recursion below.

#include <boost/spirit/home/x3.hpp>
#include <string_view>

#include <zhisou/index/schema.h>

#include "grammar/ast_adapted.h"
#include "grammar/grammar.h"
#include "grammar/syntax_tree.h"

namespace zhisou::query::grammar {

namespace x3 = boost::spirit::x3;

// --- Characters --------------------------------------------------------------------------
// ascii:: classes reject bytes >= 0x80, so UTF-8 text is never mistaken for syntax.
const auto space = x3::ascii::space;
const auto digit = x3::ascii::digit;

/// What ends a term: white space, parentheses, opening quotes and the && / || operators.
/// Closing CJK quotes outside a phrase are ordinary text.
const auto delimiter = space | x3::lit('(') | x3::lit(')') | x3::lit('"') | x3::lit("「") |
                       x3::lit("『") | x3::lit("&&") | x3::lit("||");
const auto term_char = x3::char_ - delimiter;
/// A keyword is only a keyword as a whole word: "ORacle" and "or:" are text.
const auto boundary = &delimiter | x3::eoi;

// --- Operators ---------------------------------------------------------------------------
const auto and_op = x3::lexeme[x3::no_case[x3::lit("and")] >> boundary] | x3::lit("&&");
const auto or_op = x3::lexeme[x3::no_case[x3::lit("or")] >> boundary] | x3::lit("||");
const auto not_word = x3::lexeme[x3::no_case[x3::lit("not")] >> boundary];
const auto near_op =
    x3::lexeme[x3::no_case[x3::lit("near")] >> -(x3::lit('/') >> +digit) >> boundary];
/// -, + and ! are operators only when glued to what follows: "- a" and "GPT-4o" are text.
const auto sign = x3::lexeme[(x3::lit('-') | x3::lit('+') | x3::lit('!')) >> !(space | x3::eoi)];
const auto prefix_op = not_word | sign;
const auto keyword = and_op | or_op | not_word | near_op;

// --- Rules -------------------------------------------------------------------------------
// error_handler.cpp turns the name of the rule that was expected into the message.
struct term_class;
struct value_term_class;
struct phrase_class;
struct group_class;
struct field_name_class;
struct field_class;
struct value_class;
struct operand_class;
struct near_tail_class;
struct near_class;
struct prefixed_class;
struct plain_class;
struct unary_class;
struct explicit_item_class;
struct implicit_item_class;
struct and_class;
struct or_class;

const x3::rule<term_class, syntax::Term> term = "term";
const x3::rule<value_term_class, syntax::Term> value_term = "term";
const x3::rule<phrase_class, syntax::Phrase> phrase = "phrase";
const x3::rule<group_class, syntax::Group> group = "group";
const x3::rule<field_name_class, syntax::Range> field_name = "field name";
const x3::rule<field_class, syntax::Field> field = "field";
const x3::rule<value_class, syntax::Value> value = "value";
const x3::rule<operand_class, syntax::Operand> operand = "operand";
const x3::rule<near_tail_class, syntax::NearTail> near_tail = "near operand";
const x3::rule<near_class, syntax::Near> near_expr = "operand";
const x3::rule<prefixed_class, syntax::Unary> prefixed = "prefixed operand";
const x3::rule<plain_class, syntax::Unary> plain = "operand";
const x3::rule<unary_class, syntax::Unary> unary = "operand";
const x3::rule<explicit_item_class, syntax::AndItem> explicit_item = "AND operand";
const x3::rule<implicit_item_class, syntax::AndItem> implicit_item = "operand";
const x3::rule<and_class, syntax::And> and_expr = "operand";
const x3::rule<or_class, syntax::Or> or_expr = "operand";
const query_type whole_query = "query";

const auto set_text = [](auto& context) { x3::_val(context).text = x3::_attr(context); };
// Field names come from the schema table (ASCII case-insensitive, Chinese aliases exact).
// A semantic check rather than x3::symbols: in Boost 1.74 the symbol table orders UTF-8
// bytes as signed chars when adding but as unsigned under no_case when looking up, so
// "org" is not found next to "机构".
const auto check_field_name = [](auto& context) {
    const syntax::Range& name = x3::_attr(context);
    x3::_val(context) = name;
    x3::_pass(context) = schema::find_field(std::string_view(name.begin(), name.size())) != nullptr;
};

const auto term_def = !keyword >> x3::raw[x3::lexeme[+term_char]][set_text];
// A field value may be a word the grammar would otherwise read as an operator: lang:or.
const auto value_term_def = x3::raw[x3::lexeme[+term_char]][set_text];
const auto phrase_def =
    x3::raw[x3::lexeme[(x3::lit('"') > *(x3::char_ - '"') > '"') |
                       (x3::lit("「") > *(x3::char_ - x3::lit("」")) > x3::lit("」")) |
                       (x3::lit("『") > *(x3::char_ - x3::lit("』")) > x3::lit("』"))]][set_text];
const auto group_def = x3::raw[x3::lit('(')] > or_expr > ')';
// The value starts right after the colon: "org: x" is an empty value, not org:x.
const auto value_def = x3::no_skip[!(space | x3::eoi)] >> (group | phrase | value_term);
const auto field_name_def = x3::raw[x3::lexeme[+(term_char - ':')]][check_field_name];
const auto field_def = (field_name >> x3::no_skip[x3::lit(':')]) > value;
const auto operand_def = group | field | phrase | term;
const auto near_tail_def = x3::raw[near_op] > operand;
const auto near_expr_def = operand >> *near_tail;
const auto prefixed_def = x3::raw[prefix_op] > near_expr;
const auto plain_def = x3::raw[x3::eps] >> near_expr;
const auto unary_def = prefixed | plain;
const auto explicit_item_def = x3::raw[and_op] > unary;
const auto implicit_item_def = x3::raw[x3::eps] >> unary;
// Precedence, loosest first: OR, then AND (explicit or by juxtaposition), then NOT and the
// signs, then NEAR, then the operands.
const auto and_expr_def = unary >> *(explicit_item | implicit_item);
const auto or_expr_def = and_expr >> *(or_op > and_expr);
const auto whole_query_def = x3::eps > or_expr > x3::eoi;

BOOST_SPIRIT_DEFINE(term, value_term, phrase, group, value, field_name, field, operand, near_tail,
                    near_expr, prefixed, plain, unary, explicit_item, implicit_item, and_expr,
                    or_expr, whole_query)

} // namespace zhisou::query::grammar
