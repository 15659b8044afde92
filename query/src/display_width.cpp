#include "display_width.h"

#include <unicode/uchar.h>

namespace zhisou::query::detail {

int display_width(char32_t c) noexcept {
    const auto code = static_cast<UChar32>(c);
    const auto category = u_charType(code);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_FORMAT_CHAR) {
        return 0;
    }
    const auto width = u_getIntPropertyValue(code, UCHAR_EAST_ASIAN_WIDTH);
    return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

} // namespace zhisou::query::detail
