#pragma once
// Internal: how much a decoded text looks like real writing. Used to choose among candidate
// charsets: the right one yields frequent characters in sensible places, a wrong one yields
// rare ideographs, private-use and control characters, broken Thai clusters, runs of accented
// capitals, or U+FFFD.

#include <string_view>

namespace zhisou::text::detail {

/// The writing system a charset is made for. A Chinese charset's kana or Hangul, a Japanese
/// reading without kana, or a Korean reading with more Hanja than Hangul are signs of a wrong
/// decoding (GB2312's level 1 lands on common kanji and hanja in EUC-JP/EUC-KR); so is a
/// Latin reading where accented letters outnumber plain ones (CJK bytes read as Latin-1).
enum class Script { any, latin, chinese, japanese, korean };

struct PlausibilityOptions {
    /// Score ASCII too. Off for ASCII-compatible charsets (they all decode ASCII alike, so it
    /// says nothing); on for UTF-16/32, where ASCII code units are evidence.
    bool score_ascii = false;
    Script script = Script::any;
};

/// Mean per-character score of valid UTF-8 `text`, scaled to -300..100: 100 when every scored
/// character is typical, negative when garbage dominates (U+FFFD counts -300). 0 when there is
/// nothing to score.
[[nodiscard]] double plausibility(std::string_view text, PlausibilityOptions options = {});

} // namespace zhisou::text::detail
