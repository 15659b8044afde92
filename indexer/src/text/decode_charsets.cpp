// Label -> charset. The alias table covers the labels real Chinese/English documents use
// (WHATWG's encoding labels for these families); anything else is passed to ICU's own alias
// table so that, say, "koi8-r" or "windows-1251" still work.
#include "text/decode_charsets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unicode/ucnv.h>

namespace zhisou::text::detail {

namespace charsets {
Charset utf8() {
    return {"UTF-8", "UTF-8"};
}
Charset utf16le() {
    return {"UTF-16LE", "UTF-16LE"};
}
Charset utf16be() {
    return {"UTF-16BE", "UTF-16BE"};
}
Charset utf32le() {
    return {"UTF-32LE", "UTF-32LE"};
}
Charset utf32be() {
    return {"UTF-32BE", "UTF-32BE"};
}
Charset gb18030() {
    return {"GB18030", "gb18030"};
}
// HKSCS-2008 adds Hong Kong characters (e.g. Cantonese 嘅) to Big5 without changing the rest.
Charset big5() {
    return {"Big5", "ibm-1375_P100-2008"};
}
// Microsoft's Shift_JIS (windows-31j), the variant found in real files.
Charset shift_jis() {
    return {"Shift_JIS", "ibm-943_P15A-2003"};
}
Charset euc_jp() {
    return {"EUC-JP", "euc-jp-2007"};
}
// windows-949 (Unified Hangul Code) is a superset of EUC-KR.
Charset euc_kr() {
    return {"EUC-KR", "windows-949-2000"};
}
Charset euc_tw() {
    return {"EUC-TW", "euc-tw-2014"};
}
// windows-874 is TIS-620 plus punctuation (curly quotes, ellipsis) in 0x80-0x9F.
Charset windows_874() {
    return {"windows-874", "windows-874-2000"};
}
// windows-1252 maps every byte, so it also serves ISO-8859-1 and ASCII, as browsers do.
Charset windows_1252() {
    return {"windows-1252", "windows-1252"};
}
} // namespace charsets

namespace {

struct Alias {
    std::string_view label;
    Charset (*charset)();
};

// Lower-case labels. Plain "utf-16" means little-endian, as on Windows and in WHATWG.
constexpr std::array kAliases = {
    Alias{"utf-8", charsets::utf8},
    Alias{"utf8", charsets::utf8},
    Alias{"unicode-1-1-utf-8", charsets::utf8},
    Alias{"utf-16", charsets::utf16le},
    Alias{"utf-16le", charsets::utf16le},
    Alias{"unicode", charsets::utf16le},
    Alias{"ucs-2", charsets::utf16le},
    Alias{"utf-16be", charsets::utf16be},
    Alias{"unicodefffe", charsets::utf16be},
    Alias{"utf-32", charsets::utf32le},
    Alias{"utf-32le", charsets::utf32le},
    Alias{"utf-32be", charsets::utf32be},
    Alias{"gb2312", charsets::gb18030},
    Alias{"gb_2312", charsets::gb18030},
    Alias{"gb_2312-80", charsets::gb18030},
    Alias{"gbk", charsets::gb18030},
    Alias{"x-gbk", charsets::gb18030},
    Alias{"gb18030", charsets::gb18030},
    Alias{"cp936", charsets::gb18030},
    Alias{"ms936", charsets::gb18030},
    Alias{"windows-936", charsets::gb18030},
    Alias{"euc-cn", charsets::gb18030},
    Alias{"x-euc-cn", charsets::gb18030},
    Alias{"csgb2312", charsets::gb18030},
    Alias{"chinese", charsets::gb18030},
    Alias{"iso-ir-58", charsets::gb18030},
    Alias{"csiso58gb231280", charsets::gb18030},
    Alias{"big5", charsets::big5},
    Alias{"big-5", charsets::big5},
    Alias{"big5-hkscs", charsets::big5},
    Alias{"big5hkscs", charsets::big5},
    Alias{"cn-big5", charsets::big5},
    Alias{"csbig5", charsets::big5},
    Alias{"x-big5", charsets::big5},
    Alias{"x-x-big5", charsets::big5},
    Alias{"cp950", charsets::big5},
    Alias{"ms950", charsets::big5},
    Alias{"windows-950", charsets::big5},
    Alias{"shift_jis", charsets::shift_jis},
    Alias{"shift-jis", charsets::shift_jis},
    Alias{"sjis", charsets::shift_jis},
    Alias{"x-sjis", charsets::shift_jis},
    Alias{"ms_kanji", charsets::shift_jis},
    Alias{"csshiftjis", charsets::shift_jis},
    Alias{"windows-31j", charsets::shift_jis},
    Alias{"cp932", charsets::shift_jis},
    Alias{"ms932", charsets::shift_jis},
    Alias{"euc-jp", charsets::euc_jp},
    Alias{"x-euc-jp", charsets::euc_jp},
    Alias{"cseucpkdfmtjapanese", charsets::euc_jp},
    Alias{"euc-kr", charsets::euc_kr},
    Alias{"cseuckr", charsets::euc_kr},
    Alias{"ks_c_5601-1987", charsets::euc_kr},
    Alias{"ks_c_5601-1989", charsets::euc_kr},
    Alias{"ksc5601", charsets::euc_kr},
    Alias{"ksc_5601", charsets::euc_kr},
    Alias{"csksc56011987", charsets::euc_kr},
    Alias{"iso-ir-149", charsets::euc_kr},
    Alias{"korean", charsets::euc_kr},
    Alias{"windows-949", charsets::euc_kr},
    Alias{"cp949", charsets::euc_kr},
    Alias{"euc-tw", charsets::euc_tw},
    Alias{"x-euc-tw", charsets::euc_tw},
    Alias{"tis-620", charsets::windows_874},
    Alias{"tis620", charsets::windows_874},
    Alias{"iso-8859-11", charsets::windows_874},
    Alias{"iso8859-11", charsets::windows_874},
    Alias{"windows-874", charsets::windows_874},
    Alias{"cp874", charsets::windows_874},
    Alias{"x-windows-874", charsets::windows_874},
    Alias{"dos-874", charsets::windows_874},
    Alias{"iso-8859-1", charsets::windows_1252},
    Alias{"iso8859-1", charsets::windows_1252},
    Alias{"iso_8859-1", charsets::windows_1252},
    Alias{"iso_8859-1:1987", charsets::windows_1252},
    Alias{"latin1", charsets::windows_1252},
    Alias{"latin-1", charsets::windows_1252},
    Alias{"l1", charsets::windows_1252},
    Alias{"csisolatin1", charsets::windows_1252},
    Alias{"iso-ir-100", charsets::windows_1252},
    Alias{"cp819", charsets::windows_1252},
    Alias{"ibm819", charsets::windows_1252},
    Alias{"ascii", charsets::windows_1252},
    Alias{"us-ascii", charsets::windows_1252},
    Alias{"ansi_x3.4-1968", charsets::windows_1252},
    Alias{"windows-1252", charsets::windows_1252},
    Alias{"cp1252", charsets::windows_1252},
    Alias{"x-cp1252", charsets::windows_1252},
};

std::string normalise_label(std::string_view label) {
    const auto is_junk = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'';
    };
    while (!label.empty() && is_junk(label.front())) {
        label.remove_prefix(1);
    }
    while (!label.empty() && is_junk(label.back())) {
        label.remove_suffix(1);
    }
    std::string lower(label);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

// Labels outside our table: ICU's alias table, reported under the MIME or IANA name.
std::optional<Charset> charset_from_icu(const std::string& label) {
    if (label.empty() || label.size() > 64) {
        return std::nullopt;
    }
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(label.c_str(), &status);
    if (U_FAILURE(status) || converter == nullptr) {
        return std::nullopt;
    }
    status = U_ZERO_ERROR;
    std::string canonical = ucnv_getName(converter, &status);
    ucnv_close(converter);
    if (U_FAILURE(status)) {
        return std::nullopt;
    }
    for (const char* standard : {"MIME", "IANA"}) {
        status = U_ZERO_ERROR;
        const char* reported = ucnv_getStandardName(canonical.c_str(), standard, &status);
        if (U_SUCCESS(status) && reported != nullptr) {
            return Charset{reported, canonical};
        }
    }
    return Charset{canonical, canonical};
}

} // namespace

std::optional<Charset> charset_for_label(std::string_view label) {
    const std::string key = normalise_label(label);
    for (const Alias& alias : kAliases) {
        if (alias.label == key) {
            return alias.charset();
        }
    }
    return charset_from_icu(key);
}

} // namespace zhisou::text::detail
