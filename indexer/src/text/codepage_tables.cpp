// Builds the code-page tables from ICU converters at first use (a few milliseconds, once).
#include "text/codepage_tables.h"

#include <algorithm>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include "icu/icu_util.h"

namespace zhisou::text::repair_detail {
namespace {

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const char* icu_name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(icu_name, &status));
    icu::check(status, std::string("ucnv_open(") + icu_name + ")");
    // Report unmapped bytes as errors instead of substituting, so "undefined" is visible.
    status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
    icu::check(status, "ucnv_setToUCallBack");
    return converter;
}

/// Decodes `length` bytes as exactly one character; 0 when they are not one mapped character.
char32_t decode_one(UConverter* converter, const char* bytes, int length) {
    UErrorCode status = U_ZERO_ERROR;
    UChar units[4];
    ucnv_reset(converter);
    const int count = ucnv_toUChars(converter, units, 4, bytes, length, &status);
    if (U_FAILURE(status) || count <= 0) {
        return 0;
    }
    if (count == 1) {
        return units[0] == 0xFFFD || units[0] == 0x1A ? 0 : units[0];
    }
    if (count == 2 && U16_IS_LEAD(units[0]) && U16_IS_TRAIL(units[1])) {
        return U16_GET_SUPPLEMENTARY(units[0], units[1]);
    }
    return 0;
}

class GbkTable {
public:
    GbkTable() : m_code(0x10000, 0) {
        Converter converter = open_converter("windows-936");
        for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
            for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
                if (trail == 0x7F) {
                    continue;
                }
                const char bytes[2] = {static_cast<char>(lead), static_cast<char>(trail)};
                const char32_t cp = decode_one(converter.get(), bytes, 2);
                if (cp == 0 || cp > 0xFFFF) {
                    continue;
                }
                const auto code = static_cast<std::uint16_t>(lead << 8 | trail);
                if (m_code[cp] == 0) { // first code wins for the rare duplicates
                    m_code[cp] = code;
                }
            }
        }
    }
    [[nodiscard]] std::uint16_t code(char32_t cp) const { return cp < 0x10000 ? m_code[cp] : 0; }

private:
    std::vector<std::uint16_t> m_code;
};

const GbkTable& gbk_table() {
    static const GbkTable table;
    return table;
}

} // namespace

SingleByteCodePage::SingleByteCodePage(std::string_view name, const char* icu_name) : m_name(name) {
    Converter converter = open_converter(icu_name);
    for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
        const char raw = static_cast<char>(byte);
        char32_t cp = decode_one(converter.get(), &raw, 1);
        if (cp == 0) {
            cp = byte; // undefined: the sloppy reading, a C1 control or Latin-1 character
        }
        m_high[byte - 0x80] = cp;
        m_reverse.emplace_back(cp, static_cast<std::uint8_t>(byte));
    }
    // Every C1 control also encodes to its own byte (Latin-1 read where the page was meant).
    for (unsigned byte = 0x80; byte <= 0x9F; ++byte) {
        m_reverse.emplace_back(static_cast<char32_t>(byte), static_cast<std::uint8_t>(byte));
    }
    std::sort(m_reverse.begin(), m_reverse.end());
    m_reverse.erase(std::unique(m_reverse.begin(), m_reverse.end(),
                                [](const auto& a, const auto& b) { return a.first == b.first; }),
                    m_reverse.end());
}

int SingleByteCodePage::to_byte(char32_t cp) const {
    if (cp < 0x80) {
        return static_cast<int>(cp);
    }
    const auto it = std::lower_bound(m_reverse.begin(), m_reverse.end(),
                                     std::pair<char32_t, std::uint8_t>(cp, 0));
    return it != m_reverse.end() && it->first == cp ? it->second : -1;
}

bool SingleByteCodePage::defined(std::uint8_t byte) const {
    return byte >= 0xA0 || byte < 0x80 || m_high[byte - 0x80] != byte;
}

const std::vector<SingleByteCodePage>& single_byte_code_pages() {
    static const std::vector<SingleByteCodePage> pages = [] {
        std::vector<SingleByteCodePage> list;
        list.emplace_back("windows-1252", "windows-1252");
        list.emplace_back("windows-1251", "windows-1251");
        list.emplace_back("windows-1250", "windows-1250");
        list.emplace_back("macroman", "macintosh");
        list.emplace_back("cp437", "ibm-437");
        list.emplace_back("cp855", "ibm-855");               // seen on real Chinese pages (solidot)
        list.emplace_back("mac-cyrillic", "x-mac-cyrillic"); // seen on real Chinese pages too
        list.emplace_back("windows-1253", "windows-1253");
        list.emplace_back("windows-1254", "windows-1254");
        list.emplace_back("windows-1257", "windows-1257");
        list.emplace_back("iso-8859-2", "ISO-8859-2");
        return list;
    }();
    return pages;
}

const SingleByteCodePage& thai_code_page() {
    static const SingleByteCodePage page("windows-874", "windows-874");
    return page;
}

std::uint16_t gbk_code(char32_t cp) {
    return gbk_table().code(cp);
}

bool gbk_user_defined(std::uint8_t lead, std::uint8_t trail) {
    if ((lead >= 0xAA && lead <= 0xAF) || lead >= 0xF8) {
        return trail >= 0xA1 && trail <= 0xFE;
    }
    if (lead >= 0xA1 && lead <= 0xA7) {
        return trail >= 0x40 && trail <= 0xA0 && trail != 0x7F;
    }
    return false;
}

} // namespace zhisou::text::repair_detail
