#include "grammar/to_ast.h"

#include <boost/variant/apply_visitor.hpp>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <string>
#include <string_view>
#include <utility>

#include <zhisou/index/schema.h>
#include <zhisou/query/limits.h>
#include <zhisou/query/parse_error.h>

#include "field_suggest.h"

namespace zhisou::query::grammar {
namespace {

using ast::Node;
using ast::NodeKind;

class Converter {
public:
    explicit Converter(const detail::SourceText& source) : m_source(source) {}

    ast::Query convert(const syntax::Or& tree) {
        ast::Query query;
        query.root = or_node(tree);
        query.text = m_source.original;
        query.plain_text = m_plain;
        return query;
    }

    // --- Operators -----------------------------------------------------------------------
    Node or_node(const syntax::Or& items) {
        if (items.size() == 1)
            return and_node(items.front());
        m_plain = false;
        Node node{NodeKind::Or, {}, {}, {}, 0};
        for (const auto& item : items)
            node.children.push_back(and_node(item));
        return with_children_span(std::move(node));
    }

    Node and_node(const syntax::And& item) {
        if (item.rest.empty())
            return unary(item.first);
        Node node{NodeKind::And, {}, {}, {}, 0};
        node.children.push_back(unary(item.first));
        for (const auto& next : item.rest) {
            if (!next.op.empty())
                m_plain = false; // an explicit AND or &&
            node.children.push_back(unary(next.operand));
        }
        return with_children_span(std::move(node));
    }

    Node unary(const syntax::Unary& item) {
        Node body = near(item.body);
        if (item.prefix.empty())
            return body;
        m_plain = false;
        if (item.prefix.front() == '+')
            return body; // required: every operand already is
        Node node{NodeKind::Not, {}, {begin_of(item.prefix), body.span.end}, {}, 0};
        node.children.push_back(std::move(body));
        return node;
    }

    Node near(const syntax::Near& item) {
        if (item.rest.empty())
            return operand(item.first, false);
        m_plain = false;
        Node node{NodeKind::Near, {}, {}, {}, 0};
        node.children.push_back(operand(item.first, true));
        bool first_op = true;
        for (const auto& tail : item.rest) {
            const std::uint32_t distance = near_distance(tail.op);
            if (!first_op && distance != node.distance) {
                throw error(fmt::format("one NEAR chain needs one distance: NEAR/{} and "
                                        "NEAR/{}; use parentheses and AND to combine them",
                                        node.distance, distance),
                            tail.op);
            }
            node.distance = distance;
            first_op = false;
            node.children.push_back(operand(tail.operand, true));
        }
        return with_children_span(std::move(node));
    }

    // --- Operands ------------------------------------------------------------------------
    Node operand(const syntax::Operand& item, bool in_near) {
        struct Visitor {
            Converter& self;
            bool in_near;
            Node operator()(const syntax::Term& term) const {
                return self.term(term, true, in_near);
            }
            Node operator()(const syntax::Phrase& phrase) const { return self.phrase(phrase); }
            Node operator()(const syntax::x3::forward_ast<syntax::Group>& group) const {
                if (in_near)
                    self.not_in_near(group.get().open);
                return self.group(group.get());
            }
            Node operator()(const syntax::x3::forward_ast<syntax::Field>& field) const {
                if (in_near)
                    self.not_in_near(field.get().name);
                return self.field(field.get());
            }
        };
        return boost::apply_visitor(Visitor{*this, in_near}, item);
    }

    Node group(const syntax::Group& group) {
        m_plain = false;
        Node inner = or_node(group.body);
        return inner;
    }

    Node field(const syntax::Field& field) {
        m_plain = false;
        const std::string name(field.name.begin(), field.name.end());
        const schema::FieldSpec* spec = schema::find_field(name);
        Node node{NodeKind::Field, std::string(spec->name), {}, {}, 0};
        struct Visitor {
            Converter& self;
            Node operator()(const syntax::Term& term) const {
                return self.term(term, false, false);
            }
            Node operator()(const syntax::Phrase& phrase) const { return self.phrase(phrase); }
            Node operator()(const syntax::x3::forward_ast<syntax::Group>& group) const {
                ++self.m_field_groups;
                Node inner = self.group(group.get());
                --self.m_field_groups;
                return inner;
            }
        };
        if (m_field_groups > 0) {
            throw error(fmt::format("a field value cannot contain another field ('{}:')", name),
                        field.name);
        }
        node.children.push_back(boost::apply_visitor(Visitor{*this}, field.value));
        node.span = {begin_of(field.name), node.children.front().span.end};
        return node;
    }

