// Bytes -> UTF-8, in order of evidence: a BOM; strict UTF-8 (the common case, which costs one
// validation pass and a copy); a declared charset that decodes without a single error;
// detection; and, when nothing fits, UTF-8 with every undecodable sequence shown as U+FFFD.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>

#include <zhisou/text/decode.h>

#include "text/decode_charsets.h"
#include "text/decode_convert.h"
#include "text/decode_detect.h"

namespace zhisou::text {
namespace {

using detail::Charset;
namespace charsets = detail::charsets;

constexpr int kCertain = 100;
// A declared charset that decodes cleanly is very likely right, but clean decoding proves
// little for single-byte charsets (they accept almost anything).
constexpr int kDeclaredConfidence = 95;

Decoded convert(std::string_view bytes, const Charset& charset, std::string method,
                int confidence) {
    detail::Converted converted = detail::convert_to_utf8(bytes, charset.icu_name.c_str());
    return Decoded{std::move(converted.text), charset.name, confidence, std::move(method),
                   converted.replaced};
}

Decoded copy_utf8(std::string_view bytes, std::string method) {
    return Decoded{std::string(bytes), "UTF-8", kCertain, std::move(method), 0};
}

bool starts_with(std::string_view bytes, std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
}

std::optional<Decoded> decode_with_bom(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (starts_with(bytes, "\xEF\xBB\xBF"sv)) {
        const std::string_view rest = bytes.substr(3);
        return is_valid_utf8(rest) ? copy_utf8(rest, "bom")
                                   : convert(rest, charsets::utf8(), "bom", kCertain);
    }
    // FF FE 00 00 is also UTF-16LE's BOM followed by U+0000: UTF-32LE only if it decodes so.
    if (starts_with(bytes, "\xFF\xFE\x00\x00"sv)) {
        Decoded utf32 = convert(bytes.substr(4), charsets::utf32le(), "bom", kCertain);
        if (utf32.replaced == 0) {
            return utf32;
        }
    }
    if (starts_with(bytes, "\x00\x00\xFE\xFF"sv)) {
        return convert(bytes.substr(4), charsets::utf32be(), "bom", kCertain);
    }
    if (starts_with(bytes, "\xFF\xFE"sv)) {
        return convert(bytes.substr(2), charsets::utf16le(), "bom", kCertain);
    }
    if (starts_with(bytes, "\xFE\xFF"sv)) {
        return convert(bytes.substr(2), charsets::utf16be(), "bom", kCertain);
    }
    return std::nullopt;
}

// Valid UTF-8 that is really something else: UTF-16/32 of ASCII-heavy text (NULs in every
// other byte are valid UTF-8) or 7-bit ISO-2022 with escape sequences.
std::optional<Decoded> decode_utf8_lookalike(std::string_view bytes) {
    if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
        if (auto utf16 = detail::detect_utf16_or_32_by_nul_pattern(bytes)) {
            const int confidence =
                static_cast<int>(std::lround(std::min(99.0, utf16->plausibility)));
            return convert(bytes, utf16->charset, "detected", confidence);
        }
    }
    if (bytes.find("\x1B$") != std::string_view::npos) {
        if (auto iso2022 = detail::detect_iso2022(bytes)) {
            Decoded decoded = convert(bytes, *iso2022, "detected", kDeclaredConfidence);
            if (decoded.replaced == 0) {
                return decoded;
            }
        }
    }
    return std::nullopt;
}

std::optional<Decoded> decode_declared(std::string_view bytes, std::string_view label,
                                       bool label_is_from_bytes) {
    if (label.empty()) {
        return std::nullopt;
    }
    const std::optional<Charset> charset = detail::charset_for_label(label);
    // A declaration we could read as ASCII cannot be telling the truth about UTF-16/32.
    if (!charset || (label_is_from_bytes && charset->is_utf16_or_32())) {
        return std::nullopt;
    }
    Decoded decoded = convert(bytes, *charset, "declared", kDeclaredConfidence);
    if (decoded.replaced != 0) {
        return std::nullopt;
    }
    return decoded;
}

// Four-bytes-at-a-time is not enough for 1 GB/s: check 16 ASCII bytes per step.
bool all_ascii_16(const unsigned char* p) noexcept {
    std::uint64_t first = 0;
    std::uint64_t second = 0;
    std::memcpy(&first, p, 8);
    std::memcpy(&second, p + 8, 8);
    return ((first | second) & 0x8080808080808080ULL) == 0;
}

bool is_continuation(unsigned char byte) noexcept {
    return (byte & 0xC0) == 0x80;
}

} // namespace

// Well-formed UTF-8 per the Unicode Standard, Table 3-7: no overlong forms (C0, C1, E0 80-9F,
// F0 80-8F), no surrogates (ED A0-BF), nothing above U+10FFFF (F4 90+, F5-FF), no truncation.
bool is_valid_utf8(std::string_view bytes) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const unsigned char* const end = p + bytes.size();
    while (p < end) {
        while (end - p >= 16 && all_ascii_16(p)) {
            p += 16;
        }
        if (p == end) {
            break;
        }
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        const std::ptrdiff_t left = end - p;
        if (lead < 0xC2) {
            return false; // stray continuation byte or overlong 2-byte form
        }
        if (lead < 0xE0) {
            if (left < 2 || !is_continuation(p[1])) {
                return false;
            }
            p += 2;
            continue;
        }
        if (lead < 0xF0) {
            const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
            const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
            if (left < 3 || p[1] < low || p[1] > high || !is_continuation(p[2])) {
                return false;
            }
            p += 3;
            continue;
        }
        if (lead < 0xF5) {
            const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
            const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
            if (left < 4 || p[1] < low || p[1] > high || !is_continuation(p[2]) ||
                !is_continuation(p[3])) {
                return false;
            }
            p += 4;
            continue;
        }
        return false;
    }
    return true;
}

Decoded decode(std::string_view bytes, const DecodeHints& hints) {
    if (bytes.empty()) {
        return Decoded{"", "UTF-8", kCertain, "utf-8", 0};
    }
    if (auto decoded = decode_with_bom(bytes)) {
        return std::move(*decoded);
    }
    if (is_valid_utf8(bytes)) {
        if (auto decoded = decode_utf8_lookalike(bytes)) {
            return std::move(*decoded);
        }
        return copy_utf8(bytes, "utf-8");
    }
    if (hints.honour_declared) {
        if (auto decoded = decode_declared(bytes, hints.declared_charset, false)) {
            return std::move(*decoded);
        }
        if (auto decoded = decode_declared(bytes, sniff_declared_charset(bytes), true)) {
            return std::move(*decoded);
        }
    }
    const detail::Detection detection = detail::detect_charset(bytes);
    if (detection.plausible) {
        return convert(bytes, detection.charset, "detected", detection.confidence);
    }
    return convert(bytes, detection.charset, "fallback", 0);
}

} // namespace zhisou::text
