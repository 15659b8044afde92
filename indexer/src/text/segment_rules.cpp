#include "text/segment_rules.h"

#include <zhisou/text/segment.h>

#include "text/segment_chars.h"
#include "text/segment_lexicon.h"

namespace zhisou::text::seg {
namespace {

// ---------------------------------------------------------------------------------------
// Looking at units. Han characters of the BMP take 3 bytes in UTF-8, which the rules use to
// count characters cheaply; anything else goes through decode_at.

struct UnitText {
    std::string_view text;

    [[nodiscard]] std::string_view of(const Unit& unit) const {
        return text.substr(unit.begin, unit.end - unit.begin);
    }
    /// The one character of a unit, or 0 when the unit holds more than one.
    [[nodiscard]] char32_t single(const Unit& unit) const {
        const CodePoint cp = decode_at(text, unit.begin);
        return cp.size == unit.end - unit.begin ? cp.value : 0;
    }
    [[nodiscard]] std::size_t chars(const Unit& unit) const {
        std::size_t count = 0;
        for (std::uint32_t i = unit.begin; i < unit.end; ++count) {
            i += static_cast<std::uint32_t>(decode_at(text, i).size);
        }
        return count;
    }
    /// True when the unit is not empty and every character of it has `flag`.
    [[nodiscard]] bool all(const Unit& unit, CharFlag flag) const {
        for (std::uint32_t i = unit.begin; i < unit.end;) {
            const CodePoint cp = decode_at(text, i);
            if (!has_flag(cp.value, flag))
                return false;
            i += static_cast<std::uint32_t>(cp.size);
        }
        return unit.end > unit.begin;
    }
};

bool is_alnum_kind(UnitKind kind) {
    return kind == UnitKind::Latin || kind == UnitKind::Number || kind == UnitKind::Mixed;
}

bool has_digit(std::string_view span) {
    for (std::size_t i = 0; i < span.size();) {
        const CodePoint cp = decode_at(span, i);
        if (is_digit(cp.value))
            return true;
        i += cp.size;
    }
    return false;
}

// Merging rules compact the list in place: the write index never passes the read index.
// `run_end(i)` gives the last unit of the run that starts at i and the kind of the merged
// unit; a run of one unit leaves it as it is.
template <typename RunEnd>
void merge_runs(std::vector<Unit>& units, RunEnd run_end) {
    std::size_t write = 0;
    std::size_t i = 0;
    while (i < units.size()) {
        const auto [last, kind] = run_end(i);
        Unit merged = units[i];
        if (last > i) {
            merged.end = units[last].end;
            merged.kind = kind;
        }
        units[write++] = merged;
        i = last + 1;
    }
    units.resize(write);
}

struct Run {
    std::size_t last;
    UnitKind kind;
};

// ---------------------------------------------------------------------------------------
// RULE_MIXED: product names and numbers with their units

// GLM-4.7, DeepSeek-R1, Qwen2.5-72B, 2025-01-15: word units joined by single '-', '.', '_'
// with nothing between them, merged when any part has a digit (plain hyphenated English like
// state-of-the-art stays separate words).
void join_connected_alnum(const UnitText& t, std::vector<Unit>& units) {
    merge_runs(units, [&](std::size_t i) {
        if (!is_alnum_kind(units[i].kind))
            return Run{i, units[i].kind};
        std::size_t j = i;
        bool digit = has_digit(t.of(units[i]));
        while (j + 2 < units.size() && units[j + 1].kind == UnitKind::Punct &&
               is_connector(fold_width(t.single(units[j + 1]))) &&
               is_alnum_kind(units[j + 2].kind)) {
            digit = digit || has_digit(t.of(units[j + 2]));
            j += 2;
        }
        return digit ? Run{j, UnitKind::Mixed} : Run{i, units[i].kind};
    });
}

bool is_four_digit_year(const UnitText& t, const Unit& unit) {
    std::size_t digits = 0;
    for (std::uint32_t i = unit.begin; i < unit.end;) {
        const CodePoint cp = decode_at(t.text, i);
        if (!is_digit(cp.value))
            return false;
        ++digits;
        i += static_cast<std::uint32_t>(cp.size);
    }
    return digits == 4;
}

// Where the number unit characters at the start of `unit` end: 月, 万亿, or 年 after a year.
// unit.begin when there are none.
std::uint32_t number_unit_end(const UnitText& t, const Unit& number, const Unit& unit) {
    const CodePoint first = decode_at(t.text, unit.begin);
    const bool year = is_year_unit(first.value) && is_four_digit_year(t, number);
    if (!year && !is_number_unit(first.value))
        return unit.begin;
    auto end = unit.begin + static_cast<std::uint32_t>(first.size);
    if (is_magnitude_unit(first.value)) {
        while (end < unit.end) {
            const CodePoint cp = decode_at(t.text, end);
            if (!is_magnitude_unit(cp.value))
                break;
            end += static_cast<std::uint32_t>(cp.size);
        }
    }
    return end;
}

// 2025年, 3月, 50万, 1.5亿, 50%: a number and the unit right after it. When the dictionary
// glued the unit to the next word (月底, 万人), the unit character is split off it.
void join_number_units(const UnitText& t, std::vector<Unit>& units, std::vector<Unit>& scratch) {
    scratch.clear();
    for (const Unit& unit : units) {
        const bool after_number = !scratch.empty() && scratch.back().kind == UnitKind::Number &&
                                  scratch.back().end == unit.begin;
        const std::uint32_t split =
            after_number && (unit.kind == UnitKind::Han || unit.kind == UnitKind::Punct)
                ? number_unit_end(t, scratch.back(), unit)
                : unit.begin;
        if (split == unit.begin) {
            scratch.push_back(unit);
            continue;
        }
        scratch.back().end = split;
        scratch.back().kind = UnitKind::Mixed;
        if (split < unit.end)
            scratch.push_back({split, unit.end, unit.kind});
    }
    units.swap(scratch);
}

// ---------------------------------------------------------------------------------------
// RULE_HAN_NUMBER: 二○○一年, 三十一日, 十五: Chinese numerals written in characters are one
// word, with a date unit when the numeral has two characters or more.

bool is_numeral_unit(const UnitText& t, const Unit& unit) {
    return (unit.kind == UnitKind::Han || unit.kind == UnitKind::Punct) &&
           t.all(unit, CharFlag::Numeral);
}

// A unit of numerals ending in a date unit (一日 after 三十); returns its numeral count.
std::size_t numerals_before_date_unit(const UnitText& t, const Unit& unit) {
    if (unit.kind != UnitKind::Han || unit.end - unit.begin < 3)
        return 0;
    const Unit head{unit.begin, unit.end - 3, UnitKind::Han};
    const char32_t last = decode_at(t.text, unit.end - 3).value;
    if (!has_flag(last, CharFlag::DateUnit))
        return 0;
    if (head.begin != head.end && !t.all(head, CharFlag::Numeral))
        return 0;
    return t.chars(head) + 1; // +1: a bare date unit still joins
}

void join_han_numerals(const UnitText& t, std::vector<Unit>& units) {
    merge_runs(units, [&](std::size_t i) {
        if (!is_numeral_unit(t, units[i]))
            return Run{i, units[i].kind};
        std::size_t j = i;
        std::size_t numerals = t.chars(units[i]);
        while (j + 1 < units.size() && is_numeral_unit(t, units[j + 1])) {
            numerals += t.chars(units[++j]);
        }
        if (j + 1 < units.size()) {
            if (const std::size_t extra = numerals_before_date_unit(t, units[j + 1]);
                extra > 0 && numerals + extra - 1 >= 2) {
                numerals += extra - 1;
                ++j;
            }
        }
        // A lone ○ stays punctuation; two numerals or more make a Han word.
        return numerals >= 2 ? Run{j, UnitKind::Han} : Run{i, units[i].kind};
    });
}

// ---------------------------------------------------------------------------------------
// RULE_FUNCTION_SPLIT, RULE_MEASURE_SPLIT, RULE_DEGREE_SPLIT: the dictionary has entries
// that both bakeoff standards (and searchers) treat as two words: 就是, 他的, 住在 (function
// words), 一次, 三年 (numeral + measure word), 最大, 更多 (degree adverb + adjective).

bool splits_in_two(char32_t a, char32_t b, unsigned rules) {
    if (rules & RULE_FUNCTION_SPLIT) {
        if (b == U'的')
            return !has_flag(a, CharFlag::LexicalDe);
        if (b == U'了')
            return !has_flag(a, CharFlag::LexicalLe);
        if (b == U'在' && !has_flag(a, CharFlag::LexicalZai))
            return true;
        if (a != b && has_flag(a, CharFlag::Function) && has_flag(b, CharFlag::Function) &&
            !is_lexical_function_pair(a, b)) {
            return true;
        }
    }
    if ((rules & RULE_MEASURE_SPLIT) && has_flag(a, CharFlag::CountingNumeral) &&
        has_flag(b, CharFlag::Measure) && !is_lexical_measure_pair(a, b)) {
        return true;
    }
    if ((rules & RULE_DEGREE_SPLIT) && has_flag(a, CharFlag::Degree) &&
        has_flag(b, CharFlag::Gradable) && !is_lexical_degree_pair(a, b)) {
        return true;
    }
    return false;
}

// Only two-character Han words (two 3-byte characters) are candidates.
bool splits_in_two(const UnitText& t, const Unit& unit, unsigned rules) {
    if (unit.kind != UnitKind::Han || unit.end - unit.begin != 6)
        return false;
    const CodePoint a = decode_at(t.text, unit.begin);
    const CodePoint b = decode_at(t.text, unit.begin + 3);
    return a.size == 3 && b.size == 3 && splits_in_two(a.value, b.value, rules);
}

void split_two_char_words(const UnitText& t, std::vector<Unit>& units, unsigned rules,
                          std::vector<Unit>& scratch) {
    scratch.clear();
    for (const Unit& unit : units) {
        if (splits_in_two(t, unit, rules)) {
            scratch.push_back({unit.begin, unit.begin + 3, UnitKind::Han});
            scratch.push_back({unit.begin + 3, unit.end, UnitKind::Han});
        } else {
            scratch.push_back(unit);
        }
    }
    units.swap(scratch);
}

// ---------------------------------------------------------------------------------------
// RULE_AFFIX: productive suffixes make one word with the word before them: 现代化, 委员会,
// 民主派, 露宿者, 检察院, 黑龙江省, 社会主义.

bool is_suffix_unit(const UnitText& t, const Unit& unit) {
    if (unit.kind != UnitKind::Han)
        return false;
    const CodePoint a = decode_at(t.text, unit.begin);
    if (a.size == unit.end - unit.begin)
        return has_flag(a.value, CharFlag::Suffix);
    if (unit.end - unit.begin != 6 || a.size != 3)
        return false;
    return is_two_char_suffix(a.value, decode_at(t.text, unit.begin + 3).value);
}

void join_suffixes(const UnitText& t, std::vector<Unit>& units) {
    merge_runs(units, [&](std::size_t i) {
        const Unit& stem = units[i];
        if (stem.kind != UnitKind::Han || stem.end - stem.begin < 6)
            return Run{i, stem.kind};
        std::size_t j = i; // 社会 主义 者: suffixes can follow one another
        while (j + 1 < units.size() && units[j + 1].begin == units[j].end &&
               is_suffix_unit(t, units[j + 1])) {
            ++j;
        }
        return Run{j, UnitKind::Han};
    });
}

// ---------------------------------------------------------------------------------------
// RULE_UNKNOWN_RUN: the dictionary falls back to single characters for words it does not
// know (names, transliterations, abbreviations: 克林顿, 吴数德, 中策组). A run of single
// characters that are not words by themselves is taken as one unknown word (at most four
// characters, the length of most such words).

void join_single_char_runs(const UnitText& t, std::vector<Unit>& units) {
    const auto joinable = [&](const Unit& unit) {
        if (unit.kind != UnitKind::Han)
            return false;
        const char32_t c = t.single(unit);
        return c != 0 && !has_flag(c, CharFlag::Standalone);
    };
    constexpr std::size_t max_chars = 4;
    merge_runs(units, [&](std::size_t i) {
        if (!joinable(units[i]))
            return Run{i, units[i].kind};
        std::size_t j = i;
        while (j + 1 < units.size() && j - i + 1 < max_chars && joinable(units[j + 1]))
            ++j;
        return Run{j, UnitKind::Han};
    });
}

// ---------------------------------------------------------------------------------------
// RULE_TRANSLITERATION: foreign names written with transliteration characters come out of
// the dictionary in pieces (莎拉 波 娃, 巴拉 克): adjacent short units made only of such
// characters, at least one of them a lone character, form one name of three characters or
// more.

void join_transliterations(const UnitText& t, std::vector<Unit>& units) {
    constexpr std::size_t max_unit_chars = 4;
    // The character count of a candidate unit, 0 for any other unit.
    const auto candidate_chars = [&](const Unit& unit) -> std::size_t {
        if (unit.kind != UnitKind::Han)
            return 0;
        std::size_t count = 0;
        for (std::uint32_t i = unit.begin; i < unit.end; ++count) {
            const CodePoint cp = decode_at(t.text, i);
            if (count == max_unit_chars || !has_flag(cp.value, CharFlag::Transliteration)) {
                return 0;
            }
            i += static_cast<std::uint32_t>(cp.size);
        }
        return count;
    };
    merge_runs(units, [&](std::size_t i) {
        std::size_t chars = candidate_chars(units[i]);
        if (chars == 0)
            return Run{i, units[i].kind};
        bool lone = chars == 1;
        std::size_t j = i;
        while (j + 1 < units.size()) {
            const std::size_t next = candidate_chars(units[j + 1]);
            if (next == 0)
                break;
            chars += next;
            lone = lone || next == 1;
            ++j;
        }
        return lone && chars >= 3 ? Run{j, UnitKind::Han} : Run{i, units[i].kind};
    });
}

} // namespace

void apply_rules(std::string_view text, std::vector<Unit>& units, unsigned rules) {
    const UnitText t{text};
    thread_local std::vector<Unit> scratch; // reused by the rules that split units
    if (rules & (RULE_FUNCTION_SPLIT | RULE_MEASURE_SPLIT | RULE_DEGREE_SPLIT)) {
        split_two_char_words(t, units, rules, scratch);
    }
    // Names first: an unknown-word run would cut a long name at four characters.
    if (rules & RULE_TRANSLITERATION)
        join_transliterations(t, units);
    if (rules & RULE_UNKNOWN_RUN)
        join_single_char_runs(t, units);
    if (rules & RULE_HAN_NUMBER)
        join_han_numerals(t, units);
    if (rules & RULE_MIXED) {
        join_connected_alnum(t, units);
        join_number_units(t, units, scratch);
    }
    if (rules & RULE_AFFIX)
        join_suffixes(t, units);
    // Keep what one huge text needed from staying with the thread for good.
    if (scratch.capacity() > (std::size_t{1} << 20))
        std::vector<Unit>().swap(scratch);
}

} // namespace zhisou::text::seg
