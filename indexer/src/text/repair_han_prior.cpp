// The Chinese prior: character frequency classes shared with the decoder, and ICU's own
// dictionary segmentation for word checks.
#include "text/repair_han_prior.h"

#include <string>
#include <vector>

#include <zhisou/text/utf8.h>

#include "text/decode_common_chars.h"
#include "text/repair_chars.h"
#include "text/segment_icu.h"

namespace zhisou::text::repair_detail {
namespace {

bool in(char32_t cp, char32_t first, char32_t last) {
    return cp >= first && cp <= last;
}

bool is_common_cjk_punctuation(char32_t cp) {
    return std::u32string_view(U"，。、：；！？（）《》「」【】“”‘’—…·").find(cp) !=
           std::u32string_view::npos;
}

} // namespace

double chinese_char_cost(char32_t cp) {
    if (cp < 0x80) {
        return 0.5;
    }
    if (cp == kReplacement) {
        return 4.0;
    }
    if (in(cp, 0x4E00, 0x9FFF)) {
        switch (detail::han_frequency(cp)) {
        case detail::HanFrequency::top:
            return 1.0;
        case detail::HanFrequency::common:
            return 2.0;
        case detail::HanFrequency::level1:
            return 3.0;
        case detail::HanFrequency::rare:
            return 6.0;
        }
    }
    if (is_common_cjk_punctuation(cp)) {
        return 1.0;
    }
    if (in(cp, 0x2000, 0x206F) || in(cp, 0x3000, 0x303F) || in(cp, 0xFF00, 0xFFEF)) {
        return 2.5;
    }
    if (in(cp, 0x3040, 0x30FF)) {
        return 4.0;
    }
    if (in(cp, 0xE000, 0xF8FF)) {
        return 8.0;
    }
    return 5.0;
}

bool is_dictionary_word(std::u32string_view chars) {
    std::string utf8;
    for (const char32_t cp : chars) {
        utf8::append(utf8, cp);
    }
    thread_local std::vector<seg::IcuSpan> spans;
    spans.clear();
    seg::icu_word_spans(utf8, spans);
    return spans.size() == 1 && spans.front().cls == seg::IcuClass::Ideo;
}

} // namespace zhisou::text::repair_detail
