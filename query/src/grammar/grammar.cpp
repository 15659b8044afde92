// The only file that compiles the grammar: one instantiation for the one iterator and
// context type in config.h.

#include "grammar/grammar.h"

#include "grammar/config.h"
#include "grammar/grammar_def.h"

namespace zhisou::query::grammar {

BOOST_SPIRIT_INSTANTIATE(query_type, iterator_type, context_type)

const query_type& query_rule() {
    return whole_query;
}

} // namespace zhisou::query::grammar
