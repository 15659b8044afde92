#include "decode_eval.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <iconv.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include <zhisou/error.h>
#include <zhisou/text/decode.h>
#include <zhisou/text/utf8.h>

namespace zhisou::eval {
namespace {

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read " + path.string() + " (is the shared corpus complete?)");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
        fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    return fields;
}

std::string to_utf8(std::u32string_view cps) {
    std::string out;
    for (const char32_t cp : cps)
        text::utf8::append(out, cp);
    return out;
}

bool is_han(char32_t cp) {
    return cp >= 0x4E00 && cp <= 0x9FFF;
}

// UTF-8 -> `encoding` through glibc iconv; nothing if a character has no encoding there.
std::optional<std::string> iconv_encode(const std::string& utf8, const char* encoding) {
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
        throw RuntimeError(std::string("iconv cannot encode ") + encoding +
                           " (is glibc's gconv data installed?)");
    }
    std::string input = utf8;
    std::string output(input.size() * 4 + 16, '\0');
    char* in = input.data();
    std::size_t in_left = input.size();
    char* out = output.data();
    std::size_t out_left = output.size();
    const std::size_t status = iconv(cd, &in, &in_left, &out, &out_left);
    iconv_close(cd);
    if (status == static_cast<std::size_t>(-1)) {
        return std::nullopt;
    }
    output.resize(output.size() - out_left);
    return output;
}

} // namespace

std::filesystem::path legacy_encodings_dir(const std::filesystem::path& corpus) {
    return corpus / "mojibake" / "legacy-encodings";
}

std::string expected_charset(std::string_view label) {
    if (label == "Big5") {
        return "Big5";
    }
    if (label == "GB2312") {
        return "GB18030";
    }
    if (label == "TIS-620") {
        return "windows-874";
    }
    if (label == "windows-1252" || label == "iso-8859-1") {
        return "windows-1252";
    }
    if (label == "utf-8") {
        return "UTF-8";
    }
    return std::string(label); // EUC-TW
}

bool equal_up_to_variants(std::string_view decoded, std::string_view reference) {
    if (decoded == reference) {
        return true;
    }
    const std::u32string ours = text::utf8::to_code_points(decoded);
    const std::u32string theirs = text::utf8::to_code_points(reference);
    if (ours.size() != theirs.size()) {
        return false;
    }
    for (std::size_t i = 0; i < ours.size(); ++i) {
        const char32_t a = ours[i];
        const char32_t b = theirs[i];
        const bool variant = a == b || (a == 0x2014 && b == 0x2015) ||
                             (a == 0x00B7 && b == 0x30FB) || (b >= 0x80 && b <= 0x9F);
        if (!variant) {
            return false;
        }
    }
    return true;
}

DecodeReport evaluate_decode(const std::filesystem::path& legacy_dir, bool honour_declared) {
    DecodeReport report;
    report.honour_declared = honour_declared;
    report.total.label = "all";
    std::istringstream manifest(read_all(legacy_dir / "manifest.tsv"));
    std::string line;
    std::getline(manifest, line); // header: path, labeled_encoding, bytes, decoded_copy, ...
    std::map<std::string, std::size_t> row_of_label;
    while (std::getline(manifest, line)) {
        const std::vector<std::string> fields = split_tabs(line);
        if (fields.size() < 4 || fields[0].empty()) {
            continue;
        }
        DecodeFileResult file;
        file.path = fields[0];
        file.label = fields[1];
        file.expected = expected_charset(file.label);
        const std::string raw = read_all(legacy_dir / file.path);
        text::DecodeHints hints;
        hints.honour_declared = honour_declared;
        const text::Decoded decoded = text::decode(raw, hints);
        file.encoding = decoded.encoding;
        file.method = decoded.method;
        file.confidence = decoded.confidence;
        file.replaced = decoded.replaced;
        file.correct = decoded.encoding == file.expected;
        // UTF-8 files have no copy: they are their own reference.
        std::optional<std::string> reference;
        if (!fields[3].empty()) {
            reference = read_all(legacy_dir / fields[3]);
        } else if (file.label == "utf-8") {
            reference = raw;
        }
        if (reference) {
            file.exact = decoded.text == *reference;
            file.equivalent = equal_up_to_variants(decoded.text, *reference);
        }

        auto [it, inserted] = row_of_label.try_emplace(file.label, report.rows.size());
        if (inserted) {
            report.rows.push_back(DecodeEncodingRow{file.label});
        }
        for (DecodeEncodingRow* row : {&report.rows[it->second], &report.total}) {
            ++row->files;
            row->correct += file.correct ? 1 : 0;
            row->with_reference += file.exact.has_value() ? 1 : 0;
            row->exact += file.exact.value_or(false) ? 1 : 0;
            row->equivalent += file.equivalent.value_or(false) ? 1 : 0;
        }
        report.files.push_back(std::move(file));
    }
    return report;
}

