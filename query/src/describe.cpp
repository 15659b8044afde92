// Xapian prints value-range limits as raw bytes (sortable_serialise); people and golden tests
// read dates better as numbers.

#include <string>

#include <zhisou/query/compile.h>

namespace zhisou::query {
namespace {

/// How Query::get_description() writes a value: escaped as Xapian escapes it.
std::string escaped(const std::string& value) {
    const std::string description =
        Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, value).get_description();
    static const std::string kBefore = "Query(VALUE_GE 0 ";
    return description.substr(kBefore.size(), description.size() - kBefore.size() - 1);
}

} // namespace

std::string describe(const CompiledQuery& compiled) {
    std::string description = compiled.query.get_description();
    for (const auto& [value, number] : compiled.date_values) {
        const std::string from = escaped(value);
        const std::string to = std::to_string(number);
        for (std::size_t at = description.find(from); at != std::string::npos;
             at = description.find(from, at + to.size())) {
            description.replace(at, from.size(), to);
        }
    }
    return description;
}

} // namespace zhisou::query
