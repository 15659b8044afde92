// Decoding evaluation on the shared legacy-encodings corpus (real Big5, GB2312, TIS-620,
// windows-1252, ISO-8859-1 and UTF-8 feeds): the target is 100% right charsets on the
// Big5, GB2312 and UTF-8 files with declared charsets honoured. The bench program
// `eval_decode` prints the full tables.

#include <gtest/gtest.h>

#include "decode_eval.h"
#include "test_support.h"

namespace zhisou::eval {
namespace {

const DecodeEncodingRow& row_for(const DecodeReport& report, const std::string& label) {
    for (const DecodeEncodingRow& row : report.rows) {
        if (row.label == label) {
            return row;
        }
    }
    throw std::runtime_error("no files labelled " + label + " in the corpus manifest");
}

TEST(DecodeEval, BigFiveGbAndUtf8AreAllRightWithDeclarationsHonoured) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    const DecodeReport report = evaluate_decode(legacy_encodings_dir(corpus), true);
    for (const char* label : {"Big5", "GB2312", "utf-8"}) {
        const DecodeEncodingRow& row = row_for(report, label);
        EXPECT_GT(row.files, 0u) << label;
        EXPECT_EQ(row.correct, row.files) << label;
        // The text too, up to the documented GB2312 variant mappings.
        EXPECT_EQ(row.equivalent, row.with_reference) << label;
    }
    for (const DecodeFileResult& file : report.files) {
        EXPECT_EQ(file.replaced, 0u) << file.path;
    }
}

TEST(DecodeEval, DetectionAloneGetsEveryLabelledFileRight) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    const DecodeReport report = evaluate_decode(legacy_encodings_dir(corpus), false);
    for (const char* label : {"Big5", "GB2312", "utf-8", "TIS-620"}) {
        const DecodeEncodingRow& row = row_for(report, label);
        EXPECT_EQ(row.correct, row.files) << label;
    }
    // Latin files are short and ICU's n-grams weak on them: allow one miss in all.
    EXPECT_GE(report.total.correct + 1, report.total.files);
}

TEST(DecodeEval, ShortChineseSnippetsAreDetected) {
    ZHISOU_REQUIRE_SHARED_CORPUS(corpus);
    const auto rows = evaluate_transcoded_snippets(corpus, {16, 64}, 100);
    ASSERT_EQ(rows.size(), 6u);
    for (const TranscodedRow& row : rows) {
        ASSERT_GE(row.samples, 90u) << row.source << " " << row.encoding;
        // Measured 99-100%; 16-character snippets may miss on runs of rare characters.
        EXPECT_GE(row.correct * 100, row.samples * 97)
            << row.source << " " << row.encoding << " " << row.snippet_chars
            << " chars, most frequent wrong answer " << row.top_confusion;
    }
}

} // namespace
} // namespace zhisou::eval
