// Fuzz target: arbitrary bytes through the date functions. Any crash, hang or sanitizer report
// is a bug; the checks assert their promises: mention spans are in order and inside the text,
// and every mention's own bytes parse (parse_date) to the same date.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <zhisou/index/date.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t previous_end = 0;
    for (const auto& mention : zhisou::index::find_dates(text)) {
        if (mention.begin < previous_end || mention.begin >= mention.end ||
            mention.end > text.size()) {
            std::abort();
        }
        previous_end = mention.end;
        const auto again =
            zhisou::index::parse_date(text.substr(mention.begin, mention.end - mention.begin));
        if (!again || !(*again == mention.date)) {
            std::abort();
        }
    }
    if (const auto date = zhisou::index::parse_date(text)) {
        if (date->first_day() > date->last_day()) {
            std::abort();
        }
    }
    (void)zhisou::index::find_byline_date(text);
    (void)zhisou::index::date_from_filename(text);
    return 0;
}
