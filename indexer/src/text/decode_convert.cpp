// Byte string -> UTF-8 through an ICU converter (ucnv_convertEx, pivoting through a small
// UTF-16 buffer, so a 10 MB input never needs a 20 MB UTF-16 copy). Our own to-Unicode
// callback writes U+FFFD and counts it: ICU's stock SUBSTITUTE callback writes U+001A for some
// single-byte converters, which would hide the damage.
#include "text/decode_convert.h"

#include <array>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <zhisou/text/utf8.h>

#include "icu/icu_util.h"

namespace zhisou::text::detail {
namespace {

struct ConverterCloser {
    void operator()(UConverter* converter) const noexcept { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr open_converter(const char* icu_name, UErrorCode& status) {
    return ConverterPtr(ucnv_open(icu_name, &status));
}

struct ReplacementCount {
    std::size_t replaced = 0;
    std::size_t limit = kNoReplacementLimit;
};

// Replaces each illegal, irregular or unmapped byte sequence with one U+FFFD and counts it.
// Past the limit it leaves the error status set, which stops the conversion.
void U_CALLCONV count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                                     const char* /*code_units*/, int32_t /*length*/,
                                     UConverterCallbackReason reason, UErrorCode* status) {
    if (reason > UCNV_IRREGULAR) {
        return; // reset, close and clone notifications carry no bad bytes
    }
    auto* count = static_cast<ReplacementCount*>(const_cast<void*>(context));
    if (++count->replaced > count->limit) {
        return;
    }
    *status = U_ZERO_ERROR;
    static constexpr UChar kReplacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, status);
}

} // namespace

bool converter_available(const char* icu_name) {
    UErrorCode status = U_ZERO_ERROR;
    const ConverterPtr converter = open_converter(icu_name, status);
    return U_SUCCESS(status) && converter != nullptr;
}

Converted convert_to_utf8(std::string_view bytes, const char* icu_name, std::size_t max_replaced) {
    Converted result;
    ReplacementCount count{0, max_replaced};
    UErrorCode status = U_ZERO_ERROR;
    const ConverterPtr source = open_converter(icu_name, status);
    icu::check(status, std::string("ucnv_open(") + icu_name + ")");
    const ConverterPtr utf8 = open_converter("UTF-8", status);
    icu::check(status, "ucnv_open(UTF-8)");
    ucnv_setToUCallBack(source.get(), count_and_substitute, &count, nullptr, nullptr, &status);
    icu::check(status, "ucnv_setToUCallBack");

    // ICU converts straight to UTF-8 through a small pivot buffer (with fast paths for common
    // converters). Most legacy text needs at most 1.5x its size in UTF-8; grow if not.
    std::array<UChar, 4096> pivot; // NOLINT: ICU fills it before reading
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    result.text.resize(bytes.size() + bytes.size() / 2 + 16);
    std::size_t written = 0;
    const char* input = bytes.data();
    const char* const input_end = bytes.data() + bytes.size();
    for (bool first = true;; first = false) {
        char* target = result.text.data() + written;
        char* const target_end = result.text.data() + result.text.size();
        status = U_ZERO_ERROR;
        ucnv_convertEx(utf8.get(), source.get(), &target, target_end, &input, input_end,
                       pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(),
                       /*reset=*/first, /*flush=*/true, &status);
        written = static_cast<std::size_t>(target - result.text.data());
        if (status != U_BUFFER_OVERFLOW_ERROR) {
            break;
        }
        result.text.resize(result.text.size() * 2);
    }
    result.text.resize(written);
    result.replaced = count.replaced;
    result.gave_up = count.replaced > count.limit;
    if (!result.gave_up) {
        icu::check(status, std::string("ucnv_convertEx(") + icu_name + " -> UTF-8)");
    }
    return result;
}

} // namespace zhisou::text::detail
