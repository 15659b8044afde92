// ExtractedDocument -> Xapian::Document: every term, value and the stored data, as schema.h
// lays them out. The collapse key is left to the writer, which can see the rest of the index.

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <zhisou/index/schema.h>
#include <zhisou/index/stored_text.h>
#include <zhisou/index/writer.h>
#include <zhisou/text/analyzer.h>
#include <zhisou/text/normalize.h>
#include <zhisou/text/utf8.h>

#include "index/hash.h"

namespace zhisou::index {
namespace {

using nlohmann::json;

// Xapian refuses terms longer than 245 bytes.
constexpr std::size_t kMaxTermBytes = 240;
// Phrases and NEAR never match across the title/body boundary.
constexpr std::uint32_t kTitleBodyGap = 100;
// MinHash: 16 minima in 4 bands of 4; two texts share a band with probability ~ 1-(1-J^4)^4
// (J = 0.8 -> 0.96, J = 0.3 -> 0.03), and are verified on all 16 minima.
constexpr std::size_t kMinHashes = 16;
constexpr std::size_t kBands = 4;
constexpr std::size_t kShingleChars = 5;
constexpr std::size_t kMinContentChars = 40;

void add_prefixed_term(Xapian::Document& xdoc, std::string_view prefix, std::string_view value,
                       Xapian::termcount wdf = 0) {
    if (value.empty())
        return;
    std::string term;
    term.reserve(prefix.size() + value.size());
    term.append(prefix).append(value);
    if (term.size() > kMaxTermBytes)
        return;
    if (wdf == 0) {
        xdoc.add_boolean_term(term);
    } else {
        xdoc.add_term(term, wdf);
    }
}

void add_date_terms(Xapian::Document& xdoc, const PartialDate& date, std::string_view year_prefix,
                    std::string_view month_prefix, std::string_view day_prefix) {
    add_prefixed_term(xdoc, year_prefix, fmt::format("{:04d}", date.year));
    if (date.precision != DatePrecision::Year) {
        add_prefixed_term(xdoc, month_prefix, fmt::format("{:04d}{:02d}", date.year, date.month));
    }
    if (date.precision == DatePrecision::Day) {
        add_prefixed_term(xdoc, day_prefix,
                          fmt::format("{:04d}{:02d}{:02d}", date.year, date.month, date.day));
    }
}

std::string_view precision_name(DatePrecision precision) {
    switch (precision) {
    case DatePrecision::Year:
        return "year";
    case DatePrecision::Month:
        return "month";
    case DatePrecision::Day:
        return "day";
    }
    return "";
}

std::string encode_signature(const std::vector<std::uint32_t>& signature) {
    std::string out;
    out.reserve(signature.size() * 4);
    for (const std::uint32_t v : signature) {
        for (int shift = 24; shift >= 0; shift -= 8)
            out += static_cast<char>((v >> shift) & 0xFF);
    }
    return out;
}

} // namespace

std::string id_term(std::string_view id) {
    std::string term(schema::kIdPrefix);
    if (id.size() + term.size() <= kMaxTermBytes) {
        term.append(id);
        return term;
    }
    std::size_t cut = 180;
    while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80)
        --cut;
    term.append(id.substr(0, cut));
    term += fmt::format("#{:016x}", hash64(id));
    return term;
}

