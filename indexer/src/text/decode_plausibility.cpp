// Per-character weights, averaged. The weights are deliberately coarse: each class is either
// typical of some real writing system (positive), neutral-ish, or a sign of a wrong decoding
// (negative). The CJK classes carry the decision between GB18030, Big5, Shift_JIS and EUC-KR;
// the Latin rules separate windows-1252 text (accents inside ASCII words) from CJK bytes read
// as Latin-1 (long runs of accented capitals and symbols); the Thai rules check that combining
// vowels and tone marks follow a consonant.
#include "text/decode_plausibility.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include <zhisou/text/utf8.h>

#include "text/decode_common_chars.h"

namespace zhisou::text::detail {
namespace {

constexpr double kReplacementWeight = -3.0;

bool is_ascii_letter(char32_t cp) {
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

bool in(char32_t cp, char32_t first, char32_t last) {
    return cp >= first && cp <= last;
}

// --- Thai (windows-874): a syllable is [leading vowel] consonant [vowel mark] [tone mark]
// [following vowel]. CJK bytes read as windows-874 also give Thai letters, but in impossible
// orders and with characters modern Thai hardly uses (obsolete letters, Pali marks, digits).
bool is_thai_consonant(char32_t cp) {
    return in(cp, 0x0E01, 0x0E2E);
}
bool is_thai_vowel_mark(char32_t cp) {
    return cp == 0x0E31 || in(cp, 0x0E34, 0x0E39);
}
bool is_thai_tone_mark(char32_t cp) {
    return in(cp, 0x0E48, 0x0E4B);
}

bool is_rare_thai(char32_t cp) {
    switch (cp) {
    case 0x0E03: // ฃ and ฅ: obsolete letters
    case 0x0E05:
    case 0x0E26: // ฦ
    case 0x0E2F: // ฯ abbreviation mark
    case 0x0E3A: // phinthu, for Pali and Sanskrit
    case 0x0E3F: // baht sign
    case 0x0E45: // lakkhangyao
    case 0x0E4D: // nikhahit
    case 0x0E4E: // yamakkan
    case 0x0E4F: // fongman
    case 0x0E5A: // angkhankhu
    case 0x0E5B: // khomut
        return true;
    default:
        return in(cp, 0x0E50, 0x0E59) || in(cp, 0x0E3B, 0x0E3E) ||
               cp > 0x0E5B; // digits, unassigned
    }
}

// Letters that make up most Thai text; the others are real but uncommon.
bool is_frequent_thai_consonant(char32_t cp) {
    static constexpr std::u32string_view kFrequent =
        U"\u0E01\u0E02\u0E04\u0E07\u0E08\u0E0A\u0E14\u0E15\u0E17\u0E19\u0E1A\u0E1B"
        U"\u0E1E\u0E21\u0E22\u0E23\u0E25\u0E27\u0E2A\u0E2B\u0E2D";
    return kFrequent.find(cp) != std::u32string_view::npos;
}

double thai_weight(const std::u32string& text, std::size_t i, std::size_t run_length) {
    const char32_t cp = text[i];
    const char32_t prev = i > 0 ? text[i - 1] : 0;
    const char32_t next = i + 1 < text.size() ? text[i + 1] : 0;
    if (run_length == 1 || is_rare_thai(cp)) {
        return -1.0; // Thai words are runs of Thai letters, not one letter among ASCII
    }
    if (is_ascii_letter(prev) || is_ascii_letter(next)) {
        return -1.0; // Thai is not written glued to Latin letters
    }
    if (is_thai_vowel_mark(cp) || cp == 0x0E47) {
        return is_thai_consonant(prev) ? 1.0 : -1.0;
    }
    if (is_thai_tone_mark(cp) || cp == 0x0E4C) {
        return (is_thai_consonant(prev) || is_thai_vowel_mark(prev)) ? 1.0 : -1.0;
    }
    if (cp == 0x0E30 || cp == 0x0E32 || cp == 0x0E33) { // following vowels
        return (is_thai_consonant(prev) || is_thai_tone_mark(prev)) ? 1.0 : -1.0;
    }
    if (in(cp, 0x0E40, 0x0E44)) { // leading vowels
        return is_thai_consonant(next) ? 1.0 : -1.0;
    }
    if (is_thai_consonant(cp)) {
        return is_frequent_thai_consonant(cp) ? 1.0 : 0.3;
    }
    return 0.5; // ๆ repetition mark
}

// --- Latin-1 range: typical inside or next to an ASCII word ("café", "Müller", "£35") or as
// a short word of its own ("Ôôô"); CJK bytes read as Latin-1 make long runs ("ÖÐÎÄ").
double latin_weight(const std::u32string& text, std::size_t i, std::size_t run_length) {
    const char32_t cp = text[i];
    const char32_t prev = i > 0 ? text[i - 1] : ' ';
    const char32_t next = i + 1 < text.size() ? text[i + 1] : ' ';
    const bool is_letter = cp >= 0xC0 && cp != 0xD7 && cp != 0xF7;
    if (is_letter && is_ascii_letter(prev)) {
        return 1.0; // inside or at the end of a word: "café", "Müller"
    }
    if (is_letter && is_ascii_letter(next)) {
        return 0.5; // word-initial accents ("Élan") are rarer
    }
    if (run_length <= 3) {
        if (!is_letter) {
            return 0.3; // "£35", "5×3", "© 2024"
        }
        const bool by_digit = (prev >= '0' && prev <= '9') || (next >= '0' && next <= '9');
        return by_digit ? 0.0 : 0.5; // a short word of its own ("Ôôô") but not "Ł825"
    }
    return -0.5;
}

bool same_alphabet(char32_t a, char32_t b) {
    const auto block = [](char32_t cp) -> int {
        if (in(cp, 0x0370, 0x03FF)) {
            return 1; // Greek
        }
        if (in(cp, 0x0400, 0x04FF)) {
            return 2; // Cyrillic
        }
        if (in(cp, 0x0590, 0x05FF)) {
            return 3; // Hebrew
        }
        if (in(cp, 0x0600, 0x06FF)) {
            return 4; // Arabic
        }
        return 0;
    };
    return block(a) != 0 && block(a) == block(b);
}

double han_weight(char32_t cp) {
    switch (han_frequency(cp)) {
    case HanFrequency::top:
        return 1.0;
    case HanFrequency::common:
        return 0.6;
    case HanFrequency::level1:
        return 0.2;
    case HanFrequency::rare:
        break;
    }
    return -0.3;
}

bool is_kana(char32_t cp) {
    return in(cp, 0x3041, 0x30FF);
}
bool is_hangul(char32_t cp) {
    return in(cp, 0xAC00, 0xD7A3);
}

double non_ascii_weight(const std::u32string& text, std::size_t i, std::size_t run_length,
                        Script script) {
    const char32_t cp = text[i];
    if (cp == 0xFFFD) {
        return kReplacementWeight;
    }
    if (in(cp, 0x4E00, 0x9FFF)) {
        return han_weight(cp);
    }
    if (is_kana(cp)) {
        if (script == Script::chinese || script == Script::korean) {
            return -0.5;
        }
        return is_frequent_kana(cp) ? 1.0 : 0.4;
    }
    if (is_hangul(cp)) {
        if (script == Script::chinese || script == Script::japanese) {
            return -0.5;
        }
        return is_frequent_hangul(cp) ? 1.0 : 0.2;
    }
    if (in(cp, 0x3000, 0x303F) || in(cp, 0xFF01, 0xFF5E)) {
        return 0.3; // CJK and full-width punctuation
    }
    if (in(cp, 0x0E00, 0x0E7F)) {
        return thai_weight(text, i, run_length);
    }
    if (in(cp, 0x00A0, 0x024F)) {
        return latin_weight(text, i, run_length);
    }
    if (in(cp, 0x0370, 0x06FF)) {
        const bool in_word = (i > 0 && same_alphabet(cp, text[i - 1])) ||
                             (i + 1 < text.size() && same_alphabet(cp, text[i + 1]));
        return in_word ? 0.3 : 0.0;
    }
    if (in(cp, 0x2010, 0x203A) || cp == 0x20AC || cp == 0x2122) {
        return 0.3; // dashes, curly quotes, ellipsis, bullet, euro, trade mark
    }
    if (in(cp, 0x0080, 0x009F) || in(cp, 0xE000, 0xF8FF) || cp >= 0xF0000) {
        return -1.0; // C1 controls and private use: never in real text
    }
    if (in(cp, 0xFF61, 0xFF9F) || in(cp, 0x3400, 0x4DBF) || in(cp, 0xF900, 0xFAFF) ||
        cp >= 0x20000) {
        return -0.5; // half-width katakana, rare and compatibility ideographs
    }
    return -0.2;
}

double ascii_weight(char32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp < 0x7F)) {
        return 1.0;
    }
    return -1.0; // NUL and other controls
}

// Japanese is written with kana between the kanji; modern Korean mostly in Hangul. A reading
// that lacks them loses up to this many points.
constexpr double kMissingScriptPenalty = 50.0;

// Even Icelandic or Vietnamese-in-Latin-1 text is mostly ASCII letters; a Latin reading
// where non-ASCII characters pass this share of the letters loses up to the penalty.
constexpr double kLatinNonAsciiShare = 0.3;
constexpr double kDenseLatinPenalty = 60.0;
constexpr std::size_t kMinDenseLatinEvidence = 6;

double dense_latin_penalty(std::size_t non_ascii, std::size_t ascii_letters) {
    const double total = static_cast<double>(non_ascii + ascii_letters);
    if (non_ascii < kMinDenseLatinEvidence) {
        return 0.0; // "é" alone or "Ôôô!" says nothing about density
    }
    const double share = static_cast<double>(non_ascii) / total;
    const double excess = (share - kLatinNonAsciiShare) / kLatinNonAsciiShare;
    return kDenseLatinPenalty * std::clamp(excess, 0.0, 1.0);
}

double missing_script_penalty(Script script, std::size_t han, std::size_t kana,
                              std::size_t hangul) {
    const auto shortfall = [](std::size_t own, std::size_t total, double expected_share) {
        if (total < 4) {
            return 0.0; // too few characters to expect anything
        }
        const double share = static_cast<double>(own) / static_cast<double>(total);
        return share >= expected_share ? 0.0 : 1.0 - share / expected_share;
    };
    switch (script) {
    case Script::japanese:
        return kMissingScriptPenalty * shortfall(kana, han + kana, 0.2);
    case Script::korean:
        return kMissingScriptPenalty * shortfall(hangul, han + hangul, 0.8);
    case Script::any:
    case Script::latin:
    case Script::chinese:
        break;
    }
    return 0.0;
}

} // namespace

