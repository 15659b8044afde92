#pragma once
// Internal: the visible text and metadata of an HTML page, through Gumbo (Google's HTML5
// parser, Debian's libgumbo-dev): a real parser handles the broken markup of scraped pages
// that regular expressions get wrong. Scripts, styles and templates are dropped.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhisou::index {

struct HtmlContent {
    std::string title;
    std::string text; ///< visible text; block elements end lines
    /// <meta name|property|itemprop=... content=...>, names lower-cased, in document order.
    std::vector<std::pair<std::string, std::string>> meta;

    [[nodiscard]] std::string meta_value(std::initializer_list<std::string_view> names) const;
};

[[nodiscard]] HtmlContent parse_html(std::string_view utf8);

} // namespace zhisou::index
