// Candidate ranking. ICU's ucsdet is good on long texts and on single-byte alphabets (it has
// n-gram models for them) but guesses between GB18030, Big5, EUC-KR and Shift_JIS on short
// ones, knows nothing of Thai or EUC-TW, and is slow (about 1 MB/s). So every candidate is
// decoded and scored for plausibility first; only when that leaves no clear winner is ucsdet
// asked, and its confidence adds a share to each candidate's score (and its proposals, e.g.
// windows-1251 or KOI8-R, join the candidates).
#include "text/decode_detect.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unicode/ucsdet.h>

#include "icu/icu_util.h"
#include "text/decode_convert.h"
#include "text/decode_plausibility.h"

namespace zhisou::text::detail {
namespace {

// Every candidate decodes and scores the sample, so it is small: first about 500 CJK
// characters, which usually decide; when they do not, about 2000, plus ucsdet (which costs
// about 0.7 microseconds per byte).
constexpr std::size_t kQuickSampleBytes = 1024;
constexpr std::size_t kSampleBytes = 4 * 1024;
// Plausibility alone decides when the winner reaches this and leads by the margin.
constexpr double kDecisivePlausibility = 50.0;
constexpr double kDecisiveMargin = 30.0;
// ICU's confidence is worth this many plausibility points per point, once it has seen this
// many non-ASCII bytes (proportionally less before).
constexpr double kDetectorWeight = 0.3;
constexpr double kDetectorFullWeightBytes = 100.0;
// ICU proposals below this confidence are noise (it lists every charset it can).
constexpr int kMinDetectorConfidence = 10;
// The score of a charset that produced too many U+FFFD to be worth scoring.
constexpr double kHopeless = -300.0;
// A winner scoring at or below this is not text in any candidate charset.
constexpr double kMinPlausibleScore = 10.0;
// What a UTF-16 reading loses when the bytes lack UTF-16's NUL pattern.
constexpr double kUtf16WithoutNulsPenalty = 30.0;
// A UTF-16/32 reading of NUL-patterned valid UTF-8 must be at least this plausible.
constexpr double kMinUtf16Plausibility = 60.0;

struct DetectorCloser {
    void operator()(UCharsetDetector* detector) const noexcept { ucsdet_close(detector); }
};

struct DetectorVote {
    Charset charset;
    int confidence = 0;
};

std::vector<DetectorVote> ask_icu_detector(std::string_view sample) {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    icu::check(status, "ucsdet_open");
    ucsdet_enableInputFilter(detector.get(), true); // ignore <markup>, which is ASCII anyway
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    icu::check(status, "ucsdet_setText");
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    std::vector<DetectorVote> votes;
    if (U_FAILURE(status)) {
        return votes; // e.g. U_INVALID_CHAR_FOUND on input it cannot classify: no votes
    }
    for (int32_t i = 0; i < count; ++i) {
        const char* name = ucsdet_getName(matches[i], &status);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
        if (U_FAILURE(status) || name == nullptr || confidence < kMinDetectorConfidence) {
            status = U_ZERO_ERROR;
            continue;
        }
        if (std::optional<Charset> charset = charset_for_label(name)) {
            votes.push_back({std::move(*charset), confidence});
        }
    }
    return votes;
}

enum class NulParity { none, even, odd };

// Where NUL bytes cluster. In ASCII-heavy UTF-16 one byte of most code units is NUL; valid
// UTF-8 with a few NULs (padding, binary fields) rarely shows that lopsided pattern.
NulParity nul_parity(std::string_view sample) {
    std::size_t even = 0; // NULs at even offsets: the high byte of UTF-16BE code units
    std::size_t odd = 0;
    for (std::size_t i = 0; i < sample.size(); ++i) {
        if (sample[i] == '\0') {
            ++(i % 2 == 0 ? even : odd);
        }
    }
    const std::size_t units = sample.size() / 2;
    const std::size_t more = std::max(even, odd);
    if (units < 2 || more * 5 < units || std::min(even, odd) * 4 > more) {
        return NulParity::none;
    }
    return odd > even ? NulParity::odd : NulParity::even;
}

// UTF-32: the top byte of every code unit is NUL and the next one at most 0x10.
bool has_utf32_shape(std::string_view sample, bool little_endian) {
    if (sample.size() < 4 || sample.size() % 4 != 0) {
        return false;
    }
    for (std::size_t i = 0; i < sample.size(); i += 4) {
        const auto top = static_cast<unsigned char>(sample[little_endian ? i + 3 : i]);
        const auto plane = static_cast<unsigned char>(sample[little_endian ? i + 2 : i + 1]);
        if (top != 0 || plane > 0x10) {
            return false;
        }
    }
    return true;
}

// The charsets always tried, in tie-break order (most common in our documents first).
std::vector<Charset> fixed_candidates(std::string_view sample) {
    std::vector<Charset> list = {
        charsets::utf8(),      charsets::gb18030(),     charsets::big5(),
        charsets::shift_jis(), charsets::euc_kr(),      charsets::euc_jp(),
        charsets::euc_tw(),    charsets::windows_874(), charsets::windows_1252(),
    };
    if (sample.size() >= 2) {
        list.push_back(charsets::utf16le());
        list.push_back(charsets::utf16be());
    }
    for (const bool little_endian : {true, false}) {
        if (has_utf32_shape(sample, little_endian)) {
            list.push_back(little_endian ? charsets::utf32le() : charsets::utf32be());
        }
    }
    return list;
}

// Feeds and web pages open with kilobytes of ASCII markup, which every ASCII-compatible
// charset decodes alike. So the sample for those is the lines that contain non-ASCII bytes,
// each from a little before its first non-ASCII byte. Cutting just after '\n', space or ASCII
// punctuation (bytes below 0x30) is safe: no candidate uses them inside a multi-byte character.
struct Sample {
    std::string text;
    bool truncated = false; ///< the sample's last piece was cut short
};

bool is_safe_cut(char c) {
    return static_cast<unsigned char>(c) < 0x30;
}

Sample non_ascii_lines(std::string_view bytes) {
    Sample sample;
    std::size_t start = 0;
    while (start < bytes.size() && sample.text.size() < kSampleBytes) {
        std::size_t end = bytes.find('\n', start);
        end = end == std::string_view::npos ? bytes.size() : end + 1;
        const std::string_view line = bytes.substr(start, end - start);
        const auto first_non_ascii = std::find_if(
            line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        if (first_non_ascii != line.end()) {
            auto from = first_non_ascii;
            for (int context = 0; from != line.begin() && context < 64; ++context) {
                if (is_safe_cut(*(from - 1))) {
                    break;
                }
                --from;
            }
            const auto piece = line.substr(static_cast<std::size_t>(from - line.begin()));
            const std::size_t room = kSampleBytes - sample.text.size();
            sample.text.append(piece.substr(0, room));
            sample.truncated = piece.size() > room;
        }
        start = end;
    }
    return sample;
}

Script script_of(const Charset& charset) {
    if (charset.is_chinese()) {
        return Script::chinese;
    }
    if (charset.is_japanese()) {
        return Script::japanese;
    }
    if (charset.is_korean()) {
        return Script::korean;
    }
    return charset.is_latin() ? Script::latin : Script::any;
}

// Base rates: what our documents (English and Chinese news) are most likely to be in. Only
// matters when the text itself is nearly silent (a couple of non-ASCII characters).
double prior(const Charset& charset) {
    if (charset == charsets::windows_1252()) {
        return 15.0;
    }
    if (charset == charsets::utf8() || charset == charsets::gb18030()) {
        return 10.0;
    }
    if (charset == charsets::big5()) {
        return 5.0;
    }
    // Thai and EUC-TW are rare here, and short CJK texts read as either look deceptively fine
    // (both accept almost any pair of high bytes).
    if (charset == charsets::windows_874() || charset == charsets::euc_tw()) {
        return -10.0;
    }
    return 0.0;
}

// A sample cut from a longer text may end inside a character; that is not the charset's fault.
void drop_cut_character(Converted& decoded) {
    static constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";
    if (decoded.replaced > 0 && decoded.text.ends_with(kReplacementUtf8)) {
        decoded.text.resize(decoded.text.size() - kReplacementUtf8.size());
        --decoded.replaced;
    }
}

void update_score(CandidateScore& candidate) {
    candidate.score = candidate.plausibility + candidate.adjustment + candidate.detector_share;
}

CandidateScore score_candidate(const Charset& charset, std::string_view sample, bool truncated) {
    // Beyond about one bad sequence per 64 bytes a charset cannot win; stop decoding early.
    const std::size_t max_replaced = 8 + sample.size() / 64;
    Converted decoded = convert_to_utf8(sample, charset.icu_name.c_str(), max_replaced);
    if (truncated) {
        drop_cut_character(decoded);
    }
    CandidateScore result;
    result.charset = charset;
    const PlausibilityOptions options{.score_ascii = charset.is_utf16_or_32(),
                                      .script = script_of(charset)};
    result.plausibility = decoded.gave_up ? kHopeless : plausibility(decoded.text, options);
    result.replaced = decoded.replaced;
    result.adjustment = prior(charset);
    update_score(result);
    return result;
}

void rank(std::vector<CandidateScore>& candidates) {
    // Stable: on equal scores the earlier (more common) candidate wins.
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const CandidateScore& a, const CandidateScore& b) { return a.score > b.score; });
}

bool is_decisive(const std::vector<CandidateScore>& ranked) {
    const double runner_up = ranked.size() > 1 ? ranked[1].score : 0.0;
    return ranked.front().score >= kDecisivePlausibility &&
           ranked.front().score - runner_up >= kDecisiveMargin;
}

// Adds ICU's votes to the scores, and scores the charsets only ICU proposed. ICU's confidence
// means little on a few bytes, so its share grows with the non-ASCII bytes it saw.
void add_detector_votes(std::vector<CandidateScore>& candidates, const Sample& ascii_compatible,
                        const Sample& raw) {
    const std::string_view for_icu =
        ascii_compatible.text.empty() ? std::string_view(raw.text) : ascii_compatible.text;
    const auto non_ascii =
        static_cast<double>(std::count_if(for_icu.begin(), for_icu.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x80;
        }));
    const double weight = kDetectorWeight * std::min(1.0, non_ascii / kDetectorFullWeightBytes);
    for (const DetectorVote& vote : ask_icu_detector(for_icu)) {
        auto known =
            std::find_if(candidates.begin(), candidates.end(),
                         [&vote](const CandidateScore& c) { return c.charset == vote.charset; });
        if (known == candidates.end()) {
            const Sample& sample = vote.charset.is_utf16_or_32() ? raw : ascii_compatible;
            candidates.push_back(score_candidate(vote.charset, sample.text, sample.truncated));
            known = candidates.end() - 1;
        }
        if (vote.confidence > known->detector_confidence) {
            known->detector_confidence = vote.confidence;
            known->detector_share = weight * vote.confidence;
            update_score(*known);
        }
    }
}

