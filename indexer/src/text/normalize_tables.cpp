// Builds the normalization tables once per process from ICU, so that the per-character work in
// Normalizer is a lookup. ICU's Traditional-Simplified transliterator is far too slow to run
// on every document (and not thread-safe), but running it once over each Han code point takes
// a few milliseconds.

#include "normalize_tables.h"

#include <memory>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <zhisou/text/utf8.h>

#include "icu/icu_util.h"

namespace zhisou::text::normalize_detail {
namespace {

struct CodeRange {
    char32_t first;
    char32_t last;
};

// Where Traditional characters live: CJK Unified Ideographs, Extension A, the compatibility
// ideographs, and Extensions B..H (a few Traditional forms without a BMP code point).
constexpr CodeRange kHanRanges[] = {
    {0x4E00, 0x9FFF}, {0x3400, 0x4DBF}, {0xF900, 0xFAFF}, {0x20000, 0x323AF}};

} // namespace

const NormalizationTables& NormalizationTables::instance() {
    static const NormalizationTables tables; // C++11 guarantees one thread-safe construction
    return tables;
}

NormalizationTables::NormalizationTables() {
    UErrorCode status = U_ZERO_ERROR;
    m_nfkc_cf = ::icu::Normalizer2::getNFKCCasefoldInstance(status);
    icu::check(status, "Normalizer2::getNFKCCasefoldInstance");
    build_simplified();
    build_bmp();
}

void NormalizationTables::build_simplified() {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<::icu::Transliterator> to_simplified(
        ::icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    icu::check(status, "Transliterator::createInstance(Traditional-Simplified)");
    m_bmp_simplified.assign(0x10000, 0);
    for (const auto& range : kHanRanges) {
        for (char32_t c = range.first; c <= range.last; ++c) {
            ::icu::UnicodeString text(static_cast<UChar32>(c));
            to_simplified->transliterate(text);
            // Only one-to-one mappings: they keep offsets simple and are all ICU has for Han.
            if (text.countChar32() != 1)
                continue;
            const auto target = static_cast<char32_t>(text.char32At(0));
            if (target == c)
                continue;
            if (c < 0x10000 && target < 0x10000) {
                m_bmp_simplified[c] = static_cast<char16_t>(target);
            } else {
                m_supplementary_simplified.emplace(c, target);
            }
        }
    }
}

void NormalizationTables::build_bmp() {
    m_bmp.assign(0x10000, 0);
    std::string utf8;
    std::string original;
    for (char32_t c = 0; c < 0x10000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            // Surrogates never reach the tables (the decoder turns them into U+FFFD).
            m_bmp[c] = kBoundaryBit | kUnchangedBit;
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        const ::icu::UnicodeString normalized =
            m_nfkc_cf->normalize(::icu::UnicodeString(static_cast<UChar32>(c)), status);
        icu::check(status, "Normalizer2::normalize");
        utf8.clear();
        for (int32_t i = 0; i < normalized.length();) {
            const UChar32 n = normalized.char32At(i);
            utf8::append(utf8, fold(static_cast<char32_t>(n)));
            i += U16_LENGTH(n);
        }
        original.clear();
        utf8::append(original, c);

        std::uint32_t entry =
            m_nfkc_cf->hasBoundaryBefore(static_cast<UChar32>(c)) ? kBoundaryBit : 0;
        if (utf8 == original) {
            entry |= kUnchangedBit;
        } else {
            // The longest BMP expansion (U+FDFA) is 33 bytes; the pool stays far below 4 MB.
            if (utf8.size() > kLengthMask || m_pool.size() + utf8.size() > kOffsetMask) {
                throw RuntimeError("normalization table overflow (unexpected ICU data)");
            }
            entry |= static_cast<std::uint32_t>(m_pool.size()) |
                     (static_cast<std::uint32_t>(utf8.size()) << kLengthShift);
            m_pool += utf8;
        }
        m_bmp[c] = entry;
    }
}

} // namespace zhisou::text::normalize_detail