std::string normalize_field_value(std::string_view value) {
    static const text::Normalizer normalizer;
    const std::string normalized = normalizer.normalize(value);
    std::string out;
    out.reserve(normalized.size());
    bool pending_space = false;
    for (const char c : normalized) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::vector<std::uint32_t> minhash_signature(std::string_view text) {
    // Shingles of content characters only (letters, digits, Han): formatting, punctuation and
    // white space differences between two copies of a story do not count.
    static const text::Normalizer normalizer;
    std::vector<char32_t> chars;
    text::utf8::for_each_code_point(
        normalizer.normalize(text), [&](char32_t c, std::size_t, std::size_t) {
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || text::utf8::is_han(c) ||
                (c >= 0xC0 && c < 0x2000) || (c >= 0x3040 && c <= 0x30FF) ||
                (c >= 0xAC00 && c <= 0xD7A3)) {
                chars.push_back(c);
            }
        });
    if (chars.size() < kMinContentChars)
        return {};
    std::array<std::uint32_t, kMinHashes> minima;
    minima.fill(0xFFFFFFFFu);
    static constexpr std::array<std::uint64_t, kMinHashes> kSeeds = [] {
        std::array<std::uint64_t, kMinHashes> seeds{};
        std::uint64_t x = 0x9E3779B97F4A7C15ULL;
        for (auto& seed : seeds) {
            x += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            seed = z ^ (z >> 31);
        }
        return seeds;
    }();
    for (std::size_t i = 0; i + kShingleChars <= chars.size(); ++i) {
        const std::string_view shingle(reinterpret_cast<const char*>(&chars[i]),
                                       kShingleChars * sizeof(char32_t));
        const std::uint64_t base = hash64(shingle);
        for (std::size_t k = 0; k < kMinHashes; ++k) {
            std::uint64_t h = (base ^ kSeeds[k]) * 0xD6E8FEB86659FD93ULL;
            const auto value = static_cast<std::uint32_t>(h >> 32);
            minima[k] = std::min(minima[k], value);
        }
    }
    return {minima.begin(), minima.end()};
}

