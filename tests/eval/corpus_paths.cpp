#include "corpus_paths.h"

#include <cstdlib>

namespace zhisou::eval {

std::optional<std::filesystem::path> shared_corpus() {
    std::filesystem::path root = ZHISOU_SHARED_DIR;
    if (const char* env = std::getenv("ZHISOU_SHARED"); env && *env) {
        root = env;
    }
    if (auto corpus = root / "corpus"; std::filesystem::is_directory(corpus)) {
        return corpus;
    }
    return std::nullopt;
}

} // namespace zhisou::eval
