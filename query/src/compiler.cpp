// The AST walker: boolean operators, NEAR, free text and the choice between boolean and
// ranked mode. Fields are in compile_fields.cpp.

#include "compiler.h"

#include <fmt/format.h>
#include <utility>

#include <zhisou/query/limits.h>
#include <zhisou/text/analyzer.h>

#include "combine.h"

namespace zhisou::query::detail {
namespace {

using Q = Xapian::Query;

/// Plain queries with at least this many words are matched in ranked mode: a strict AND of
/// every word of a pasted question or sentence finds almost nothing.
constexpr std::size_t kRankedMinWords = 6;
/// ...and so are shorter plain questions, ending in '?' or '？', of at least this many words.
constexpr std::size_t kRankedMinQuestionWords = 3;

Part scored(Q query) {
    return {std::move(query), false, false};
}

void collect_terms(const ast::Node& node, std::vector<const ast::Node*>& out) {
    if (node.kind == ast::NodeKind::Term || node.kind == ast::NodeKind::Phrase)
        out.push_back(&node);
    for (const ast::Node& child : node.children)
        collect_terms(child, out);
}

bool ends_with_question_mark(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text.ends_with("?") || text.ends_with("？");
}

} // namespace

Tokens Compiler::analyze(std::string_view text) const {
    return m_context.analyzer.analyze(text, text::AnalyzeMode::Query);
}

CompiledQuery Compiler::run(const ast::Query& query) {
    m_query = query.text;
    if (query.fallback) {
        warn(fmt::format("lenient: the query has a syntax error ({}); searched as plain words",
                         *query.fallback));
    }
    CompiledQuery result;
    if (auto ranked_result = ranked(query)) {
        result = std::move(*ranked_result);
    } else {
        Part part = node(query.root, nullptr);
        if (part.empty) {
            warn("the query has no words to search for; it matches nothing");
            part.query = Q();
        } else if (part.filter) {
            part.query = Q(Q::OP_SCALE_WEIGHT, part.query, 0); // filters only: no ranking
        }
        result.query = std::move(part.query);
        result.mode = MatchMode::Boolean;
    }
    result.notes = std::move(m_notes);
    result.warnings = std::move(m_warnings);
    result.highlight_terms = std::move(m_highlight);
    result.date_values = std::move(m_values);
    return result;
}

std::optional<CompiledQuery> Compiler::ranked(const ast::Query& query) {
    if (!query.plain_text)
        return std::nullopt;
    std::vector<const ast::Node*> terms;
    collect_terms(query.root, terms);
    std::vector<Tokens> analyzed;
    std::size_t words = 0;
    for (const ast::Node* term : terms) {
        analyzed.push_back(analyze(term->text));
        words += count_words(analyzed.back());
    }
    const bool question = ends_with_question_mark(query.text);
    if (words < kRankedMinWords && !(question && words >= kRankedMinQuestionWords)) {
        return std::nullopt;
    }
    std::vector<std::string> names;
    for (const Tokens& tokens : analyzed) {
        append_ranked_terms(tokens, names);
        append_highlight_terms(tokens, m_highlight);
    }
    std::vector<Q> parts;
    parts.reserve(names.size());
    for (const std::string& name : names)
        parts.emplace_back(name);
    CompiledQuery result;
    result.query = combine(Q::OP_OR, parts);
    result.mode = MatchMode::Ranked;
    note(fmt::format("ranked: {} words and no operators, so documents matching most of them rank "
                     "first instead of requiring all of them",
                     words));
    return result;
}

Part Compiler::node(const ast::Node& node, const schema::FieldSpec* field) {
    switch (node.kind) {
    case ast::NodeKind::And:
        return and_node(node, field);
    case ast::NodeKind::Or:
        return or_node(node, field);
    case ast::NodeKind::Not:
        return not_node(node, field);
    case ast::NodeKind::Near:
        return near_node(node, field);
    case ast::NodeKind::Field:
        return field_node(node);
    case ast::NodeKind::Term:
    case ast::NodeKind::Phrase:
    case ast::NodeKind::Wildcard:
        return leaf(node, field);
    }
    return {};
}

Part Compiler::negated(const ast::Node& node, const schema::FieldSpec* field) {
    ++m_negated;
    Part part = this->node(node.children.front(), field);
    --m_negated;
    return part;
}

Part Compiler::and_node(const ast::Node& node, const schema::FieldSpec* field) {
    std::vector<Q> weighted;
    std::vector<Q> filters;
    std::vector<Q> excluded;
    for (const ast::Node& child : node.children) {
        if (child.kind == ast::NodeKind::Not) {
            Part part = negated(child, field);
            if (!part.empty)
                excluded.push_back(std::move(part.query));
            continue;
        }
        Part part = this->node(child, field);
        if (part.empty)
            continue;
        (part.filter ? filters : weighted).push_back(std::move(part.query));
    }
    Part result;
    if (weighted.empty() && filters.empty()) {
        if (excluded.empty())
            return result;
        result = Part{Q::MatchAll, true, false}; // only exclusions: everything except
    } else if (weighted.empty()) {
        result = Part{combine(Q::OP_AND, filters), true, false};
    } else if (filters.empty()) {
        result = scored(combine(Q::OP_AND, weighted));
    } else {
        // Filters restrict without changing the ranking of the weighted part.
        std::vector<Q> parts{combine(Q::OP_AND, weighted)};
        parts.insert(parts.end(), filters.begin(), filters.end());
        result = scored(Q(Q::OP_FILTER, parts.begin(), parts.end()));
    }
    if (!excluded.empty()) {
        std::vector<Q> parts{result.query};
        parts.insert(parts.end(), excluded.begin(), excluded.end());
        result.query = Q(Q::OP_AND_NOT, parts.begin(), parts.end());
    }
    return result;
}

Part Compiler::or_node(const ast::Node& node, const schema::FieldSpec* field) {
    std::vector<Q> parts;
    bool all_filters = true;
    for (const ast::Node& child : node.children) {
        Part part = this->node(child, field);
        if (part.empty)
            continue;
        all_filters = all_filters && part.filter;
        parts.push_back(std::move(part.query));
    }
    if (parts.empty())
        return {};
    return {combine(Q::OP_OR, parts), all_filters, false};
}

Part Compiler::not_node(const ast::Node& node, const schema::FieldSpec* field) {
    // A NOT that is not one operand of an AND: "-spam" alone, or "a OR -b".
    Part part = negated(node, field);
    if (part.empty)
        return {};
    return {Q(Q::OP_AND_NOT, Q::MatchAll, part.query), true, false};
}

Part Compiler::near_node(const ast::Node& node, const schema::FieldSpec* field) {
    if (field != nullptr && field->kind != schema::FieldKind::Text) {
        throw error(
            fmt::format("NEAR needs words: use it in free text or title:, not in {}:", field->name),
            node.span);
    }
    const std::string_view prefix = field == nullptr ? std::string_view{} : field->prefix;
    // Xapian's NEAR only relates single terms: operands of several words (a phrase, a compound,
    // a Chinese word's bigrams) join the NEAR term by term and must also match as phrases.
    std::vector<std::string> terms;
    std::vector<Q> phrases;
    std::size_t operands = 0;
    for (const ast::Node& child : node.children) {
        count_leaf(child);
        const Tokens tokens = analyze(child.text);
        const std::vector<std::string> words = positioned_terms(tokens, prefix);
        if (words.empty())
            continue;
        ++operands;
        if (m_negated == 0)
            append_highlight_terms(tokens, m_highlight);
        terms.insert(terms.end(), words.begin(), words.end());
        if (words.size() > 1)
            phrases.push_back(phrase_words(tokens, prefix));
    }
    if (operands == 0)
        return {};
    if (operands == 1)
        return scored(phrases.empty() ? Q(terms.front()) : phrases.front());
    std::vector<Q> parts;
    for (const std::string& term : terms)
        parts.emplace_back(term);
    const auto window = static_cast<Xapian::termcount>(node.distance + terms.size() - 1);
    std::vector<Q> all{Q(Q::OP_NEAR, parts.begin(), parts.end(), window)};
    all.insert(all.end(), phrases.begin(), phrases.end());
    return scored(combine(Q::OP_AND, all));
}

Part Compiler::leaf(const ast::Node& node, const schema::FieldSpec* field) {
    count_leaf(node);
    if (field == nullptr)
        return text_leaf(node, {});
    switch (field->kind) {
    case schema::FieldKind::Text:
        return text_leaf(node, field->prefix);
    case schema::FieldKind::Boolean:
        if (field->name == "org")
            return org_leaf(node);
        if (field->name == "lang")
            return lang_leaf(node);
        return boolean_leaf(node, *field);
    case schema::FieldKind::Flag:
        return flag_leaf(node);
    case schema::FieldKind::Date:
        return date_leaf(node, *field);
    case schema::FieldKind::Saved:
        throw error("saved: takes the name of one saved query", node.span);
    }
    return {};
}

Part Compiler::text_leaf(const ast::Node& node, std::string_view prefix) {
    const Tokens tokens = analyze(node.text);
    if (node.kind == ast::NodeKind::Wildcard) {
        const auto stem = wildcard_stem(tokens, node.text);
        if (!stem) {
            throw error(
                fmt::format("a wildcard needs one word before the '*', not '{}'", node.text),
                node.span, 0, {"word*"});
        }
        return wildcard(node, prefix, *stem);
    }
    Q query = node.kind == ast::NodeKind::Phrase ? phrase_words(tokens, prefix)
                                                 : required_words(tokens, prefix);
    if (query.empty()) {
        warn(fmt::format("'{}' has no words to search for; ignored", node.text));
        return {};
    }
    if (m_negated == 0)
        append_highlight_terms(tokens, m_highlight);
    return scored(std::move(query));
}

Part Compiler::wildcard(const ast::Node& node, std::string_view prefix, std::string_view stem) {
    std::string pattern(prefix);
    pattern.append(stem);
    if (m_context.database != nullptr) {
        std::uint32_t count = 0;
        const auto end = m_context.database->allterms_end(pattern);
        for (auto it = m_context.database->allterms_begin(pattern); it != end; ++it) {
            if (++count > limits::kMaxWildcardExpansion) {
                throw error(fmt::format("'{}*' matches more than {} words; make the prefix longer",
                                        node.text, limits::kMaxWildcardExpansion),
                            node.span);
            }
        }
    }
    return scored(
        Q(Q::OP_WILDCARD, pattern, limits::kMaxWildcardExpansion, Q::WILDCARD_LIMIT_ERROR));
}

ParseError Compiler::error(std::string message, const ast::Span& span, std::size_t offset,
                           std::vector<std::string> expected) const {
    if (m_saved.empty()) {
        return ParseError(std::move(message), m_query, span.begin + 1 + offset,
                          std::move(expected));
    }
    std::string path;
    for (const SavedFrame& frame : m_saved) {
        if (!path.empty())
            path += " → ";
        path += frame.name;
    }
    return ParseError(fmt::format("in saved query {}: {}", path, message), m_query,
                      m_saved.front().span.begin + 1, std::move(expected));
}

void Compiler::count_leaf(const ast::Node& node) {
    if (++m_leaves > limits::kMaxTerms) {
        throw error(fmt::format("too many terms: at most {} terms, phrases and wildcards "
                                "(saved queries included)",
                                limits::kMaxTerms),
                    node.span);
    }
}

} // namespace zhisou::query::detail