Xapian::Document build_document(const ExtractedDocument& doc, const text::Analyzer& analyzer) {
    Xapian::Document xdoc;

    // Title: unprefixed with a higher wdf (ranking) and S-prefixed (title: queries).
    std::uint32_t last_position = 0;
    const std::string title_prefix(schema::kTitlePrefix);
    analyzer.analyze(doc.title, text::AnalyzeMode::Index, 1, [&](const text::Token& token) {
        if (token.term.size() + title_prefix.size() > kMaxTermBytes)
            return;
        if (token.position != 0) {
            xdoc.add_posting(token.term, token.position, schema::kTitleWdf);
            xdoc.add_posting(title_prefix + token.term, token.position);
            last_position = std::max(last_position, token.position);
        } else {
            xdoc.add_term(token.term, schema::kTitleWdf);
            xdoc.add_term(title_prefix + token.term);
        }
    });
    analyzer.analyze(doc.body, text::AnalyzeMode::Index, last_position + kTitleBodyGap,
                     [&](const text::Token& token) {
                         if (token.term.size() > kMaxTermBytes)
                             return;
                         if (token.position != 0) {
                             xdoc.add_posting(token.term, token.position);
                         } else {
                             xdoc.add_term(token.term);
                         }
                     });

    // Boolean filter terms.
    xdoc.add_boolean_term(id_term(doc.id));
    add_prefixed_term(xdoc, schema::kAuthorPrefix, normalize_field_value(doc.author));
    add_prefixed_term(xdoc, schema::kSourcePrefix, normalize_field_value(doc.source));
    add_prefixed_term(xdoc, schema::kLangPrefix, normalize_field_value(doc.lang));
    add_prefixed_term(xdoc, schema::kFormatPrefix, doc.format);
    for (const auto& tag : doc.tags) {
        add_prefixed_term(xdoc, schema::kTagPrefix, normalize_field_value(tag));
    }
    // Org terms carry their mention count as wdf, so ranking can prefer documents about an org.
    std::vector<std::string> org_ids;
    for (const auto& org : doc.orgs) {
        add_prefixed_term(xdoc, schema::kOrgPrefix, org.id, std::max<std::uint32_t>(org.count, 1));
        org_ids.push_back(org.id);
    }
    if (doc.repaired)
        add_prefixed_term(xdoc, schema::kFlagPrefix, "repaired");
    if (doc.unrecoverable)
        add_prefixed_term(xdoc, schema::kFlagPrefix, "damaged");
    if (doc.date) {
        add_date_terms(xdoc, *doc.date, schema::kYearPrefix, schema::kMonthPrefix,
                       schema::kDayPrefix);
        xdoc.add_value(schema::kSlotDateFirst, Xapian::sortable_serialise(doc.date->first_day()));
        xdoc.add_value(schema::kSlotDateLast, Xapian::sortable_serialise(doc.date->last_day()));
    } else {
        add_prefixed_term(xdoc, schema::kFlagPrefix, "undated");
    }
    const std::string mentioned(schema::kMentionedPrefix);
    for (const auto& mention : doc.mentioned_dates) {
        add_date_terms(xdoc, mention.date, mentioned, mentioned, mentioned);
    }

    // Values for facets and incremental indexing.
    std::string org_list;
    for (const auto& id : org_ids) {
        if (!org_list.empty())
            org_list += '\n';
        org_list += id;
    }
    xdoc.add_value(schema::kSlotOrgs, org_list);
    if (!doc.source.empty())
        xdoc.add_value(schema::kSlotSource, doc.source);
    if (!doc.lang.empty())
        xdoc.add_value(schema::kSlotLang, doc.lang);
    std::string fingerprint(8, '\0');
    for (int i = 0; i < 8; ++i) {
        fingerprint[static_cast<std::size_t>(i)] =
            static_cast<char>((doc.fingerprint >> (56 - 8 * i)) & 0xFF);
    }
    xdoc.add_value(schema::kSlotFingerprint, fingerprint);
    xdoc.add_value(
        schema::kSlotDateSort,
        (doc.date ? Xapian::sortable_serialise(doc.date->first_day()) : std::string(1, '\0')) +
            fingerprint);

    // Near-duplicate signature and its LSH band terms.
    const auto signature = minhash_signature(doc.body);
    if (!signature.empty()) {
        xdoc.add_value(schema::kSlotMinHash, encode_signature(signature));
        const std::size_t rows = kMinHashes / kBands;
        for (std::size_t band = 0; band < kBands; ++band) {
            std::uint64_t h = band;
            for (std::size_t r = 0; r < rows; ++r)
                h = h * 0x100000001B3ULL ^ signature[band * rows + r];
            add_prefixed_term(xdoc, schema::kDupBandPrefix,
                              fmt::format("{}{:016x}", band,
                                          hash64({reinterpret_cast<const char*>(&h), sizeof h})));
        }
    }

    // The body for snippets and the document view, outside the data (stored_text.h).
    xdoc.add_value(schema::kSlotText, compress_stored_text(doc.body));

    // Stored data: the fields search results and the document view show.
    json data{{"v", schema::kDataVersion}, {"id", doc.id},
              {"path", doc.path},          {"title", doc.title},
              {"format", doc.format},      {"lang", doc.lang},
              {"encoding", doc.encoding},  {"repaired", doc.repaired}};
    if (doc.line != 0)
        data["line"] = doc.line;
    if (doc.date) {
        data["date"] = doc.date->to_string();
        data["date_precision"] = precision_name(doc.date->precision);
    }
    data["date_from"] = doc.date_from;
    if (!doc.source.empty())
        data["source"] = doc.source;
    if (!doc.author.empty())
        data["author"] = doc.author;
    if (!doc.url.empty())
        data["url"] = doc.url;
    if (!doc.tags.empty())
        data["tags"] = doc.tags;
    if (doc.repairs != 0)
        data["repairs"] = doc.repairs;
    if (doc.unrecoverable)
        data["damaged"] = true;
    json orgs = json::array();
    for (const auto& org : doc.orgs)
        orgs.push_back({{"id", org.id}, {"count", org.count}});
    data["orgs"] = std::move(orgs);
    if (!doc.extra.empty()) {
        json extra = json::object();
        for (const auto& [name, value] : doc.extra) {
            try {
                extra[name] = json::parse(value);
            } catch (const json::exception&) {
                extra[name] = value;
            }
        }
        data["extra"] = std::move(extra);
    }
    xdoc.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
    return xdoc;
}

} // namespace zhisou::index
