#pragma once
// Internal: the per-process tables behind Normalizer. Built once (thread-safe static) from ICU's
// NFKC_Casefold normalizer and its Traditional-Simplified transliterator, so normalizing a
// common character is a table lookup instead of an ICU call.

#include <cstdint>
#include <string>
#include <string_view>
#include <unicode/normalizer2.h>
#include <unordered_map>
#include <vector>

namespace zhisou::text::normalize_detail {

class NormalizationTables {
public:
    /// The one instance; the first call builds it (about 50 ms), later calls are free.
    static const NormalizationTables& instance();

    /// True if NFKC_Casefold may normalize the text before `c` independently of the text after
    /// (Normalizer2::hasBoundaryBefore). Characters without it combine with what precedes them.
    [[nodiscard]] bool boundary_before(char32_t c) const {
        if (c < 0x10000)
            return (m_bmp[c] & kBoundaryBit) != 0;
        return m_nfkc_cf->hasBoundaryBefore(static_cast<UChar32>(c));
    }

    /// For a BMP character on its own: true if normalization leaves it unchanged.
    [[nodiscard]] bool bmp_unchanged(char32_t c) const { return (m_bmp[c] & kUnchangedBit) != 0; }

    /// For a changed BMP character: its full normalization (NFKC_Casefold, then fold()) as UTF-8;
    /// may be empty (default-ignorable characters).
    [[nodiscard]] std::string_view bmp_replacement(char32_t c) const {
        const std::uint32_t entry = m_bmp[c];
        return std::string_view(m_pool).substr(entry & kOffsetMask,
                                               (entry >> kLengthShift) & kLengthMask);
    }

    /// Traditional -> Simplified for one code point; returns `c` when there is no single-character
    /// Simplified form.
    [[nodiscard]] char32_t simplified(char32_t c) const {
        if (c < 0x10000)
            return m_bmp_simplified[c] != 0 ? m_bmp_simplified[c] : c;
        const auto it = m_supplementary_simplified.find(c);
        return it == m_supplementary_simplified.end() ? c : it->second;
    }

    /// What Zhisou folds after NFKC_Casefold, per code point: Traditional -> Simplified, and the
    /// typographic apostrophe (don’t) to the ASCII one (don't), as Xapian's TermGenerator does.
    [[nodiscard]] char32_t fold(char32_t c) const { return c == 0x2019 ? U'\'' : simplified(c); }

    /// ICU's NFKC_Casefold instance (for combining sequences and supplementary characters).
    [[nodiscard]] const ::icu::Normalizer2& nfkc_cf() const { return *m_nfkc_cf; }

    NormalizationTables(const NormalizationTables&) = delete;
    NormalizationTables& operator=(const NormalizationTables&) = delete;

private:
    NormalizationTables();
    void build_simplified();
    void build_bmp();

    // m_bmp entry: boundary bit, unchanged bit, then (length, offset) of the replacement in m_pool.
    static constexpr std::uint32_t kBoundaryBit = 1u << 31;
    static constexpr std::uint32_t kUnchangedBit = 1u << 30;
    static constexpr unsigned kLengthShift = 22;
    static constexpr std::uint32_t kLengthMask = 0xFF;
    static constexpr std::uint32_t kOffsetMask = (1u << kLengthShift) - 1;

    const ::icu::Normalizer2* m_nfkc_cf = nullptr; // owned by ICU
    std::vector<std::uint32_t> m_bmp;
    std::string m_pool;
    std::vector<char16_t> m_bmp_simplified; // 0: no Simplified form
    std::unordered_map<char32_t, char32_t> m_supplementary_simplified;
};

} // namespace zhisou::text::normalize_detail