namespace {

struct SnippetSource {
    std::string name;
    std::filesystem::path jsonl;
    bool traditional; ///< take lang zh-Hant* documents, else the Simplified zh ones
    std::vector<std::pair<std::string, std::string>> encodings; ///< iconv name, expected
};

// Snippets of `length` characters starting at the Han character nearest the middle of each
// document, so that each snippet is real running text rather than a title or a link list.
std::vector<std::string> cut_snippets(const SnippetSource& source, std::size_t length,
                                      std::size_t wanted, const char* must_encode_as) {
    std::vector<std::string> snippets;
    std::ifstream in(source.jsonl);
    if (!in) {
        throw InputError("cannot read " + source.jsonl.string());
    }
    std::string line;
    while (snippets.size() < wanted && std::getline(in, line)) {
        const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
        if (doc.is_discarded() || !doc.contains("text") || !doc.contains("lang")) {
            continue;
        }
        const std::string lang = doc["lang"].get<std::string>();
        const bool traditional = lang.starts_with("zh-Hant");
        if (!lang.starts_with("zh") || traditional != source.traditional) {
            continue;
        }
        const std::u32string text = text::utf8::to_code_points(doc["text"].get<std::string>());
        std::size_t start = text.size() / 2;
        while (start < text.size() && !is_han(text[start])) {
            ++start;
        }
        if (start + length > text.size()) {
            continue;
        }
        std::string snippet = to_utf8(std::u32string_view(text).substr(start, length));
        if (iconv_encode(snippet, must_encode_as)) {
            snippets.push_back(std::move(snippet));
        }
    }
    return snippets;
}

} // namespace

std::vector<TranscodedRow>
evaluate_transcoded_snippets(const std::filesystem::path& corpus,
                             const std::vector<std::size_t>& snippet_lengths,
                             std::size_t snippets_per_length) {
    const std::vector<SnippetSource> sources = {
        {"picker (Simplified)",
         corpus / "news" / "picker-techsec-news.jsonl",
         false,
         {{"GB18030", "GB18030"}}},
        {"hkcnews (Traditional)",
         corpus / "news" / "hkcnews-traditional.jsonl",
         true,
         {{"BIG5-HKSCS", "Big5"}, {"GB18030", "GB18030"}}},
    };
    std::vector<TranscodedRow> rows;
    for (const SnippetSource& source : sources) {
        for (const std::size_t length : snippet_lengths) {
            // The same snippets for every target encoding: all must be encodable in each.
            std::vector<std::string> snippets = cut_snippets(source, length, snippets_per_length,
                                                             source.encodings[0].first.c_str());
            for (const auto& [iconv_name, expected] : source.encodings) {
                TranscodedRow row;
                row.source = source.name;
                row.encoding = iconv_name;
                row.expected = expected;
                row.snippet_chars = length;
                std::map<std::string, std::size_t> wrong;
                for (const std::string& snippet : snippets) {
                    const std::optional<std::string> bytes =
                        iconv_encode(snippet, iconv_name.c_str());
                    if (!bytes) {
                        continue;
                    }
                    text::DecodeHints hints;
                    hints.honour_declared = false;
                    const text::Decoded decoded = text::decode(*bytes, hints);
                    ++row.samples;
                    if (decoded.encoding == expected) {
                        ++row.correct;
                    } else {
                        ++wrong[decoded.encoding];
                    }
                }
                const auto worst =
                    std::max_element(wrong.begin(), wrong.end(), [](const auto& a, const auto& b) {
                        return a.second < b.second;
                    });
                if (worst != wrong.end()) {
                    row.top_confusion = worst->first;
                }
                rows.push_back(std::move(row));
            }
        }
    }
    return rows;
}

TranscodedRow evaluate_latin_cases(const std::filesystem::path& corpus) {
    TranscodedRow row;
    row.source = "ftfy fixed texts";
    row.encoding = "WINDOWS-1252";
    row.expected = "windows-1252";
    std::istringstream lines(read_all(corpus / "mojibake" / "ftfy-cases.jsonl"));
    std::map<std::string, std::size_t> wrong;
    for (std::string line; std::getline(lines, line);) {
        const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
        if (doc.is_discarded() || doc.value("expect", "") != "pass") {
            continue;
        }
        const std::string fixed = doc.value("fixed", "");
        const bool has_non_ascii = std::any_of(fixed.begin(), fixed.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x80;
        });
        const std::optional<std::string> bytes =
            has_non_ascii ? iconv_encode(fixed, "WINDOWS-1252") : std::nullopt;
        if (!bytes) {
            continue;
        }
        if (text::is_valid_utf8(*bytes)) {
            ++row.skipped_valid_utf8;
            continue;
        }
        text::DecodeHints hints;
        hints.honour_declared = false;
        const text::Decoded decoded = text::decode(*bytes, hints);
        ++row.samples;
        if (decoded.encoding == row.expected) {
            ++row.correct;
        } else {
            ++wrong[decoded.encoding];
        }
    }
    const auto worst =
        std::max_element(wrong.begin(), wrong.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    if (worst != wrong.end()) {
        row.top_confusion = worst->first;
    }
    return row;
}

} // namespace zhisou::eval
