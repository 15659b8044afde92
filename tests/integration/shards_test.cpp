// Sharded indexes end to end: `zhisou index --shards 2` answers every search exactly like one
// index; the same shards served by two xapian-tcpsrv processes and searched through a stub
// file too; a shard that is down is named, and --allow-partial answers from the others;
// incremental runs, re-sharding and `zhisou compact`.

#include <arpa/inet.h>
#include <chrono>
#include <cmath>
#include <csignal>
#include <fstream>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <xapian.h>

#include <zhisou/index/schema.h>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using zhisou::testing::index_json;
using zhisou::testing::run_zhisou;
using zhisou::testing::samples_dir;
using zhisou::testing::TempDir;
using zhisou::testing::write_file;

// Queries that exercise ranking, boolean fields, dates, OR, phrases and near-duplicates.
const std::vector<std::string> kQueries{
    "智谱",    "deepseek",         "org:alibaba",        "模型 OR model", "date:2025",
    "GLM-4.5", "\"open weights\"", "开源 -org:deepseek", "lang:en price"};

fs::path tcpsrv_binary() {
    for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
        const fs::path candidate = fs::path(dir) / "xapian-tcpsrv";
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

// A loopback port nobody listens on now (the kernel picks it; the server then binds it).
unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot find a free port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

bool accepts_connections(unsigned port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

// One xapian-tcpsrv serving a database on a free loopback port, stopped when destroyed (even
// when a test fails half-way), so no server outlives the test.
class TcpServer {
public:
    explicit TcpServer(const fs::path& database) {
        const fs::path binary = tcpsrv_binary();
        for (int attempt = 0; attempt < 5 && m_pid <= 0; ++attempt) {
            m_port = free_port();
            const std::string port = std::to_string(m_port);
            const pid_t pid = ::fork();
            if (pid < 0)
                throw std::runtime_error("fork failed");
            ::setpgid(pid, pid); // as the child does: whichever runs first
            if (pid == 0) {
                // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group
                // (to end its per-connection children), which must not include this test.
                ::setpgid(0, 0);
                ::execl(binary.c_str(), binary.c_str(), "--quiet", "--interface", "127.0.0.1",
                        "--port", port.c_str(), database.c_str(), nullptr);
                std::_Exit(127);
            }
            // Ready once it accepts a connection; gone when the port was taken meanwhile.
            for (int wait = 0; wait < 100; ++wait) {
                if (::waitpid(pid, nullptr, WNOHANG) == pid)
                    break;
                if (accepts_connections(m_port)) {
                    m_pid = pid;
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            if (m_pid <= 0) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, nullptr, 0);
            }
        }
        if (m_pid <= 0)
            throw std::runtime_error("xapian-tcpsrv did not start on " + database.string());
    }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    void stop() {
        if (m_pid <= 0)
            return;
        ::kill(-m_pid, SIGTERM); // the server and its per-connection children
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }
    [[nodiscard]] unsigned port() const { return m_port; }

private:
    pid_t m_pid = -1;
    unsigned m_port = 0;
};

json search_json(const fs::path& index, const std::string& query,
                 std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"search",  "--json",     "--index",  index.string(),
                                  "--limit", "50",         "--facets", "org,year,lang,source",
                                  "--today", "2026-06-01", query};
    args.insert(args.end() - 1, extra.begin(), extra.end());
    const auto result = run_zhisou(args);
    EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
    return result.exit_code == 0 ? json::parse(result.out) : json::object();
}

// What users see of a result, apart from timings: totals, hits in order (ids, folded
// duplicates, snippets, scores) and facets. Docids are not in it: they differ per shard.
// Through remote shards Xapian folds the same near-duplicates but counts only those folded
// within one shard (get_collapse_count is a lower bound), so `exact_fold_counts` is off there.
json visible(const json& result, bool exact_fold_counts = true) {
    json hits = json::array();
    for (const auto& hit : result.value("hits", json::array())) {
        hits.push_back({hit["id"], exact_fold_counts ? hit["collapsed"] : json(), hit["snippet"],
                        std::round(hit["score"].get<double>() * 1e6) / 1e6});
    }
    return {{"total", result.value("total", json())},
            {"hits", hits},
            {"facets", result.value("facets", json())},
            {"missing", result.value("missing_shards", json::array())}};
}

void expect_same_answers(const fs::path& expected, const fs::path& actual,
                         bool exact_fold_counts = true) {
    for (const std::string& query : kQueries) {
        for (const std::vector<std::string>& extra :
             {std::vector<std::string>{}, {"--sort", "-date"}, {"--no-collapse"}}) {
            const json want = visible(search_json(expected, query, extra), exact_fold_counts);
            const json got = visible(search_json(actual, query, extra), exact_fold_counts);
            EXPECT_EQ(want, got) << query << " " << (extra.empty() ? "" : extra.front());
        }
    }
}

std::size_t documents_in(const fs::path& database) {
    return Xapian::Database(database.string()).get_doccount();
}

void save_query(const fs::path& database, const std::string& name, const std::string& query) {
    Xapian::WritableDatabase db(database.string());
    db.set_metadata(std::string(zhisou::schema::kMetaSavedPrefix) + name, query);
    db.commit();
}

class ShardedSamples : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_tmp = new TempDir;
        index_json(one(), {samples_dir().string()});
        index_json(two(), {samples_dir().string()}, {"--shards", "2"});
    }
    static void TearDownTestSuite() {
        delete s_tmp;
        s_tmp = nullptr;
    }
    static fs::path one() { return s_tmp->path() / "one"; }
    static fs::path two() { return s_tmp->path() / "two"; }
    static fs::path tmp() { return s_tmp->path(); }

    static TempDir* s_tmp;
};
TempDir* ShardedSamples::s_tmp = nullptr;

