#include "search_output.h"

#include <fmt/format.h>
#include <ostream>

namespace zhisou::cli {
namespace {

std::string dim(const std::string& text, bool colour) {
    return colour ? "\033[2m" + text + "\033[0m" : text;
}

std::string bold(const std::string& text, bool colour) {
    return colour ? "\033[1m" + text + "\033[0m" : text;
}

} // namespace

void print_result(std::ostream& out, const query::SearchResult& result,
                  const PrintOptions& options) {
    const bool colour = options.colour;
    if (options.explain) {
        out << "query:    " << result.query << '\n';
        out << "parsed:   " << result.parsed << '\n';
        out << "mode:     " << query::mode_name(result.mode) << '\n';
        for (const auto& note : result.notes)
            out << "note:     " << note << '\n';
        if (!result.explain.empty())
            out << "xapian:   " << result.explain << '\n';
        out << '\n';
    } else {
        for (const auto& warning : result.warnings)
            out << dim("note: " + warning, colour) << '\n';
    }
    for (const auto& shard : result.missing_shards)
        out << "warning: shard " << shard << " could not be reached; its documents are missing\n";

    const std::string approx = result.total_lower == result.total_upper ? "" : "about ";
    out << fmt::format("{}{} {} ({:.1f} ms)", approx, result.total,
                       result.total == 1 ? "match" : "matches", result.took_ms)
        << '\n';
    if (!result.did_you_mean.empty())
        out << "did you mean: " << bold(result.did_you_mean, colour) << '\n';

    for (const auto& hit : result.hits) {
        out << '\n';
        const std::string title = hit.title.empty() ? hit.id : hit.title;
        out << fmt::format("{:>3}. ", hit.rank) << bold(title, colour) << '\n';
        std::vector<std::string> meta;
        if (!hit.date.empty())
            meta.push_back(hit.date);
        if (!hit.source.empty())
            meta.push_back(hit.source);
        if (!hit.orgs.empty())
            meta.push_back(fmt::format("orgs: {}", fmt::join(hit.orgs, ", ")));
        if (!hit.lang.empty())
            meta.push_back(hit.lang);
        if (hit.collapsed > 0)
            meta.push_back(fmt::format("{} similar", hit.collapsed));
        if (!meta.empty())
            out << "     " << dim(fmt::format("{}", fmt::join(meta, " · ")), colour) << '\n';
        const std::string& where = hit.url.empty() ? hit.path : hit.url;
        if (!where.empty())
            out << "     " << dim(where, colour) << '\n';
        const std::string snippet = colour ? hit.snippet.ansi() : hit.snippet.bracketed();
        if (!snippet.empty())
            out << "     " << snippet << '\n';
        if (options.explain) {
            out << "     " << dim(fmt::format("score {:.3f}", hit.score), colour);
            if (!hit.why.empty())
                out << dim(fmt::format("; matched {}", fmt::join(hit.why, " ")), colour);
            out << '\n';
        }
    }
    for (const auto& [facet, values] : result.facets) {
        out << '\n' << bold(std::string(query::facet_name(facet)), colour) << ':';
        if (values.empty())
            out << " (none)";
        for (const auto& value : values) {
            out << "  " << value.value;
            if (value.label != value.value)
                out << " (" << value.label << ")";
            out << ' ' << value.count;
        }
        out << '\n';
    }
}

} // namespace zhisou::cli
