#pragma once
// Evaluation of zhisou::text::decode on real legacy-encoded files
// (../shared/corpus/mojibake/legacy-encodings: Big5, GB2312, TIS-620, EUC-TW, windows-1252,
// ISO-8859-1 and UTF-8 feeds with known encodings), and on news snippets we transcode
// ourselves (glibc iconv, independent of ICU) to measure detection on short texts.
// Shared by tests/eval/decode_eval_test.cpp (asserts targets) and bench/eval_decode.cpp
// (prints the tables).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::eval {

/// One raw file of the legacy-encodings corpus, decoded.
struct DecodeFileResult {
    std::string path;               ///< raw/<label>/<file>, relative to the corpus folder
    std::string label;              ///< the encoding the corpus labels it with
    std::string expected;           ///< the charset name decode() must report to be right
    std::string encoding;           ///< what decode() reported
    std::string method;             ///< decode()'s method
    int confidence = 0;             ///< decode()'s confidence
    std::size_t replaced = 0;       ///< U+FFFD decode() inserted
    bool correct = false;           ///< encoding == expected
    std::optional<bool> exact;      ///< text == the corpus's UTF-8 copy (none for EUC-TW)
    std::optional<bool> equivalent; ///< equal up to the documented variant mappings
};

/// Totals for one labelled encoding (or for all files).
struct DecodeEncodingRow {
    std::string label;
    std::size_t files = 0;
    std::size_t correct = 0;
    std::size_t with_reference = 0; ///< files that have a UTF-8 reference copy
    std::size_t exact = 0;
    std::size_t equivalent = 0;
};

struct DecodeReport {
    bool honour_declared = true;
    std::vector<DecodeFileResult> files;
    std::vector<DecodeEncodingRow> rows; ///< per label, in manifest order
    DecodeEncodingRow total;
};

/// The legacy-encodings folder inside the shared corpus folder.
[[nodiscard]] std::filesystem::path legacy_encodings_dir(const std::filesystem::path& corpus);

/// The charset decode() should report for a corpus label: the superset Zhisou decodes it
/// with (GB2312 -> GB18030, TIS-620 -> windows-874, ISO-8859-1 -> windows-1252, ...).
[[nodiscard]] std::string expected_charset(std::string_view label);

/// True if `decoded` equals `reference` except where the two differ only by a documented
/// variant mapping: GB2312 A1AA/A1A4 as U+2015/U+30FB (Python's gb2312) versus U+2014/U+00B7
/// (GB18030, browsers), and bytes 0x80-0x9F that Python's tis-620/latin-1 leave as C1
/// controls where windows-874/1252 have punctuation.
[[nodiscard]] bool equal_up_to_variants(std::string_view decoded, std::string_view reference);

/// Decodes every raw file listed in manifest.tsv; with `honour_declared` false, declared
/// charsets (XML prolog, HTML meta) are ignored so that detection alone is measured.
[[nodiscard]] DecodeReport evaluate_decode(const std::filesystem::path& legacy_dir,
                                           bool honour_declared);

/// Detection accuracy on snippets of real UTF-8 news text encoded into a legacy charset.
struct TranscodedRow {
    std::string source;            ///< e.g. "hkcnews (Traditional)"
    std::string encoding;          ///< the iconv target, e.g. "BIG5-HKSCS"
    std::string expected;          ///< the charset name decode() must report
    std::size_t snippet_chars = 0; ///< snippet length in characters
    std::size_t samples = 0;
    std::size_t correct = 0;
    std::string top_confusion; ///< most frequent wrong answer, empty if none
    /// Left out because the encoded bytes are also valid UTF-8 (which decode() reads as
    /// UTF-8 by design, e.g. "É¡" in windows-1252 is the UTF-8 of "ɡ").
    std::size_t skipped_valid_utf8 = 0;
};

/// Cuts `snippets_per_length` snippets of each length from the news JSONL files (Chinese
/// documents only; each snippet starts at a Han character), encodes them, and decodes them
/// with declarations ignored.
[[nodiscard]] std::vector<TranscodedRow>
evaluate_transcoded_snippets(const std::filesystem::path& corpus,
                             const std::vector<std::size_t>& snippet_lengths,
                             std::size_t snippets_per_length);

/// The same for Latin text: the `fixed` strings of the ftfy cases (real text from the wild)
/// that contain non-ASCII characters and fit windows-1252, encoded so. snippet_chars is 0
/// (whole strings).
[[nodiscard]] TranscodedRow evaluate_latin_cases(const std::filesystem::path& corpus);

} // namespace zhisou::eval
