// Charset detection and decoding quality on the legacy-encodings corpus (Big5, GB2312,
// TIS-620, EUC-TW, windows-1252, ISO-8859-1 and UTF-8 feeds), detection on short news
// snippets we transcode ourselves, and the speed of is_valid_utf8() and decode().
//
//   eval_decode           the three tables
//   eval_decode --files   also every file whose detection or text is wrong

#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iconv.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <zhisou/text/decode.h>

#include "corpus_paths.h"
#include "decode_eval.h"

namespace {

using zhisou::eval::DecodeEncodingRow;
using zhisou::eval::DecodeReport;

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) {
        return "n/a";
    }
    return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string fraction(std::size_t part, std::size_t whole) {
    return whole == 0 ? "n/a" : fmt::format("{}/{} {}", part, whole, percent(part, whole));
}

void print_detection(const DecodeReport& normal, const DecodeReport& detection_only) {
    fmt::print("Decoding the legacy-encodings corpus (target: 100% on Big5, GB2312, utf-8 with "
               "declared charsets honoured)\n");
    fmt::print("{:<13} {:>5} | {:<18} | {:<18} | {:<18} | {:<18}\n", "labelled", "files",
               "right charset", "right charset", "text == utf8/ copy", "equal up to");
    fmt::print("{:<13} {:>5} | {:<18} | {:<18} | {:<18} | {:<18}\n", "encoding", "",
               "(declared honoured)", "(detection only)", "(declared honoured)",
               "variant mappings");
    const auto print_row = [](const DecodeEncodingRow& a, const DecodeEncodingRow& b) {
        fmt::print("{:<13} {:>5} | {:<18} | {:<18} | {:<18} | {:<18}\n", a.label, a.files,
                   fraction(a.correct, a.files), fraction(b.correct, b.files),
                   fraction(a.exact, a.with_reference), fraction(a.equivalent, a.with_reference));
    };
    for (std::size_t i = 0; i < normal.rows.size(); ++i) {
        print_row(normal.rows[i], detection_only.rows[i]);
    }
    print_row(normal.total, detection_only.total);
    fmt::print("Charset counted right: Big5 -> Big5 (decoded as Big5-HKSCS), GB2312 -> GB18030, "
               "TIS-620 -> windows-874,\nISO-8859-1 -> windows-1252. Variant mappings: GB2312 "
               "A1AA/A1A4 read as U+2015/U+30FB by the\ncorpus's Python codec but U+2014/U+00B7 "
               "by GB18030; C1 controls where windows-874/1252 have punctuation.\n\n");
}

void print_files(const DecodeReport& report) {
    fmt::print("Files with a wrong charset or text ({}):\n",
               report.honour_declared ? "declared honoured" : "detection only");
    for (const auto& file : report.files) {
        if (file.correct && file.equivalent.value_or(true)) {
            continue;
        }
        fmt::print("  {:<62} {:<13} -> {:<13} {:<9} conf {:>3} U+FFFD {} exact {} variants {}\n",
                   file.path, file.label, file.encoding, file.method, file.confidence,
                   file.replaced, file.exact ? (*file.exact ? "yes" : "no") : "n/a",
                   file.equivalent ? (*file.equivalent ? "yes" : "no") : "n/a");
    }
    fmt::print("\n");
}

void print_snippets(const std::filesystem::path& corpus) {
    const std::vector<std::size_t> lengths = {2, 4, 8, 16, 64, 256};
    constexpr std::size_t kPerLength = 300;
    auto rows = zhisou::eval::evaluate_transcoded_snippets(corpus, lengths, kPerLength);
    rows.push_back(zhisou::eval::evaluate_latin_cases(corpus));
    fmt::print("Detection only, on snippets of real text encoded by glibc iconv (each starts at a "
               "Han character\nmid-document; lengths in characters, ASCII included)\n");
    fmt::print("{:<22} {:<13} {:>6} {:>7} | {:<20} | {}\n", "text", "encoded as", "chars",
               "samples", "right charset", "most frequent wrong answer");
    for (const auto& row : rows) {
        fmt::print("{:<22} {:<13} {:>6} {:>7} | {:<20} | {}\n", row.source, row.encoding,
                   row.snippet_chars == 0 ? std::string("whole")
                                          : std::to_string(row.snippet_chars),
                   row.samples, fraction(row.correct, row.samples), row.top_confusion);
    }
    fmt::print("({} ftfy cases left out: their windows-1252 bytes are also valid UTF-8, which "
               "decode() reads as UTF-8 by design.)\n\n",
               rows.back().skipped_valid_utf8);
}

