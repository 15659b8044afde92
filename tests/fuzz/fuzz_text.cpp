// Fuzz target: arbitrary bytes through decode -> repair -> analyze. Any crash, hang, leak or
// sanitizer report is a bug; the checks below assert the pipeline's own promises.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <zhisou/text/analyzer.h>
#include <zhisou/text/decode.h>
#include <zhisou/text/repair.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto decoded = zhisou::text::decode(bytes);
    if (!zhisou::text::is_valid_utf8(decoded.text))
        std::abort();
    const auto repaired = zhisou::text::repair(decoded.text);
    if (!zhisou::text::is_valid_utf8(repaired.text))
        std::abort();
    static const zhisou::text::Analyzer analyzer;
    for (const auto& token : analyzer.analyze(repaired.text, zhisou::text::AnalyzeMode::Index)) {
        if (token.begin > token.end || token.end > repaired.text.size())
            std::abort();
    }
    return 0;
}
