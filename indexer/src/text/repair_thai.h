#pragma once
// Internal: UTF-8 that was decoded as Windows-874 / TIS-620 (Thai), where the bytes
// 0x80..0x9F, which those pages mostly leave undefined, were often dropped on the way:
// เธฃเธญ for รอ, and in English pages emoji and punctuation turned into ๐ผ, โข, โก.

#include <vector>

#include "text/repair_chars.h"

namespace zhisou::text::repair_detail {

/// Proposes repairs for Thai-code-page mojibake among the characters not yet `claimed`, and
/// claims what it changes. Runs whose lost bytes leave no clear answer are removed (never
/// gluing the words around them); Thai letters that lost a byte become U+FFFD.
void find_thai_mojibake(const std::vector<Char>& text, std::vector<bool>& claimed,
                        std::vector<Edit>& edits);

} // namespace zhisou::text::repair_detail
