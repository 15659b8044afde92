#pragma once
// Shared helpers for Zhisou's tests: where the data is, temporary directories, running the CLI.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace zhisou::testing {

/// The project's bundled samples/ folder.
[[nodiscard]] std::filesystem::path samples_dir();

/// The shared corpus folder (../shared/corpus, or $ZHISOU_SHARED/corpus), if it exists.
[[nodiscard]] std::optional<std::filesystem::path> shared_corpus_dir();

/// Reads a whole file as bytes; throws if it cannot.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// A fresh directory removed when the object goes out of scope.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// What a finished `zhisou` process left behind.
struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs the built `zhisou` binary with `args`, feeding `stdin_text`, and captures its output.
[[nodiscard]] RunResult run_zhisou(const std::vector<std::string>& args,
                                   const std::string& stdin_text = {},
                                   const std::vector<std::string>& env = {});

/// Writes `text` to `path`, creating its folders.
void write_file(const std::filesystem::path& path, const std::string& text);

/// Runs `zhisou index --json --index INDEX EXTRA... INPUTS...`, expects success, and returns
/// its summary (an empty object when it failed, after the test failure is recorded).
nlohmann::json index_json(const std::filesystem::path& index,
                          const std::vector<std::string>& inputs,
                          const std::vector<std::string>& extra = {});

} // namespace zhisou::testing

/// Skips the current test, saying clearly why, when the shared corpus is absent.
#define ZHISOU_REQUIRE_SHARED_CORPUS(var)                                                          \
    auto var##_opt = ::zhisou::testing::shared_corpus_dir();                                       \
    if (!var##_opt) {                                                                              \
        GTEST_SKIP() << "SKIPPED: ../shared/corpus not found (set ZHISOU_SHARED to run this "      \
                        "evaluation)";                                                             \
    }                                                                                              \
    const std::filesystem::path var = *var##_opt
