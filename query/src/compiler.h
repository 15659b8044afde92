#pragma once
// Internal: the AST walker behind compile(). compiler.cpp has the operators and free text,
// compile_fields.cpp the fields (org, boolean filters, flags, dates, saved queries).
// No Spirit here: only the plain AST.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include <zhisou/index/schema.h>
#include <zhisou/query/ast.h>
#include <zhisou/query/compile.h>
#include <zhisou/query/parse_error.h>

#include "text_terms.h"

namespace zhisou::query::detail {

/// The compiled form of one node.
struct Part {
    Xapian::Query query;
    bool filter = false; ///< matches without adding weight (boolean fields, dates)
    bool empty = true;   ///< no searchable words: operators above drop it
};

class Compiler {
public:
    explicit Compiler(const CompileContext& context) : m_context(context) {}

    [[nodiscard]] CompiledQuery run(const ast::Query& query);

private:
    // compiler.cpp
    Part node(const ast::Node& node, const schema::FieldSpec* field);
    Part and_node(const ast::Node& node, const schema::FieldSpec* field);
    Part or_node(const ast::Node& node, const schema::FieldSpec* field);
    Part not_node(const ast::Node& node, const schema::FieldSpec* field);
    Part negated(const ast::Node& node, const schema::FieldSpec* field);
    Part near_node(const ast::Node& node, const schema::FieldSpec* field);
    Part leaf(const ast::Node& node, const schema::FieldSpec* field);
    Part text_leaf(const ast::Node& node, std::string_view prefix);
    Part wildcard(const ast::Node& node, std::string_view prefix, std::string_view stem);
    std::optional<CompiledQuery> ranked(const ast::Query& query);
    Tokens analyze(std::string_view text) const;

    // compile_fields.cpp
    Part field_node(const ast::Node& node);
    Part org_leaf(const ast::Node& node);
    Part scored_org(const std::string& id);
    Part boolean_leaf(const ast::Node& node, const schema::FieldSpec& field);
    Part lang_leaf(const ast::Node& node);
    Part flag_leaf(const ast::Node& node);
    Part date_leaf(const ast::Node& node, const schema::FieldSpec& field);
    Part saved(const ast::Node& node);
    Xapian::Query mentioned_terms(std::chrono::sys_days from, std::chrono::sys_days until,
                                  const ast::Node& node);
    std::string date_value(double number);
    std::chrono::sys_days today();

    /// An error at a node of the query being compiled; inside a saved query, the error is
    /// reported at the saved:NAME that led there, naming the saved queries on the way.
    [[nodiscard]] ParseError error(std::string message, const ast::Span& span,
                                   std::size_t offset = 0,
                                   std::vector<std::string> expected = {}) const;
    void count_leaf(const ast::Node& node);
    void note(std::string text) { m_notes.push_back(std::move(text)); }
    void warn(std::string text) {
        m_warnings.push_back(text);
        note(std::move(text));
    }

    struct SavedFrame {
        std::string name;
        ast::Span span; ///< of the saved:NAME in the query that named it
    };

    const CompileContext& m_context;
    std::string m_query; ///< the query being compiled; error columns point into it
    std::vector<SavedFrame> m_saved;
    std::vector<std::string> m_notes;
    std::vector<std::string> m_warnings;
    std::vector<std::string> m_highlight;
    std::map<std::string, int> m_values; ///< serialized value -> YYYYMMDD, for the description
    std::optional<std::chrono::sys_days> m_today;
    std::size_t m_leaves = 0;
    int m_negated = 0;
};

} // namespace zhisou::query::detail
