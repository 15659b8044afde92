// Ranking choices, measured on retrieval-dev (bench/eval_retrieval; figures in the README):
// - Ranked mode (a pasted question): an OR of the question's dictionary words and stems
//   (weight 1.5: a word match is worth more than the bigrams inside it), Han bigrams (1.0)
//   and Han characters (0.6: they rescue questions whose wording differs from the paragraph's);
//   BM25 with b = 0.75. Phrase boosts of adjacent bigrams lowered MRR@10 and cost 5x the time.
// - Boolean mode: org:X ranks documents about X (many mentions, in the title) above passing
//   mentions: the org term's wdf is its mention count, so BM25 over it does exactly that.
// - Plain two- to five-word queries reward documents where the words stand close together.

#include "search_ranking.h"

#include <algorithm>
#include <fmt/format.h>

#include <zhisou/index/gazetteer.h>
#include <zhisou/index/schema.h>
#include <zhisou/text/analyzer.h>

namespace zhisou::query::detail {
namespace {

using Q = Xapian::Query;

constexpr double kWordWeight = 1.5;
constexpr double kBigramWeight = 1.0;
constexpr double kUnigramWeight = 0.6;
/// Ranked mode leaves out terms found in more than this share of the documents (的, 是, 一):
/// they add almost nothing to BM25, but their long posting lists took a third of a pasted
/// question's time (retrieval-dev MRR@10 0.9657 -> 0.9650, 2.8 -> 1.3 ms per question).
constexpr double kCommonShare = 0.3;
/// How much an org:X match adds, at most, relative to one text term.
constexpr double kOrgAboutWeight = 0.5;
constexpr double kProximityWeight = 0.5;
constexpr std::size_t kProximityMaxTerms = 5;

Q scaled_or(const std::vector<Q>& parts, double weight) {
    return Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, parts.begin(), parts.end()), weight);
}

Q ranked_query(const ast::Query& parsed, const text::Analyzer& analyzer,
               const Xapian::Database& db) {
    std::vector<Q> words;
    std::vector<Q> bigrams;
    std::vector<Q> unigrams;
    std::vector<std::string> seen;
    for (const auto& token : analyzer.analyze(parsed.text, text::AnalyzeMode::Query)) {
        if (std::find(seen.begin(), seen.end(), token.term) != seen.end())
            continue;
        seen.push_back(token.term);
        if (token.kind != text::TokenKind::Compound && too_common_for_ranking(token.term, db))
            continue;
        switch (token.kind) {
        case text::TokenKind::Word:
        case text::TokenKind::Stem:
            words.emplace_back(token.term);
            break;
        case text::TokenKind::Bigram:
            bigrams.emplace_back(token.term);
            break;
        case text::TokenKind::Unigram:
            unigrams.emplace_back(token.term);
            break;
        case text::TokenKind::Compound:
            break; // its parts are words of their own
        }
    }
    std::vector<Q> parts;
    if (!words.empty())
        parts.push_back(scaled_or(words, kWordWeight));
    if (!bigrams.empty())
        parts.push_back(scaled_or(bigrams, kBigramWeight));
    if (!unigrams.empty())
        parts.push_back(scaled_or(unigrams, kUnigramWeight));
    return Q(Q::OP_OR, parts.begin(), parts.end());
}

/// One positional term per plain query term (its first word, or its first Han character), for
/// a NEAR that rewards the terms standing close together.
std::vector<Q> proximity_terms(const ast::Query& parsed, const text::Analyzer& analyzer) {
    std::vector<Q> out;
    if (!parsed.plain_text || parsed.root.kind != ast::NodeKind::And)
        return out;
    for (const ast::Node& child : parsed.root.children) {
        if (child.kind != ast::NodeKind::Term)
            return {};
        for (const auto& token : analyzer.analyze(child.text, text::AnalyzeMode::Query)) {
            if (token.position != 0 &&
                (token.kind == text::TokenKind::Word || token.kind == text::TokenKind::Unigram)) {
                out.emplace_back(token.term);
                break;
            }
        }
    }
    return out;
}

} // namespace

Xapian::Query rank(const CompiledQuery& compiled, const ast::Query& parsed,
                   const Xapian::Database& database, const text::Analyzer& analyzer) {
    if (compiled.mode == MatchMode::Ranked)
        return ranked_query(parsed, analyzer, database);
    if (compiled.query.empty())
        return compiled.query;

    std::vector<Q> boosts;
    std::vector<Q> orgs;
    for (auto it = compiled.query.get_terms_begin(); it != compiled.query.get_terms_end(); ++it) {
        const std::string term = *it;
        if (term.starts_with(schema::kOrgPrefix))
            orgs.emplace_back(term);
    }
    if (!orgs.empty())
        boosts.push_back(scaled_or(orgs, kOrgAboutWeight));
    const auto near = proximity_terms(parsed, analyzer);
    if (near.size() >= 2 && near.size() <= kProximityMaxTerms) {
        boosts.emplace_back(Q::OP_SCALE_WEIGHT,
                            Q(Q::OP_NEAR, near.begin(), near.end(),
                              static_cast<Xapian::termcount>(near.size() + 6)),
                            kProximityWeight);
    }
    if (boosts.empty())
        return compiled.query;
    return Q(Q::OP_AND_MAYBE, compiled.query, Q(Q::OP_OR, boosts.begin(), boosts.end()));
}

bool too_common_for_ranking(const std::string& term, const Xapian::Database& db) {
    return db.get_termfreq(term) > kCommonShare * std::max<double>(1.0, db.get_doccount());
}

