#include "search_queries.h"

#include <array>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

namespace zhisou::bench {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        parts.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos)
            return parts;
        start = tab + 1;
    }
}

// Splits at spaces, keeping a "quoted phrase" (also after a field name) in one token.
std::vector<std::string> split_query(std::string_view text) {
    std::vector<std::string> tokens;
    std::string current;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"')
            quoted = !quoted;
        if (c == ' ' && !quoted) {
            if (!current.empty())
                tokens.push_back(std::move(current));
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.empty())
        tokens.push_back(std::move(current));
    return tokens;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// YYYY, YYYY-MM, YYYY-MM-DD or YYYYQn as a YYYYMMDD number: the period's first day, or its
// last day when `last`.
std::optional<int> date_bound(std::string_view text, bool last) {
    if (text.size() < 4)
        return std::nullopt;
    const auto year = number(text.substr(0, 4));
    if (!year)
        return std::nullopt;
    std::string_view rest = text.substr(4);
    int first_month = 1, last_month = 12;
    std::optional<int> day;
    if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q')) {
        const auto quarter = number(rest.substr(1));
        if (!quarter || *quarter < 1 || *quarter > 4)
            return std::nullopt;
        first_month = 3 * *quarter - 2;
        last_month = 3 * *quarter;
    } else if (!rest.empty()) {
        if (rest.size() < 3 || rest[0] != '-')
            return std::nullopt;
        const auto month = number(rest.substr(1, 2));
        if (!month || *month < 1 || *month > 12)
            return std::nullopt;
        first_month = last_month = *month;
        rest = rest.substr(3);
        if (!rest.empty()) {
            if (rest.size() != 3 || rest[0] != '-')
                return std::nullopt;
            day = number(rest.substr(1));
            if (!day || *day < 1 || *day > days_in_month(*year, *month))
                return std::nullopt;
        }
    }
    const int month = last ? last_month : first_month;
    const int d = day ? *day : (last ? days_in_month(*year, month) : 1);
    return *year * 10000 + month * 100 + d;
}

// date:SPEC -> "from..to" for the peer's NumberRangeProcessor on slot 0.
std::string date_range(std::string_view spec) {
    const std::size_t dots = spec.find("..");
    std::optional<int> from, to;
    bool ok = true;
    if (dots == std::string_view::npos) {
        from = date_bound(spec, false);
        to = date_bound(spec, true);
        ok = from && to;
    } else {
        const std::string_view a = spec.substr(0, dots), b = spec.substr(dots + 2);
        if (!a.empty())
            ok = (from = date_bound(a, false)).has_value();
        if (ok && !b.empty())
            ok = (to = date_bound(b, true)).has_value();
        ok = ok && (from || to);
    }
    if (!ok) {
        throw std::runtime_error(fmt::format(
            "cannot translate date:{} for Xapian (YYYY, YYYY-MM, YYYY-MM-DD, YYYYQn and ranges "
            "A..B, A.., ..B only); give the Xapian query in a third column",
            spec));
    }
    return (from ? std::to_string(*from) : std::string()) + ".." +
           (to ? std::to_string(*to) : std::string());
}

} // namespace

std::string to_xapian_query(std::string_view zhisou_query) {
    std::string text(zhisou_query);
    for (const std::string_view quote : {"「", "」", "『", "』", "“", "”"})
        text = replace_all(std::move(text), quote, "\"");
    static constexpr std::array kDropped{
        "lang:", "source:", "author:", "tag:", "is:", "id:", "saved:", "mentioned:"};
    std::string out;
    for (std::string token : split_query(text)) {
        std::string sign;
        if (token.size() > 1 && (token[0] == '-' || token[0] == '+')) {
            sign = token.substr(0, 1);
            token.erase(0, 1);
        }
        bool dropped = false;
        for (const std::string_view field : kDropped)
            dropped = dropped || token.starts_with(field);
        if (dropped)
            continue;
        if (token.starts_with("org:"))
            token.erase(0, 4);
        else if (token.starts_with("date:"))
            token = date_range(std::string_view(token).substr(5));
        if (!out.empty())
            out += ' ';
        out += sign + token;
    }
    return out;
}

std::vector<BenchQuery> load_queries(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw std::runtime_error("cannot read the query file " + file.string());
    std::vector<BenchQuery> queries;
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (line.empty() || line[0] == '#')
            continue;
        const auto parts = split_tabs(line);
        if (parts.size() < 2 || parts.size() > 3 || parts[0].empty() || parts[1].empty()) {
            throw std::runtime_error(
                fmt::format("{}:{}: expected class<TAB>query[<TAB>query for Xapian], got '{}'",
                            file.string(), line_number, line));
        }
        BenchQuery query{std::string(parts[0]), std::string(parts[1]), {}};
        try {
            query.xapian = parts.size() == 3 ? std::string(parts[2]) : to_xapian_query(parts[1]);
        } catch (const std::runtime_error& e) {
            throw std::runtime_error(
                fmt::format("{}:{}: {}", file.string(), line_number, e.what()));
        }
        queries.push_back(std::move(query));
    }
    if (queries.empty())
        throw std::runtime_error("no queries in " + file.string());
    return queries;
}

std::vector<BenchQuery> load_dev_questions(const std::filesystem::path& file, std::size_t count) {
    std::vector<std::string> all;
    std::ifstream in(file);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    for (std::string line; std::getline(in, line);) {
        const auto question = nlohmann::json::parse(line, nullptr, false);
        if (question.is_object() && question.contains("text") && question["text"].is_string())
            all.push_back(question["text"].get<std::string>());
    }
    std::vector<BenchQuery> queries;
    if (count == 0 || all.empty())
        return queries;
    const std::size_t step = std::max<std::size_t>(1, all.size() / count);
    for (std::size_t i = 0; i < all.size() && queries.size() < count; i += step)
        queries.push_back({"question-dev", all[i], all[i]});
    return queries;
}

} // namespace zhisou::bench
