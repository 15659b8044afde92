// The pre-scan. Mojibake of UTF-8 always starts with a character that stands for a lead byte
// followed by one that stands for a continuation byte *in the same code page*; so every
// character gets two bit masks (which pages it is a lead byte in, which a continuation byte
// in), and the text needs a closer look only where one character's lead mask meets the next
// one's continuation mask. ASCII is skipped eight bytes at a time.
#include "text/repair_prescan.h"

#include <cstdint>
#include <cstring>
#include <vector>

#include <zhisou/error.h>

#include "text/codepage_tables.h"
#include "text/decode_common_chars.h"
#include "text/repair_chars.h"
#include "text/repair_gbk.h"
#include "text/repair_utf8.h"

namespace zhisou::text::repair_detail {
namespace {

constexpr std::size_t kBmp = 0x10000;
// Bits 0..15: the single-byte pages, in single_byte_code_pages() order.
constexpr std::size_t kMaxSingleBytePages = 16;
constexpr std::uint32_t kSingleBytePages = (1u << kMaxSingleBytePages) - 1;
constexpr std::uint32_t kThai = 1u << 16;
constexpr std::uint32_t kGbk = 1u << 17;
// A space for a lost A0 byte is evidence enough on its own only after Â, Ã or Ă ("voilÃ le");
// elsewhere it needs stronger evidence nearby, which the pre-scan finds anyway.
constexpr std::uint32_t kSpaceFollower = 1u << 18;
constexpr std::uint32_t kQuestionFollower = 1u << 19; // a '?' for a lost continuation byte
// โ or ๐ glued to an ASCII letter: a Thai-page symbol whose other bytes were all dropped
// ("donโt"); real Thai does not glue its vowels to Latin letters.
constexpr std::uint32_t kThaiLone = 1u << 20;
constexpr std::uint32_t kAlways = 1u << 21; // C1 controls, U+FFFD

bool is_rare_capital(char32_t cp) {
    return cp == 0x00C2 || cp == 0x00C3 || cp == 0x0102;
}

class Masks {
public:
    Masks() : m_lead(kBmp, 0), m_cont(kBmp, 0) {
        const auto& pages = single_byte_code_pages();
        if (pages.size() > kMaxSingleBytePages) {
            throw RuntimeError("repair: more single-byte code pages than pre-scan mask bits");
        }
        for (std::size_t p = 0; p < pages.size(); ++p) {
            const auto bit = static_cast<std::uint32_t>(1u << p);
            for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
                const char32_t cp = pages[p].to_unicode(static_cast<std::uint8_t>(byte));
                if (cp >= kBmp) {
                    continue;
                }
                if (byte <= 0xBF) {
                    m_cont[cp] |= bit;
                } else if (utf8_sequence_length(static_cast<std::uint8_t>(byte)) > 0) {
                    m_lead[cp] |= bit;
                    if (utf8_sequence_length(static_cast<std::uint8_t>(byte)) > 2) {
                        m_lead[cp] |= kQuestionFollower;
                    }
                    if (is_rare_capital(cp)) {
                        m_lead[cp] |= kSpaceFollower;
                    }
                }
            }
            for (char32_t c1 = 0x80; c1 <= 0x9F; ++c1) {
                m_cont[c1] |= bit; // Latin-1 read: a C1 control is its own byte
            }
        }
        const SingleByteCodePage& thai = thai_code_page();
        for (unsigned byte = 0x80; byte <= 0xF4; ++byte) {
            const auto b = static_cast<std::uint8_t>(byte);
            const char32_t cp = thai.to_unicode(b);
            if (byte <= 0xBF && thai.defined(b)) {
                m_cont[cp] |= kThai;
            } else if (byte >= 0xE0) {
                m_lead[cp] |= kThai;
            }
        }
        for (char32_t cp = 0x2E80; cp < kBmp; ++cp) {
            const std::uint16_t code = gbk_code(cp);
            const auto lead = static_cast<std::uint8_t>(code >> 8);
            if (code == 0) {
                continue;
            }
            if (may_start_gbk_mojibake(cp)) {
                m_lead[cp] |= kGbk;
            }
            if (is_continuation(lead)) {
                m_cont[cp] |= kGbk;
            }
        }
        for (const char32_t lone : {U'\u0E42', U'\u0E50'}) { // โ (E2), ๐ (F0)
            m_lead[lone] |= kThaiLone;
        }
        for (char32_t letter = U'A'; letter <= U'z'; ++letter) {
            if (is_letter(letter)) {
                m_cont[letter] |= kThaiLone;
            }
        }
        m_cont[U' '] |= kSpaceFollower;
        m_cont[U'?'] |= kQuestionFollower | kGbk;
        m_cont[kReplacement] |= kAlways;
        for (char32_t c1 = 0x80; c1 <= 0x9F; ++c1) {
            m_cont[c1] |= kAlways;
        }
    }

