#include "index/gazetteer_matcher.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include <zhisou/error.h>

#include "index/gazetteer_chars.h"

namespace zhisou::index::gazetteer {

namespace {

[[nodiscard]] bool is_ascii_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

constexpr std::size_t kPairBits = 1U << 16U;

[[nodiscard]] std::size_t pair_index(unsigned char first, unsigned char second) {
    return (static_cast<std::size_t>(first) << 8U) | second;
}

[[nodiscard]] bool starts_with(std::string_view text, std::size_t pos, std::string_view prefix) {
    return text.size() - pos >= prefix.size() && text.compare(pos, prefix.size(), prefix) == 0;
}

/// Bytes that end a link: controls, space, quotes, brackets, and every non-ASCII byte.
constexpr std::array<bool, 256> kLinkStops = [] {
    std::array<bool, 256> stops{};
    for (std::size_t byte = 0; byte < 256; ++byte) {
        stops[byte] = byte <= 0x20 || byte >= 0x7F;
    }
    for (const char c : std::string_view("\"'<>()[]{}|`^\\")) {
        stops[static_cast<unsigned char>(c)] = true;
    }
    return stops;
}();

/// Where the link starting at `pos` ends, or `pos` when none starts there. A link runs to the
/// first space, quote, bracket or non-ASCII character (Chinese text follows links directly).
[[nodiscard]] std::size_t link_end(std::string_view text, std::size_t pos) {
    if (!starts_with(text, pos, "http://") && !starts_with(text, pos, "https://") &&
        !starts_with(text, pos, "www.")) {
        return pos;
    }
    std::size_t end = pos;
    while (end < text.size() && !kLinkStops[static_cast<unsigned char>(text[end])]) {
        ++end;
    }
    return end;
}

/// Bytes to step over when no alias starts at a character: its whole UTF-8 sequence
/// (normalized text is well-formed; a stray continuation byte steps by one).
[[nodiscard]] std::size_t char_length(unsigned char lead) {
    if (lead < 0xC0) {
        return 1;
    }
    if (lead < 0xE0) {
        return 2;
    }
    return lead < 0xF0 ? 3 : 4;
}

} // namespace

Matcher::Matcher(std::vector<MatchKey> keys) {
    // Build a pointer-free trie first (one ordered map per node), then flatten it into sorted
    // edge runs so a lookup touches two small arrays.
    std::vector<std::map<unsigned char, std::uint32_t>> children(1);
    std::vector<std::int32_t> node_key(1, -1);
    m_keys.reserve(keys.size());
    for (MatchKey& spec : keys) {
        if (spec.text.empty()) {
            continue;
        }
        std::uint32_t node = 0;
        for (const char c : spec.text) {
            const auto byte = static_cast<unsigned char>(c);
            auto found = children[node].find(byte);
            if (found == children[node].end()) {
                const auto next = static_cast<std::uint32_t>(children.size());
                children[node].emplace(byte, next);
                children.emplace_back();
                node_key.push_back(-1);
                node = next;
            } else {
                node = found->second;
            }
        }
        Key key;
        const DecodedChar first = decode_at(spec.text, 0);
        const char32_t last = code_point_before(spec.text, spec.text.size());
        key.latin_start = is_word_char(first.code_point);
        key.latin_end = is_word_char(last);
        key.letter_end = key.latin_end && !is_ascii_digit(last);
        key.spec = std::move(spec);
        node_key[node] = static_cast<std::int32_t>(m_keys.size());
        m_keys.push_back(std::move(key));
    }

    m_first_pairs.assign(kPairBits / 64, 0);
    const auto set_pair = [this](unsigned char first, unsigned char second) {
        const std::size_t bit = pair_index(first, second);
        m_first_pairs[bit / 64] |= std::uint64_t{1} << (bit % 64);
    };
    for (const Key& key : m_keys) {
        const std::string& text = key.spec.text;
        const auto first = static_cast<unsigned char>(text[0]);
        if (text.size() > 1) {
            set_pair(first, static_cast<unsigned char>(text[1]));
        } else {
            for (unsigned second = 0; second < 256; ++second) { // a one-byte alias
                set_pair(first, static_cast<unsigned char>(second));
            }
        }
    }

    m_nodes.resize(children.size());
    for (std::size_t node = 0; node < children.size(); ++node) {
        m_nodes[node].first_edge = static_cast<std::uint32_t>(m_edges.size());
        m_nodes[node].edge_count = static_cast<std::uint32_t>(children[node].size());
        m_nodes[node].key = node_key[node];
        for (const auto& [byte, target] : children[node]) {
            m_edges.push_back({byte, target});
        }
        // Wide nodes (the first byte of Han characters) get a direct table.
        if (children[node].size() > kMaxSparseEdges) {
            m_nodes[node].dense = static_cast<std::int32_t>(m_dense.size());
            auto& table = m_dense.emplace_back();
            table.fill(0);
            for (const auto& [byte, target] : children[node]) {
                table[byte] = target;
            }
        }
    }
    for (const auto& [byte, target] : children[0]) {
        m_root[byte] = target;
    }
}

std::uint32_t Matcher::child(std::uint32_t node, unsigned char byte) const {
    const Node& from = m_nodes[node];
    if (from.dense >= 0) {
        return m_dense[static_cast<std::size_t>(from.dense)][byte];
    }
    const Edge* first = m_edges.data() + from.first_edge;
    const Edge* last = first + from.edge_count;
    // Most nodes deep in an alias have a single edge; a linear scan is fastest there.
    for (const Edge* edge = first; edge != last; ++edge) {
        if (edge->byte == byte) {
            return edge->target;
        }
    }
    return 0;
}

bool Matcher::accepts(const Key& key, const text::NormalizedText& normalized,
                      std::string_view original, std::size_t begin, std::size_t end) const {
    const std::string& text = normalized.text;
    if (key.latin_start && is_word_char(code_point_before(text, begin))) {
        return false;
    }
    if (key.latin_end && end < text.size()) {
        const char32_t next = decode_at(text, end).code_point;
        if (is_word_char(next) && !(key.letter_end && is_ascii_digit(next))) {
            return false;
        }
    }
    if (!key.spec.any_form) {
        const std::size_t from = normalized.original_begin(begin);
        const std::size_t to = normalized.original_end(end);
        const std::string shape = from < to && to <= original.size()
                                      ? written_shape(original.substr(from, to - from))
                                      : std::string();
        const auto& shapes = key.spec.shapes;
        if (std::find(shapes.begin(), shapes.end(), shape) == shapes.end()) {
            return false;
        }
    }
    return true;
}

std::vector<KeyMatch> Matcher::scan(const text::NormalizedText& normalized,
                                    std::string_view original) const {
    const std::string& text = normalized.text;
    if (normalized.to_original.size() != text.size() + 1) {
        throw RuntimeError("internal error: the normalizer returned an offset map of the wrong "
                           "size; please report this with the input text");
    }
    std::vector<KeyMatch> matches;
    if (m_keys.empty()) {
        return matches;
    }
    // (key, end) of every alias that ends on the current walk, shortest first.
    std::vector<std::pair<std::int32_t, std::size_t>> candidates;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        // An alias that starts with an ASCII letter or digit needs a word break before it,
        // so the inside of a Latin word is skipped without walking the trie.
        const bool inside_word = is_ascii_alnum(byte) && pos > 0 &&
                                 is_ascii_alnum(static_cast<unsigned char>(text[pos - 1]));
        if (inside_word) {
            ++pos;
            continue;
        }
        if (byte == 'h' || byte == 'w') {
            if (const std::size_t end = link_end(text, pos); end != pos) {
                pos = end;
                continue;
            }
        }
        std::uint32_t node = m_root[byte];
        bool may_start = node != 0;
        if (may_start && pos + 1 < text.size()) {
            const std::size_t bit = pair_index(byte, static_cast<unsigned char>(text[pos + 1]));
            may_start = (m_first_pairs[bit / 64] & (std::uint64_t{1} << (bit % 64))) != 0;
        }
        if (!may_start) {
            pos += char_length(byte);
            continue;
        }
        candidates.clear();
        std::size_t end = pos + 1;
        for (;;) {
            if (m_nodes[node].key >= 0) {
                candidates.emplace_back(m_nodes[node].key, end);
            }
            if (end == text.size()) {
                break;
            }
            node = child(node, static_cast<unsigned char>(text[end]));
            if (node == 0) {
                break;
            }
            ++end;
        }
        bool matched = false;
        for (auto candidate = candidates.rbegin(); candidate != candidates.rend(); ++candidate) {
            const Key& key = m_keys[static_cast<std::size_t>(candidate->first)];
            if (!accepts(key, normalized, original, pos, candidate->second)) {
                continue;
            }
            if (key.spec.target != kNoOrg) {
                matches.push_back({key.spec.target, normalized.original_begin(pos),
                                   normalized.original_end(candidate->second)});
            }
            pos = candidate->second;
            matched = true;
            break;
        }
        if (!matched) {
            pos += char_length(byte);
        }
    }
    return matches;
}

} // namespace zhisou::index::gazetteer
