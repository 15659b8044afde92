// find_dates: the dates a document's body mentions. It runs on every body, so it walks the
// bytes once and wakes the date grammar only at a digit, a capitalised word or 一/二.

#include <array>

#include <zhisou/index/date.h>

#include "index/date_chars.h"
#include "index/date_grammar.h"

namespace zhisou::index {
namespace {

using detail::DateSpan;
using detail::Style;
using detail::sym_at;
using detail::sym_before;

constexpr bool is_ascii_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}
constexpr bool is_ascii_letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_ascii_upper(unsigned char c) {
    return c >= 'A' && c <= 'Z';
}

/// Words after which a bare year is a year: "in 2025", "since 2024", "Q3 2025", "© 2024".
bool is_year_context_word(std::string_view lower) {
    static constexpr auto kWords = std::to_array<std::string_view>(
        {"in",     "since",  "by",     "from",   "until", "till",   "through",
         "during", "before", "after",  "early",  "late",  "mid",    "around",
         "circa",  "spring", "summer", "autumn", "fall",  "winter", "copyright",
         "year",   "q1",     "q2",     "q3",     "q4",    "h1",     "h2"});
    for (const auto word : kWords) {
        if (word == lower) {
            return true;
        }
    }
    return false;
}

class MentionScanner {
public:
    explicit MentionScanner(std::string_view text) : m_text(text) {}

    std::vector<DateMention> run() {
        const std::size_t size = m_text.size();
        std::size_t i = 0;
        while (i < size) {
            const auto c = static_cast<unsigned char>(m_text[i]);
            if (c < 0x80U) {
                if (is_ascii_digit(c)) {
                    i = at_number(i);
                } else if (is_ascii_letter(c)) {
                    i = at_word(i);
                } else {
                    ++i;
                }
                continue;
            }
            if (c == 0xEFU && is_fullwidth_digit(i)) {
                i = at_number(i);
                continue;
            }
            if (c == 0xE4U && starts_chinese_year(i)) {
                if (auto span = detail::match_date_at(m_text, i, Style::Text)) {
                    add(*span);
                    i = span->end;
                    continue;
                }
            }
            ++i; // continuation bytes never equal 0xE4 or 0xEF, so byte steps stay in sync
        }
        return std::move(m_found);
    }

private:
    bool is_fullwidth_digit(std::size_t i) const {
        return i + 2 < m_text.size() && static_cast<unsigned char>(m_text[i + 1]) == 0xBCU &&
               static_cast<unsigned char>(m_text[i + 2]) >= 0x90U &&
               static_cast<unsigned char>(m_text[i + 2]) <= 0x99U;
    }

    /// 一 or 二 (years 1900..2099 in Chinese numerals), not inside a longer numeral.
    bool starts_chinese_year(std::size_t i) const {
        if (i + 2 >= m_text.size()) {
            return false;
        }
        const auto b1 = static_cast<unsigned char>(m_text[i + 1]);
        const auto b2 = static_cast<unsigned char>(m_text[i + 2]);
        const bool yi = b1 == 0xB8U && b2 == 0x80U;
        const bool er = b1 == 0xBAU && b2 == 0x8CU;
        return (yi || er) && detail::chinese_digit(sym_before(m_text, i).code) < 0;
    }

    /// A run of ASCII letters: a month name ("March 5, 2025"), a URL scheme, or just a word.
    std::size_t at_word(std::size_t i) {
        const std::size_t size = m_text.size();
        std::size_t end = i + 1;
        while (end < size && is_ascii_letter(static_cast<unsigned char>(m_text[end]))) {
            ++end;
        }
        const std::size_t length = end - i;
        if (is_ascii_upper(static_cast<unsigned char>(m_text[i])) && length >= 3 && length <= 9) {
            if (auto span = detail::match_date_at(m_text, i, Style::Text)) {
                add(*span);
                return span->end;
            }
        }
        // Numbers inside URLs are ids and paths, not dates: skip the whole URL.
        if (end + 2 < size && m_text[end] == ':' && m_text[end + 1] == '/' &&
            m_text[end + 2] == '/') {
            return url_end(end);
        }
        if (length == 3 && end < size && m_text[end] == '.' &&
            (m_text.compare(i, 3, "www") == 0 || m_text.compare(i, 3, "WWW") == 0)) {
            return url_end(end);
        }
        return end;
    }

    std::size_t url_end(std::size_t pos) const {
        while (pos < m_text.size()) {
            const auto c = static_cast<unsigned char>(m_text[pos]);
            if (c >= 0x80U || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' ||
                c == ')' || c == ']' || c == '`') {
                break;
            }
            ++pos;
        }
        return pos;
    }

    std::size_t digit_run_end(std::size_t pos) const {
        while (pos < m_text.size()) {
            const detail::Sym sym = sym_at(m_text, pos);
            if (!detail::is_digit(sym.code)) {
                break;
            }
            pos += sym.len;
        }
        return pos;
    }

    std::size_t at_number(std::size_t i) {
        const std::size_t run_end = digit_run_end(i);
        if (!may_start_number(i)) {
            return run_end;
        }
        if (auto span = detail::match_date_at(m_text, i, Style::Text)) {
            add(*span);
            return span->end;
        }
        if (auto range = detail::match_year_range(m_text, i)) {
            add(range->first);
            add(range->second);
            return range->second.end;
        }
        if (auto year = bare_year(i, run_end)) {
            add(*year);
        }
        return run_end;
    }

