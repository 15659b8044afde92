#include "field_suggest.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <zhisou/index/schema.h>

namespace zhisou::query::detail {
namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// URI schemes that look like field names to the edit distance ("data" vs "date").
constexpr std::array<std::string_view, 4> kSchemes{"data", "mailto", "tel", "urn"};

} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance over three rows.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1])) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        before.swap(previous);
        previous.swap(current);
    }
    return previous[b.size()];
}

std::optional<std::string> misspelled_field(std::string_view term) {
    const std::size_t colon = term.find(':');
    if (colon == std::string_view::npos || colon < 3 || colon + 1 >= term.size()) {
        return std::nullopt;
    }
    const std::string_view name = term.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), is_ascii_letter))
        return std::nullopt;
    if (term.substr(colon + 1).starts_with("//"))
        return std::nullopt; // a URL
    std::string lowered(name);
    for (char& c : lowered)
        c = lower(c);
    if (std::find(kSchemes.begin(), kSchemes.end(), lowered) != kSchemes.end()) {
        return std::nullopt;
    }
    const std::size_t allowed = name.size() >= 5 ? 2 : 1;

    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    const auto consider = [&](std::string_view candidate, std::string_view canonical) {
        if (candidate.empty() ||
            !std::all_of(candidate.begin(), candidate.end(), is_ascii_letter)) {
            return;
        }
        const std::size_t distance = edit_distance(name, candidate);
        if (distance < best_distance && distance < candidate.size()) {
            best_distance = distance;
            best = std::string(canonical);
        }
    };
    for (const auto& field : schema::kFields) {
        consider(field.name, field.name);
        for (const auto alias : field.aliases)
            consider(alias, field.name);
    }
    return best;
}

} // namespace zhisou::query::detail