TEST_F(ShardedSamples, ShardsSplitTheDocumentsAndXapianOpensTheFolder) {
    const std::size_t first = documents_in(two() / "shard-000");
    const std::size_t second = documents_in(two() / "shard-001");
    EXPECT_GT(first, 10U);
    EXPECT_GT(second, 10U);
    EXPECT_EQ(first + second, documents_in(one()));
    // The folder's XAPIANDB stub: plain Xapian (xapian-delve, Omega...) opens it as one.
    EXPECT_EQ(documents_in(two()), documents_in(one()));
    Xapian::Database shard((two() / "shard-001").string());
    EXPECT_EQ(shard.get_metadata(std::string(zhisou::schema::kMetaShardCount)), "2");
}

TEST_F(ShardedSamples, SearchesAnswerLikeOneIndex) {
    expect_same_answers(one(), two());
}

TEST_F(ShardedSamples, StatsAddUpTheShards) {
    const auto a = run_zhisou({"stats", "--json", "--index", one().string()});
    const auto b = run_zhisou({"stats", "--json", "--index", two().string()});
    ASSERT_EQ(b.exit_code, 0) << b.err;
    const auto x = json::parse(a.out);
    const auto y = json::parse(b.out);
    for (const char* key : {"documents", "first_date", "last_date", "languages", "top_orgs"})
        EXPECT_EQ(x[key], y[key]) << key;
}

