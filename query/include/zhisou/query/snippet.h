#pragma once
// Snippets: the best passage of a document with the query's terms highlighted in the original
// characters. The one Analyzer finds the terms (with byte offsets into the original text), so
// a Simplified query highlights Traditional text, full-width letters and repaired mojibake.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <zhisou/text/normalize.h>

namespace zhisou::text {
class Analyzer;
}

namespace zhisou::query {

struct Snippet {
    std::string text;                                       ///< the passage, original characters
    std::vector<std::pair<std::size_t, std::size_t>> marks; ///< highlighted byte ranges in text
    bool cut_before = false;                                ///< the passage starts mid-document
    bool cut_after = false;                                 ///< and ends before its end

    /// HTML-escaped text with <mark>…</mark> around highlights and "…" at cuts.
    [[nodiscard]] std::string html() const;
    /// ANSI bold yellow highlights for a terminal.
    [[nodiscard]] std::string ansi() const;
    /// Highlights as [[…]] (for golden tests and plain logs).
    [[nodiscard]] std::string bracketed() const;
};

class Highlighter {
public:
    /// `terms`: the query's terms as Xapian terms (words, Z stems, XB bigrams, XU unigrams;
    /// a leading title prefix "S" is stripped by the caller).
    Highlighter(const text::Analyzer& analyzer, std::vector<std::string> terms);

    /// The passage of about `max_chars` characters with the most distinct query terms; the
    /// start of the text when nothing matches.
    [[nodiscard]] Snippet best_passage(std::string_view text, std::size_t max_chars = 160) const;

    /// The whole text with every match highlighted (the document view).
    [[nodiscard]] Snippet whole(std::string_view text) const;

    [[nodiscard]] bool empty() const noexcept { return m_terms.empty(); }

private:
    struct Match {
        std::size_t begin, end;
        std::size_t term; // index into m_term_list, for distinct counting
    };
    [[nodiscard]] std::vector<Match> find_matches(std::string_view text) const;
    /// Analyses text[begin, end) (which must start and end at token boundaries) and appends the
    /// query's terms found there.
    void analyze_range(std::string_view text, std::size_t begin, std::size_t end,
                       std::vector<Match>& matches) const;
    /// Where the needles (needle, term index) occur: a superset of the places their terms
    /// can match, found without the Analyzer.
    [[nodiscard]] std::vector<Match>
    needle_hits(std::string_view text,
                const std::vector<std::pair<std::string, std::size_t>>& needles) const;
    static void sort_matches(std::vector<Match>& matches);
    /// The start of the best passage for these sorted matches of `term_count` distinct terms;
    /// `best_distinct`, when given, receives how many distinct terms that passage holds.
    static std::size_t passage_begin(std::string_view text, const std::vector<Match>& matches,
                                     std::size_t term_count, std::size_t max_chars,
                                     std::size_t* best_distinct = nullptr);
    /// Needle hits of a long text (sorted), from its start until a passage holds every term.
    [[nodiscard]] std::vector<Match> scan_for_passage(std::string_view text,
                                                      std::size_t max_chars) const;
    /// Byte ranges of `text` that hold every possible match; empty when that is all of it.
    [[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>>
    candidate_windows(std::string_view text) const;

    const text::Analyzer& m_analyzer;
    text::Normalizer m_normalizer;
    std::unordered_set<std::string> m_terms;
    std::vector<std::string> m_term_list;
    /// Every term's needles (normalized strings at least one of which occurs wherever the term
    /// matches) with the term's index in m_term_list, for scoring passages. Empty when some
    /// term has none, or there are too many: then the whole text is analysed.
    std::vector<std::pair<std::string, std::size_t>> m_term_needles;
    /// The fewest needles that find every candidate window (none contains another), for
    /// needle_hits() like the above (the term index is unused); empty with m_term_needles.
    std::vector<std::pair<std::string, std::size_t>> m_window_needles;
    /// When every term is a Han bigram (XB) or a Han word whose bigrams are terms too (a Chinese
    /// query): the bigrams' needles, which mark exactly what the Analyzer would. The Analyzer
    /// gives a bigram for every two adjacent Han characters, so each occurrence of a bigram's two
    /// characters in the normalized text is that term, and a word's marks are the union of its
    /// bigrams'. Marking the chosen passage this way skips ICU's dictionary segmentation, which
    /// was a fifth of the search server's CPU. Empty for any other query.
    std::vector<std::pair<std::string, std::size_t>> m_bigram_needles;
    /// The passage text[begin, end)'s matches (boundaries as for analyze_range), through
    /// m_bigram_needles when there are some, else the Analyzer.
    void mark_range(std::string_view text, std::size_t begin, std::size_t end,
                    std::vector<Match>& matches) const;
    void find_bigram_needles();
};

} // namespace zhisou::query
