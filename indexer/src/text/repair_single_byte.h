#pragma once
// Internal: UTF-8 that was decoded with a single-byte code page (Windows-1252, Latin-1,
// MacRoman, Windows-1251/1250, cp437 ...), once or twice, and C1 controls left by Latin-1
// read where Windows-1252 was meant.

#include <vector>

#include "text/repair_chars.h"

namespace zhisou::text::repair_detail {

/// Proposes repairs for single-byte mojibake among the characters not yet `claimed`, and
/// claims the characters it repairs.
void find_single_byte_mojibake(const std::vector<Char>& text, std::vector<bool>& claimed,
                               std::vector<Edit>& edits);

/// Replaces leftover C1 controls by the Windows-1252 characters they stand for.
void find_c1_controls(const std::vector<Char>& text, std::vector<bool>& claimed,
                      std::vector<Edit>& edits);

} // namespace zhisou::text::repair_detail
