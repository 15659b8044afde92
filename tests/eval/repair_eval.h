#pragma once
// Evaluation of zhisou::text::repair on the shared mojibake corpora:
// - ftfy's own test cases (ftfy-cases.jsonl), output compared after NFC with `fixed-encoding`
//   where present, else `fixed`, per source file and per ftfy expectation (pass/fail);
// - Chinese and Thai mojibake from public code (zh-th-wild-cases.jsonl), per `expect`;
// - real Thai and Chinese feeds (legacy-encodings/utf8), which must come through unchanged.
// Shared by tests/eval/repair_eval_test.cpp (asserts targets) and bench/eval_repair.cpp
// (prints the table).

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace zhisou::eval {

/// One test case run through repair().
struct RepairCaseResult {
    std::string set;      ///< "ftfy" or "zh-th"
    std::string group;    ///< ftfy: the source file stem; zh-th: the expect category
    std::string expect;   ///< ftfy: pass|fail; zh-th: exact|lossy|unfixable|human-fixed
    int index = 0;        ///< the case's index in the corpus
    std::string original; ///< input
    std::string expected; ///< what the corpus says repair should give ("" for unfixable)
    std::string output;   ///< what repair gave
    bool unrecoverable = false;
    bool passed = false;
};

/// Pass counts for one row of the table.
struct RepairRow {
    std::string name;
    std::size_t passed = 0;
    std::size_t total = 0;
    [[nodiscard]] double rate() const {
        return total == 0 ? 0.0 : static_cast<double>(passed) / static_cast<double>(total);
    }
};

struct RepairReport {
    std::vector<RepairCaseResult> cases;
    std::vector<RepairRow> rows; ///< per set and group, in corpus order, then per expect
    RepairRow ftfy_pass;         ///< ftfy cases ftfy itself passes (target >= 90%)
    RepairRow ftfy_negative;     ///< ftfy's negative cases (target: all)
    RepairRow zh_th_exact;       ///< zh-th `exact` (target, with human-fixed: >= 90%)
    RepairRow zh_th_human_fixed; ///< zh-th `human-fixed`
    RepairRow zh_th_targets;     ///< exact and human-fixed together
    std::size_t legacy_files = 0;
    std::size_t legacy_changed = 0; ///< files repair changed in any way
    /// Files changed only by turning C1 controls into the punctuation they stand for: the
    /// corpus's own Python decoding (tis-620, latin-1) left them in; windows-874/1252 and
    /// zhisou::text::decode give the punctuation.
    std::size_t legacy_changed_c1_only = 0;
    std::vector<std::string> legacy_changed_files; ///< changed beyond C1 controls
};

/// Runs every case; `corpus` is the shared corpus folder (containing mojibake/).
[[nodiscard]] RepairReport evaluate_repair(const std::filesystem::path& corpus);

/// NFC of UTF-8 text (ICU); how the corpus's expected strings are compared.
[[nodiscard]] std::string nfc(const std::string& utf8);

} // namespace zhisou::eval
