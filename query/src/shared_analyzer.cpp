#include "shared_analyzer.h"

#include <zhisou/text/analyzer.h>

namespace zhisou::query::detail {

const text::Analyzer& shared_analyzer() {
    static const text::Analyzer analyzer;
    return analyzer;
}

} // namespace zhisou::query::detail