Sample prefix(const Sample& sample, std::size_t size) {
    if (sample.text.size() <= size) {
        return sample;
    }
    return Sample{sample.text.substr(0, size), true};
}

std::vector<CandidateScore> score_all(const std::vector<Charset>& candidates, const Sample& raw,
                                      const Sample& ascii_compatible) {
    const NulParity parity = nul_parity(raw.text);
    std::vector<CandidateScore> scores;
    for (const Charset& charset : candidates) {
        const Sample& sample = charset.is_utf16_or_32() ? raw : ascii_compatible;
        scores.push_back(score_candidate(charset, sample.text, sample.truncated));
        // Without BOM, UTF-16 shows itself by NULs in every other byte. Without them (all-CJK
        // UTF-16, or binary junk that reads as random ideographs) it must be very plausible.
        const bool nul_evidence = (charset == charsets::utf16le() && parity == NulParity::odd) ||
                                  (charset == charsets::utf16be() && parity == NulParity::even);
        if ((charset == charsets::utf16le() || charset == charsets::utf16be()) && !nul_evidence) {
            scores.back().adjustment -= kUtf16WithoutNulsPenalty;
            update_score(scores.back());
        }
    }
    rank(scores);
    return scores;
}

} // namespace

Detection detect_charset(std::string_view bytes) {
    const Sample raw{std::string(bytes.substr(0, kSampleBytes)), bytes.size() > kSampleBytes};
    const Sample ascii_compatible = non_ascii_lines(bytes);
    const std::vector<Charset> candidates = fixed_candidates(raw.text);

    Detection detection;
    detection.candidates = score_all(candidates, prefix(raw, kQuickSampleBytes),
                                     prefix(ascii_compatible, kQuickSampleBytes));
    if (!is_decisive(detection.candidates)) {
        if (raw.text.size() > kQuickSampleBytes ||
            ascii_compatible.text.size() > kQuickSampleBytes) {
            detection.candidates = score_all(candidates, raw, ascii_compatible);
        }
        if (!is_decisive(detection.candidates)) {
            add_detector_votes(detection.candidates, ascii_compatible, raw);
            rank(detection.candidates);
        }
    }

    const CandidateScore& best = detection.candidates.front();
    const double runner_up =
        detection.candidates.size() > 1 ? std::max(0.0, detection.candidates[1].score) : 0.0;
    detection.plausible = best.score > kMinPlausibleScore;
    if (detection.plausible) {
        detection.charset = best.charset;
        // How far ahead of the runner-up the winner is, on the 0..100 scale.
        detection.confidence =
            static_cast<int>(std::lround(std::clamp(best.score - runner_up / 2, 1.0, 99.0)));
    } else {
        detection.charset = charsets::utf8(); // undecodable bytes become U+FFFD, counted
        detection.confidence = 0;
    }
    return detection;
}

