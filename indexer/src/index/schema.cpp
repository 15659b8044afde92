#include <algorithm>
#include <cctype>

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

} // namespace zhisou::schema
