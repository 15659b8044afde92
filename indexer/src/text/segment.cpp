// INTERIM (being replaced): splits on ASCII spaces.
#include <zhisou/text/segment.h>

namespace zhisou::text {

std::vector<Word> segment(std::string_view utf8) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < utf8.size()) {
        while (i < utf8.size() && utf8[i] == ' ') ++i;
        const std::size_t begin = i;
        while (i < utf8.size() && utf8[i] != ' ') ++i;
        if (i > begin) words.push_back({begin, i, WordKind::Other});
    }
    return words;
}

std::string segment_line_for_bakeoff(std::string_view utf8_line) { return std::string(utf8_line); }

} // namespace zhisou::text
