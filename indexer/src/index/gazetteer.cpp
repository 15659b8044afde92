// The organization gazetteer: loads orgs.tsv tables, resolves aliases in any script or case,
// finds org mentions in text and suggests ids for misspelled names.
#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <zhisou/error.h>
#include <zhisou/index/gazetteer.h>
#include <zhisou/text/normalize.h>
#include <zhisou/text/utf8.h>

#include "embedded_zhisou_indexer.h"
#include "index/gazetteer_chars.h"
#include "index/gazetteer_matcher.h"
#include "index/gazetteer_table.h"

namespace zhisou::index {

namespace {

using gazetteer::kNoOrg;

/// Far beyond any real table (the built-in one is ~20 KB); guards against a wrong file.
constexpr std::uintmax_t kMaxTableBytes = 64U * 1024U * 1024U;
/// Longer names are not typos of an org name; also bounds the quadratic edit distance.
constexpr std::size_t kMaxSuggestCodePoints = 100;

const text::Normalizer& normalizer() {
    static const text::Normalizer instance;
    return instance;
}

/// The form aliases are compared in: the project's normalization (NFKC, case folding,
/// Traditional -> Simplified), ASCII lower-cased, runs of spaces made one space.
std::string normalize_key(std::string_view alias) {
    std::string normalized = normalizer().normalize(alias);
    gazetteer::ascii_lower(normalized);
    std::string key;
    key.reserve(normalized.size());
    for (const char c : normalized) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space) {
            key.push_back(c);
        } else if (!key.empty() && key.back() != ' ') {
            key.push_back(' ');
        }
    }
    if (!key.empty() && key.back() == ' ') {
        key.pop_back();
    }
    return key;
}

/// A looser key for find(): only letters, digits and non-ASCII characters, so that
/// "zhipu-ai", "ZhipuAI" and "zhipu_ai" find the alias "Zhipu AI".
std::string squash_key(std::string_view key) {
    std::string squashed;
    for (const char c : key) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            squashed.push_back(c);
        }
    }
    return squashed;
}

/// Levenshtein distance over code points.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// What one normalized alias stands for, and where it was first defined (for conflicts).
struct KeyInfo {
    std::int32_t target = kNoOrg;
    bool any_form = false;
    std::vector<std::string> shapes;
    std::string defined_at;
};

} // namespace

struct Gazetteer::Impl {
    std::vector<Org> orgs;
    std::unordered_map<std::string, std::size_t> by_id;
    std::unordered_map<std::string, KeyInfo> keys;          ///< normalized alias -> org
    std::unordered_map<std::string, std::int32_t> squashed; ///< squashed key -> org, -2 = ambiguous
    gazetteer::Matcher matcher;

    void add_rows(const std::vector<gazetteer::TableRow>& rows, std::string_view origin);
    void add_alias(const gazetteer::AliasSpec& alias, std::int32_t target, std::string_view origin,
                   std::size_t line);
    void rebuild();
};

void Gazetteer::Impl::add_rows(const std::vector<gazetteer::TableRow>& rows,
                               std::string_view origin) {
    for (const gazetteer::TableRow& row : rows) {
        std::int32_t target = kNoOrg;
        if (row.id != gazetteer::kFalseFriendId) {
            auto found = by_id.find(row.id);
            if (found == by_id.end()) {
                found = by_id.emplace(row.id, orgs.size()).first;
                orgs.push_back(Org{row.id, row.name, {}});
            }
            target = static_cast<std::int32_t>(found->second);
        }
        for (const gazetteer::AliasSpec& alias : row.aliases) {
            add_alias(alias, target, origin, row.line);
        }
    }
}

void Gazetteer::Impl::add_alias(const gazetteer::AliasSpec& alias, std::int32_t target,
                                std::string_view origin, std::size_t line) {
    const std::string key = normalize_key(alias.text);
    const bool has_content = std::any_of(key.begin(), key.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') ||
               (c >= '0' && c <= '9');
    });
    if (!has_content) {
        throw InputError(
            fmt::format("{}:{}: alias '{}' has no letters or digits", origin, line, alias.text));
    }
    auto [entry, inserted] = keys.try_emplace(key);
    KeyInfo& info = entry->second;
    if (inserted) {
        info.target = target;
        info.any_form = !alias.as_written;
        info.defined_at = fmt::format("{}:{}", origin, line);
    } else if (info.target != target) {
        const auto describe = [this](std::int32_t org) {
            return org == kNoOrg ? std::string("the false friends (id '-')")
                                 : fmt::format("org '{}'", orgs[static_cast<std::size_t>(org)].id);
        };
        throw InputError(fmt::format(
            "{}:{}: alias '{}' is already used by {} (defined at {}); one alias can name only "
            "one org: remove it from one of the two rows",
            origin, line, alias.text, describe(info.target), info.defined_at));
    }
    // Repeating a known alias without '=' (typically the display name) keeps what the table
    // already says about its written form; a further '=' form adds one more accepted shape.
    if (alias.as_written) {
        std::string shape = gazetteer::written_shape(alias.text);
        if (std::find(info.shapes.begin(), info.shapes.end(), shape) == info.shapes.end()) {
            info.shapes.push_back(std::move(shape));
        }
    }
    if (target != kNoOrg) {
        auto& aliases = orgs[static_cast<std::size_t>(target)].aliases;
        if (std::find(aliases.begin(), aliases.end(), alias.text) == aliases.end()) {
            aliases.push_back(alias.text);
        }
    }
}

