// Normalizer: NFKC_Casefold + Traditional -> Simplified (and ’ -> '), one normalization segment
// at a time.
// Text is cut before every character that has a normalization boundary before it; a segment of
// one character (nearly all of them: ASCII, Han, kana...) is a table lookup, and only real
// combining sequences (e + U+0301, Hangul jamo) go through ICU.

#include <algorithm>
#include <cstring>
#include <unicode/unistr.h>

#include <zhisou/text/normalize.h>

#include "icu/icu_util.h"
#include "text/normalize_tables.h"
#include "text/segment_chars.h"

namespace zhisou::text {
namespace {

using normalize_detail::NormalizationTables;

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// A longer run of combining marks is cut into pieces of this many code points. It bounds the
// ICU work per segment (canonical reordering is quadratic) for adversarial input; real text
// never has more than a handful of marks on one base (Unicode's stream-safe limit is 30).
constexpr int kMaxSegmentCodePoints = 32;

// The normalized text and its offset map, written through raw pointers: per-character
// std::string/std::vector appends cost more than the normalization itself.
class Output {
public:
    Output(std::string& text, std::vector<std::uint32_t>* map, std::size_t expected)
        : m_text(text), m_map(map) {
        grow(expected);
    }

    // Appends `size` bytes that all come from the original character at `original`.
    void put(const char* bytes, std::size_t size, std::size_t original) {
        if (m_length + size > m_text.size())
            grow(m_length + size);
        char* out = m_text.data() + m_length;
        if (size <= 4) {
            for (std::size_t k = 0; k < size; ++k)
                out[k] = bytes[k];
        } else {
            std::memcpy(out, bytes, size);
        }
        if (m_map != nullptr) {
            std::fill_n(m_map->data() + m_length, size, static_cast<std::uint32_t>(original));
        }
        m_length += size;
    }

    void put(std::string_view bytes, std::size_t original) {
        put(bytes.data(), bytes.size(), original);
    }

    void put_code_point(char32_t c, std::size_t original) {
        char bytes[4];
        std::size_t size = 0;
        if (c < 0x80) {
            bytes[size++] = static_cast<char>(c);
        } else if (c < 0x800) {
            bytes[size++] = static_cast<char>(0xC0 | (c >> 6));
            bytes[size++] = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            bytes[size++] = static_cast<char>(0xE0 | (c >> 12));
            bytes[size++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            bytes[size++] = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            bytes[size++] = static_cast<char>(0xF0 | (c >> 18));
            bytes[size++] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            bytes[size++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            bytes[size++] = static_cast<char>(0x80 | (c & 0x3F));
        }
        put(bytes, size, original);
    }

    // Trims the buffers to what was written; the map gets its end entry (the original size).
    void finish(std::size_t original_size) {
        m_text.resize(m_length);
        if (m_map != nullptr) {
            m_map->resize(m_length + 1);
            (*m_map)[m_length] = static_cast<std::uint32_t>(original_size);
        }
    }

private:
    void grow(std::size_t needed) {
        const std::size_t size = std::max(needed, m_text.size() + m_text.size() / 2 + 16);
        m_text.resize(size);
        if (m_map != nullptr)
            m_map->resize(size + 1);
    }

    std::string& m_text;
    std::vector<std::uint32_t>* m_map;
    std::size_t m_length = 0;
};

class SegmentWriter {
public:
    SegmentWriter(const NormalizationTables& tables, std::string_view in, Output& out)
        : m_tables(tables), m_in(in), m_out(out) {}

    void run() {
        const std::size_t n = m_in.size();
        std::size_t i = 0;
        seg::CodePoint current = seg::decode_at(m_in, 0);
        while (i < n) {
            // The next character decides whether `current` is a segment on its own; it is
            // decoded once and carried over as the next `current`.
            const std::size_t next_begin = i + current.size;
            const seg::CodePoint next = seg::decode_at(m_in, next_begin);
            if (next.size == 0 || m_tables.boundary_before(next.value)) {
                single(i, current);
                i = next_begin;
                current = next;
            } else {
                i = combining_sequence(i);
                current = seg::decode_at(m_in, i);
            }
        }
        m_out.finish(n);
    }

private:
    void single(std::size_t i, seg::CodePoint cp) {
        const char32_t c = cp.value;
        if (c < 0x80) {
            const char lower =
                (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            m_out.put(&lower, 1, i);
        } else if (c < 0x10000) {
            if (c == 0xFFFD) {
                m_out.put(kReplacementUtf8, i); // also for ill-formed bytes, whatever they were
            } else if (m_tables.bmp_unchanged(c)) {
                m_out.put(m_in.data() + i, cp.size, i);
            } else {
                m_out.put(m_tables.bmp_replacement(c), i);
            }
        } else if (m_tables.nfkc_cf().isInert(static_cast<UChar32>(c))) {
            m_out.put_code_point(m_tables.fold(c), i);
        } else {
            append_normalized(::icu::UnicodeString(static_cast<UChar32>(c)), i);
        }
    }

    // A base character with the marks that combine with it: ICU does the composition and
    // reordering; every output byte maps to the start of the sequence. Returns its end.
    std::size_t combining_sequence(std::size_t begin) {
        ::icu::UnicodeString sequence;
        std::size_t end = begin;
        for (int count = 0; end < m_in.size() && count < kMaxSegmentCodePoints; ++count) {
            const seg::CodePoint cp = seg::decode_at(m_in, end);
            if (count > 0 && m_tables.boundary_before(cp.value))
                break;
            sequence.append(static_cast<UChar32>(cp.value));
            end += cp.size;
        }
        append_normalized(sequence, begin);
        return end;
    }

    void append_normalized(const ::icu::UnicodeString& text, std::size_t original) {
        UErrorCode status = U_ZERO_ERROR;
        const ::icu::UnicodeString normalized = m_tables.nfkc_cf().normalize(text, status);
        icu::check(status, "Normalizer2::normalize");
        for (int32_t k = 0; k < normalized.length();) {
            const UChar32 c = normalized.char32At(k);
            m_out.put_code_point(m_tables.fold(static_cast<char32_t>(c)), original);
            k += U16_LENGTH(c);
        }
    }

    const NormalizationTables& m_tables;
    std::string_view m_in;
    Output& m_out;
};

void check_size(std::string_view utf8) {
    // Offsets are 32-bit (as in Token); no single field of a document comes near 4 GB.
    if (utf8.size() >= 0xFFFFFFFFu) {
        throw InputError("text of " + std::to_string(utf8.size()) +
                         " bytes is too large to normalize; split it into pieces under 4 GB");
    }
}

// Room for the usual case (ASCII and CJK keep their size) plus a little expansion.
std::size_t expected_size(std::string_view utf8) {
    return utf8.size() + utf8.size() / 8 + 16;
}

} // namespace

Normalizer::Normalizer() {
    (void)NormalizationTables::instance();
}

std::string Normalizer::normalize(std::string_view utf8) const {
    check_size(utf8);
    std::string text;
    Output out(text, nullptr, expected_size(utf8));
    SegmentWriter(NormalizationTables::instance(), utf8, out).run();
    return text;
}

void Normalizer::normalize_mapped(std::string_view utf8, NormalizedText& out) const {
    check_size(utf8);
    out.text.clear();
    out.to_original.clear();
    Output output(out.text, &out.to_original, expected_size(utf8));
    SegmentWriter(NormalizationTables::instance(), utf8, output).run();
}

NormalizedText Normalizer::normalize_mapped(std::string_view utf8) const {
    NormalizedText out;
    normalize_mapped(utf8, out);
    return out;
}

} // namespace zhisou::text
