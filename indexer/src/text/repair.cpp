// Mojibake repair: a cheap pre-scan, then the detectors in order of how specific their
// evidence is (GBK and Thai runs are unmistakable when they parse; single-byte pages judge
// character pairs; leftover C1 controls and U+FFFD runs last). Each detector claims the
// characters it changes, so no character is repaired twice, and every change is reported with
// its byte span in the input.
#include <algorithm>

#include <zhisou/text/repair.h>
#include <zhisou/text/utf8.h>

#include "text/repair_chars.h"
#include "text/repair_gbk.h"
#include "text/repair_prescan.h"
#include "text/repair_single_byte.h"
#include "text/repair_thai.h"

namespace zhisou::text {
namespace {

using repair_detail::Char;
using repair_detail::Edit;
using repair_detail::kReplacement;

/// Runs of two or more U+FFFD carry nothing but the fact that something was lost: one is
/// enough (the analyzer treats it as a separator and never indexes it).
void collapse_replacement_runs(const std::vector<Char>& text, std::vector<bool>& claimed,
                               std::vector<Edit>& edits) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (claimed[i] || text[i].cp != kReplacement) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !claimed[end] && text[end].cp == kReplacement) {
            ++end;
        }
        if (end - i >= 2) {
            std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(i),
                      claimed.begin() + static_cast<std::ptrdiff_t>(end), true);
            std::string to;
            utf8::append(to, kReplacement);
            edits.push_back(Edit{i, end, std::move(to), "unrecoverable", true});
        }
        i = end;
    }
}

Repaired apply(std::string_view input, const std::vector<Char>& text, std::vector<Edit> edits) {
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.first < b.first; });
    Repaired result;
    result.text.reserve(input.size());
    std::size_t copied = 0; // bytes of the input copied so far
    for (Edit& edit : edits) {
        const std::size_t begin = text[edit.first].begin;
        const std::size_t end = text[edit.last - 1].end;
        result.text.append(input, copied, begin - copied);
        result.text += edit.to;
        copied = end;
        result.unrecoverable = result.unrecoverable || edit.unrecoverable;
        result.changes.push_back(RepairChange{begin, end,
                                              std::string(input.substr(begin, end - begin)),
                                              std::move(edit.to), std::move(edit.cause)});
    }
    result.text.append(input, copied, std::string_view::npos);
    return result;
}

} // namespace

Repaired repair(std::string_view utf8) {
    if (!repair_detail::may_need_repair(utf8)) {
        Repaired unchanged;
        unchanged.text.assign(utf8);
        return unchanged;
    }
    const std::vector<Char> text = repair_detail::to_chars(utf8);
    std::vector<bool> claimed(text.size(), false);
    std::vector<Edit> edits;
    repair_detail::find_gbk_mojibake(text, claimed, edits);
    repair_detail::find_thai_mojibake(text, claimed, edits);
    repair_detail::find_single_byte_mojibake(text, claimed, edits);
    repair_detail::find_c1_controls(text, claimed, edits);
    collapse_replacement_runs(text, claimed, edits);
    Repaired result = apply(utf8, text, std::move(edits));
    // A lone U+FFFD left in the text is residue too, even where nothing needed changing.
    result.unrecoverable =
        result.unrecoverable || result.text.find("\xEF\xBF\xBD") != std::string::npos;
    return result;
}

} // namespace zhisou::text
