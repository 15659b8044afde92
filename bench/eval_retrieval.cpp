// Ranking quality on ../shared/corpus/retrieval-dev: 3,104 Chinese paragraphs (Simplified and
// Traditional) and 5,713 questions, one judged paragraph each. Prints MRR@10 and Recall@10 of
// Zhisou (its own index and query compiler; a pasted question is a "ranked" query) beside
// Xapian's own baseline on the same documents: TermGenerator FLAG_CJK_NGRAM and an OR of the
// question's n-grams, BM25 for both.
//
// Usage: eval_retrieval [--limit N]   (N questions; default all)
//        ZHISOU_SHOW_MISSES=1 eval_retrieval   also lists the first questions Zhisou misses

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>
#include <vector>
#include <xapian.h>

#include <zhisou/index/gazetteer.h>
#include <zhisou/index/writer.h>
#include <zhisou/query/search.h>
#include <zhisou/text/analyzer.h>

#include "corpus_paths.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Question {
    std::string id;
    std::string text;
};

struct Score {
    double reciprocal_rank_sum = 0;
    std::size_t found_in_10 = 0;
    std::size_t questions = 0;
    std::size_t failed = 0; // queries that did not compile
    double seconds = 0;
};

// Runs every question; `search` returns the ranked ids of the top 10.
template <typename Search>
Score evaluate(const std::vector<Question>& questions,
               const std::map<std::string, std::string>& relevant, Search&& search) {
    Score score;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& question : questions) {
        const auto wanted = relevant.find(question.id);
        if (wanted == relevant.end())
            continue;
        ++score.questions;
        std::vector<std::string> ids;
        try {
            ids = search(question.text);
        } catch (const std::exception&) {
            ++score.failed;
            continue;
        }
        bool found = false;
        for (std::size_t rank = 0; rank < ids.size() && rank < 10; ++rank) {
            if (ids[rank] == wanted->second) {
                score.reciprocal_rank_sum += 1.0 / static_cast<double>(rank + 1);
                ++score.found_in_10;
                found = true;
                break;
            }
        }
        if (!found && std::getenv("ZHISOU_SHOW_MISSES") &&
            score.questions - score.found_in_10 < 6) {
            fmt::print(stderr, "miss: {} wanted {} got {}\n", question.text, wanted->second,
                       ids.empty() ? "nothing" : ids.front());
        }
    }
    score.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return score;
}

std::vector<std::string> top_ids(Xapian::Enquire& enquire, const Xapian::Query& query) {
    enquire.set_query(query);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    std::vector<std::string> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::string data = it.get_document().get_data();
        ids.push_back(data);
    }
    return ids;
}

void print_row(const char* name, const Score& s) {
    const double n = static_cast<double>(s.questions);
    fmt::print("{:<58} {:>7.4f} {:>10.4f} {:>9} {:>11.2f}\n", name, s.reciprocal_rank_sum / n,
               static_cast<double>(s.found_in_10) / n, s.failed, 1000.0 * s.seconds / n);
}

} // namespace

int main(int argc, char** argv) {
    std::size_t limit = SIZE_MAX;
    fs::path keep; // --keep DIR: build the indexes there once and reuse them (ranking work)
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--limit")
            limit = std::stoul(argv[i + 1]);
        if (std::string(argv[i]) == "--keep")
            keep = argv[i + 1];
    }
    const auto corpus = zhisou::eval::shared_corpus();
    if (!corpus || !fs::exists(*corpus / "retrieval-dev" / "docs.jsonl")) {
        fmt::print("SKIPPED: ../shared/corpus/retrieval-dev not found\n");
        return 0;
    }
    const fs::path dir = *corpus / "retrieval-dev";
    std::vector<Question> questions;
    {
        std::ifstream in(dir / "queries.jsonl");
        for (std::string line; std::getline(in, line) && questions.size() < limit;) {
            const json q = json::parse(line);
            questions.push_back({q["id"].get<std::string>(), q["text"].get<std::string>()});
        }
    }
    std::map<std::string, std::string> relevant;
    {
        std::ifstream in(dir / "qrels.tsv");
        std::string qid, zero, docid, rel;
        while (in >> qid >> zero >> docid >> rel) {
            if (rel != "0")
                relevant[qid] = docid;
        }
    }

    const fs::path work = keep.empty() ? fs::temp_directory_path() /
                                             fmt::format("zhisou-eval-retrieval-{}", ::getpid())
                                       : keep;
    const bool reuse = !keep.empty() && fs::exists(work / "zhisou") && fs::exists(work / "xapian");
    fs::create_directories(work);

    // Zhisou: the real indexer and the real query compiler.
    zhisou::index::IndexOptions options;
    options.index_dir = work / "zhisou";
    if (!reuse)
        zhisou::index::index_inputs({(dir / "docs.jsonl").string()}, options);
    // Searched as a user's search box does: the Searcher (ranking, near-duplicates folded),
    // lenient parsing (a question is text, whatever punctuation it holds), no snippets.
    zhisou::query::Searcher searcher(options.index_dir);
    const Score zhisou_score = evaluate(questions, relevant, [&](const std::string& text) {
        zhisou::query::SearchRequest request;
        request.query = text;
        request.lenient = true;
        request.snippets = false;
        const auto result = searcher.search(request);
        std::vector<std::string> ids;
        for (const auto& hit : result.hits)
            ids.push_back(hit.id);
        return ids;
    });

    // Xapian's own CJK n-grams, an OR of the question's n-grams.
    if (!reuse) {
        Xapian::WritableDatabase xdb((work / "xapian").string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator generator;
        generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        std::ifstream in(dir / "docs.jsonl");
        for (std::string line; std::getline(in, line);) {
            const json d = json::parse(line);
            Xapian::Document doc;
            generator.set_document(doc);
            generator.index_text(d.value("title", ""));
            generator.increase_termpos();
            generator.index_text(d["text"].get<std::string>());
            doc.set_data(d["id"].get<std::string>());
            xdb.add_document(doc);
        }
        xdb.commit();
    }
    Xapian::Database xdb((work / "xapian").string());
    Xapian::Enquire xenquire(xdb);
    // The question's own n-grams (the same TermGenerator), ORed: Xapian's QueryParser would
    // AND the n-grams of a Chinese run instead (MRR@10 about 0.23 on this set).
    Xapian::TermGenerator question_terms;
    question_terms.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    const Score xapian_score = evaluate(questions, relevant, [&](const std::string& text) {
        Xapian::Document terms;
        question_terms.set_document(terms);
        question_terms.index_text(text);
        std::vector<std::string> ngrams(terms.termlist_begin(), terms.termlist_end());
        return top_ids(xenquire, Xapian::Query(Xapian::Query::OP_OR, ngrams.begin(), ngrams.end()));
    });
    fmt::print("Retrieval on retrieval-dev: {} paragraphs, {} questions with judgments\n\n",
               searcher.database().get_doccount(), zhisou_score.questions);
    fmt::print("{:<58} {:>7} {:>10} {:>9} {:>11}\n", "system", "MRR@10", "Recall@10", "errors",
               "ms/query");
    print_row("Zhisou search (ranked mode: words, bigrams, characters)", zhisou_score);
    print_row("Xapian FLAG_CJK_NGRAM, OR of n-grams, BM25", xapian_score);
    std::error_code ec;
    if (keep.empty())
        fs::remove_all(work, ec);
    return 0;
}
