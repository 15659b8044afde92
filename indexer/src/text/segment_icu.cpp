#include "text/segment_icu.h"

#include <limits>
#include <memory>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <zhisou/error.h>

#include "icu/icu_util.h"

namespace zhisou::text::seg {
namespace {

// Created once per process: loading the word rules and the dictionaries is the slow part.
const ::icu::BreakIterator& prototype_word_breaker() {
    static const std::unique_ptr<::icu::BreakIterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<::icu::BreakIterator> created(
            ::icu::BreakIterator::createWordInstance(::icu::Locale::getRoot(), status));
        icu::check(status, "BreakIterator::createWordInstance");
        return created;
    }();
    return *prototype;
}

// A thread's own iterator and UText. The UText is re-opened over each new text, so a call
// costs no allocation once the thread has segmented something.
class ThreadWordBreaker {
public:
    ThreadWordBreaker() : m_breaker(prototype_word_breaker().clone()) {
        if (!m_breaker)
            throw RuntimeError("ICU could not clone the word break iterator");
    }
    ~ThreadWordBreaker() { utext_close(&m_text); }
    ThreadWordBreaker(const ThreadWordBreaker&) = delete;
    ThreadWordBreaker& operator=(const ThreadWordBreaker&) = delete;

    ::icu::BreakIterator& attach(std::string_view utf8) {
        UErrorCode status = U_ZERO_ERROR;
        utext_openUTF8(&m_text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
        icu::check(status, "utext_openUTF8");
        m_breaker->setText(&m_text, status);
        icu::check(status, "BreakIterator::setText");
        return *m_breaker;
    }

private:
    std::unique_ptr<::icu::BreakIterator> m_breaker;
    UText m_text = UTEXT_INITIALIZER;
};

IcuClass class_of(int32_t rule_status) {
    if (rule_status >= UBRK_WORD_IDEO && rule_status < UBRK_WORD_IDEO_LIMIT)
        return IcuClass::Ideo;
    if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_KANA_LIMIT)
        return IcuClass::Kana;
    if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) {
        return IcuClass::Letter;
    }
    if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) {
        return IcuClass::Number;
    }
    return IcuClass::None;
}

} // namespace

void icu_word_spans(std::string_view utf8, std::vector<IcuSpan>& out) {
    if (utf8.empty())
        return;
    if (utf8.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        throw InputError("text too large to segment in one piece (2 GiB or more); split it");
    }
    thread_local ThreadWordBreaker thread_breaker;
    ::icu::BreakIterator& breaker = thread_breaker.attach(utf8);
    int32_t begin = breaker.first();
    for (int32_t end = breaker.next(); end != ::icu::BreakIterator::DONE; end = breaker.next()) {
        out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                       class_of(breaker.getRuleStatus())});
        begin = end;
    }
}

} // namespace zhisou::text::seg
