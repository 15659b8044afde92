#include "text_terms.h"

#include <algorithm>

#include "combine.h"
#include "source_text.h"

namespace zhisou::query::detail {
namespace {

using text::Token;
using text::TokenKind;

bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}

bool is_han_word(const Token& token) {
    return token.kind == TokenKind::Word && !token.term.empty() &&
           is_han(decode_char(token.term, 0).c);
}

bool inside(const Token& inner, const Token& outer) {
    return inner.begin >= outer.begin && inner.end <= outer.end;
}

std::string prefixed(std::string_view prefix, const std::string& term) {
    std::string out;
    out.reserve(prefix.size() + term.size());
    out.append(prefix).append(term);
    return out;
}

/// A phrase over terms at the given positions: the window spans the positions, so gaps the
/// Analyzer left (a word too long to be a term keeps its position) still match.
Xapian::Query phrase_of(const std::vector<const Token*>& terms, std::string_view prefix) {
    if (terms.size() == 1)
        return Xapian::Query(prefixed(prefix, terms.front()->term));
    std::vector<Xapian::Query> parts;
    parts.reserve(terms.size());
    for (const Token* token : terms)
        parts.emplace_back(prefixed(prefix, token->term));
    const auto span = terms.back()->position - terms.front()->position + 1;
    const auto window =
        std::max<Xapian::termcount>(static_cast<Xapian::termcount>(terms.size()), span);
    return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), window);
}

/// The tokens of one kind whose text lies inside [begin, end), in text order.
std::vector<const Token*> inside_span(const Tokens& tokens, TokenKind kind, std::uint32_t begin,
                                      std::uint32_t end) {
    std::vector<const Token*> out;
    for (const Token& token : tokens) {
        if (token.kind == kind && token.begin >= begin && token.end <= end)
            out.push_back(&token);
    }
    return out;
}

/// Positioned terms (Latin words, Han characters) that must stand exactly as written, given
/// with the bigrams between their Han characters. Two adjacent characters: their bigram, which
/// is exact on its own. Longer: FILTER(AND(bigrams, other terms), PHRASE(terms)). Xapian 1.4
/// flattens that into one AND over every term, led by the rarest (a bigram is far rarer than
/// either of its characters), and reads positions only for documents that have them all; a
/// PHRASE of the characters alone would check positions on every document holding the common
/// ones. Only the left side is weighted, so the weight is that of the bigrams, as when the
/// bigrams themselves were the phrase.
Xapian::Query exact_sequence(const std::vector<const Token*>& terms,
                             const std::vector<const Token*>& bigrams, std::string_view prefix) {
    if (terms.size() == 1)
        return Xapian::Query(prefixed(prefix, terms.front()->term));
    if (bigrams.empty())
        return phrase_of(terms, prefix);
    if (terms.size() == 2 && bigrams.size() == 1)
        return Xapian::Query(prefixed(prefix, bigrams.front()->term));
    std::vector<const Token*> weighted(bigrams);
    for (const Token* term : terms) {
        const bool in_bigram =
            term->kind == TokenKind::Unigram &&
            std::any_of(bigrams.begin(), bigrams.end(),
                        [&](const Token* bigram) { return inside(*term, *bigram); });
        if (!in_bigram)
            weighted.push_back(term);
    }
    std::stable_sort(weighted.begin(), weighted.end(),
                     [](const Token* a, const Token* b) { return a->begin < b->begin; });
    std::vector<Xapian::Query> parts;
    parts.reserve(weighted.size());
    for (const Token* token : weighted)
        parts.emplace_back(prefixed(prefix, token->term));
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                         phrase_of(terms, prefix));
}

/// A run of Han text [begin, end) as an exact sequence of its characters (none: empty).
Xapian::Query han_run(const Tokens& tokens, std::uint32_t begin, std::uint32_t end,
                      std::string_view prefix) {
    const auto characters = inside_span(tokens, TokenKind::Unigram, begin, end);
    if (characters.empty())
        return {};
    return exact_sequence(characters, inside_span(tokens, TokenKind::Bigram, begin, end), prefix);
}

/// A dictionary word: its characters exactly (they match however the index's dictionary cut
/// the text), AND_MAYBE the word term so real word matches rank higher. One character: its
/// unigram alone, which always exists (蝶 finds 蝴蝶).
Xapian::Query han_word(const Tokens& tokens, const Token& word, std::string_view prefix) {
    const auto characters = inside_span(tokens, TokenKind::Unigram, word.begin, word.end);
    if (characters.empty())
        return Xapian::Query(prefixed(prefix, word.term));
    Xapian::Query exact = exact_sequence(
        characters, inside_span(tokens, TokenKind::Bigram, word.begin, word.end), prefix);
    if (characters.size() == 1)
        return exact;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, exact,
                         Xapian::Query(prefixed(prefix, word.term)));
}

