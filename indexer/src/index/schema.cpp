#include <algorithm>
#include <cctype>
#include <fmt/format.h>

#include <zhisou/error.h>
#include <zhisou/index/schema.h>

namespace zhisou::schema {

namespace {

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

const FieldSpec* find_field(std::string_view name) noexcept {
    for (const auto& field : kFields) {
        if (equal_ignoring_ascii_case(field.name, name))
            return &field;
        for (const auto alias : field.aliases) {
            if (!alias.empty() && equal_ignoring_ascii_case(alias, name))
                return &field;
        }
    }
    return nullptr;
}

void require_current_schema(const Xapian::Database& db, std::string_view where) {
    const std::string stored = db.get_metadata(std::string(kMetaSchema));
    if (stored.empty() || db.get_doccount() == 0)
        return;
    const std::string current = std::to_string(kIndexSchemaVersion);
    if (stored == current)
        return;
    throw InputError(fmt::format(
        "the index '{}' was written in index format {} and this zhisou reads format {}; rebuild "
        "it from its sources: zhisou index --rebuild --index '{}' SOURCES... (saved queries are "
        "kept)",
        where, stored, current, where));
}

} // namespace zhisou::schema