std::optional<CandidateScore> detect_utf16_or_32_by_nul_pattern(std::string_view bytes) {
    const std::string_view sample = bytes.substr(0, kSampleBytes);
    std::vector<Charset> readings;
    for (const bool little_endian : {true, false}) {
        if (has_utf32_shape(sample, little_endian)) {
            readings.push_back(little_endian ? charsets::utf32le() : charsets::utf32be());
        }
    }
    if (const NulParity parity = nul_parity(sample); parity != NulParity::none) {
        readings.push_back(parity == NulParity::odd ? charsets::utf16le() : charsets::utf16be());
    }
    if (readings.empty()) {
        return std::nullopt;
    }
    const bool truncated = sample.size() < bytes.size();
    std::optional<CandidateScore> best;
    for (const Charset& charset : readings) {
        CandidateScore candidate = score_candidate(charset, sample, truncated);
        if (!best || candidate.score > best->score) {
            best = std::move(candidate);
        }
    }
    if (best->plausibility < kMinUtf16Plausibility) {
        return std::nullopt;
    }
    return best;
}

std::optional<Charset> detect_iso2022(std::string_view bytes) {
    for (const DetectorVote& vote : ask_icu_detector(bytes.substr(0, kSampleBytes))) {
        if (vote.charset.name.starts_with("ISO-2022-")) {
            return vote.charset;
        }
    }
    return std::nullopt;
}

} // namespace zhisou::text::detail