void Gazetteer::Impl::rebuild() {
    squashed.clear();
    std::vector<gazetteer::MatchKey> match_keys;
    match_keys.reserve(keys.size());
    for (const auto& [key, info] : keys) {
        match_keys.push_back({key, info.target, info.any_form, info.shapes});
        if (info.target == kNoOrg) {
            continue;
        }
        auto [entry, inserted] = squashed.try_emplace(squash_key(key), info.target);
        if (!inserted && entry->second != info.target) {
            entry->second = -2;
        }
    }
    matcher = gazetteer::Matcher(std::move(match_keys));
}

Gazetteer::Gazetteer() : m_impl(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(const Gazetteer& other) : m_impl(std::make_unique<Impl>(*other.m_impl)) {}
Gazetteer& Gazetteer::operator=(const Gazetteer& other) {
    if (this != &other) {
        m_impl = std::make_unique<Impl>(*other.m_impl);
    }
    return *this;
}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

const Gazetteer& Gazetteer::builtin() {
    static const Gazetteer instance = [] {
        Gazetteer gazetteer;
        gazetteer.add_table(data::orgs_tsv(), "orgs.tsv (built in)");
        return gazetteer;
    }();
    return instance;
}

void Gazetteer::add_table(std::string_view tsv, std::string_view origin) {
    const std::vector<gazetteer::TableRow> rows = gazetteer::parse_table(tsv, origin);
    // Work on a copy so a bad row leaves the gazetteer as it was.
    auto updated = std::make_unique<Impl>(*m_impl);
    updated->add_rows(rows, origin);
    updated->rebuild();
    m_impl = std::move(updated);
}

void Gazetteer::add_file(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw InputError(fmt::format("the org table '{}' is a directory; give the path of a "
                                     "tab-separated file (id, name, aliases)",
                                     path.string()));
    }
    if (const auto size = std::filesystem::file_size(path, error);
        !error && size > kMaxTableBytes) {
        throw InputError(fmt::format("the org table '{}' is {} bytes; an org table is plain "
                                     "text of at most {} bytes (is it the right file?)",
                                     path.string(), size, kMaxTableBytes));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(fmt::format("cannot read the org table '{}': check that the file "
                                     "exists and is readable",
                                     path.string()));
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) {
        throw InputError(fmt::format("error while reading the org table '{}'", path.string()));
    }
    add_table(contents.str(), path.string());
}

const Org* Gazetteer::find(std::string_view alias) const {
    const std::string key = normalize_key(alias);
    if (key.empty()) {
        return nullptr;
    }
    if (const auto found = m_impl->keys.find(key);
        found != m_impl->keys.end() && found->second.target != kNoOrg) {
        return &m_impl->orgs[static_cast<std::size_t>(found->second.target)];
    }
    if (const Org* org = by_id(key)) {
        return org;
    }
    if (const auto found = m_impl->squashed.find(squash_key(key));
        found != m_impl->squashed.end() && found->second >= 0) {
        return &m_impl->orgs[static_cast<std::size_t>(found->second)];
    }
    return nullptr;
}

const Org* Gazetteer::by_id(std::string_view id) const {
    const auto found = m_impl->by_id.find(std::string(id));
    return found == m_impl->by_id.end() ? nullptr : &m_impl->orgs[found->second];
}

std::vector<OrgMention> Gazetteer::find_mentions(std::string_view text) const {
    // NFKC_Casefold already lower-cases, so the text is matched as the normalizer returns it.
    const text::NormalizedText normalized = normalizer().normalize_mapped(text);
    std::vector<OrgMention> mentions;
    for (const gazetteer::KeyMatch& match : m_impl->matcher.scan(normalized, text)) {
        mentions.push_back(
            {&m_impl->orgs[static_cast<std::size_t>(match.target)], match.begin, match.end});
    }
    return mentions;
}

std::vector<std::string> Gazetteer::suggest(std::string_view name, std::size_t limit) const {
    const std::u32string wanted = text::utf8::to_code_points(normalize_key(name));
    if (wanted.empty() || wanted.size() > kMaxSuggestCodePoints || limit == 0) {
        return {};
    }
    // Close enough to be a typo: one edit per three characters, at least one, at most three.
    const std::size_t max_distance = std::clamp<std::size_t>(wanted.size() / 3, 1, 3);

    // Best candidate per org: (distance, not-an-id, text); at equal rank the form listed first
    // in the table wins (Simplified before Traditional).
    using Candidate = std::tuple<std::size_t, bool, std::string>;
    std::vector<std::optional<Candidate>> best(m_impl->orgs.size());
    const auto consider = [&](std::size_t org, std::string_view written, bool is_id) {
        const std::size_t distance =
            edit_distance(wanted, text::utf8::to_code_points(is_id ? std::string(written)
                                                                   : normalize_key(written)));
        if (distance > max_distance || distance >= wanted.size()) {
            return;
        }
        const std::pair rank(distance, !is_id);
        if (!best[org] || rank < std::pair(std::get<0>(*best[org]), std::get<1>(*best[org]))) {
            best[org] = Candidate{distance, !is_id, std::string(written)};
        }
    };
    for (std::size_t org = 0; org < m_impl->orgs.size(); ++org) {
        consider(org, m_impl->orgs[org].id, true);
        for (const std::string& alias : m_impl->orgs[org].aliases) {
            consider(org, alias, false);
        }
    }
    std::vector<Candidate> ranked;
    for (auto& candidate : best) {
        if (candidate) {
            ranked.push_back(std::move(*candidate));
        }
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> suggestions;
    for (auto& candidate : ranked) {
        if (suggestions.size() == limit) {
            break;
        }
        suggestions.push_back(std::move(std::get<2>(candidate)));
    }
    return suggestions;
}

const std::vector<Org>& Gazetteer::orgs() const {
    return m_impl->orgs;
}

} // namespace zhisou::index
