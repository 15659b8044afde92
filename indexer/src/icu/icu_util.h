#pragma once
// Internal: the one place that turns ICU status codes into Zhisou errors, plus small helpers.
// ICU headers stay out of public headers; this file is private to the indexer library.

#include <string_view>
#include <unicode/utypes.h>

#include <zhisou/error.h>

namespace zhisou::icu {

/// Throws RuntimeError naming the ICU call and status when `status` is a failure.
inline void check(UErrorCode status, std::string_view what) {
    if (U_FAILURE(status)) {
        throw RuntimeError(std::string("ICU failed in ") + std::string(what) + ": " +
                           u_errorName(status) +
                           " (is the libicu72 package installed and complete?)");
    }
}

} // namespace zhisou::icu
