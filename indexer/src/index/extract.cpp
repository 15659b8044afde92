#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include <zhisou/error.h>
#include <zhisou/index/extract.h>
#include <zhisou/index/gazetteer.h>
#include <zhisou/text/decode.h>
#include <zhisou/text/normalize.h>
#include <zhisou/text/repair.h>
#include <zhisou/text/utf8.h>

#include "index/front_matter.h"
#include "index/html.h"

namespace zhisou::index {
namespace {

using nlohmann::json;

// Title mentions say more about what a document is about than body mentions.
constexpr std::uint32_t kTitleMentionWeight = 3;

bool looks_binary(std::string_view text) {
    // Decoding has turned every legal text encoding into UTF-8; what is left with NULs or
    // many C0 controls in its first 8 KB is not a text document.
    const std::string_view head = text.substr(0, 8192);
    std::size_t controls = 0;
    for (const char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            return true;
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f')
            ++controls;
    }
    return controls * 100 > head.size() + 100;
}

std::string json_string(const std::string& encoded) {
    try {
        const json value = json::parse(encoded);
        if (value.is_string())
            return value.get<std::string>();
        if (value.is_number())
            return value.dump();
    } catch (const json::exception&) {
    }
    return {};
}

// Splits "a, b；c" into items at , ; and their full-width forms and 、. The separators are
// matched as whole UTF-8 sequences: matching their bytes one by one (find_first_of) would
// cut Chinese characters that share a byte with "，".
std::vector<std::string> split_list(std::string_view text) {
    static constexpr std::string_view kSeparators[] = {",", ";", "，", "；", "、"};
    std::vector<std::string> items;
    std::size_t start = 0, i = 0;
    auto flush = [&](std::size_t end) {
        std::string item(trim(text.substr(start, end - start)));
        if (!item.empty())
            items.push_back(std::move(item));
    };
    while (i < text.size()) {
        std::size_t width = 0;
        for (const auto separator : kSeparators) {
            if (text.substr(i).starts_with(separator)) {
                width = separator.size();
                break;
            }
        }
        if (width == 0) {
            ++i;
            continue;
        }
        flush(i);
        i += width;
        start = i;
    }
    flush(text.size());
    return items;
}

std::vector<std::string> json_list(const std::string& encoded) {
    std::vector<std::string> out;
    try {
        const json value = json::parse(encoded);
        if (value.is_array()) {
            for (const auto& item : value) {
                if (item.is_string())
                    out.push_back(item.get<std::string>());
            }
        } else if (value.is_string()) {
            out = split_list(value.get<std::string>());
        }
    } catch (const json::exception&) {
    }
    return out;
}

void add_org(std::vector<OrgCount>& orgs, std::string id, std::uint32_t count, bool metadata) {
    auto it = std::find_if(orgs.begin(), orgs.end(), [&](const auto& o) { return o.id == id; });
    if (it == orgs.end()) {
        orgs.push_back({std::move(id), count, metadata});
    } else {
        it->count += count;
        it->in_metadata |= metadata;
    }
}

std::string slug(std::string_view name) {
    std::string out;
    for (const char c : trim(name)) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if (u >= 0x80) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

// Fields that the container states (front matter, HTML meta, JSONL), before repair.
struct Metadata {
    std::string title, date, source, author, url;
    std::vector<std::string> tags, orgs;
    std::string date_from;
};

Metadata from_front_matter(const FrontMatter& fm) {
    Metadata meta;
    meta.title = fm.first("title");
    meta.date = fm.first("date");
    if (meta.date.empty())
        meta.date = fm.first("published");
    meta.source = fm.first("source");
    meta.author = fm.first("author");
    meta.url = fm.first("url");
    meta.tags = fm.all("tags");
    for (auto& tag : fm.all("tag"))
        meta.tags.push_back(std::move(tag));
    meta.orgs = fm.all("org");
    for (auto& org : fm.all("orgs"))
        meta.orgs.push_back(std::move(org));
    meta.date_from = "front-matter";
    return meta;
}

} // namespace

std::string detect_lang(std::string_view utf8) {
    std::size_t han = 0, latin = 0, thai = 0;
    std::string han_sample; // the Han characters, to compare with their Simplified forms
    text::utf8::for_each_code_point(utf8, [&](char32_t c, std::size_t begin, std::size_t end) {
        if (text::utf8::is_han(c)) {
            ++han;
            if (han_sample.size() < 6000)
                han_sample.append(utf8.substr(begin, end - begin));
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F)) {
            ++latin;
        } else if (c >= 0x0E01 && c <= 0x0E5B) {
            ++thai;
        }
    });
    if (thai > 20 && thai > han && thai > latin)
        return "th";
    if (han < 10)
        return latin >= 20 ? "en" : "";
    // Latin letters run about five to a word and a Han character is about half a word, so
    // letters >= half the Han characters means roughly one English word per four Chinese
    // ones: a real share of English (the shared corpus labels its zh+en documents this way).
    const bool mixed = latin * 2 >= han;
    // Traditional text changes under Traditional->Simplified folding in roughly a quarter of
    // its characters; Simplified text almost never does.
    static const text::Normalizer normalizer;
    const std::string folded = normalizer.normalize(han_sample);
    std::size_t changed = 0, total = 0;
    std::size_t i = 0, j = 0;
    while (i < han_sample.size() && j < folded.size()) {
        const std::size_t a = text::utf8::sequence_length(han_sample[i]),
                          b = text::utf8::sequence_length(folded[j]);
        changed += han_sample.compare(i, a, folded, j, b) != 0;
        ++total;
        i += a;
        j += b;
    }
    const bool traditional = changed * 100 >= total * 8;
    if (mixed)
        return "mixed";
    return traditional ? "zh-Hant" : "zh-Hans";
}

Extractor::Extractor(const Gazetteer& gazetteer) : m_gazetteer(gazetteer) {}

ExtractedDocument Extractor::extract(const SourceDocument& source) const {
    ExtractedDocument doc;
    doc.id = source.id;
    // Stored absolute, like file ids, so results point at the file from any directory.
    std::error_code ec;
    const auto absolute =
        source.path == "-" ? source.path : std::filesystem::absolute(source.path, ec);
    doc.path = (ec ? source.path : absolute).lexically_normal().generic_string();
    doc.line = source.line;
    doc.fingerprint = source.fingerprint;

    text::DecodeHints hints;
    Metadata meta;
    std::string body;
    for (const auto& [name, value] : source.fields) {
        if (name == "charset" || name == "encoding")
            hints.declared_charset = json_string(value);
    }
    const text::Decoded decoded = text::decode(source.bytes, hints);
    doc.encoding = decoded.encoding;
    if (looks_binary(decoded.text)) {
        throw InputError("binary data, not a text document");
    }

    switch (source.format) {
    case SourceFormat::JsonLine: {
        doc.format = "jsonl";
        body = decoded.text;
        for (const auto& [name, value] : source.fields) {
            if (name == "title")
                meta.title = json_string(value);
            else if (name == "date")
                meta.date = json_string(value);
            else if (name == "source")
                meta.source = json_string(value);
            else if (name == "author")
                meta.author = json_string(value);
            else if (name == "url")
                meta.url = json_string(value);
            else if (name == "tags" || name == "tag")
                meta.tags = json_list(value);
            else if (name == "org" || name == "orgs")
                meta.orgs = json_list(value);
            else if (name != "id" && name != "lang" && name != "charset" && name != "encoding")
                doc.extra.emplace_back(name, value);
        }
        meta.date_from = "jsonl";
        break;
    }
    case SourceFormat::Markdown:
    case SourceFormat::Text: {
        doc.format = source.format == SourceFormat::Markdown ? "md" : "txt";
        const FrontMatter fm = parse_front_matter(decoded.text);
        meta = from_front_matter(fm);
        body.assign(fm.body);
        if (meta.title.empty() && source.format == SourceFormat::Markdown) {
            meta.title = first_heading(body);
        }
        break;
    }
    case SourceFormat::Html: {
        doc.format = "html";
        HtmlContent html = parse_html(decoded.text);
        meta.title = html.title;
        if (meta.title.empty())
            meta.title = html.meta_value({"og:title", "twitter:title"});
        meta.date =
            html.meta_value({"date", "article:published_time", "pubdate", "publishdate", "dc.date",
                             "dc.date.issued", "datepublished", "og:published_time", "time"});
        meta.author = html.meta_value({"author", "article:author", "dc.creator"});
        meta.source = html.meta_value({"og:site_name", "application-name", "publisher"});
        meta.url = html.meta_value({"og:url"});
        meta.tags = split_list(html.meta_value({"keywords"}));
        meta.date_from = "html-meta";
        body = std::move(html.text);
        break;
    }
    }
    if (meta.title.empty())
        meta.title = first_line(body);

    // Repair the text and every stored field: mojibake also lands in titles and bylines.
    text::Repaired repaired_body = text::repair(body);
    doc.body = std::move(repaired_body.text);
    doc.repairs = repaired_body.mojibake_repairs();
    doc.unrecoverable = repaired_body.unrecoverable;
    auto repair_field = [&](const std::string& field) {
        text::Repaired r = text::repair(field);
        doc.repairs += r.mojibake_repairs();
        doc.unrecoverable |= r.unrecoverable;
        return std::string(trim(r.text));
    };
    doc.title = repair_field(meta.title);
    doc.source = repair_field(meta.source);
    doc.author = repair_field(meta.author);
    doc.url = std::string(trim(meta.url));
    for (const auto& tag : meta.tags) {
        if (std::string t = repair_field(tag); !t.empty())
            doc.tags.push_back(std::move(t));
    }
    doc.repaired = doc.repairs > 0;

    // The document's date: what the container says, else the file name, else a byline.
    if (!meta.date.empty()) {
        if (auto date = parse_date(meta.date)) {
            doc.date = date;
            doc.date_from = meta.date_from;
        }
    }
    if (!doc.date && source.line == 0) {
        if (auto date = date_from_filename(source.path.filename().string())) {
            doc.date = date;
            doc.date_from = "filename";
        }
    }
    if (!doc.date) {
        if (auto date = find_byline_date(doc.body)) {
            doc.date = date;
            doc.date_from = "byline";
        }
    }
    if (!doc.date)
        doc.date_from = "none";
    doc.mentioned_dates = find_dates(doc.body);

    // Organizations: named in metadata, then mentioned in title, body and bylines.
    for (const auto& name : meta.orgs) {
        const Org* org = m_gazetteer.find(name);
        std::string id = org ? org->id : slug(name);
        if (!id.empty())
            add_org(doc.orgs, std::move(id), 1, true);
    }
    for (const auto& mention : m_gazetteer.find_mentions(doc.title)) {
        add_org(doc.orgs, mention.org->id, kTitleMentionWeight, false);
    }
    for (const auto& mention : m_gazetteer.find_mentions(doc.body)) {
        add_org(doc.orgs, mention.org->id, 1, false);
    }
    for (const std::string* field : {&doc.source, &doc.author}) {
        for (const auto& mention : m_gazetteer.find_mentions(*field)) {
            add_org(doc.orgs, mention.org->id, 1, false);
        }
    }
    for (const auto& tag : doc.tags) {
        for (const auto& mention : m_gazetteer.find_mentions(tag)) {
            add_org(doc.orgs, mention.org->id, 1, false);
        }
    }
    std::sort(doc.orgs.begin(), doc.orgs.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });

    doc.lang = detect_lang(doc.title + "\n" + doc.body);
    return doc;
}

} // namespace zhisou::index
