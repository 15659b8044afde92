#include "index/html.h"

#include <algorithm>
#include <cctype>
#include <gumbo.h>
#include <memory>

namespace zhisou::index {
namespace {

bool is_block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
        return true;
    default:
        return false;
    }
}

bool is_invisible(GumboTag tag) {
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
           tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_SVG;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

const char* attribute(const GumboElement& element, const char* name) {
    const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
    return attr ? attr->value : nullptr;
}

void end_line(std::string& out) {
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (!out.empty() && out.back() != '\n')
        out += '\n';
}

// Iterative walk: deeply nested pages must not exhaust the stack.
void collect(const GumboNode* root, HtmlContent& content) {
    struct Frame {
        const GumboNode* node;
        unsigned next_child;
    };
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const GumboNode* node = frame.node;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
            node->type == GUMBO_NODE_WHITESPACE) {
            const std::string_view text = node->v.text.text;
            if (node->type == GUMBO_NODE_WHITESPACE) {
                if (!content.text.empty() && content.text.back() != '\n' &&
                    content.text.back() != ' ') {
                    content.text += ' ';
                }
            } else {
                content.text.append(text);
            }
            stack.pop_back();
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
            node->type != GUMBO_NODE_TEMPLATE) {
            stack.pop_back();
            continue;
        }
        const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                        : node->v.element.children;
        if (node->type == GUMBO_NODE_ELEMENT && frame.next_child == 0) {
            const GumboElement& element = node->v.element;
            if (element.tag == GUMBO_TAG_TITLE && content.title.empty() &&
                element.children.length > 0) {
                const auto* child = static_cast<const GumboNode*>(element.children.data[0]);
                if (child->type == GUMBO_NODE_TEXT)
                    content.title = child->v.text.text;
            }
            if (element.tag == GUMBO_TAG_TITLE) { // its text is the title, not body text
                stack.pop_back();
                continue;
            }
            if (element.tag == GUMBO_TAG_META) {
                const char* name = attribute(element, "name");
                if (!name)
                    name = attribute(element, "property");
                if (!name)
                    name = attribute(element, "itemprop");
                const char* value = attribute(element, "content");
                if (name && value)
                    content.meta.emplace_back(lower(name), value);
            }
            if (element.tag == GUMBO_TAG_TIME && content.meta_value({"time"}).empty()) {
                if (const char* when = attribute(element, "datetime")) {
                    content.meta.emplace_back("time", when);
                }
            }
            if (is_invisible(element.tag) && element.tag != GUMBO_TAG_HEAD) {
                stack.pop_back();
                continue;
            }
            if (is_block(element.tag))
                end_line(content.text);
        }
        if (frame.next_child < children.length) {
            const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
            // <head> is walked for <title>/<meta> only; its text is not visible.
            if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_HEAD &&
                child->type != GUMBO_NODE_ELEMENT) {
                continue;
            }
            stack.push_back({child, 0});
            continue;
        }
        if (node->type == GUMBO_NODE_ELEMENT && is_block(node->v.element.tag)) {
            end_line(content.text);
        }
        stack.pop_back();
    }
}

} // namespace

std::string HtmlContent::meta_value(std::initializer_list<std::string_view> names) const {
    for (const auto name : names) {
        for (const auto& [key, value] : meta) {
            if (key == name && !value.empty())
                return value;
        }
    }
    return {};
}

HtmlContent parse_html(std::string_view utf8) {
    HtmlContent content;
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    if (output)
        collect(output->document, content);
    return content;
}

} // namespace zhisou::index