Xapian::BM25Weight weighting() {
    // Xapian's defaults except b: longer paragraphs are penalised a little more.
    return Xapian::BM25Weight(1.0, 0.0, 1.0, 0.75, 0.5);
}

namespace {

/// A matched term as a person reads it: "org:zhipu", "title:glm", "融资 (bigram)", "fund~".
std::string readable_term(const std::string& term) {
    struct Prefix {
        std::string_view prefix;
        std::string_view before;
        std::string_view after;
    };
    static constexpr Prefix kPrefixes[] = {
        {"XB", "", " (bigram)"}, {"XU", "", " (character)"}, {"XO", "org:", ""},
        {"XS", "source:", ""},   {"XM", "mentioned:", ""},   {"XF", "is:", ""},
        {"Z", "", "~ (stem)"},   {"A", "author:", ""},       {"K", "tag:", ""},
        {"L", "lang:", ""},      {"Y", "year:", ""},         {"M", "month:", ""},
        {"D", "day:", ""},       {"Q", "id:", ""},
    };
    if (term.starts_with(schema::kTitlePrefix) && term.size() > 1)
        return "title:" + readable_term(term.substr(schema::kTitlePrefix.size()));
    for (const Prefix& p : kPrefixes) {
        if (term.starts_with(p.prefix) && term.size() > p.prefix.size()) {
            return std::string(p.before) + term.substr(p.prefix.size()) + std::string(p.after);
        }
    }
    return term;
}

} // namespace

std::vector<std::string> why(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit,
                             const CompiledQuery& /*compiled*/) {
    std::vector<std::string> out;
    for (auto it = enquire.get_matching_terms_begin(hit); it != enquire.get_matching_terms_end(hit);
         ++it) {
        out.push_back(readable_term(*it));
    }
    return out;
}

namespace {

/// Optimal string alignment distance (a swap of two letters counts once), or `bound` + 1 when
/// it is larger than `bound`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound)
        return bound + 1;
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

bool is_lower_ascii_word(std::string_view word) {
    return !word.empty() &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// The index's closest word to a misspelt English word: within edit distance 1 (2 for words of
/// seven letters or more), the most frequent among the nearest. The index's own words are the
/// dictionary, so no spelling table is needed (it would grow the index by a fifth); only words
/// with the same first letter are scanned.
std::string closest_word(const std::string& word, const Xapian::Database& db) {
    const std::size_t bound = word.size() >= 7 ? 2 : 1;
    std::string best;
    std::size_t best_distance = bound + 1;
    Xapian::doccount best_freq = 0;
    const std::string first(1, word.front());
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(first); it != db.allterms_end(first); ++it) {
        if (++scanned > 200000)
            break; // bounded time on a huge index
        const std::string term = *it;
        if (!is_lower_ascii_word(term) || term == word)
            continue;
        const std::size_t distance = edit_distance(word, term, bound);
        if (distance > bound)
            continue;
        const Xapian::doccount freq = it.get_termfreq();
        if (distance < best_distance || (distance == best_distance && freq > best_freq)) {
            best = term;
            best_distance = distance;
            best_freq = freq;
        }
    }
    return best;
}

/// Byte offset of code point `index` in UTF-8 text (spans count code points).
std::size_t byte_offset(std::string_view text, std::uint32_t index) {
    std::size_t at = 0;
    for (std::uint32_t n = 0; n < index && at < text.size(); ++n) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
            ++at;
    }
    return at;
}

struct Replacement {
    std::uint32_t begin, end;
    std::string text;
};

void collect_corrections(const ast::Node& node, const Xapian::Database& db,
                         const index::Gazetteer& gazetteer, std::vector<Replacement>& out) {
    if (node.kind == ast::NodeKind::Field) {
        if (node.text == "org" && !node.children.empty()) {
            const ast::Node& value = node.children.front();
            if (value.kind != ast::NodeKind::Wildcard && !gazetteer.find(value.text)) {
                const auto suggestions = gazetteer.suggest(value.text, 1);
                if (!suggestions.empty())
                    out.push_back({value.span.begin, value.span.end, suggestions.front()});
            }
        }
        return; // other field values are not English words
    }
    if (node.kind == ast::NodeKind::Term) {
        std::string word = node.text;
        std::transform(word.begin(), word.end(), word.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (word.size() >= 3 && is_lower_ascii_word(word) && db.get_termfreq(word) == 0) {
            std::string better = closest_word(word, db);
            if (!better.empty())
                out.push_back({node.span.begin, node.span.end, std::move(better)});
        }
        return;
    }
    for (const ast::Node& child : node.children)
        collect_corrections(child, db, gazetteer, out);
}

} // namespace

std::string did_you_mean(const ast::Query& parsed, const Xapian::Database& db) {
    std::vector<Replacement> corrections;
    collect_corrections(parsed.root, db, index::Gazetteer::builtin(), corrections);
    if (corrections.empty())
        return {};
    std::sort(corrections.begin(), corrections.end(),
              [](const Replacement& a, const Replacement& b) { return a.begin > b.begin; });
    std::string text = parsed.text;
    for (const Replacement& r : corrections) {
        const std::size_t begin = byte_offset(parsed.text, r.begin);
        const std::size_t end = byte_offset(parsed.text, r.end);
        if (begin < end)
            text.replace(begin, end - begin, r.text);
    }
    return text == parsed.text ? std::string() : text;
}

} // namespace zhisou::query::detail