    Node term(const syntax::Term& term, bool check_field_names, bool in_near) {
        count_leaf(term.text);
        std::string text(term.text.begin(), term.text.end());
        if (check_field_names) {
            if (const auto suggestion = detail::misspelled_field(text)) {
                const std::string typed = text.substr(0, text.find(':'));
                throw ParseError(
                    fmt::format("unknown field '{}:'; did you mean '{}:'?", typed, *suggestion),
                    m_source.original, column_of(term.text.begin()), {*suggestion + ":"});
            }
        }
        // "GLM*" is a wildcard; "*", "**" and "a*b" are text.
        if (text.size() >= 2 && text.back() == '*' && text[text.size() - 2] != '*') {
            m_plain = false;
            if (in_near)
                not_in_near(term.text);
            text.pop_back();
            return Node{NodeKind::Wildcard, std::move(text), span_of(term.text), {}, 0};
        }
        return Node{NodeKind::Term, std::move(text), span_of(term.text), {}, 0};
    }

    Node phrase(const syntax::Phrase& phrase) {
        // Quotes leave a query plain: pasted Chinese questions quote words with 「」 and “”,
        // and a long pasted question must still be matched in ranked mode (compiler.cpp).
        count_leaf(phrase.text);
        std::string_view whole(phrase.text.begin(), phrase.text.size());
        // Drop the opening and closing quote: '"' (1 byte) or 「」『』 (3 bytes each).
        const std::size_t quote = whole.front() == '"' ? 1 : 3;
        std::string inner(whole.substr(quote, whole.size() - 2 * quote));
        if (inner.find_first_not_of(' ') == std::string::npos) {
            throw error("empty quotes: put the words of the phrase between them", phrase.text);
        }
        return Node{NodeKind::Phrase, std::move(inner), span_of(phrase.text), {}, 0};
    }

private:
    std::uint32_t near_distance(const syntax::Range& op) {
        const std::string_view text(op.begin(), op.size());
        const std::size_t slash = text.find('/');
        if (slash == std::string_view::npos)
            return limits::kDefaultNearDistance;
        std::uint32_t distance = 0;
        const auto digits = text.substr(slash + 1);
        const auto [end, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), distance);
        if (ec != std::errc() || end != digits.data() + digits.size() || distance < 1 ||
            distance > limits::kMaxNearDistance) {
            throw ParseError(fmt::format("NEAR distance must be 1..{}", limits::kMaxNearDistance),
                             m_source.original, column_of(op.begin() + slash + 1),
                             {fmt::format("1..{}", limits::kMaxNearDistance)});
        }
        return distance;
    }

    void not_in_near(const syntax::Range& where) const {
        throw error("NEAR works between words and phrases, not fields, groups or wildcards", where);
    }

    void count_leaf(const syntax::Range& where) {
        if (++m_leaves > limits::kMaxTerms) {
            throw error(fmt::format("too many terms: at most {} terms, phrases and wildcards",
                                    limits::kMaxTerms),
                        where);
        }
    }

    [[nodiscard]] ParseError error(std::string message, const syntax::Range& where) const {
        return ParseError(std::move(message), m_source.original, column_of(where.begin()));
    }

    [[nodiscard]] std::size_t byte_of(syntax::Iterator it) const {
        return static_cast<std::size_t>(it - m_source.normalized.data());
    }
    [[nodiscard]] std::size_t column_of(syntax::Iterator it) const {
        return m_source.column_of(byte_of(it));
    }
    [[nodiscard]] std::uint32_t begin_of(const syntax::Range& range) const {
        return m_source.char_of_byte[byte_of(range.begin())];
    }
    [[nodiscard]] ast::Span span_of(const syntax::Range& range) const {
        return {m_source.char_of_byte[byte_of(range.begin())],
                m_source.char_of_byte[byte_of(range.end())]};
    }
    static Node with_children_span(Node node) {
        node.span = {node.children.front().span.begin, node.children.back().span.end};
        return node;
    }

    const detail::SourceText& m_source;
    std::size_t m_leaves = 0;
    int m_field_groups = 0;
    bool m_plain = true;
};

} // namespace

ast::Query to_ast(const syntax::Or& tree, const detail::SourceText& source) {
    return Converter(source).convert(tree);
}

} // namespace zhisou::query::grammar