    /// What precedes a number rules it out as a date: a letter or digit (v2025, GLM4, the
    /// middle of 12025), a currency or other sign ($2025, #2025, +86), or a separator that
    /// continues a number or a name (3.2025, 010-2025, CVE-2024-…, uploads/2023).
    bool may_start_number(std::size_t pos) const {
        const detail::Sym prev = sym_before(m_text, pos);
        if (prev.len == 0) {
            return true;
        }
        const char32_t p = prev.code;
        if (detail::is_alnum(p)) {
            return false;
        }
        switch (p) {
        case U'$':
        case U'#':
        case U'@':
        case U'+':
        case U'_':
        case U'=':
        case U'&':
        case U'%':
        case U'\\':
        case U'¥':
        case U'€':
        case U'£':
        case U'￥':
            return false;
        case U'.':
        case U',':
        case U':':
        case U'-':
        case U'/':
            break;
        default:
            return true;
        }
        const std::size_t before = pos - prev.len;
        // The second half of "20241125-20241201" or "2025-03-05/2025-03-07".
        if (!m_found.empty() && before == m_last_end && (p == U'-' || p == U'/')) {
            return true;
        }
        const char32_t pp = sym_before(m_text, before).code;
        if (detail::is_digit(pp)) {
            return false;
        }
        if (detail::is_letter(pp)) {
            // "Date:2025-03-05" and "Beijing,2025年" are fine; "mid-2025" too.
            return p == U':' || p == U',' || (p == U'-' && word_before_is(before, "mid"));
        }
        return true;
    }

    bool word_before_is(std::size_t end, std::string_view lower) const {
        if (end < lower.size()) {
            return false;
        }
        const std::size_t begin = end - lower.size();
        if (begin > 0 && is_ascii_letter(static_cast<unsigned char>(m_text[begin - 1]))) {
            return false;
        }
        for (std::size_t k = 0; k < lower.size(); ++k) {
            if (detail::to_lower(static_cast<unsigned char>(m_text[begin + k])) !=
                static_cast<char32_t>(lower[k])) {
                return false;
            }
        }
        return true;
    }

    /// A four-digit year on its own, only after a date-like word ("in 2025", "mid-2025",
    /// "© 2024") and when nothing number-like follows ("in 2025.5", "by 2025%" are not years).
    std::optional<DateSpan> bare_year(std::size_t begin, std::size_t end) const {
        int year = 0;
        int digits = 0;
        for (std::size_t pos = begin; pos < end; pos += sym_at(m_text, pos).len) {
            year = year * 10 + static_cast<int>(sym_at(m_text, pos).code - U'0');
            if (++digits > 4) {
                return std::nullopt;
            }
        }
        if (digits != 4 || year < detail::kMinYear || year > detail::kMaxYear) {
            return std::nullopt;
        }
        const detail::Sym next = sym_at(m_text, end);
        if (detail::is_alnum(next.code) || next.code == U'%') {
            return std::nullopt;
        }
        const char32_t after = sym_at(m_text, end + next.len).code;
        if ((next.code == U'.' || next.code == U',' || next.code == U':' || next.code == U'-' ||
             next.code == U'/') &&
            detail::is_digit(after)) {
            return std::nullopt;
        }
        if (!year_context_before(begin)) {
            return std::nullopt;
        }
        return DateSpan{{year, 0, 0, DatePrecision::Year}, begin, end};
    }

    bool year_context_before(std::size_t pos) const {
        detail::Sym prev = sym_before(m_text, pos);
        if (prev.code == U'©') {
            return true;
        }
        if (prev.code == U'-') {
            return word_before_is(pos - prev.len, "mid");
        }
        if (!detail::is_blank(prev.code)) {
            return false;
        }
        while (pos > 0 && detail::is_blank(prev.code)) {
            pos -= prev.len;
            prev = sym_before(m_text, pos);
        }
        if (prev.code == U'©') {
            return true;
        }
        std::size_t begin = pos;
        while (begin > 0 && pos - begin < 12) {
            const auto c = static_cast<unsigned char>(m_text[begin - 1]);
            if (!is_ascii_letter(c) && !is_ascii_digit(c)) {
                break;
            }
            --begin;
        }
        if (begin == pos ||
            (begin > 0 && is_ascii_letter(static_cast<unsigned char>(m_text[begin - 1])))) {
            return false;
        }
        std::array<char, 12> lower{};
        for (std::size_t k = begin; k < pos; ++k) {
            lower[k - begin] =
                static_cast<char>(detail::to_lower(static_cast<unsigned char>(m_text[k])));
        }
        return is_year_context_word(std::string_view(lower.data(), pos - begin));
    }

    void add(const DateSpan& span) {
        m_found.push_back({span.date, span.begin, span.end});
        m_last_end = span.end;
    }

    std::string_view m_text;
    std::vector<DateMention> m_found;
    std::size_t m_last_end = 0;
};

} // namespace

std::vector<DateMention> find_dates(std::string_view text) {
    return MentionScanner(text).run();
}

} // namespace zhisou::index
