// The canonical text form of an AST (ast.h): every binary operator parenthesized, so the
// form shows how precedence grouped the query.

#include <string>

#include <zhisou/query/ast.h>

namespace zhisou::query::ast {
namespace {

std::string_view operator_name(NodeKind kind) {
    switch (kind) {
    case NodeKind::And:
        return " AND ";
    case NodeKind::Or:
        return " OR ";
    default:
        return " ";
    }
}

void print(const Node& node, std::string& out) {
    switch (node.kind) {
    case NodeKind::Term:
        out += node.text;
        return;
    case NodeKind::Wildcard:
        out += node.text;
        out += '*';
        return;
    case NodeKind::Phrase:
        // A phrase that contains '"' came from 「…」 or 『…』; print it the same way.
        if (node.text.find('"') == std::string::npos) {
            out.append("\"").append(node.text).append("\"");
        } else if (node.text.find("」") == std::string::npos) {
            out.append("「").append(node.text).append("」");
        } else {
            out.append("『").append(node.text).append("』");
        }
        return;
    case NodeKind::Field:
        out.append(node.text).append(":");
        if (!node.children.empty())
            print(node.children.front(), out);
        return;
    case NodeKind::Not:
        out += "NOT ";
        if (!node.children.empty())
            print(node.children.front(), out);
        return;
    case NodeKind::And:
    case NodeKind::Or:
    case NodeKind::Near: {
        const std::string near_op = " NEAR/" + std::to_string(node.distance) + " ";
        const std::string_view separator =
            node.kind == NodeKind::Near ? std::string_view(near_op) : operator_name(node.kind);
        out += '(';
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            if (i > 0)
                out += separator;
            print(node.children[i], out);
        }
        out += ')';
        return;
    }
    }
}

} // namespace

std::string to_string(const Node& node) {
    std::string out;
    print(node, out);
    return out;
}

std::string to_string(const Query& query) {
    return to_string(query.root);
}

} // namespace zhisou::query::ast
