// Speed and sanity of date extraction on the shared news corpus, one thread (speed in MB per
// CPU second of that thread). For each corpus:
// find_dates throughput over every body (target >= 100 MB/s: it must stay a small part of an
// 8 MB/s pipeline), what it found by precision, how often a mention read back through
// parse_date gives a different date (must be 0), and how often the byline date agrees with the
// corpus's own metadata date (=meta: same day or period; ±3 days: picker's metadata is the
// aggregator's fetch day, usually a day after publication). A std::regex scan for two of the forms
// is the reference peer.
//
//   bench_dates                 all of corpus/news/*.jsonl
//   bench_dates --limit-mb 4    only the first 4 MB of bodies per corpus
//   bench_dates --samples 20    also print 20 mentions per corpus with their context

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <zhisou/index/date.h>

#include "corpus_paths.h"

namespace {

namespace zi = zhisou::index;

struct Document {
    std::string text;
    std::string date; ///< the corpus's metadata date, maybe empty
};

std::vector<Document> load(const std::filesystem::path& file, std::size_t limit_bytes) {
    std::vector<Document> docs;
    std::size_t bytes = 0;
    std::ifstream in(file, std::ios::binary);
    for (std::string line; bytes < limit_bytes && std::getline(in, line);) {
        const auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded() || !json.is_object() || !json.contains("text") ||
            !json["text"].is_string()) {
            continue;
        }
        Document doc;
        doc.text = json["text"].get<std::string>();
        if (json.contains("date") && json["date"].is_string()) {
            doc.date = json["date"].get<std::string>();
        }
        bytes += doc.text.size();
        docs.push_back(std::move(doc));
    }
    return docs;
}

/// CPU seconds of this thread: the machine is shared, and wall time would measure the others.
double thread_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// Best of three timed passes (each repeated to at least 0.3 CPU seconds), in MB/s.
template <typename Pass>
double throughput(std::size_t bytes, Pass pass) {
    double best = 0;
    for (int round = 0; round < 3; ++round) {
        int repeats = 0;
        const double start = thread_seconds();
        double elapsed = 0;
        do {
            pass();
            ++repeats;
            elapsed = thread_seconds() - start;
        } while (elapsed < 0.3);
        best = std::max(best, static_cast<double>(bytes) * repeats / elapsed / 1e6);
    }
    return best;
}