TEST_F(ShardedSamples, RemoteShardsThroughAStubAnswerLikeOneIndex) {
    if (tcpsrv_binary().empty())
        GTEST_SKIP() << "SKIPPED: xapian-tcpsrv not installed (apt-get install xapian-tools)";
    // The remote copies carry a saved query in the first shard, like the local index.
    const fs::path served = tmp() / "served";
    fs::copy(two(), served, fs::copy_options::recursive);
    save_query(served / "shard-000", "weekly", "org:zhipu");
    const fs::path local_copy = tmp() / "one-saved";
    fs::copy(one(), local_copy, fs::copy_options::recursive);
    save_query(local_copy, "weekly", "org:zhipu");

    TcpServer first(served / "shard-000");
    TcpServer second(served / "shard-001");
    const fs::path stub = tmp() / "remote.stub";
    // Xapian's own form for one shard, the "remote tcp HOST PORT" spelling for the other.
    std::ofstream(stub) << "# two shards on this machine\nremote 127.0.0.1:" << first.port()
                        << "\nremote tcp 127.0.0.1 " << second.port() << "\n";
    expect_same_answers(one(), stub, false);
    EXPECT_EQ(visible(search_json(local_copy, "saved:weekly"), false),
              visible(search_json(stub, "saved:weekly"), false));

    second.stop();
    const std::string missing = "tcp 127.0.0.1:" + std::to_string(second.port());
    const auto failed = run_zhisou({"search", "--index", stub.string(), "智谱"});
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_NE(failed.err.find("shard " + missing), std::string::npos) << failed.err;
    EXPECT_NE(failed.err.find("--allow-partial"), std::string::npos) << failed.err;

    // --allow-partial: the answer of the first shard alone, saying which one is missing.
    const json partial = search_json(stub, "智谱", {"--allow-partial"});
    EXPECT_EQ(partial["missing_shards"], json::array({missing}));
    const json alone = search_json(served / "shard-000", "智谱");
    EXPECT_EQ(partial["total"], alone["total"]);
    EXPECT_GT(partial["total"].get<int>(), 0);
    EXPECT_LT(partial["total"], search_json(one(), "智谱")["total"]);
    const auto text = run_zhisou({"search", "--allow-partial", "--index", stub.string(), "智谱"});
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("shard " + missing + " could not be reached"), std::string::npos)
        << text.out;
}

