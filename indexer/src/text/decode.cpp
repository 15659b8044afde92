// INTERIM (being replaced): assumes UTF-8 and replaces invalid bytes.
#include <zhisou/text/decode.h>

namespace zhisou::text {

bool is_valid_utf8(std::string_view bytes) noexcept {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > bytes.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
        }
        i += len;
    }
    return true;
}

std::string sniff_declared_charset(std::string_view) { return {}; }

Decoded decode(std::string_view bytes, const DecodeHints&) {
    Decoded result;
    result.text.assign(bytes);
    result.encoding = "UTF-8";
    result.confidence = 100;
    result.method = "utf-8";
    return result;
}

} // namespace zhisou::text