Xapian::Query latin_run(const Tokens& tokens, const std::vector<const Token*>& run,
                        std::string_view prefix) {
    if (run.size() == 1) {
        const Token& word = *run.front();
        for (const Token& token : tokens) {
            if (token.kind == TokenKind::Stem && token.begin == word.begin &&
                token.end == word.end) {
                return Xapian::Query(Xapian::Query::OP_OR,
                                     Xapian::Query(prefixed(prefix, word.term)),
                                     Xapian::Query(prefixed(prefix, token.term)));
            }
        }
        return Xapian::Query(prefixed(prefix, word.term));
    }
    std::vector<Xapian::Query> parts{phrase_of(run, prefix)};
    Token whole;
    whole.begin = run.front()->begin;
    whole.end = run.back()->end;
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::Compound && inside(token, whole)) {
            parts.emplace_back(prefixed(prefix, token.term));
        }
    }
    if (parts.size() == 1)
        return parts.front();
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, parts.begin(), parts.end());
}

/// The positioned terms a phrase is made of, in position order: Latin words, numbers and Han
/// characters (unigrams). Han dictionary words, stems, bigrams and compounds have no position.
std::vector<const Token*> positioned(const Tokens& tokens) {
    std::vector<const Token*> terms;
    for (const Token& token : tokens) {
        if (token.position != 0 &&
            (token.kind == TokenKind::Word || token.kind == TokenKind::Unigram)) {
            terms.push_back(&token);
        }
    }
    std::stable_sort(terms.begin(), terms.end(),
                     [](const Token* a, const Token* b) { return a->position < b->position; });
    return terms;
}

void append_unique(std::vector<std::string>& out, std::string term) {
    if (std::find(out.begin(), out.end(), term) == out.end())
        out.push_back(std::move(term));
}

} // namespace

Xapian::Query required_words(const Tokens& tokens, std::string_view prefix) {
    std::vector<Xapian::Query> units;
    std::vector<const Token*> run; // Latin words at consecutive positions
    const auto flush = [&] {
        if (!run.empty())
            units.push_back(latin_run(tokens, run, prefix));
        run.clear();
    };
    // Han words written together (智谱融资): each is required on its own, so a document that
    // has them apart still matches, and the exact run [run_begin, run_end) ranks adjacent ones
    // first.
    std::vector<Xapian::Query> adjacency;
    std::uint32_t run_begin = 0;
    std::uint32_t run_end = 0;
    std::size_t han_words = 0;
    const auto flush_han = [&] {
        if (han_words >= 2)
            adjacency.push_back(han_run(tokens, run_begin, run_end, prefix));
        han_words = 0;
    };
    for (const Token& token : tokens) {
        if (token.kind != TokenKind::Word)
            continue;
        if (is_han_word(token)) {
            flush();
            if (han_words > 0 && token.begin != run_end)
                flush_han();
            if (han_words == 0)
                run_begin = token.begin;
            run_end = token.end;
            ++han_words;
            units.push_back(han_word(tokens, token, prefix));
        } else {
            flush_han();
            if (!run.empty() && token.position != run.back()->position + 1)
                flush();
            run.push_back(&token);
        }
    }
    flush();
    flush_han();
    Xapian::Query all = combine(Xapian::Query::OP_AND, units);
    if (adjacency.empty())
        return all;
    adjacency.insert(adjacency.begin(), all);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, adjacency.begin(), adjacency.end());
}

Xapian::Query phrase_words(const Tokens& tokens, std::string_view prefix) {
    const std::vector<const Token*> terms = positioned(tokens);
    if (terms.empty())
        return {};
    const auto bigrams =
        inside_span(tokens, TokenKind::Bigram, terms.front()->begin, terms.back()->end);
    return exact_sequence(terms, bigrams, prefix);
}

std::vector<std::string> positioned_terms(const Tokens& tokens, std::string_view prefix) {
    std::vector<std::string> out;
    for (const Token* token : positioned(tokens))
        out.push_back(prefixed(prefix, token->term));
    return out;
}

std::optional<std::string> wildcard_stem(const Tokens& tokens, std::string_view text) {
    for (const Token& token : tokens) {
        if ((token.kind == TokenKind::Word || token.kind == TokenKind::Compound) &&
            token.begin == 0 && token.end == text.size()) {
            return token.term;
        }
    }
    return std::nullopt;
}

void append_ranked_terms(const Tokens& tokens, std::vector<std::string>& out) {
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::Word || token.kind == TokenKind::Stem ||
            token.kind == TokenKind::Bigram) {
            append_unique(out, token.term);
        }
    }
}

void append_highlight_terms(const Tokens& tokens, std::vector<std::string>& out) {
    for (const Token& token : tokens) {
        if (token.kind != TokenKind::Unigram)
            append_unique(out, token.term);
    }
}

std::size_t count_words(const Tokens& tokens) {
    return static_cast<std::size_t>(std::count_if(
        tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == TokenKind::Word; }));
}

} // namespace zhisou::query::detail
