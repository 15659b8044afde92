// The segmentation scorer on hand-made lines, and Zhisou's F1 on the SIGHAN 2005 PKU and
// CityU gold sets (target: F1 >= 0.83 on both; bench/eval_segment prints the full table).

#include <gtest/gtest.h>
#include <iostream>

#include <zhisou/text/segment.h>

#include "segment_eval.h"
#include "test_support.h"

namespace {

using zhisou::eval::score_segmentation;
using zhisou::eval::SegScore;

TEST(SegmentScorer, CountsWordsBySpan) {
    // PKU separates gold words by two spaces; the scorer takes any run of spaces.
    const std::vector<std::string> gold = {"共同  创造  美好  的  新  世纪", "我们  来"};
    const std::vector<std::string> test = {"共同 创造美好 的 新世纪", "我们 来"};
    const SegScore score = score_segmentation(gold, test, {"共同", "创造", "的", "新", "世纪"});
    EXPECT_EQ(score.gold_words, 8u);
    EXPECT_EQ(score.test_words, 6u);
    EXPECT_EQ(score.correct, 4u); // 共同, 的, 我们, 来
    EXPECT_DOUBLE_EQ(score.precision(), 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(score.recall(), 4.0 / 8.0);
    EXPECT_NEAR(score.f1(), 2 * (4.0 / 6.0) * 0.5 / (4.0 / 6.0 + 0.5), 1e-12);
    // Not in the training list: 美好, 我们, 来; only 我们 and 来 were found.
    EXPECT_EQ(score.oov_gold, 3u);
    EXPECT_EQ(score.oov_correct, 2u);
    EXPECT_EQ(score.mismatched_lines, 0u);
}

TEST(SegmentScorer, SameWordTextAtAnotherPlaceIsNotCorrect) {
    // Both have "中国" but the test's second one spans different characters.
    const SegScore score = score_segmentation({"中国  人  中国"}, {"中国 人中 国"}, {});
    EXPECT_EQ(score.correct, 1u);
}

TEST(SegmentScorer, MismatchedAndMissingLinesCountAsWrong) {
    const SegScore score = score_segmentation({"甲  乙", "丙  丁", "戊"}, {"甲 乙", "丙 戌"}, {});
    EXPECT_EQ(score.lines, 3u);
    EXPECT_EQ(score.gold_words, 5u);
    EXPECT_EQ(score.test_words, 4u);
    EXPECT_EQ(score.correct, 2u);
    EXPECT_EQ(score.mismatched_lines, 2u); // a changed character, and a missing line
}

TEST(SegmentScorer, EmptyInputScoresZeroWithoutDividingByZero) {
    const SegScore score = score_segmentation({}, {}, {});
    EXPECT_EQ(score.f1(), 0.0);
    EXPECT_EQ(score.oov_recall(), 0.0);
}

TEST(SegmentEval, SighanF1AtLeastTarget) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    for (const auto& set : zhisou::eval::sighan_sets(corpus)) {
        const auto gold = zhisou::eval::read_lines(set.gold);
        const auto training = zhisou::eval::read_word_list(set.training_words);
        const auto zhisou_lines = zhisou::eval::segment_file(set.test, [](std::string_view line) {
            return zhisou::text::segment_line_for_bakeoff(line);
        });
        zhisou::text::BakeoffOptions plain;
        plain.rules = zhisou::text::RULE_NONE;
        const auto icu_lines = zhisou::eval::segment_file(set.test, [&](std::string_view line) {
            return zhisou::text::segment_line_for_bakeoff(line, plain);
        });
        const SegScore zhisou = score_segmentation(gold, zhisou_lines, training);
        const SegScore icu = score_segmentation(gold, icu_lines, training);
        std::cout << set.name << ": Zhisou P " << zhisou.precision() << " R " << zhisou.recall()
                  << " F1 " << zhisou.f1() << " OOV-R " << zhisou.oov_recall() << "; ICU F1 "
                  << icu.f1() << '\n';
        EXPECT_EQ(zhisou.mismatched_lines, 0u) << set.name << ": characters were changed";
        EXPECT_GE(zhisou.f1(), 0.83) << set.name;
        EXPECT_GT(zhisou.f1(), icu.f1() + 0.05) << set.name << ": the rules stopped helping";
    }
}

} // namespace
