// Fields: org (gazetteer), the boolean filters, is:, date: and mentioned:, saved:.
// Each follows schema.h, so a query finds exactly what the writer indexed.

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <utility>

#include <zhisou/index/gazetteer.h>
#include <zhisou/index/writer.h>
#include <zhisou/query/limits.h>
#include <zhisou/query/parse.h>

#include "compiler.h"
#include "date_value.h"

namespace zhisou::query::detail {
namespace {

using Q = Xapian::Query;
using namespace std::chrono;

constexpr std::array<std::string_view, 3> kFlags{"repaired", "damaged", "undated"};

struct LangAlias {
    std::string_view name; ///< as normalize_field_value leaves it (Simplified, lower case)
    std::array<std::string_view, 2> codes;
};
// Languages by the names people type; the index stores en, zh-hans, zh-hant, mixed.
constexpr std::array kLangAliases{
    LangAlias{"zh", {"zh-hans", "zh-hant"}},
    LangAlias{"chinese", {"zh-hans", "zh-hant"}},
    LangAlias{"中文", {"zh-hans", "zh-hant"}},
    LangAlias{"english", {"en", ""}},
    LangAlias{"英文", {"en", ""}},
    LangAlias{"英语", {"en", ""}},
    LangAlias{"简体", {"zh-hans", ""}},
    LangAlias{"zh-cn", {"zh-hans", ""}},
    LangAlias{"繁体", {"zh-hant", ""}},
    LangAlias{"zh-tw", {"zh-hant", ""}},
};

Part filter(Q query) {
    return {std::move(query), true, false};
}

/// Code points before a Term's or Phrase's text inside its span (the opening quote).
std::size_t text_offset(const ast::Node& node) {
    return node.kind == ast::NodeKind::Phrase ? 1 : 0;
}

} // namespace

sys_days Compiler::today() {
    if (!m_today)
        m_today = m_context.today ? m_context.today() : query::local_today();
    return *m_today;
}

std::string Compiler::date_value(double number) {
    std::string serialized = Xapian::sortable_serialise(number);
    m_values.emplace(serialized, static_cast<int>(number));
    return serialized;
}

Part Compiler::field_node(const ast::Node& node) {
    const schema::FieldSpec* field = schema::find_field(node.text);
    const ast::Node& value = node.children.front();
    if (field->kind == schema::FieldKind::Saved) {
        if (value.kind != ast::NodeKind::Term && value.kind != ast::NodeKind::Phrase) {
            throw error("saved: takes the name of one saved query", value.span);
        }
        return saved(value);
    }
    return this->node(value, field);
}

Part Compiler::org_leaf(const ast::Node& node) {
    if (node.kind == ast::NodeKind::Wildcard) {
        throw error("org: takes a name or alias, not a wildcard", node.span);
    }
    const index::Org* org = m_context.gazetteer.find(node.text);
    if (org != nullptr) {
        note(fmt::format("org:{} → {} ({})", node.text, org->id, org->name));
        return scored_org(org->id);
    }
    const std::vector<std::string> suggestions = m_context.gazetteer.suggest(node.text);
    if (suggestions.empty() && m_context.unknown_org_as_text) {
        warn(fmt::format("org:{} is not a known organization; searched as text", node.text));
        return text_leaf(node, {});
    }
    if (suggestions.empty()) {
        throw error(
            fmt::format("unknown org '{}': no organization has this name or alias", node.text),
            node.span, text_offset(node), {"org"});
    }
    throw error(
        fmt::format("unknown org '{}'; did you mean {}?", node.text, fmt::join(suggestions, ", ")),
        node.span, text_offset(node), suggestions);
}

Part Compiler::scored_org(const std::string& id) {
    // Org terms carry the mention count as wdf, so they rank documents about the org higher:
    // a weighted term, not a filter.
    return {Q(std::string(schema::kOrgPrefix) + id), false, false};
}

Part Compiler::boolean_leaf(const ast::Node& node, const schema::FieldSpec& field) {
    const bool is_id = field.prefix == schema::kIdPrefix;
    // Ids are indexed as written (paths); the other values normalized.
    const std::string value = is_id ? node.text : index::normalize_field_value(node.text);
    if (value.empty()) {
        throw error(fmt::format("empty value for {}:", field.name), node.span, 0, {"value"});
    }
    if (node.kind == ast::NodeKind::Wildcard) {
        std::string pattern = is_id ? index::id_term(value) : std::string(field.prefix) + value;
        return filter(
            Q(Q::OP_WILDCARD, pattern, limits::kMaxWildcardExpansion, Q::WILDCARD_LIMIT_ERROR));
    }
    return filter(Q(is_id ? index::id_term(value) : std::string(field.prefix) + value));
}

Part Compiler::lang_leaf(const ast::Node& node) {
    const std::string value = index::normalize_field_value(node.text);
    for (const LangAlias& alias : kLangAliases) {
        if (alias.name != value)
            continue;
        std::vector<Q> codes;
        for (const std::string_view code : alias.codes) {
            if (!code.empty())
                codes.emplace_back(std::string(schema::kLangPrefix) + std::string(code));
        }
        return filter(codes.size() == 1 ? codes.front() : Q(Q::OP_OR, codes.begin(), codes.end()));
    }
    if (value.empty())
        throw error("empty value for lang:", node.span, 0, {"value"});
    return filter(Q(std::string(schema::kLangPrefix) + value));
}

Part Compiler::flag_leaf(const ast::Node& node) {
    std::string value = index::normalize_field_value(node.text);
    if (std::find(kFlags.begin(), kFlags.end(), value) == kFlags.end()) {
        throw error(fmt::format("is: takes repaired, damaged or undated, not '{}'", node.text),
                    node.span, text_offset(node), {"repaired", "damaged", "undated"});
    }
    return filter(Q(std::string(schema::kFlagPrefix) + value));
}

Part Compiler::date_leaf(const ast::Node& node, const schema::FieldSpec& field) {
    if (node.kind == ast::NodeKind::Wildcard) {
        throw error(fmt::format("{}: takes a date or a range, not a wildcard", field.name),
                    node.span);
    }
    DateBounds bounds;
    try {
        bounds = parse_date_value(node.text, today());
    } catch (const DateValueError& e) {
        throw error(e.what(), node.span, text_offset(node) + e.offset, {e.expected});
    }
    const std::string from = bounds.from ? iso_date(*bounds.from) : "";
    const std::string until = bounds.until ? iso_date(*bounds.until) : "";
    if (field.prefix == schema::kMentionedPrefix) {
        const sys_days first = bounds.from.value_or(sys_days{year{1900} / January / 1});
        const sys_days last = bounds.until.value_or(sys_days{year{2100} / December / 31});
        note(fmt::format("{}:{} → mentions a date within {}..{}", field.name, node.text,
                         iso_date(first), iso_date(last)));
        return filter(mentioned_terms(first, last, node));
    }
    // A document matches when its whole period lies inside the bounds: a document dated
    // only "2025" is not inside date:2025-03, and one dated "2025-03" is inside date:2025.
    std::vector<Q> parts;
    if (bounds.from) {
        parts.emplace_back(Q::OP_VALUE_GE, schema::kSlotDateFirst,
                           date_value(yyyymmdd(*bounds.from)));
    }
    if (bounds.until) {
        parts.emplace_back(Q::OP_VALUE_LE, schema::kSlotDateLast,
                           date_value(yyyymmdd(*bounds.until)));
    }
    if (bounds.from && bounds.until) {
        note(fmt::format("{}:{} → dated within {}..{}", field.name, node.text, from, until));
    } else if (bounds.from) {
        note(fmt::format("{}:{} → dated from {} on", field.name, node.text, from));
    } else {
        note(fmt::format("{}:{} → dated until {}", field.name, node.text, until));
    }
    return filter(parts.size() == 1 ? parts.front() : Q(Q::OP_AND, parts.begin(), parts.end()));
}

Xapian::Query Compiler::mentioned_terms(sys_days from, sys_days until, const ast::Node& node) {
    // Mentioned dates are indexed as XM+YYYY, XM+YYYYMM and XM+YYYYMMDD, as precise as
    // written; a period is covered by whole years, then whole months, then days.
    std::vector<Q> terms;
    const std::string prefix(schema::kMentionedPrefix);
    sys_days day = from;
    while (day <= until) {
        const year_month_day ymd{day};
        const int y = int{ymd.year()};
        const unsigned m = unsigned{ymd.month()};
        const sys_days month_end{ymd.year() / ymd.month() / last};
        const sys_days year_end{ymd.year() / December / 31};
        if (ymd.day() == std::chrono::day{1} && m == 1 && year_end <= until) {
            terms.emplace_back(prefix + fmt::format("{:04d}", y));
            day = year_end + days{1};
        } else if (ymd.day() == std::chrono::day{1} && month_end <= until) {
            terms.emplace_back(prefix + fmt::format("{:04d}{:02d}", y, m));
            day = month_end + days{1};
        } else {
            terms.emplace_back(prefix +
                               fmt::format("{:04d}{:02d}{:02d}", y, m, unsigned{ymd.day()}));
            day += days{1};
        }
        if (terms.size() > limits::kMaxMentionedTerms) {
            throw error(fmt::format("this range needs more than {} year, month and day terms; "
                                    "use whole months or years",
                                    limits::kMaxMentionedTerms),
                        node.span);
        }
    }
    if (terms.size() == 1)
        return terms.front();
    return Q(Q::OP_OR, terms.begin(), terms.end());
}

Part Compiler::saved(const ast::Node& node) {
    const std::string& name = node.text;
    if (!m_context.saved_query) {
        throw error("saved queries are not available here (no index is open)", node.span);
    }
    std::string path;
    for (const SavedFrame& frame : m_saved)
        path += frame.name + " → ";
    path += name;
    // Reported at the outermost saved:NAME, with the whole chain.
    const std::size_t column = (m_saved.empty() ? node.span : m_saved.front().span).begin + 1;
    const bool cycle = std::any_of(m_saved.begin(), m_saved.end(),
                                   [&](const SavedFrame& frame) { return frame.name == name; });
    if (cycle) {
        throw ParseError(fmt::format("saved queries refer to each other in a cycle: {}", path),
                         m_query, column);
    }
    if (m_saved.size() >= limits::kMaxSavedDepth) {
        throw ParseError(
            fmt::format("saved queries nest more than {} deep: {}", limits::kMaxSavedDepth, path),
            m_query, column);
    }
    const std::optional<std::string> stored = m_context.saved_query(name);
    if (!stored) {
        throw error(fmt::format("no saved query named '{}'", name), node.span, text_offset(node));
    }
    ast::Query inner;
    try {
        inner = parse(*stored);
    } catch (const ParseError& e) {
        throw error(fmt::format("saved query '{}' does not parse: {} (column {} of \"{}\")", name,
                                e.message(), e.column(), *stored),
                    node.span);
    }
    note(fmt::format("saved:{} → {}", name, ast::to_string(inner)));
    m_saved.push_back({name, node.span});
    // Errors inside are reported at this saved:NAME (Compiler::error), so spans into the
    // stored text never meet the outer query.
    Part part = this->node(inner.root, nullptr);
    m_saved.pop_back();
    return part;
}

} // namespace zhisou::query::detail
