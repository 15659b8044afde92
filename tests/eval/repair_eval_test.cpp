// Repair evaluation on the shared mojibake corpora, asserting the issue's targets: >= 90% of
// the ftfy cases ftfy itself passes, every ftfy negative case unchanged, the exact Chinese and
// Thai cases, all 锟斤拷 residue flagged and removed, and real legacy feeds left alone. The
// bench program `eval_repair` prints the full table (`--failures` lists the misses).

#include <gtest/gtest.h>

#include "repair_eval.h"
#include "test_support.h"

namespace zhisou::eval {
namespace {

const RepairReport& report_for(const std::filesystem::path& corpus) {
    static const RepairReport report = evaluate_repair(corpus);
    return report;
}

std::string failures(const RepairReport& report, const std::string& set, const std::string& group) {
    std::string list;
    for (const RepairCaseResult& result : report.cases) {
        if (!result.passed && result.set == set && (group.empty() || result.group == group)) {
            list += "\n  #" + std::to_string(result.index) + " " + result.original + " -> " +
                    result.output + " (want " + result.expected + ")";
        }
    }
    return list;
}

TEST(RepairEval, FtfyPassCasesReachNinetyPercent) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    const RepairReport& report = report_for(corpus);
    ASSERT_GT(report.ftfy_pass.total, 100u);
    EXPECT_GE(report.ftfy_pass.rate(), 0.90) << failures(report, "ftfy", "");
}

TEST(RepairEval, EveryFtfyNegativeCaseIsLeftAsIs) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    const RepairReport& report = report_for(corpus);
    ASSERT_GT(report.ftfy_negative.total, 20u);
    EXPECT_EQ(report.ftfy_negative.passed, report.ftfy_negative.total)
        << failures(report, "ftfy", "negative");
}

TEST(RepairEval, ExactChineseAndThaiCasesReachNinetyPercent) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    const RepairReport& report = report_for(corpus);
    ASSERT_GT(report.zh_th_exact.total, 5u);
    EXPECT_GE(report.zh_th_exact.rate(), 0.90) << failures(report, "zh-th", "exact");
}

TEST(RepairEval, ResidueIsAlwaysFlaggedAndRemoved) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    const RepairReport& report = report_for(corpus);
    std::size_t unfixable = 0;
    for (const RepairCaseResult& result : report.cases) {
        if (result.expect == "unfixable") {
            ++unfixable;
            EXPECT_TRUE(result.passed) << result.original << " -> " << result.output;
        }
    }
    EXPECT_GT(unfixable, 5u);
}

TEST(RepairEval, RealLegacyFeedsAreLeftAlone) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    const RepairReport& report = report_for(corpus);
    ASSERT_GT(report.legacy_files, 50u);
    // C1 controls the corpus's own Python decoding left in are the only changes allowed.
    EXPECT_TRUE(report.legacy_changed_files.empty())
        << report.legacy_changed_files.size() << " feeds changed, first "
        << report.legacy_changed_files.front();
}

} // namespace
} // namespace zhisou::eval
