#pragma once
// Internal: Zhisou's rules that rewrite ICU's units (merging mixed tokens, numbers with their
// units, and the rules that bring ICU's segmentation closer to the SIGHAN standards).

#include <string_view>
#include <vector>

#include "text/segment_units.h"

namespace zhisou::text::seg {

/// Applies the rules selected by `rules` (SegmentRule bits) to `units`, which tile `text`.
void apply_rules(std::string_view text, std::vector<Unit>& units, unsigned rules);

} // namespace zhisou::text::seg