    [[nodiscard]] std::uint32_t lead(char32_t cp) const { return cp < kBmp ? m_lead[cp] : 0; }
    [[nodiscard]] std::uint32_t cont(char32_t cp) const { return cp < kBmp ? m_cont[cp] : 0; }

private:
    std::vector<std::uint32_t> m_lead;
    std::vector<std::uint32_t> m_cont;
};

const Masks& masks() {
    static const Masks table;
    return table;
}

/// Whether the GBK bytes of `first` and the lead byte of `second` form a UTF-8 character
/// that real Chinese text uses a lot (the start of 鎵撳嵃 -> 打印); a rare result means the
/// pair is just two real characters.
bool plausible_gbk_start(char32_t first, char32_t second) {
    if (second == U'?' || second == kReplacement) {
        return true;
    }
    if (first >= 0x4E00 && first <= 0x9FFF) {
        const auto frequency = detail::han_frequency(first);
        if (frequency == detail::HanFrequency::top || frequency == detail::HanFrequency::common) {
            return false; // mojibake starts on a rare character (鎵, 鍙, 锛), not on 鎮 or 們
        }
    }
    const std::uint16_t a = gbk_code(first);
    const std::uint16_t b = gbk_code(second);
    const char32_t cp = (static_cast<char32_t>(a >> 8) & 0x0Fu) << 12 |
                        (static_cast<char32_t>(a & 0xFF) & 0x3Fu) << 6 |
                        (static_cast<char32_t>(b >> 8) & 0x3Fu);
    if (cp == kReplacement) {
        return true; // 锟斤拷: residue to flag
    }
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
        const auto frequency = detail::han_frequency(cp);
        return frequency == detail::HanFrequency::top || frequency == detail::HanFrequency::common;
    }
    return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF);
}

} // namespace

std::uint32_t single_byte_lead_pages(char32_t cp) {
    return masks().lead(cp) & kSingleBytePages;
}

std::uint32_t single_byte_continuation_pages(char32_t cp) {
    return masks().cont(cp) & kSingleBytePages;
}

bool may_need_repair(std::string_view utf8) {
    const Masks& table = masks();
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t size = utf8.size();
    std::uint32_t prev_lead = 0;
    char32_t prev = 0;
    std::size_t i = 0;
    while (i < size) {
        if (prev_lead == 0 && i + 8 <= size) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = bytes[i];
        char32_t cp = lead;
        std::size_t length = 1;
        if (lead >= 0xC2 && lead <= 0xDF && i + 1 < size) {
            cp = (lead & 0x1Fu) << 6 | (bytes[i + 1] & 0x3Fu);
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF && i + 2 < size) {
            cp = (lead & 0x0Fu) << 12 | (bytes[i + 1] & 0x3Fu) << 6 | (bytes[i + 2] & 0x3Fu);
            length = 3;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            cp = 0x10000; // nothing outside the BMP takes part in a repair
            length = 4;
        } else if (lead >= 0x80) {
            return true; // not valid UTF-8 after all: let the careful path deal with it
        }
        const std::uint32_t cont = table.cont(cp);
        if ((cont & kAlways) != 0) {
            return true;
        }
        const std::uint32_t shared = prev_lead & cont;
        if ((shared & ~kGbk) != 0 || ((shared & kGbk) != 0 && plausible_gbk_start(prev, cp))) {
            return true;
        }
        prev_lead = table.lead(cp);
        prev = cp;
        i += length;
    }
    return false;
}

} // namespace zhisou::text::repair_detail
