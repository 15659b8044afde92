// INTERIM (being replaced): no repairs yet.
#include <zhisou/text/repair.h>

namespace zhisou::text {

Repaired repair(std::string_view utf8) {
    Repaired result;
    result.text.assign(utf8);
    return result;
}

} // namespace zhisou::text
