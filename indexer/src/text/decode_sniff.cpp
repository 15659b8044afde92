// Finds a charset that a document declares about itself: an XML prolog's encoding="...", or
// an HTML <meta charset=...> / <meta http-equiv="Content-Type" content="...; charset=...">.
// Only the first 4 KB are read: declarations belong at the top, and a charset mentioned deep
// in the body is more likely quoted text than a declaration.
#include <algorithm>
#include <cctype>
#include <cstddef>

#include <zhisou/text/decode.h>

namespace zhisou::text {
namespace {

constexpr std::size_t kSniffWindow = 4096;
constexpr std::size_t kMaxLabelLength = 40;

char lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

bool is_label_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.' ||
           c == ':';
}

// Reads the value after `name`: optional spaces, '=', optional spaces, optional quote, then
// label characters. `text` is the original, `lower` its lower-cased copy (same offsets).
std::string value_after(std::string_view text, std::string_view lower, std::size_t name_end) {
    std::size_t i = name_end;
    while (i < lower.size() && is_space(lower[i])) {
        ++i;
    }
    if (i >= lower.size() || lower[i] != '=') {
        return {};
    }
    ++i;
    while (i < lower.size() && is_space(lower[i])) {
        ++i;
    }
    if (i < lower.size() && (lower[i] == '"' || lower[i] == '\'')) {
        ++i;
    }
    const std::size_t begin = i;
    while (i < lower.size() && is_label_char(lower[i]) && i - begin < kMaxLabelLength) {
        ++i;
    }
    if (i < lower.size() && is_label_char(lower[i])) {
        return {}; // too long to be a charset label
    }
    return std::string(text.substr(begin, i - begin));
}

// `encoding="..."` inside the XML declaration `<?xml ... ?>`.
std::string from_xml_prolog(std::string_view text, std::string_view lower) {
    const std::size_t start = lower.find("<?xml");
    if (start == std::string_view::npos) {
        return {};
    }
    const std::size_t end = std::min(lower.find("?>", start), lower.size());
    const std::string_view prolog = lower.substr(0, end);
    const std::size_t name = prolog.find("encoding", start);
    if (name == std::string_view::npos) {
        return {};
    }
    return value_after(text.substr(0, end), prolog, name + 8);
}

// `charset=` inside any <meta ...> tag covers both <meta charset=x> and the http-equiv form,
// whose content attribute reads "text/html; charset=x".
std::string from_meta_tags(std::string_view text, std::string_view lower) {
    std::size_t pos = 0;
    while ((pos = lower.find("<meta", pos)) != std::string_view::npos) {
        const std::size_t end = std::min(lower.find('>', pos), lower.size());
        const std::string_view tag = lower.substr(0, end);
        for (std::size_t name = tag.find("charset", pos); name != std::string_view::npos;
             name = tag.find("charset", name + 7)) {
            std::string value = value_after(text.substr(0, end), tag, name + 7);
            if (!value.empty()) {
                return value;
            }
        }
        pos = end;
    }
    return {};
}

} // namespace

std::string sniff_declared_charset(std::string_view bytes) {
    const std::string_view text = bytes.substr(0, kSniffWindow);
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), lower_ascii);
    if (std::string found = from_xml_prolog(text, lower); !found.empty()) {
        return found;
    }
    return from_meta_tags(text, lower);
}

} // namespace zhisou::text
