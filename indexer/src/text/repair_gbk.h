#pragma once
// Internal: UTF-8 that was decoded as GBK/GB18030 (鎵撳嵃杩斿洖鍙傛暟 for 打印返回参数,
// 鈥檚 for ’s), and the unrecoverable residue of the reverse accident (锟斤拷: GBK read as
// UTF-8, its U+FFFD written out and read back as GBK).

#include <vector>

#include "text/repair_chars.h"

namespace zhisou::text::repair_detail {

/// Proposes repairs for GBK mojibake and removals of 锟斤拷 residue among the characters not
/// yet `claimed`, and claims what it changes.
void find_gbk_mojibake(const std::vector<Char>& text, std::vector<bool>& claimed,
                       std::vector<Edit>& edits);

/// Whether `cp` could begin GBK mojibake of UTF-8 (its GBK code is a UTF-8 lead byte
/// followed by a continuation byte). Cheap; used by the pre-scan.
[[nodiscard]] bool may_start_gbk_mojibake(char32_t cp);

} // namespace zhisou::text::repair_detail
