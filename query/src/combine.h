#pragma once
// Internal: joins subqueries with AND or OR, splicing in subqueries that already use the
// same operator, so descriptions read (a AND b AND c) rather than (a AND (b AND c)).

#include <vector>
#include <xapian.h>

namespace zhisou::query::detail {

/// `op` is OP_AND or OP_OR; one part is returned as it is, none gives Query().
[[nodiscard]] inline Xapian::Query combine(Xapian::Query::op op,
                                           const std::vector<Xapian::Query>& parts) {
    if (parts.empty())
        return {};
    if (parts.size() == 1)
        return parts.front();
    std::vector<Xapian::Query> flat;
    flat.reserve(parts.size());
    for (const Xapian::Query& part : parts) {
        if (part.get_type() == op) {
            for (std::size_t i = 0; i < part.get_num_subqueries(); ++i) {
                flat.push_back(part.get_subquery(i));
            }
        } else {
            flat.push_back(part);
        }
    }
    return Xapian::Query(op, flat.begin(), flat.end());
}

} // namespace zhisou::query::detail
