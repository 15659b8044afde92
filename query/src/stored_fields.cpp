#include "stored_fields.h"

#include <simdjson.h>

#include <zhisou/index/schema.h>
#include <zhisou/index/stored_text.h>

namespace zhisou::query::detail {
namespace {

namespace od = simdjson::ondemand;
using Value = simdjson::simdjson_result<od::value>;

// One parser per thread: it keeps its buffers between documents (a search reads ten).
od::parser& thread_parser() {
    thread_local od::parser parser;
    return parser;
}

void read_string(Value value, std::string& out) {
    std::string_view text;
    if (value.get_string().get(text) == simdjson::SUCCESS)
        out.assign(text);
}

void read_org_ids(Value value, std::vector<std::string>& out) {
    od::array orgs;
    if (value.get_array().get(orgs) != simdjson::SUCCESS)
        return;
    for (auto element : orgs) {
        od::object org;
        if (element.get_object().get(org) != simdjson::SUCCESS)
            continue;
        std::string_view id;
        if (org.find_field_unordered("id").get_string().get(id) == simdjson::SUCCESS)
            out.emplace_back(id);
    }
}

// Calls on_field(key, value) for each member of the top-level object; stops at the first
// syntax error (the fields read so far are kept).
template <typename OnField>
void for_each_field(std::string_view data, OnField on_field) {
    const simdjson::padded_string padded(data);
    od::document document;
    if (thread_parser().iterate(padded).get(document) != simdjson::SUCCESS)
        return;
    od::object object;
    if (document.get_object().get(object) != simdjson::SUCCESS)
        return;
    for (auto member : object) {
        std::string_view key;
        if (member.unescaped_key().get(key) != simdjson::SUCCESS)
            return;
        if (!on_field(key, member.value()))
            return;
    }
}

// The string member `name` of the top-level object, stopping there; empty when it is missing.
std::string read_one_string(std::string_view data, std::string_view name) {
    std::string out;
    for_each_field(data, [&](std::string_view key, Value value) {
        if (key != name)
            return true;
        read_string(value, out);
        return false;
    });
    return out;
}

} // namespace

StoredFields read_stored_fields(std::string_view data) {
    StoredFields out;
    for_each_field(data, [&](std::string_view key, Value value) {
        if (key == "id")
            read_string(value, out.id);
        else if (key == "title")
            read_string(value, out.title);
        else if (key == "date")
            read_string(value, out.date);
        else if (key == "source")
            read_string(value, out.source);
        else if (key == "lang")
            read_string(value, out.lang);
        else if (key == "path")
            read_string(value, out.path);
        else if (key == "url")
            read_string(value, out.url);
        else if (key == "orgs")
            read_org_ids(value, out.orgs);
        return true;
    });
    return out;
}

std::string read_stored_text(const Xapian::Document& doc, std::string_view data) {
    const std::string frame = doc.get_value(schema::kSlotText);
    if (frame.empty())
        return read_one_string(data, "text"); // data version 1 held the body
    return index::decompress_stored_text(frame).value_or(std::string());
}

std::string read_stored_id(std::string_view data) {
    return read_one_string(data, "id");
}

} // namespace zhisou::query::detail
