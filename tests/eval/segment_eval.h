#pragma once
// Scoring word segmentation like the SIGHAN bakeoff scorer: word-level precision, recall and
// F1 over aligned character spans, plus recall of out-of-vocabulary words (gold words missing
// from the training word list). Shared by tests/eval/segment_eval_test.cpp (asserts targets)
// and bench/eval_segment.cpp (prints the table).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace zhisou::eval {

struct SegScore {
    std::size_t gold_words = 0;
    std::size_t test_words = 0;
    std::size_t correct = 0;     ///< test words whose span and text match a gold word
    std::size_t oov_gold = 0;    ///< gold words not in the training word list
    std::size_t oov_correct = 0; ///< of those, found by the segmenter
    std::size_t lines = 0;
    /// Lines whose characters (spaces aside) differ between gold and test: they count as all
    /// wrong, since spans cannot be aligned. A correct segmenter has none.
    std::size_t mismatched_lines = 0;

    [[nodiscard]] double precision() const;
    [[nodiscard]] double recall() const;
    [[nodiscard]] double f1() const;
    [[nodiscard]] double oov_recall() const;
};

/// Words of each line are separated by runs of ASCII whitespace (PKU gold uses two spaces,
/// CityU one). `test_lines` shorter than `gold_lines` counts the missing lines as empty.
[[nodiscard]] SegScore score_segmentation(const std::vector<std::string>& gold_lines,
                                          const std::vector<std::string>& test_lines,
                                          const std::unordered_set<std::string>& training_words);

/// The lines of a UTF-8 file without a leading BOM and without their CR LF / LF endings.
[[nodiscard]] std::vector<std::string> read_lines(const std::filesystem::path& path);

/// A word list, one word per line (blank lines ignored).
[[nodiscard]] std::unordered_set<std::string> read_word_list(const std::filesystem::path& path);

using LineSegmenter = std::function<std::string(std::string_view line)>;

/// Runs `segmenter` over every line of `input`.
[[nodiscard]] std::vector<std::string> segment_lines(const std::vector<std::string>& input,
                                                     const LineSegmenter& segmenter);

/// Runs `segmenter` over every line of the file `input` (BOM and line endings removed first).
[[nodiscard]] std::vector<std::string> segment_file(const std::filesystem::path& input,
                                                    const LineSegmenter& segmenter);

/// One SIGHAN 2005 test set in the shared corpus.
struct SighanSet {
    std::string name; ///< "PKU" or "CityU"
    std::filesystem::path test;
    std::filesystem::path gold;
    std::filesystem::path training_words;
};

/// PKU and CityU under `corpus`/segmentation, in that order.
[[nodiscard]] std::vector<SighanSet> sighan_sets(const std::filesystem::path& corpus);

/// Segments `input` with jieba (`jieba.cut(line, HMM=True)`, words joined by one space) in a
/// Python subprocess; nullopt when no python3 on this machine can import jieba.
[[nodiscard]] std::optional<std::vector<std::string>>
jieba_segment_file(const std::filesystem::path& input);

} // namespace zhisou::eval