// --- speed -----------------------------------------------------------------------------------

template <typename Work>
double megabytes_per_second(std::size_t bytes_per_run, Work&& work) {
    using Clock = std::chrono::steady_clock;
    std::size_t runs = 0;
    const auto start = Clock::now();
    double seconds = 0;
    do {
        work();
        ++runs;
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
    } while (seconds < 0.5);
    return static_cast<double>(bytes_per_run * runs) / seconds / 1e6;
}

std::string gb18030_of(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string input = utf8;
    std::string output(input.size() * 2 + 16, '\0');
    char* in = input.data();
    std::size_t in_left = input.size();
    char* out = output.data();
    std::size_t out_left = output.size();
    iconv(cd, &in, &in_left, &out, &out_left);
    iconv_close(cd);
    output.resize(output.size() - out_left);
    return output;
}

void print_speed(const std::filesystem::path& corpus) {
    // Documents of the picker news corpus (Chinese and English, UTF-8) as separate strings.
    std::vector<std::string> docs;
    std::size_t doc_bytes = 0;
    {
        std::ifstream in(corpus / "news" / "picker-techsec-news.jsonl");
        for (std::string line; docs.size() < 2000 && std::getline(in, line);) {
            const auto doc = nlohmann::json::parse(line, nullptr, false);
            if (!doc.is_discarded() && doc.contains("text")) {
                docs.push_back(doc["text"].get<std::string>());
                doc_bytes += docs.back().size();
            }
        }
    }
    std::vector<std::string> gb_docs;
    std::size_t gb_bytes = 0;
    for (std::size_t i = 0; i < docs.size() && i < 300; ++i) {
        gb_docs.push_back(gb18030_of(docs[i]));
        gb_bytes += gb_docs.back().size();
    }
    const std::string ascii = [] {
        std::string text;
        const std::string line = "The quick brown fox jumps over the lazy dog 0123456789.\n";
        while (text.size() < (64u << 20)) {
            text += line;
        }
        return text;
    }();
    const std::string joined = [&] {
        std::string all;
        for (const auto& d : docs) {
            all += d;
        }
        return all;
    }();

    volatile bool sink = false;
    fmt::print("Speed (single thread; MB/s of input)\n");
    fmt::print("{:<58} {:>10} {:>10}\n", "operation", "input MB", "MB/s");
    const auto row = [](std::string_view name, std::size_t bytes, double rate) {
        fmt::print("{:<58} {:>10.1f} {:>10.0f}\n", name, static_cast<double>(bytes) / 1e6, rate);
    };
    row("is_valid_utf8, ASCII", ascii.size(),
        megabytes_per_second(ascii.size(), [&] { sink = zhisou::text::is_valid_utf8(ascii); }));
    row("is_valid_utf8, news corpus (mostly Chinese UTF-8)", joined.size(),
        megabytes_per_second(joined.size(), [&] { sink = zhisou::text::is_valid_utf8(joined); }));
    row("decode, news documents (valid UTF-8: validate + copy)", doc_bytes,
        megabytes_per_second(doc_bytes, [&] {
            for (const auto& d : docs) {
                sink = zhisou::text::decode(d).replaced == 0;
            }
        }));
    zhisou::text::DecodeHints no_declared;
    no_declared.honour_declared = false;
    row("decode, the same documents in GB18030 (detection path)", gb_bytes,
        megabytes_per_second(gb_bytes, [&] {
            for (const auto& d : gb_docs) {
                sink = zhisou::text::decode(d, no_declared).replaced == 0;
            }
        }));
    (void)sink;
}

} // namespace

int main(int argc, char** argv) {
    const auto corpus = zhisou::eval::shared_corpus();
    if (!corpus) {
        fmt::print(stderr, "eval_decode: ../shared/corpus not found (set ZHISOU_SHARED)\n");
        return 2;
    }
    const bool list_files = argc > 1 && std::strcmp(argv[1], "--files") == 0;
    const auto legacy = zhisou::eval::legacy_encodings_dir(*corpus);
    const DecodeReport normal = zhisou::eval::evaluate_decode(legacy, true);
    const DecodeReport detection_only = zhisou::eval::evaluate_decode(legacy, false);
    print_detection(normal, detection_only);
    if (list_files) {
        print_files(normal);
        print_files(detection_only);
    }
    print_snippets(*corpus);
    print_speed(*corpus);
    return 0;
}
