// find_byline_date: the date printed near the top of a document ("Published: March 5, 2025",
// "发布时间：2025年3月5日", "By Jane Doe | March 5, 2025"). Only the first lines are read:
// further down, a date is a mention, not the document's own date.

#include <array>

#include <zhisou/index/date.h>

#include "index/date_chars.h"
#include "index/date_grammar.h"

namespace zhisou::index {
namespace {

using detail::sym_at;
using detail::sym_before;

constexpr std::size_t kWindowBytes = 2048;
constexpr int kMaxLines = 15;

struct Label {
    std::string_view text; ///< lower case for English
    bool colon_required;   ///< "Date 5" is no label, "Updated March 5" is
};

// Longer labels first, so "date generated" wins over "date".
constexpr auto kLabels = std::to_array<Label>({
    {"date generated", true},
    {"date published", true},
    {"date created", true},
    {"date modified", true},
    {"date posted", true},
    {"publication date", true},
    {"published date", true},
    {"publish date", true},
    {"release date", true},
    {"last modified", true},
    {"pubdate", true},
    {"created", true},
    {"modified", true},
    {"date", true},
    {"time", true},
    {"originally published", false},
    {"first published", false},
    {"published on", false},
    {"posted on", false},
    {"updated on", false},
    {"released on", false},
    {"last updated", false},
    {"published", false},
    {"posted", false},
    {"updated", false},
    {"released", false},
    {"发布时间", false},
    {"发布日期", false},
    {"发布于", false},
    {"發佈時間", false},
    {"發布時間", false},
    {"發佈日期", false},
    {"發布日期", false},
    {"發佈於", false},
    {"發布於", false},
    {"发表时间", false},
    {"发表日期", false},
    {"发表于", false},
    {"發表時間", false},
    {"發表日期", false},
    {"發表於", false},
    {"更新时间", false},
    {"更新時間", false},
    {"更新日期", false},
    {"更新于", false},
    {"更新於", false},
    {"出版日期", false},
    {"刊登日期", false},
    {"日期", false},
    {"时间", false},
    {"時間", false},
});

/// Words that, right after a date, say it is the publication date ("于 2024-11-30 发布").
constexpr auto kTrailingVerbs = std::to_array<std::string_view>(
    {"发布", "發佈", "發布", "发表", "發表", "更新", "published", "posted", "updated"});

bool is_emphasis(char32_t c) {
    return c == U'*' || c == U'_' || c == U'`';
}

std::string_view trim_line(std::string_view line) {
    std::size_t begin = 0;
    std::size_t end = line.size();
    while (begin < end) {
        const detail::Sym sym = sym_at(line, begin);
        if (!detail::is_space(sym.code) && sym.code != U'\uFEFF' && !is_emphasis(sym.code)) {
            break;
        }
        begin += sym.len;
    }
    while (end > begin) {
        const detail::Sym sym = sym_before(line, end);
        if (!detail::is_space(sym.code) && !is_emphasis(sym.code)) {
            break;
        }
        end -= sym.len;
    }
    return line.substr(begin, end - begin);
}

/// A line without its Markdown and HTML decoration; `heading` tells whether it was a "#" line.
std::string_view strip_decoration(std::string_view line, bool& heading) {
    heading = false;
    std::string_view core = trim_line(line);
    for (bool changed = true; changed && !core.empty();) {
        changed = false;
        if (core.front() == '#') {
            heading = true;
            const std::size_t text_begin = core.find_first_not_of('#');
            core = text_begin == std::string_view::npos ? std::string_view{}
                                                        : trim_line(core.substr(text_begin));
            changed = true;
        } else if (core.front() == '>' ||
                   (core.size() > 1 && (core.front() == '-' || core.front() == '+') &&
                    core[1] == ' ')) {
            core = trim_line(core.substr(1));
            changed = true;
        } else if (core.front() == '<' && core.find('>') != std::string_view::npos) {
            core = trim_line(core.substr(core.find('>') + 1));
            changed = true;
        } else if (core.back() == '>' && core.rfind('<') != std::string_view::npos) {
            core = trim_line(core.substr(0, core.rfind('<')));
            changed = true;
        }
    }
    return core;
}

bool starts_with_ci(std::string_view text, std::string_view lower) {
    if (text.size() < lower.size()) {
        return false;
    }
    for (std::size_t k = 0; k < lower.size(); ++k) {
        if (detail::to_lower(static_cast<unsigned char>(text[k])) !=
            static_cast<unsigned char>(lower[k])) {
            return false;
        }
    }
    return true;
}

struct Labelled {
    std::string_view rest; ///< what follows the label and its ':'
    bool colon = false;
};

/// The text after a label and its ':' ("Published: " → the rest), or nullopt.
std::optional<Labelled> after_label(std::string_view line) {
    for (const Label& label : kLabels) {
        if (!starts_with_ci(line, label.text)) {
            continue;
        }
        std::size_t pos = label.text.size();
        if (detail::is_letter(sym_at(line, pos).code)) {
            continue; // "Dated", "Timeline"
        }
        while (pos < line.size() && is_emphasis(sym_at(line, pos).code)) {
            pos += sym_at(line, pos).len;
        }
        while (pos < line.size() && detail::is_blank(sym_at(line, pos).code)) {
            pos += sym_at(line, pos).len;
        }
        const detail::Sym sep = sym_at(line, pos);
        const bool colon = sep.code == U':';
        if (colon) {
            pos += sep.len;
        } else if (label.colon_required) {
            continue;
        }
        return Labelled{trim_line(line.substr(pos)), colon};
    }
    return std::nullopt;
}

/// The date a label introduces: the whole rest, or else the first date in it. Without a
/// colon ("Updated March 5, 2025", "时间 2025年…") the date must come first: "时间就是金钱"
/// is no label.
std::optional<PartialDate> date_after_label(const Labelled& labelled) {
    if (auto whole = parse_date(labelled.rest)) {
        return whole;
    }
    const auto mentions = find_dates(labelled.rest);
    if (mentions.empty() || (!labelled.colon && mentions.front().begin != 0)) {
        return std::nullopt;
    }
    return mentions.front().date;
}

bool precise_enough(const PartialDate& date, bool heading) {
    if (heading) {
        return date.precision == DatePrecision::Day;
    }
    return date.precision != DatePrecision::Year;
}

/// Skips a Chinese weekday ("星期三", "（周三）", "週三") after a date.
std::size_t skip_chinese_weekday(std::string_view line, std::size_t pos) {
    std::size_t probe = pos;
    while (detail::is_blank(sym_at(line, probe).code)) {
        probe += sym_at(line, probe).len;
    }
    const bool open = sym_at(line, probe).code == U'(';
    if (open) {
        probe += sym_at(line, probe).len;
    }
    bool found = false;
    for (const std::string_view word : {"星期", "礼拜", "禮拜", "周", "週"}) {
        if (line.substr(probe).starts_with(word)) {
            probe += word.size();
            found = true;
            break;
        }
    }
    const char32_t day = sym_at(line, probe).code;
    if (!found || !(detail::chinese_digit(day) >= 1 || day == U'日' || day == U'天')) {
        return pos;
    }
    probe += sym_at(line, probe).len;
    if (open) {
        if (sym_at(line, probe).code != U')') {
            return pos;
        }
        probe += sym_at(line, probe).len;
    }
    return probe;
}

std::size_t skip_blanks(std::string_view line, std::size_t pos) {
    while (pos < line.size() && detail::is_blank(sym_at(line, pos).code)) {
        pos += sym_at(line, pos).len;
    }
    return pos;
}

/// A line that is only a date, perhaps with its time or weekday: "2025年3月5日 星期三".
std::optional<PartialDate> date_only_line(std::string_view line, bool heading) {
    if (auto whole = parse_date(line)) {
        return precise_enough(*whole, heading) ? whole : std::nullopt;
    }
    const auto mentions = find_dates(line);
    if (mentions.empty() || mentions.front().begin != 0) {
        return std::nullopt;
    }
    std::size_t end = detail::skip_time_of_day(line, mentions.front().end);
    end = skip_blanks(line, skip_chinese_weekday(line, end));
    if (end != line.size() || !precise_enough(mentions.front().date, heading)) {
        return std::nullopt;
    }
    return mentions.front().date;
}

bool is_field_separator(char32_t c) {
    return c == U'|' || c == detail::kBullet || c == U'丨';
}

/// "于 2024-11-30 13:43:00 发布", "March 5, 2025 · Updated": the line is a date, perhaps after
/// 于, then a publishing verb that ends the line or its field. "2024-02-22 发布「标题」" lists
/// another article and "7-Zip 在2022年6月发布的版本" is a sentence: neither is a byline.
std::optional<PartialDate> date_before_verb(std::string_view line) {
    const auto mentions = find_dates(line);
    if (mentions.empty() || mentions.front().date.precision == DatePrecision::Year) {
        return std::nullopt;
    }
    const DateMention& mention = mentions.front();
    for (std::size_t pos = 0; pos < mention.begin;) {
        const detail::Sym sym = sym_at(line, pos);
        if (!detail::is_blank(sym.code) && sym.code != U'于' && sym.code != U'於') {
            return std::nullopt;
        }
        pos += sym.len;
    }
    std::size_t pos = detail::skip_time_of_day(line, mention.end);
    while (pos < line.size() &&
           (detail::is_blank(sym_at(line, pos).code) || sym_at(line, pos).code == U',' ||
            is_field_separator(sym_at(line, pos).code))) {
        pos += sym_at(line, pos).len;
    }
    for (const std::string_view verb : kTrailingVerbs) {
        if (!starts_with_ci(line.substr(pos), verb)) {
            continue;
        }
        const std::size_t after = skip_blanks(line, pos + verb.size());
        if (after == line.size() || is_field_separator(sym_at(line, after).code)) {
            return mention.date;
        }
    }
    return std::nullopt;
}

/// A dateline: the line opens with the date, then a short place or a dash and the rest of the
/// byline ("2024年3月18日 北京", "1 August 2024 – by Jane Doe"). A date followed by a comma
/// opens a sentence ("2025年1月8日，美国国土安全部发布…") and does not count.
std::optional<PartialDate> dateline(std::string_view line) {
    const auto mentions = find_dates(line);
    if (mentions.empty() || mentions.front().begin != 0 ||
        mentions.front().date.precision == DatePrecision::Year) {
        return std::nullopt;
    }
    const std::size_t date_end = detail::skip_time_of_day(line, mentions.front().end);
    const std::size_t next = skip_blanks(line, date_end);
    if (next == date_end || next == line.size()) {
        return std::nullopt;
    }
    const char32_t c = sym_at(line, next).code;
    if (c == detail::kRangeDash || c == U'-' || is_field_separator(c)) {
        return mentions.front().date;
    }
    constexpr std::size_t kPlaceBytes = 24; // 北京, 台北, San Francisco
    if (line.size() - next > kPlaceBytes) {
        return std::nullopt;
    }
    for (std::size_t pos = next; pos < line.size(); pos += sym_at(line, pos).len) {
        const char32_t p = sym_at(line, pos).code;
        if (detail::is_digit(p) || (p < 0x80 && !detail::is_letter(p) && !detail::is_blank(p)) ||
            p == U'，' || p == U'。' || p == U'、') {
            return std::nullopt;
        }
    }
    return mentions.front().date;
}

/// "By Jane Doe | March 5, 2025 | 5 min read", "作者：张三 丨 2025-03-05": one field is a date.
std::optional<PartialDate> date_in_fields(std::string_view line) {
    std::size_t field_begin = 0;
    bool separated = false;
    for (std::size_t pos = 0; pos <= line.size();) {
        const detail::Sym sym = sym_at(line, pos);
        const bool separator = is_field_separator(sym.code);
        if (sym.len == 0 || separator) {
            if (separated || sym.len != 0) {
                bool heading = false;
                const std::string_view field =
                    strip_decoration(line.substr(field_begin, pos - field_begin), heading);
                if (auto labelled = after_label(field)) {
                    if (auto date = date_after_label(*labelled)) {
                        return date;
                    }
                }
                if (auto date = date_only_line(field, false)) {
                    return date;
                }
            }
            separated = separated || separator;
            if (sym.len == 0) {
                break;
            }
            field_begin = pos + sym.len;
        }
        pos += sym.len;
    }
    if (starts_with_ci(line, "by ")) { // "By Jane Doe, March 5, 2025"
        for (const DateMention& mention : find_dates(line)) {
            if (mention.date.precision != DatePrecision::Year) {
                return mention.date;
            }
        }
    }
    return std::nullopt;
}

std::optional<PartialDate> date_in_line(std::string_view line, bool heading) {
    if (auto rest = after_label(line)) {
        if (auto date = date_after_label(*rest)) {
            return date;
        }
    }
    if (auto date = date_only_line(line, heading)) {
        return date;
    }
    if (heading) {
        return std::nullopt; // a title that mentions a date is not a byline
    }
    if (auto date = date_in_fields(line)) {
        return date;
    }
    if (auto date = dateline(line)) {
        return date;
    }
    return date_before_verb(line);
}

} // namespace

std::optional<PartialDate> find_byline_date(std::string_view text) {
    const std::string_view window = text.substr(0, std::min(text.size(), kWindowBytes));
    int lines = 0;
    std::size_t pos = 0;
    while (pos < window.size() && lines < kMaxLines) {
        std::size_t newline = window.find('\n', pos);
        if (newline == std::string_view::npos) {
            newline = window.size();
        }
        bool heading = false;
        const std::string_view line = strip_decoration(window.substr(pos, newline - pos), heading);
        pos = newline + 1;
        if (line.empty() || line == "---") { // blank lines and front-matter fences
            continue;
        }
        ++lines;
        if (line.size() > 1 && line.front() == '|' && line.back() == '|') {
            continue; // a Markdown table row: its dates belong to the table
        }
        if (auto date = date_in_line(line, heading)) {
            return date;
        }
    }
    return std::nullopt;
}

} // namespace zhisou::index
