#include "search_xapian_peer.h"

#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace zhisou::bench {
namespace {

using nlohmann::json;

constexpr Xapian::valueno kDateSlot = 0;
// Records which inputs the peer index was built from, so a later run can reuse it.
constexpr const char* kInputsKey = "bench_search_inputs";
// Commit every so many documents: Xapian holds a batch's postings in memory.
constexpr Xapian::doccount kCommitEvery = 1000;

std::string describe_inputs(const std::vector<std::filesystem::path>& files) {
    std::string out;
    for (const auto& file : files)
        out += fmt::format("{} {}\n", file.string(), std::filesystem::file_size(file));
    return out;
}

// "2025-02-03" -> 20250203, "2025-02" -> 20250201, "2025" -> 20250101; 0 when undated.
double date_number(const std::string& date) {
    if (date.size() < 4)
        return 0;
    try {
        const int year = std::stoi(date.substr(0, 4));
        const int month = date.size() >= 7 ? std::stoi(date.substr(5, 2)) : 1;
        const int day = date.size() >= 10 ? std::stoi(date.substr(8, 2)) : 1;
        return year * 10000 + month * 100 + day;
    } catch (const std::exception&) {
        return 0;
    }
}

std::string string_field(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void build(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& files,
           const std::string& inputs) {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    generator.set_stemmer(Xapian::Stem("en"));
    Xapian::doccount added = 0;
    for (const auto& file : files) {
        std::ifstream in(file);
        if (!in)
            throw std::runtime_error("cannot read " + file.string());
        std::size_t line_number = 0;
        for (std::string line; std::getline(in, line);) {
            ++line_number;
            const json input = json::parse(line, nullptr, false);
            if (!input.is_object()) {
                throw std::runtime_error(
                    fmt::format("{}:{}: not a JSON object", file.string(), line_number));
            }
            const std::string id = string_field(input, "id");
            const std::string title = string_field(input, "title");
            const std::string date = string_field(input, "date");
            const std::string text = string_field(input, "text");
            Xapian::Document doc;
            generator.set_document(doc);
            generator.index_text(title);
            generator.index_text(title, 1, "S");
            generator.increase_termpos();
            generator.index_text(text);
            if (const double yyyymmdd = date_number(date); yyyymmdd > 0)
                doc.add_value(kDateSlot, Xapian::sortable_serialise(yyyymmdd));
            doc.set_data(json{{"id", id}, {"title", title}, {"date", date}, {"text", text}}.dump(
                -1, ' ', false, json::error_handler_t::replace));
            doc.add_boolean_term("Q" + id);
            db.replace_document("Q" + id, doc);
            if (++added % kCommitEvery == 0)
                db.commit();
        }
    }
    db.set_metadata(kInputsKey, inputs);
    db.commit();
}

} // namespace

XapianPeer::XapianPeer(const std::filesystem::path& dir,
                       const std::vector<std::filesystem::path>& jsonl_files) {
    const std::string inputs = describe_inputs(jsonl_files);
    bool reuse = false;
    if (std::filesystem::exists(dir)) {
        try {
            reuse = Xapian::Database(dir.string()).get_metadata(kInputsKey) == inputs;
        } catch (const Xapian::Error&) {
            reuse = false; // not a database, or an interrupted build: start over
        }
    }
    if (!reuse) {
        build(dir, jsonl_files, inputs);
        m_rebuilt = true;
    }
    m_db = Xapian::Database(dir.string());
    m_parser.set_database(m_db);
    m_parser.set_stemmer(m_stemmer);
    m_parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    m_parser.add_prefix("title", "S");
    m_parser.add_rangeprocessor(new Xapian::NumberRangeProcessor(kDateSlot));
}

XapianPeer::Result XapianPeer::search(const std::string& query, std::size_t limit) {
    const Xapian::Query parsed = m_parser.parse_query(query, Xapian::QueryParser::FLAG_CJK_NGRAM |
                                                                 Xapian::QueryParser::FLAG_DEFAULT);
    Xapian::Enquire enquire(m_db);
    enquire.set_query(parsed);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    Result result;
    result.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const json data = json::parse(it.get_document().get_data(), nullptr, false);
        const std::string text = data.is_object() ? string_field(data, "text") : std::string();
        // 160 Han characters are 480 bytes; the length is in bytes.
        const std::string snippet =
            mset.snippet(text, 480, m_stemmer,
                         Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE |
                             Xapian::MSet::SNIPPET_CJK_NGRAM,
                         "<mark>", "</mark>", "…");
        result.snippet_bytes += snippet.size();
        ++result.hits;
    }
    return result;
}

} // namespace zhisou::bench
