#include "repair_eval.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <zhisou/error.h>
#include <zhisou/text/repair.h>

namespace zhisou::eval {
namespace {

using nlohmann::json;

std::string read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw RuntimeError("cannot read " + path.string() + " (is the shared corpus complete?)");
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::vector<json> read_jsonl(const std::filesystem::path& path) {
    std::vector<json> lines;
    std::istringstream in(read_whole(path));
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty()) {
            lines.push_back(json::parse(line));
        }
    }
    return lines;
}

/// "tests/test-cases/in-the-wild.json" -> "in-the-wild".
std::string file_stem(const std::string& path) {
    return std::filesystem::path(path).stem().string();
}

void count(RepairRow& row, bool passed) {
    ++row.total;
    row.passed += passed ? 1 : 0;
}

RepairRow& row_named(std::vector<RepairRow>& rows, const std::string& name) {
    for (RepairRow& row : rows) {
        if (row.name == name) {
            return row;
        }
    }
    rows.push_back(RepairRow{name, 0, 0});
    return rows.back();
}

void run_ftfy_cases(const std::filesystem::path& file, RepairReport& report) {
    for (const json& line : read_jsonl(file)) {
        RepairCaseResult result;
        result.set = "ftfy";
        result.group = file_stem(line.at("source_file").get<std::string>());
        result.expect = line.at("expect").get<std::string>();
        result.index = line.value("index", 0);
        result.original = line.at("original").get<std::string>();
        result.expected = line.contains("fixed-encoding")
                              ? line.at("fixed-encoding").get<std::string>()
                              : line.at("fixed").get<std::string>();
        const auto repaired = text::repair(result.original);
        result.output = repaired.text;
        result.unrecoverable = repaired.unrecoverable;
        result.passed = nfc(result.output) == nfc(result.expected);
        report.cases.push_back(std::move(result));
    }
}

void run_zh_th_cases(const std::filesystem::path& file, RepairReport& report) {
    for (const json& line : read_jsonl(file)) {
        RepairCaseResult result;
        result.set = "zh-th";
        result.expect = line.at("expect").get<std::string>();
        result.group = result.expect;
        result.index = line.value("index", 0);
        result.original = line.at("original").get<std::string>();
        result.expected = line.at("fixed").get<std::string>();
        const auto repaired = text::repair(result.original);
        result.output = repaired.text;
        result.unrecoverable = repaired.unrecoverable;
        if (result.expect == "unfixable") {
            // The corpus's "" means "nothing legible survives"; what repair must do is flag
            // the text and leave none of the residue (锟斤拷) to be indexed.
            result.passed = repaired.unrecoverable && result.output.find("锟") == std::string::npos;
        } else {
            result.passed = nfc(result.output) == nfc(result.expected);
        }
        report.cases.push_back(std::move(result));
    }
}

/// True if every change repair made replaced a single C1 control (U+0080..U+009F).
bool differs_only_in_c1(const std::string& input, const text::Repaired& repaired) {
    for (const auto& change : repaired.changes) {
        const auto& from = change.from;
        const bool c1 = from.size() == 2 && static_cast<unsigned char>(from[0]) == 0xC2 &&
                        static_cast<unsigned char>(from[1]) >= 0x80 &&
                        static_cast<unsigned char>(from[1]) <= 0x9F;
        if (!c1) {
            return false;
        }
    }
    return !input.empty();
}

void run_legacy_feeds(const std::filesystem::path& folder, RepairReport& report) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        const std::string input = read_whole(path);
        const auto repaired = text::repair(input);
        ++report.legacy_files;
        if (repaired.text == input) {
            continue;
        }
        ++report.legacy_changed;
        if (differs_only_in_c1(input, repaired)) {
            ++report.legacy_changed_c1_only;
        } else {
            report.legacy_changed_files.push_back(std::filesystem::relative(path, folder).string());
        }
    }
}

/// `text` with every run of U+FFFD shortened to one: how many replacement characters mark a
/// loss is a convention (the corpus writes one per lost byte, repair one per character).
std::string one_fffd_per_run(const std::string& text) {
    static const std::string fffd = "\xEF\xBF\xBD";
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.compare(i, fffd.size(), fffd) == 0) {
            out += fffd;
            while (text.compare(i, fffd.size(), fffd) == 0) {
                i += fffd.size();
            }
            continue;
        }
        out.push_back(text[i++]);
    }
    return out;
}

void tally(RepairReport& report) {
    report.ftfy_pass.name = "ftfy: cases ftfy passes";
    report.ftfy_negative.name = "ftfy: negative (must stay)";
    report.zh_th_exact.name = "zh-th: exact";
    report.zh_th_human_fixed.name = "zh-th: human-fixed";
    report.zh_th_targets.name = "zh-th: exact + human-fixed";
    for (const RepairCaseResult& result : report.cases) {
        count(row_named(report.rows, result.set + ": " + result.group), result.passed);
    }
    for (const RepairCaseResult& result : report.cases) {
        if (result.set == "ftfy") {
            count(row_named(report.rows, "ftfy: all with expect=" + result.expect), result.passed);
            if (result.expect == "pass") {
                count(report.ftfy_pass, result.passed);
            }
            if (result.group == "negative") {
                count(report.ftfy_negative, result.passed);
            }
        } else if (result.expect == "exact" || result.expect == "human-fixed") {
            count(result.expect == "exact" ? report.zh_th_exact : report.zh_th_human_fixed,
                  result.passed);
            count(report.zh_th_targets, result.passed);
        } else if (result.expect == "lossy") {
            count(row_named(report.rows, "zh-th: lossy, U+FFFD runs as one"),
                  one_fffd_per_run(nfc(result.output)) == one_fffd_per_run(nfc(result.expected)));
        }
    }
}

} // namespace

std::string nfc(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        throw RuntimeError(std::string("ICU NFC unavailable: ") + u_errorName(status));
    }
    const icu::UnicodeString normalized =
        normalizer->normalize(icu::UnicodeString::fromUTF8(utf8), status);
    if (U_FAILURE(status)) {
        throw RuntimeError(std::string("ICU NFC failed: ") + u_errorName(status));
    }
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

RepairReport evaluate_repair(const std::filesystem::path& corpus) {
    const std::filesystem::path mojibake = corpus / "mojibake";
    RepairReport report;
    run_ftfy_cases(mojibake / "ftfy-cases.jsonl", report);
    run_zh_th_cases(mojibake / "zh-th-wild-cases.jsonl", report);
    run_legacy_feeds(mojibake / "legacy-encodings" / "utf8", report);
    tally(report);
    return report;
}

} // namespace zhisou::eval
