#include "search_ranking.h"

#include <fmt/format.h>

#include <zhisou/index/schema.h>

namespace zhisou::query::detail {

Xapian::Query rank(const CompiledQuery& compiled, const ast::Query& /*parsed*/,
                   const Xapian::Database& /*database*/) {
    return compiled.query;
}

Xapian::BM25Weight weighting() {
    return Xapian::BM25Weight();
}

std::vector<std::string> why(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit,
                             const CompiledQuery& /*compiled*/) {
    std::vector<std::string> out;
    for (auto it = enquire.get_matching_terms_begin(hit); it != enquire.get_matching_terms_end(hit);
         ++it) {
        out.push_back(*it);
    }
    return out;
}

std::string did_you_mean(const ast::Query& /*parsed*/, const Xapian::Database& /*db*/) {
    return {};
}

} // namespace zhisou::query::detail
