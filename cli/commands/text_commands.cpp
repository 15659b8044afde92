// The text-pipeline commands: repair, segment, analyze. Their output formats are used by tests
// and by evaluations outside the project; keep them stable.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include <zhisou/error.h>
#include <zhisou/text/analyzer.h>
#include <zhisou/text/decode.h>
#include <zhisou/text/repair.h>
#include <zhisou/text/segment.h>

#include "commands.h"
#include "io.h"

namespace zhisou::cli {
namespace {

using nlohmann::json;

std::string_view kind_name(text::TokenKind kind) {
    switch (kind) {
    case text::TokenKind::Word:
        return "word";
    case text::TokenKind::Stem:
        return "stem";
    case text::TokenKind::Bigram:
        return "bigram";
    case text::TokenKind::Unigram:
        return "unigram";
    case text::TokenKind::Compound:
        return "compound";
    }
    return "?";
}

json changes_to_json(const text::Repaired& repaired) {
    json changes = json::array();
    for (const auto& change : repaired.changes) {
        changes.push_back({{"begin", change.begin},
                           {"end", change.end},
                           {"from", change.from},
                           {"to", change.to},
                           {"cause", change.cause}});
    }
    return changes;
}

// Bytes of any encoding -> repaired UTF-8, the first two steps of the indexing pipeline.
text::Repaired decode_and_repair(std::string_view bytes) {
    return text::repair(text::decode(bytes).text);
}

struct RepairOptions {
    std::string input = "-";
    bool report = false;
    bool jsonl = false;
};

int run_repair_jsonl(std::string_view input) {
    int failures = 0;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < input.size()) {
        std::size_t end = input.find('\n', start);
        if (end == std::string_view::npos)
            end = input.size();
        std::string_view line = input.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        json object;
        try {
            object = json::parse(line);
            if (!object.is_object() || !object.contains("text") || !object["text"].is_string()) {
                throw InputError("expected a JSON object with a string field \"text\"");
            }
        } catch (const std::exception& e) {
            // Keep one output line per input line so callers can align them.
            std::cerr << fmt::format("zhisou: error: line {}: {}\n", line_number, e.what());
            std::cout << json{{"error", e.what()}, {"line", line_number}}.dump() << '\n';
            ++failures;
            continue;
        }
        const auto repaired = text::repair(text::decode(object["text"].get<std::string>()).text);
        object["text"] = repaired.text;
        object["repairs"] = changes_to_json(repaired);
        std::cout << object.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
    return failures == 0 ? 0 : 1;
}

int run_repair(const RepairOptions& options) {
    const std::string input = read_input(options.input);
    if (options.jsonl) {
        return run_repair_jsonl(input);
    }
    const auto decoded = text::decode(input);
    const auto repaired = text::repair(decoded.text);
    std::cout << repaired.text;
    if (options.report) {
        std::cerr << fmt::format(
            "decode: {} ({}, confidence {}), {} undecodable byte(s) -> U+FFFD\n", decoded.encoding,
            decoded.method, decoded.confidence, decoded.replaced);
        for (const auto& change : repaired.changes) {
            std::cerr << fmt::format("repair: bytes {}-{}: {} -> {} ({})\n", change.begin,
                                     change.end, json(change.from).dump(), json(change.to).dump(),
                                     change.cause);
        }
        std::cerr << fmt::format("repair: {} change(s){}\n", repaired.changes.size(),
                                 repaired.unrecoverable ? ", unrecoverable residue found" : "");
    }
    return 0;
}

int run_segment() {
    std::string line;
    while (std::getline(std::cin, line)) {
        const bool crlf = !line.empty() && line.back() == '\r';
        if (crlf)
            line.pop_back();
        std::cout << text::segment_line_for_bakeoff(line) << (crlf ? "\r\n" : "\n");
    }
    return 0;
}

struct AnalyzeOptions {
    std::string text = "-";
    bool json = false;
};

int run_analyze(const AnalyzeOptions& options) {
    const std::string source = options.text == "-" ? read_input("-") : options.text;
    const auto repaired = decode_and_repair(source);
    const text::Analyzer analyzer;
    const auto tokens = analyzer.analyze(repaired.text, text::AnalyzeMode::Index);
    if (options.json) {
        json out = json::array();
        for (const auto& token : tokens) {
            out.push_back({{"term", token.term},
                           {"position", token.position},
                           {"begin", token.begin},
                           {"end", token.end},
                           {"kind", kind_name(token.kind)}});
        }
        std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        return 0;
    }
    for (const auto& token : tokens) {
        std::cout << fmt::format("{}\t{}\t{}-{}\t{}\n", token.term, token.position, token.begin,
                                 token.end, kind_name(token.kind));
    }
    return 0;
}

} // namespace

void add_repair_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<RepairOptions>();
    auto* command = app.add_subcommand("repair", "Decode and repair mojibake; print UTF-8 text");
    command->add_option("file", options->input, "File to repair, or - for standard input")
        ->capture_default_str();
    command->add_flag("--report", options->report, "List every change on stderr");
    command->add_flag(
        "--jsonl", options->jsonl,
        "Input lines are JSON objects with a \"text\" field; output adds \"repairs\"");
    command->callback([options, &action] { action = [options] { return run_repair(*options); }; });
}

void add_segment_command(CLI::App& app, Action& action) {
    auto* command = app.add_subcommand(
        "segment", "Segment UTF-8 lines from stdin into words separated by one space");
    command->callback([&action] { action = [] { return run_segment(); }; });
}

void add_analyze_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<AnalyzeOptions>();
    auto* command = app.add_subcommand("analyze", "Show the index terms of a text");
    command->add_option("text", options->text, "Text to analyze, or - for standard input")
        ->capture_default_str();
    command->add_flag("--json", options->json, "Print a JSON array of tokens");
    command->callback([options, &action] { action = [options] { return run_analyze(*options); }; });
}

} // namespace zhisou::cli
