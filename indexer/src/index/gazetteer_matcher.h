#pragma once
// Internal: finds every alias of a gazetteer in a normalized text in one pass. A byte trie of
// the normalized aliases is walked from each position; the longest alias that passes the
// whole-word and letter-case rules wins and the scan resumes after it (leftmost-longest).
// Links (http://, https://, www.) are skipped: "facebook.com/sharer" in a share button or
// "apple.solidot.org" in a site menu says nothing about what a document is about.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/text/normalize.h>

namespace zhisou::index::gazetteer {

/// Target of a false friend: it is matched like an alias, hides what it covers, and is not
/// reported.
inline constexpr std::int32_t kNoOrg = -1;

/// One normalized alias and what it stands for.
struct MatchKey {
    std::string text;                ///< normalized (and ASCII lower-cased) alias
    std::int32_t target = kNoOrg;    ///< org index, or kNoOrg for a false friend
    bool any_form = true;            ///< else the original text must have one of `shapes`
    std::vector<std::string> shapes; ///< accepted written shapes (see written_shape)
};

/// A match, in byte offsets of the original text.
struct KeyMatch {
    std::int32_t target = kNoOrg;
    std::size_t begin = 0;
    std::size_t end = 0;
};

class Matcher {
public:
    Matcher() = default;
    explicit Matcher(std::vector<MatchKey> keys);

    /// Matches in `normalized` (Normalizer output for `original`, so case-folded), in text
    /// order; false friends are consumed but not returned.
    [[nodiscard]] std::vector<KeyMatch> scan(const text::NormalizedText& normalized,
                                             std::string_view original) const;

private:
    struct Key {
        MatchKey spec;
        bool latin_start = false; ///< starts with a letter/digit: needs a word break before
        bool latin_end = false;   ///< ends with a letter/digit: needs a word break after
        bool letter_end = false;  ///< ends with a letter: a version number may follow (Qwen2)
    };
    struct Edge {
        unsigned char byte = 0;
        std::uint32_t target = 0;
    };
    struct Node {
        std::uint32_t first_edge = 0;
        std::uint32_t edge_count = 0;
        std::int32_t key = -1;
        std::int32_t dense = -1; ///< index into m_dense for nodes with many edges
    };
    static constexpr std::size_t kMaxSparseEdges = 16;

    [[nodiscard]] std::uint32_t child(std::uint32_t node, unsigned char byte) const;
    [[nodiscard]] bool accepts(const Key& key, const text::NormalizedText& normalized,
                               std::string_view original, std::size_t begin, std::size_t end) const;

    std::array<std::uint32_t, 256> m_root{}; ///< node after the first byte; 0 = no alias
    /// Bit (b0 << 8 | b1) is set when some alias starts with bytes b0 b1: one L1-resident
    /// lookup rejects most positions (a Han character that starts no alias) before the walk.
    std::vector<std::uint64_t> m_first_pairs;
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::vector<std::array<std::uint32_t, 256>> m_dense;
    std::vector<Key> m_keys;
};

} // namespace zhisou::index::gazetteer
