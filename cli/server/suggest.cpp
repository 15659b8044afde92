// Completions: field names from schema::kFields, orgs from the built-in gazetteer, values and
// words from the index's term list (Xapian keeps it sorted, so a prefix is one seek).

#include "suggest.h"

#include <algorithm>
#include <limits>
#include <utility>

#include <zhisou/index/gazetteer.h>
#include <zhisou/index/schema.h>
#include <zhisou/text/normalize.h>

namespace zhisou::server {
namespace {

/// Terms looked at per prefix; a one-letter prefix of a large index has many thousands.
constexpr std::size_t kMaxTermsScanned = 4000;
constexpr std::size_t kMaxFieldSuggestions = 3;
constexpr std::size_t kMaxOrgSuggestions = 4;

const text::Normalizer& normalizer() {
    static const text::Normalizer instance;
    return instance;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

/// Splits off the last word: after the last ASCII space or ideographic space (U+3000).
std::pair<std::string_view, std::string_view> split_last_word(std::string_view query) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < query.size(); ++i) {
        if (query[i] == ' ' || query[i] == '\t') {
            start = i + 1;
        } else if (query.substr(i, 3) == "\xE3\x80\x80") {
            start = i + 3;
            i += 2;
        }
    }
    return {query.substr(0, start), query.substr(start)};
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

/// Unprefixed index terms (words) or the values of one boolean field, by document frequency.
std::vector<std::pair<std::string, Xapian::doccount>>
terms_with_prefix(const Xapian::Database& db, const std::string& term_prefix,
                  const std::string& start, bool words_only) {
    std::vector<std::pair<std::string, Xapian::doccount>> found;
    const std::string seek = term_prefix + start;
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(seek); it != db.allterms_end(seek); ++it) {
        if (++scanned > kMaxTermsScanned)
            break;
        const std::string term = *it;
        std::string value = term.substr(term_prefix.size());
        // A field prefix is capital letters; a word never starts with one (terms are folded).
        if (value.empty() || (words_only && value[0] >= 'A' && value[0] <= 'Z'))
            continue;
        found.emplace_back(std::move(value), it.get_termfreq());
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return found;
}

std::string quoted_if_needed(const std::string& value) {
    if (value.find_first_of(" \t()\"") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char c : value) {
        if (c != '"')
            out += c;
    }
    return out + "\"";
}

class Collector {
public:
    Collector(std::string_view before, std::size_t limit) : m_before(before), m_limit(limit) {}

    bool full() const { return m_out.size() >= m_limit; }

    void add(std::string kind, const std::string& completed, std::string label,
             std::string detail) {
        if (full())
            return;
        std::string text = std::string(m_before) + completed;
        for (const Suggestion& s : m_out) {
            if (s.text == text)
                return;
        }
        m_out.push_back({std::move(kind), std::move(text), std::move(label), std::move(detail)});
    }

    std::vector<Suggestion> take() { return std::move(m_out); }

private:
    std::string_view m_before;
    std::size_t m_limit;
    std::vector<Suggestion> m_out;
};

struct FoldedAlias {
    std::string folded;
    std::string alias;
    const index::Org* org;
};

/// Every alias of the built-in gazetteer, normalized once per process.
const std::vector<FoldedAlias>& folded_aliases() {
    static const std::vector<FoldedAlias> table = [] {
        std::vector<FoldedAlias> out;
        for (const index::Org& org : index::Gazetteer::builtin().orgs()) {
            out.push_back({org.id, org.id, &org});
            for (const std::string& alias : org.aliases)
                out.push_back({normalizer().normalize(alias), alias, &org});
        }
        return out;
    }();
    return table;
}

void add_orgs(Collector& out, std::string_view typed, const std::string& field,
              std::size_t at_most) {
    const std::string folded = normalizer().normalize(typed);
    std::vector<const index::Org*> seen;
    for (const FoldedAlias& entry : folded_aliases()) {
        if (seen.size() >= at_most || out.full())
            break;
        if (!starts_with(entry.folded, folded) ||
            std::find(seen.begin(), seen.end(), entry.org) != seen.end())
            continue;
        seen.push_back(entry.org);
        out.add("org", field + ":" + entry.org->id, entry.org->name, entry.alias);
    }
}

void add_field_values(Collector& out, const Xapian::Database& db, const schema::FieldSpec& field,
                      std::string_view typed, const std::string& field_typed) {
    if (field.name == "org") {
        add_orgs(out, typed, field_typed, std::numeric_limits<std::size_t>::max());
        return;
    }
    // Ids are paths: listing them would show the file system layout to anyone asking.
    if (field.kind != schema::FieldKind::Boolean || field.prefix.empty() || field.name == "id")
        return;
    const std::string folded = normalizer().normalize(typed);
    for (const auto& [value, count] :
         terms_with_prefix(db, std::string(field.prefix), folded, false)) {
        out.add("value", field_typed + ":" + quoted_if_needed(value), value,
                std::to_string(count) + " documents");
    }
}

} // namespace

std::vector<Suggestion> suggest(const Xapian::Database& database, std::string_view query,
                                std::size_t limit) {
    const auto [before, word] = split_last_word(query);
    Collector out(before, limit);
    if (word.empty() || limit == 0)
        return out.take();

    if (const std::size_t colon = word.find(':'); colon != std::string_view::npos) {
        const std::string_view field_typed = word.substr(0, colon);
        if (const schema::FieldSpec* field = schema::find_field(field_typed))
            add_field_values(out, database, *field, word.substr(colon + 1),
                             std::string(field_typed));
        return out.take();
    }

    const std::string lower = ascii_lower(word);
    std::size_t fields = 0;
    for (const schema::FieldSpec& field : schema::kFields) {
        if (fields >= kMaxFieldSuggestions)
            break;
        if (starts_with(field.name, lower)) {
            out.add("field", std::string(field.name) + ":", std::string(field.name) + ":",
                    std::string(field.help));
            ++fields;
            continue;
        }
        for (std::string_view alias : field.aliases) {
            if (!alias.empty() && starts_with(alias, lower)) {
                out.add("field", std::string(alias) + ":", std::string(alias) + ":",
                        std::string(field.name) + ": " + std::string(field.help));
                ++fields;
                break;
            }
        }
    }
    add_orgs(out, word, "org", kMaxOrgSuggestions);
    const std::string folded = normalizer().normalize(word);
    for (const auto& [term, count] : terms_with_prefix(database, "", folded, true))
        out.add("term", term, term, std::to_string(count) + " documents");
    return out.take();
}

} // namespace zhisou::server