TEST_F(ShardedSamples, CompactMergesShardsIntoOneIndex) {
    const fs::path merged = tmp() / "merged";
    const auto result =
        run_zhisou({"compact", "--json", "--index", two().string(), "--output", merged.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(json::parse(result.out)["documents"], documents_in(one()));
    EXPECT_TRUE(fs::exists(merged / "iamglass"));
    expect_same_answers(one(), merged);
    // Merging onto something that exists would destroy it: refused.
    const auto again =
        run_zhisou({"compact", "--index", two().string(), "--output", merged.string()});
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
}

TEST(Shards, CompactInPlaceKeepsOpenReadersWorking) {
    TempDir tmp;
    const fs::path index = tmp.path() / "idx";
    index_json(index, {samples_dir().string()});
    // Re-indexing leaves free space behind; compaction drops it.
    index_json(index, {samples_dir().string()}, {"--rebuild"});
    const Xapian::Database reader(index.string());
    const Xapian::doccount before = reader.get_termfreq("XOzhipu");
    const auto expected = visible(search_json(index, "智谱"));

    const auto result = run_zhisou({"compact", "--json", "--index", index.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto summary = json::parse(result.out);
    EXPECT_LE(summary["bytes_after"], summary["bytes_before"]);
    // The reader opened before still answers from the files it holds...
    Xapian::Enquire enquire(reader);
    enquire.set_query(Xapian::Query("XOzhipu"));
    EXPECT_EQ(enquire.get_mset(0, 100).size(), before);
    // ...and new searches see the compacted index, with the same answers.
    EXPECT_EQ(visible(search_json(index, "智谱")), expected);
    for (const auto& entry : fs::directory_iterator(tmp.path()))
        EXPECT_EQ(entry.path().filename(), "idx") << "no temporary folder is left behind";

    // A sharded index is compacted shard by shard, in place.
    const fs::path sharded = tmp.path() / "sharded";
    index_json(sharded, {samples_dir().string()}, {"--shards", "2"});
    const auto shards = run_zhisou({"compact", "--json", "--index", sharded.string()});
    ASSERT_EQ(shards.exit_code, 0) << shards.err;
    EXPECT_EQ(json::parse(shards.out)["databases"], 2);
    EXPECT_EQ(visible(search_json(sharded, "智谱")), expected);
}

TEST(Shards, IncrementalRunsUpdateAndPruneTheRightShard) {
    TempDir tmp;
    const fs::path docs = tmp.path() / "docs";
    for (int i = 0; i < 12; ++i)
        write_file(docs / ("d" + std::to_string(i) + ".txt"),
                   "Doc " + std::to_string(i) + "\nDeepSeek 发布了 R" + std::to_string(i) + "。\n");
    const fs::path index = tmp.path() / "idx";
    const auto first = index_json(index, {docs.string()}, {"--shards", "3"});
    EXPECT_EQ(first["added"], 12);
    EXPECT_EQ(first["shards"], 3);
    // The recorded shard count is kept without --shards, and unchanged inputs are skipped.
    const auto again = index_json(index, {docs.string()});
    EXPECT_EQ(again["unchanged"], 12);
    EXPECT_EQ(again["added"], 0);
    EXPECT_EQ(again["shards"], 3);

    write_file(docs / "d4.txt", "Doc four\nDeepSeek 发布了 V3.2。\n");
    fs::remove(docs / "d7.txt");
    const auto run = index_json(index, {docs.string()}, {"--prune"});
    EXPECT_EQ(run["updated"], 1);
    EXPECT_EQ(run["removed"], 1);
    EXPECT_EQ(run["index_documents"], 11);
    const Xapian::Database db(index.string());
    EXPECT_EQ(db.get_doccount(), 11U);
    EXPECT_EQ(db.get_termfreq("v3.2"), 1U);
    const std::string prefix(zhisou::schema::kIdPrefix);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        EXPECT_EQ(t.get_termfreq(), 1U) << *t << " is in one shard only";
}

TEST(Shards, ReshardingNeedsRebuildAndKeepsSavedQueries) {
    TempDir tmp;
    const fs::path index = tmp.path() / "idx";
    index_json(index, {samples_dir().string()}, {"--shards", "2"});
    save_query(index / "shard-000", "weekly", "org:zhipu");

    const auto refused =
        run_zhisou({"index", "--index", index.string(), "--shards", "3", samples_dir().string()});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("has 2 shards"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("--rebuild --shards 3"), std::string::npos) << refused.err;

    const auto three = index_json(index, {samples_dir().string()}, {"--rebuild", "--shards", "3"});
    EXPECT_TRUE(fs::exists(index / "shard-002"));
    EXPECT_EQ(documents_in(index), three["index_documents"].get<std::size_t>());
    EXPECT_EQ(Xapian::Database((index / "shard-000").string())
                  .get_metadata(std::string(zhisou::schema::kMetaSavedPrefix) + "weekly"),
              "org:zhipu");
    EXPECT_GT(search_json(index, "saved:weekly")["total"].get<int>(), 0);

    // Back to one plain database: the shard folders go.
    index_json(index, {samples_dir().string()}, {"--rebuild", "--shards", "1"});
    EXPECT_TRUE(fs::exists(index / "iamglass"));
    EXPECT_FALSE(fs::exists(index / "shard-000"));
    EXPECT_FALSE(fs::exists(index / "XAPIANDB"));
    EXPECT_EQ(Xapian::Database(index.string())
                  .get_metadata(std::string(zhisou::schema::kMetaSavedPrefix) + "weekly"),
              "org:zhipu");
}

TEST(Shards, BadStubLinesAndMissingShardsAreNamed) {
    TempDir tmp;
    const fs::path stub = tmp.path() / "bad.stub";
    std::ofstream(stub) << "auto somewhere\nremote 127.0.0.1:notaport\n";
    const auto bad = run_zhisou({"search", "--index", stub.string(), "x"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("bad.stub:2"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("port"), std::string::npos) << bad.err;

    std::ofstream(stub) << "auto missing-shard\n";
    const auto missing = run_zhisou({"search", "--index", stub.string(), "x"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("missing-shard"), std::string::npos) << missing.err;

    // A stub is for reading: indexing goes to a folder.
    const auto into_stub = run_zhisou({"index", "--index", stub.string(), samples_dir().string()});
    EXPECT_EQ(into_stub.exit_code, 2);
    EXPECT_NE(into_stub.err.find("is a file"), std::string::npos) << into_stub.err;

    // Compacting a remote shard is its server's business.
    std::ofstream(stub) << "remote 127.0.0.1:9\n";
    const auto remote = run_zhisou({"compact", "--index", stub.string()});
    EXPECT_EQ(remote.exit_code, 2);
    EXPECT_NE(remote.err.find("is remote"), std::string::npos) << remote.err;
}

} // namespace
