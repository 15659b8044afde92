#pragma once
// The query library's one Analyzer instance: building one loads ICU's dictionary, so searches
// and saved-query validation in one process share it. Analyzer's const members are thread-safe.

namespace zhisou::text {
class Analyzer;
}

namespace zhisou::query::detail {

[[nodiscard]] const text::Analyzer& shared_analyzer();

} // namespace zhisou::query::detail