double plausibility(std::string_view text, PlausibilityOptions options) {
    const std::u32string cps = utf8::to_code_points(text);
    double total = 0.0;
    std::size_t scored = 0;
    std::size_t han = 0;
    std::size_t kana = 0;
    std::size_t hangul = 0;
    std::size_t ascii_letters = 0;
    std::size_t run_start = 0; // the current run of non-ASCII characters: [run_start, run_end)
    std::size_t run_end = 0;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t cp = cps[i];
        // Repeats ("─────", "=-=-=-") say nothing about the charset but would swamp the mean.
        if ((i >= 1 && cp == cps[i - 1]) || (i >= 2 && cp == cps[i - 2] && cp >= 0x80)) {
            continue;
        }
        if (cp < 0x80) {
            ascii_letters += is_ascii_letter(cp) ? 1 : 0;
            if (options.score_ascii) {
                total += ascii_weight(cp);
                ++scored;
            }
            continue;
        }
        if (i >= run_end) { // entering a new run: measure it once
            run_start = i;
            run_end = i;
            while (run_end < cps.size() && cps[run_end] >= 0x80) {
                ++run_end;
            }
        }
        han += in(cp, 0x4E00, 0x9FFF) ? 1 : 0;
        kana += is_kana(cp) ? 1 : 0;
        hangul += is_hangul(cp) ? 1 : 0;
        total += non_ascii_weight(cps, i, run_end - run_start, options.script);
        ++scored;
    }
    if (scored == 0) {
        return 0.0;
    }
    const double latin_penalty =
        options.script == Script::latin ? dense_latin_penalty(scored, ascii_letters) : 0.0;
    return 100.0 * total / static_cast<double>(scored) -
           missing_script_penalty(options.script, han, kana, hangul) - latin_penalty;
}

} // namespace zhisou::text::detail