/// Days since 1970-01-01 of a YYYYMMDD number (Howard Hinnant's days_from_civil).
long days_from_yyyymmdd(int yyyymmdd) {
    long year = yyyymmdd / 10000;
    const long month = yyyymmdd / 100 % 100;
    const long day = yyyymmdd % 100;
    year -= month <= 2 ? 1 : 0;
    const long era = (year >= 0 ? year : year - 399) / 400;
    const long year_of_era = year - era * 400;
    const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

/// Whether two periods overlap once `slack` days are allowed on either side.
bool periods_meet(const zi::PartialDate& a, const zi::PartialDate& b, long slack) {
    return days_from_yyyymmdd(a.first_day()) <= days_from_yyyymmdd(b.last_day()) + slack &&
           days_from_yyyymmdd(b.first_day()) <= days_from_yyyymmdd(a.last_day()) + slack;
}

std::string one_line(std::string_view text) {
    std::string out(text);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

/// Moves `pos` back (or forward) to the start of a UTF-8 character.
std::size_t char_boundary(std::string_view text, std::size_t pos) {
    while (pos > 0 && pos < text.size() &&
           (static_cast<unsigned char>(text[pos]) & 0xC0U) == 0x80U) {
        --pos;
    }
    return pos;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t limit_bytes = static_cast<std::size_t>(-1);
    int samples = 0;
    for (int k = 1; k + 1 < argc; k += 2) {
        const std::string option = argv[k];
        if (option == "--limit-mb") {
            limit_bytes = static_cast<std::size_t>(std::atof(argv[k + 1]) * 1e6);
        } else if (option == "--samples") {
            samples = std::atoi(argv[k + 1]);
        } else {
            fmt::print(stderr, "unknown option {}; use --limit-mb N or --samples N\n", option);
            return 2;
        }
    }
    const auto corpus = zhisou::eval::shared_corpus();
    if (!corpus) {
        fmt::print("SKIPPED: ../shared/corpus not found (set ZHISOU_SHARED)\n");
        return 0;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(*corpus / "news")) {
        if (entry.path().extension() == ".jsonl") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());

    fmt::print("{:<28} {:>7} {:>6} {:>9} {:>7} {:>7} {:>7} {:>9} {:>10} {:>7} {:>6} {:>8}\n",
               "corpus", "MB", "docs", "mentions", "day", "month", "year", "reparse≠", "find MB/s",
               "byline", "=meta", "±3 days");
    const std::regex peer(R"((19|20)\d\d-\d\d-\d\d|(19|20)\d\d年\d{1,2}月(\d{1,2}日)?)");
    double total_bytes = 0;
    double total_seconds = 0;
    double regex_mb_s = 0;
    for (const auto& file : files) {
        const auto docs = load(file, limit_bytes);
        std::size_t bytes = 0;
        for (const auto& doc : docs) {
            bytes += doc.text.size();
        }
        std::size_t mentions = 0;
        std::size_t by_precision[3] = {0, 0, 0};
        std::size_t reparse_mismatch = 0;
        std::size_t bylines = 0;
        std::size_t same_period = 0;
        std::size_t within_3_days = 0;
        std::vector<std::string> lines;
        for (const auto& doc : docs) {
            for (const auto& mention : zi::find_dates(doc.text)) {
                ++mentions;
                ++by_precision[static_cast<int>(mention.date.precision)];
                const std::string_view span(doc.text.data() + mention.begin,
                                            mention.end - mention.begin);
                const auto again = zi::parse_date(span);
                if (!again || !(*again == mention.date)) {
                    ++reparse_mismatch;
                    fmt::print(stderr, "reparse mismatch: [{}]\n", span);
                }
                if (samples > 0) {
                    const std::size_t from =
                        char_boundary(doc.text, mention.begin < 30 ? 0 : mention.begin - 30);
                    const std::size_t to =
                        char_boundary(doc.text, std::min(doc.text.size(), mention.end + 30));
                    lines.push_back(
                        fmt::format("  {:<10} [{}]  …{}…", mention.date.to_string(), span,
                                    one_line(std::string_view(doc.text).substr(from, to - from))));
                }
            }
            if (const auto byline = zi::find_byline_date(doc.text)) {
                ++bylines;
                const auto meta = zi::parse_date(doc.date);
                same_period += meta && periods_meet(*meta, *byline, 0) ? 1 : 0;
                within_3_days += meta && periods_meet(*meta, *byline, 3) ? 1 : 0;
            }
        }
        std::size_t found = 0;
        const double mb_s = throughput(bytes, [&] {
            for (const auto& doc : docs) {
                found += zi::find_dates(doc.text).size();
            }
        });
        total_bytes += static_cast<double>(bytes);
        total_seconds += static_cast<double>(bytes) / 1e6 / mb_s;
        fmt::print(
            "{:<28} {:>7.1f} {:>6} {:>9} {:>7} {:>7} {:>7} {:>9} {:>10.0f} {:>7} {:>6} {:>8}\n",
            file.stem().string().substr(0, 28), static_cast<double>(bytes) / 1e6, docs.size(),
            mentions, by_precision[2], by_precision[1], by_precision[0], reparse_mismatch, mb_s,
            bylines, same_period, within_3_days);
        if (file == files.front()) {
            // The peer only on the first 2 MB: std::regex is far too slow for the whole corpus.
            std::size_t peer_bytes = 0;
            std::vector<const std::string*> slice;
            for (const auto& doc : docs) {
                if (peer_bytes >= 2'000'000) {
                    break;
                }
                slice.push_back(&doc.text);
                peer_bytes += doc.text.size();
            }
            std::size_t peer_found = 0;
            regex_mb_s = throughput(peer_bytes, [&] {
                for (const std::string* text : slice) {
                    peer_found += static_cast<std::size_t>(
                        std::distance(std::sregex_iterator(text->begin(), text->end(), peer),
                                      std::sregex_iterator()));
                }
            });
        }
        if (samples > 0 && !lines.empty()) {
            std::mt19937 rng(7);
            std::shuffle(lines.begin(), lines.end(), rng);
            for (int k = 0; k < samples && k < static_cast<int>(lines.size()); ++k) {
                fmt::print("{}\n", lines[static_cast<std::size_t>(k)]);
            }
        }
    }
    fmt::print("\nfind_dates over all bodies: {:.0f} MB/s (target >= 100)\n",
               total_bytes / 1e6 / total_seconds);
    fmt::print("peer: std::regex for YYYY-MM-DD and YYYY年M月[D日] only, first 2 MB of {}: "
               "{:.1f} MB/s\n",
               files.empty() ? std::string("-") : files.front().stem().string(), regex_mb_s);
    return 0;
}
