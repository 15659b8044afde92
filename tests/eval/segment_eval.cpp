#include "segment_eval.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <zhisou/error.h>

namespace zhisou::eval {
namespace {

double ratio(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

bool is_separator(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct SpannedWord {
    std::size_t begin = 0; ///< byte offsets into the line with separators removed
    std::size_t end = 0;
    std::string_view text;
};

// Splits a segmented line into words placed on the unsegmented character string; also
// returns that string so two segmentations of the same line can be checked for alignment.
std::vector<SpannedWord> spanned_words(std::string_view line, std::string& joined) {
    std::vector<SpannedWord> words;
    joined.clear();
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_separator(line[i]))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && !is_separator(line[i]))
            ++i;
        if (i > start) {
            const std::string_view word = line.substr(start, i - start);
            words.push_back({joined.size(), joined.size() + word.size(), word});
            joined.append(word);
        }
    }
    return words;
}

std::string strip_bom(std::string text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.erase(0, 3);
    return text;
}

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot read " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The Python side of jieba_segment_file: the file name arrives as argv[1].
constexpr const char* kJiebaScript =
    "import sys, logging\n"
    "import jieba\n"
    "jieba.setLogLevel(logging.ERROR)\n"
    "text = open(sys.argv[1], encoding='utf-8-sig', newline='').read()\n"
    "lines = text.split('\\n')\n"
    "if lines and lines[-1] == '': lines.pop()\n"
    "out = sys.stdout\n"
    "for line in lines:\n"
    "    line = line.rstrip('\\r')\n"
    "    out.write(' '.join(w for w in jieba.cut(line, HMM=True) if w.strip()) + '\\n')\n";

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

} // namespace

double SegScore::precision() const {
    return ratio(correct, test_words);
}
double SegScore::recall() const {
    return ratio(correct, gold_words);
}
double SegScore::f1() const {
    const double p = precision();
    const double r = recall();
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}
double SegScore::oov_recall() const {
    return ratio(oov_correct, oov_gold);
}

SegScore score_segmentation(const std::vector<std::string>& gold_lines,
                            const std::vector<std::string>& test_lines,
                            const std::unordered_set<std::string>& training_words) {
    SegScore score;
    std::string gold_joined;
    std::string test_joined;
    for (std::size_t n = 0; n < gold_lines.size(); ++n) {
        const auto gold = spanned_words(gold_lines[n], gold_joined);
        const std::string_view test_line =
            n < test_lines.size() ? std::string_view(test_lines[n]) : std::string_view();
        const auto test = spanned_words(test_line, test_joined);
        ++score.lines;
        score.gold_words += gold.size();
        score.test_words += test.size();
        std::size_t line_oov = 0;
        for (const auto& word : gold) {
            if (!training_words.contains(std::string(word.text)))
                ++line_oov;
        }
        score.oov_gold += line_oov;
        if (gold_joined != test_joined) {
            ++score.mismatched_lines;
            continue;
        }
        // Both lists are sorted by position: walk them together.
        std::size_t g = 0;
        std::size_t t = 0;
        while (g < gold.size() && t < test.size()) {
            if (gold[g].begin == test[t].begin && gold[g].end == test[t].end) {
                ++score.correct;
                if (!training_words.contains(std::string(gold[g].text)))
                    ++score.oov_correct;
                ++g, ++t;
            } else if (gold[g].end <= test[t].end) {
                ++g;
            } else {
                ++t;
            }
        }
    }
    // Extra test lines are words the gold does not have.
    for (std::size_t n = gold_lines.size(); n < test_lines.size(); ++n) {
        std::string joined;
        score.test_words += spanned_words(test_lines[n], joined).size();
    }
    return score;
}

std::vector<std::string> read_lines(const std::filesystem::path& path) {
    const std::string text = strip_bom(read_all(path));
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

std::unordered_set<std::string> read_word_list(const std::filesystem::path& path) {
    std::unordered_set<std::string> words;
    for (std::string& line : read_lines(path)) {
        while (!line.empty() && is_separator(line.back()))
            line.pop_back();
        if (!line.empty())
            words.insert(std::move(line));
    }
    return words;
}

std::vector<std::string> segment_lines(const std::vector<std::string>& input,
                                       const LineSegmenter& segmenter) {
    std::vector<std::string> out;
    out.reserve(input.size());
    for (const std::string& line : input)
        out.push_back(segmenter(line));
    return out;
}

std::vector<std::string> segment_file(const std::filesystem::path& input,
                                      const LineSegmenter& segmenter) {
    return segment_lines(read_lines(input), segmenter);
}

std::vector<SighanSet> sighan_sets(const std::filesystem::path& corpus) {
    const auto dir = corpus / "segmentation";
    return {
        {"PKU", dir / "pku_test.utf8", dir / "pku_test_gold.utf8", dir / "pku_training_words.utf8"},
        {"CityU", dir / "cityu_test.utf8", dir / "cityu_test_gold.utf8",
         dir / "cityu_training_words.utf8"},
    };
}

std::optional<std::vector<std::string>> jieba_segment_file(const std::filesystem::path& input) {
    // The Debian package installs into the system Python, which may not be first on PATH.
    for (const std::string python : {"python3", "/usr/bin/python3"}) {
        const std::string probe = python + " -c 'import jieba' >/dev/null 2>&1";
        if (std::system(probe.c_str()) != 0)
            continue;
        const auto tmp = std::filesystem::temp_directory_path();
        const auto script = tmp / ("zhisou-jieba-" + std::to_string(::getpid()) + ".py");
        const auto output = tmp / ("zhisou-jieba-" + std::to_string(::getpid()) + ".txt");
        {
            std::ofstream out(script, std::ios::binary);
            out << kJiebaScript;
        }
        const std::string command = python + " " + shell_quote(script.string()) + " " +
                                    shell_quote(input.string()) + " > " +
                                    shell_quote(output.string()) + " 2>/dev/null";
        const int status = std::system(command.c_str());
        std::optional<std::vector<std::string>> lines;
        if (status == 0)
            lines = read_lines(output);
        std::error_code ignored;
        std::filesystem::remove(script, ignored);
        std::filesystem::remove(output, ignored);
        return lines;
    }
    return std::nullopt;
}

} // namespace zhisou::eval
