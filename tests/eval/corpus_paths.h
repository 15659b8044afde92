#pragma once
// Where the evaluations find the shared corpora: $ZHISOU_SHARED/corpus, else ../shared/corpus
// beside the source tree. Shared by the GoogleTest evaluations and the bench/ programs.

#include <filesystem>
#include <optional>

namespace zhisou::eval {

[[nodiscard]] std::optional<std::filesystem::path> shared_corpus();

} // namespace zhisou::eval
