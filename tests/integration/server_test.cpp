// The HTTP API of `zhisou serve`, run in-process on a free port against an index of samples/:
// every route, status and error body, hostile input, many clients at once, the token off
// loopback, and commits made while the server runs.

#include <atomic>
#include <fstream>
#include <future>
#include <gtest/gtest.h>
#include <httplib.h>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include <zhisou/error.h>
#include <zhisou/query/limits.h>

#include "search_workers.h"
#include "server.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using zhisou::server::SearchWorkers;
using zhisou::server::Server;
using zhisou::server::ServerOptions;
using zhisou::testing::run_zhisou;
using zhisou::testing::samples_dir;
using zhisou::testing::TempDir;

ServerOptions options_for(const fs::path& index, std::string host = "127.0.0.1",
                          std::string token = {}) {
    ServerOptions options;
    options.index = index;
    options.host = std::move(host);
    options.token = std::move(token);
    return options;
}

void build_index(const fs::path& index, const fs::path& source) {
    const auto result = run_zhisou({"index", "--index", index.string(), source.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
}

/// A server on a free port in a background thread, stopped when the object goes.
class RunningServer {
public:
    explicit RunningServer(ServerOptions options) {
        options.port = 0;
        options.quiet = true;
        m_server = std::make_unique<Server>(std::move(options));
        m_port = m_server->bind();
        m_thread = std::thread([this] { m_server->run(); });
    }
    ~RunningServer() {
        m_server->stop();
        m_thread.join();
    }
    [[nodiscard]] httplib::Client client() const {
        httplib::Client client("127.0.0.1", m_port);
        client.set_read_timeout(30);
        return client;
    }
    [[nodiscard]] const Server& server() const { return *m_server; }

private:
    std::unique_ptr<Server> m_server;
    int m_port = 0;
    std::thread m_thread;
};

json body_of(const httplib::Result& result) {
    EXPECT_TRUE(result) << "no response";
    if (!result)
        return nullptr;
    return json::parse(result->body, nullptr, false);
}

std::string encode(const std::string& text) {
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", c);
            out += buffer;
        }
    }
    return out;
}

/// One index of samples/ shared by the read-only tests.
class ServerApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir();
        build_index(s_dir->path() / "index", samples_dir());
        s_server = new RunningServer(options_for(s_dir->path() / "index"));
    }
    static void TearDownTestSuite() {
        delete s_server;
        delete s_dir;
    }
    static httplib::Client client() { return s_server->client(); }

    static inline TempDir* s_dir = nullptr;
    static inline RunningServer* s_server = nullptr;
};

void expect_error(const httplib::Result& result, int status) {
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, status) << result->body;
    const json body = json::parse(result->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << result->body;
    ASSERT_TRUE(body["error"]["message"].is_string()) << result->body;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(body["error"]["status"], status);
}

TEST_F(ServerApi, HealthAndPage) {
    auto c = client();
    auto health = c.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(body_of(health)["status"], "ok");
    for (const auto& [path, type] : {std::pair{"/", "text/html"},
                                     {"/app.js", "text/javascript"},
                                     {"/style.css", "text/css"}}) {
        auto page = c.Get(path);
        ASSERT_TRUE(page);
        EXPECT_EQ(page->status, 200) << path;
        EXPECT_TRUE(page->get_header_value("Content-Type").starts_with(type)) << path;
        EXPECT_GT(page->body.size(), 500U) << path;
        EXPECT_EQ(page->body.find("http://"), std::string::npos) << path << ": no CDN";
    }
}

TEST_F(ServerApi, SearchReturnsTheCliSchema) {
    auto c = client();
    auto result = c.Get("/api/search?q=GLM&limit=3&facets=org,year&sort=-date");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << result->body;
    const json body = body_of(result);
    EXPECT_EQ(body["version"], 1);
    EXPECT_EQ(body["query"], "GLM");
    EXPECT_GT(body["total"].get<int>(), 3);
    ASSERT_EQ(body["hits"].size(), 3U);
    EXPECT_NE(body["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
    EXPECT_EQ(body["facets"]["org"][0]["value"], "zhipu");
    EXPECT_TRUE(body["facets"].contains("year"));

    // A Chinese query, URL-encoded, highlights Chinese text.
    const json chinese = body_of(c.Get("/api/search?q=" + encode("智谱 融资")));
    ASSERT_FALSE(chinese["hits"].empty());
    EXPECT_NE(chinese["hits"][0]["snippet"].get<std::string>().find("<mark>智谱</mark>"),
              std::string::npos);

    // POST with a JSON body is the same search (for queries longer than a URL).
    auto posted = c.Post("/api/search", R"({"q": "GLM", "limit": 3})", "application/json");
    ASSERT_TRUE(posted);
    EXPECT_EQ(posted->status, 200);
    EXPECT_EQ(body_of(posted)["total"], body["total"]);
}

// A repeated search is answered from the cache with the same result; any other parameter is
// another search.
TEST_F(ServerApi, RepeatedSearchesComeFromTheCache) {
    auto c = client();
    const std::string path = "/api/search?q=" + encode("智谱 OR DeepSeek") + "&limit=4&facets=org";
    auto first = c.Get(path);
    ASSERT_TRUE(first);
    auto second = c.Get(path);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->get_header_value("X-Zhisou-Cache"), "hit");
    json a = body_of(first), b = body_of(second);
    ASSERT_FALSE(a["hits"].empty());
    a.erase("took_ms");
    b.erase("took_ms");
    EXPECT_EQ(a, b);
    auto paged = c.Get(path + "&offset=1");
    ASSERT_TRUE(paged);
    EXPECT_EQ(paged->get_header_value("X-Zhisou-Cache"), "miss");
    EXPECT_EQ(body_of(paged)["hits"][0]["id"], a["hits"][1]["id"]);
}

TEST_F(ServerApi, QueryErrorIs400WithColumnAndCaret) {
    auto c = client();
    auto result = c.Get("/api/search?q=" + encode("org:Zhipu date:2025-13"));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    const json error = body_of(result)["error"];
    EXPECT_EQ(error["message"], "month must be 01..12");
    EXPECT_EQ(error["column"], 21);
    EXPECT_EQ(error["caret"], "org:Zhipu date:2025-13\n                    ^ month must be 01..12");

    auto unknown_field = c.Get("/api/search?q=" + encode("orgs:zhipu GLM"));
    ASSERT_TRUE(unknown_field);
    EXPECT_EQ(unknown_field->status, 400);
    EXPECT_EQ(body_of(unknown_field)["error"]["column"], 1);
}

TEST_F(ServerApi, BadParametersAre400) {
    auto c = client();
    expect_error(c.Get("/api/search"), 400);                 // no q
    expect_error(c.Get("/api/search?q=GLM&limit=101"), 400); // page size
    expect_error(c.Get("/api/search?q=GLM&limit=0"), 400);
    expect_error(c.Get("/api/search?q=GLM&limit=ten"), 400);
    expect_error(c.Get("/api/search?q=GLM&offset=99999999999999999999"), 400);
    expect_error(c.Get("/api/search?q=GLM&offset=100000&limit=10"), 400); // result depth
    expect_error(c.Get("/api/search?q=GLM&sort=sideways"), 400);
    expect_error(c.Get("/api/search?q=GLM&facets=colour"), 400);
    expect_error(c.Post("/api/search", "[1,2]", "application/json"), 400);
    // A query over the length limit (in code points) is a query error, with a caret.
    const std::string long_query(zhisou::query::limits::kMaxQueryChars + 1, 'a');
    auto too_long = c.Post("/api/search", json{{"q", long_query}}.dump(), "application/json");
    expect_error(too_long, 400);
}

TEST_F(ServerApi, UnknownRoutes404AndWrongMethods405) {
    auto c = client();
    expect_error(c.Get("/nope"), 404);
    expect_error(c.Get("/api/searches"), 404);
    expect_error(c.Get("/api/saved/a/b/c"), 404);
    auto wrong = c.Delete("/api/search");
    expect_error(wrong, 405);
    EXPECT_EQ(wrong->get_header_value("Allow"), "GET, POST");
    expect_error(c.Post("/healthz", "x", "text/plain"), 405);
    expect_error(c.Put("/api/stats", "x", "text/plain"), 405);
    expect_error(c.Post("/api/saved/x", "GLM", "text/plain"), 405);
}

TEST_F(ServerApi, OversizedRequestsAreRefused) {
    auto c = client();
    const std::string body(zhisou::server::kMaxBodyBytes + 1, 'a');
    expect_error(c.Put("/api/saved/big", body, "text/plain"), 413);
    expect_error(c.Post("/api/search", body, "application/json"), 413);
    auto huge_uri = c.Get("/api/search?q=" + std::string(20000, 'a'));
    expect_error(huge_uri, 414);
    auto huge_path = c.Get("/api/doc/" + std::string(8000, 'a'));
    ASSERT_TRUE(huge_path);
    EXPECT_EQ(huge_path->status, 404);
    // And the server still answers.
    auto after = c.Get("/healthz");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
}

TEST_F(ServerApi, DocumentByIdWithHighlights) {
    auto c = client();
    const json hits = body_of(c.Get("/api/search?q=GLM&limit=1"))["hits"];
    ASSERT_EQ(hits.size(), 1U);
    const std::string id = hits[0]["id"];
    auto result = c.Get("/api/doc/" + encode(id) + "?q=GLM");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << result->body;
    const json doc = body_of(result);
    EXPECT_EQ(doc["id"], id);
    EXPECT_EQ(doc["document"]["title"], hits[0]["title"]);
    EXPECT_FALSE(doc["document"].contains("text"));
    EXPECT_NE(doc["text_html"].get<std::string>().find("<mark>GLM</mark>"), std::string::npos);
    EXPECT_GT(doc["highlights"].get<int>(), 0);
}

TEST_F(ServerApi, HostileDocumentIdsReadNoFiles) {
    auto c = client();
    // Ids are index terms only: traversal, absolute paths of real files and odd bytes are 404.
    const std::string samples_file = (samples_dir() / "README.md").string();
    for (const std::string& id :
         {std::string("../../../../etc/passwd"), std::string("/etc/passwd"), samples_file + "x",
          std::string("..%2f..%2fetc%2fpasswd"), std::string("\xff\xfe\x00zz", 5),
          std::string("%00"), std::string("C:\\Windows\\win.ini")}) {
        auto result = c.Get("/api/doc/" + encode(id));
        ASSERT_TRUE(result) << id;
        EXPECT_EQ(result->status, 404) << id;
        EXPECT_EQ(result->body.find("root:"), std::string::npos);
        EXPECT_TRUE(json::parse(result->body, nullptr, false).is_object()) << result->body;
    }
    auto raw = c.Get("/api/doc/../../etc/passwd");
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->body.find("root:"), std::string::npos);
}

TEST_F(ServerApi, InvalidUtf8NeverBreaksTheJson) {
    auto c = client();
    for (const std::string& q :
         {std::string("\xff\xfe GLM"), std::string("\xc3\x28"), std::string("智\xe6\x99"),
          std::string("\xed\xa0\x80 a"), std::string("date:\xff")}) {
        for (const std::string route : {"/api/search?q=", "/api/suggest?q="}) {
            auto result = c.Get(route + encode(q));
            ASSERT_TRUE(result) << route;
            EXPECT_TRUE(result->status == 200 || result->status == 400)
                << route << " " << result->status;
            EXPECT_TRUE(json::parse(result->body, nullptr, false).is_object())
                << route << ": " << result->body;
        }
    }
}

TEST_F(ServerApi, SuggestCompletesFieldsOrgsAndTerms) {
    auto c = client();
    const json orgs = body_of(c.Get("/api/suggest?q=GLM%20zhi"))["suggestions"];
    ASSERT_FALSE(orgs.empty());
    EXPECT_EQ(orgs[0]["kind"], "org");
    EXPECT_EQ(orgs[0]["text"], "GLM org:zhipu");

    const json fields = body_of(c.Get("/api/suggest?q=da"))["suggestions"];
    ASSERT_FALSE(fields.empty());
    EXPECT_EQ(fields[0]["text"], "date:");

    const json terms = body_of(c.Get("/api/suggest?q=" + encode("智")))["suggestions"];
    bool found_term = false;
    for (const json& s : terms)
        found_term = found_term || (s["kind"] == "term" && s["text"] == "智谱");
    EXPECT_TRUE(found_term) << terms.dump();

    const json values = body_of(c.Get("/api/suggest?q=lang:zh"))["suggestions"];
    ASSERT_FALSE(values.empty());
    EXPECT_EQ(values[0]["text"].get<std::string>().rfind("lang:zh", 0), 0U);

    EXPECT_TRUE(body_of(c.Get("/api/suggest?q="))["suggestions"].empty());
    expect_error(c.Get("/api/suggest?q=" + std::string(2000, 'a')), 400);
}

TEST_F(ServerApi, StatsDescribeTheIndex) {
    auto c = client();
    const json stats = body_of(c.Get("/api/stats"));
    EXPECT_GT(stats["documents"].get<int>(), 40);
    EXPECT_FALSE(stats["top_orgs"].empty());
}

TEST_F(ServerApi, ManyClientsAtOnce) {
    constexpr int kClients = 32;
    constexpr int kRequestsEach = 10;
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i) {
        threads.emplace_back([&, i] {
            auto c = client();
            const char* queries[] = {"GLM", "%E6%99%BA%E8%B0%B1", "org:deepseek", "date:2025"};
            for (int r = 0; r < kRequestsEach; ++r) {
                auto result =
                    c.Get(std::string("/api/search?facets=org&q=") + queries[(i + r) % 4]);
                if (result && result->status == 200 &&
                    json::parse(result->body, nullptr, false).contains("hits"))
                    ++ok;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(ok, kClients * kRequestsEach);
}

/// Spins until `done()` (another thread's progress); gives up after 30 s so a bug fails the
/// test instead of hanging it.
template <typename Done>
bool eventually(Done done) {
    for (int i = 0; i < 30000 && !done(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return done();
}

TEST_F(ServerApi, SearchWorkersRunJobsInArrivalOrder) {
    SearchWorkers workers(s_dir->path() / "index", 1);
    ASSERT_EQ(workers.count(), 1U);
    std::mutex mutex;
    std::vector<int> order;
    const auto note = [&](int who) {
        const std::lock_guard lock(mutex);
        order.push_back(who);
    };
    std::promise<void> release_first;
    std::shared_future<void> first_may_finish = release_first.get_future().share();
    std::atomic<bool> first_started{false};
    std::thread first([&] {
        workers.run([&](zhisou::query::Searcher& searcher) {
            first_started = true;
            first_may_finish.wait();
            EXPECT_GT(searcher.database().get_doccount(), 0U);
            note(1);
        });
    });
    ASSERT_TRUE(eventually([&] { return first_started.load(); }));
    std::thread second([&] { workers.run([&](zhisou::query::Searcher&) { note(2); }); });
    ASSERT_TRUE(eventually([&] { return workers.waiting() == 1; }));
    std::thread third([&] { workers.run([&](zhisou::query::Searcher&) { note(3); }); });
    ASSERT_TRUE(eventually([&] { return workers.waiting() == 2; }));
    {
        const std::lock_guard lock(mutex);
        EXPECT_TRUE(order.empty()); // the one worker is busy with the first job
    }
    release_first.set_value();
    first.join();
    second.join();
    third.join();
    EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(workers.waiting(), 0U);

    // A job's result and its exception reach the thread that handed it in.
    EXPECT_EQ(workers.run([](zhisou::query::Searcher& searcher) {
        return searcher.database().get_doccount();
    }),
              Xapian::Database((s_dir->path() / "index").string()).get_doccount());
    EXPECT_THROW(workers.run([](zhisou::query::Searcher&) -> int {
        throw zhisou::InputError("a job that fails");
    }),
                 zhisou::InputError);
}

TEST(ServerSaved, SaveListRunNewOnlyAndDelete) {
    TempDir dir;
    build_index(dir.path() / "index", samples_dir());
    RunningServer running(options_for(dir.path() / "index"));
    auto c = running.client();

    auto put = c.Put("/api/saved/zhipu-glm", "GLM org:zhipu", "text/plain");
    ASSERT_TRUE(put);
    EXPECT_EQ(put->status, 201) << put->body;
    EXPECT_EQ(c.Put("/api/saved/zhipu-glm", "GLM org:zhipu", "text/plain")->status, 200);

    const json list = body_of(c.Get("/api/saved"))["saved"];
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0]["name"], "zhipu-glm");
    EXPECT_EQ(list[0]["query"], "GLM org:zhipu");

    const json first = body_of(c.Get("/api/saved/zhipu-glm/run?new=1"));
    EXPECT_GT(first["total"].get<int>(), 0) << first.dump();
    EXPECT_EQ(first["new_only"], true);
    const json second = body_of(c.Get("/api/saved/zhipu-glm/run?new=1"));
    EXPECT_EQ(second["total"], 0) << "nothing is new since the first run";
    const json all = body_of(c.Get("/api/saved/zhipu-glm/run"));
    EXPECT_EQ(all["total"], first["total"]);

    auto bad_query = c.Put("/api/saved/broken", "GLM (org:zhipu", "text/plain");
    expect_error(bad_query, 400);
    EXPECT_EQ(body_of(bad_query)["error"]["column"], 5);
    expect_error(c.Put("/api/saved/Not%20A%20Name", "GLM", "text/plain"), 400);
    expect_error(c.Put("/api/saved/empty", "", "text/plain"), 400);
    expect_error(c.Get("/api/saved/missing/run"), 404);

    EXPECT_EQ(c.Delete("/api/saved/zhipu-glm")->status, 200);
    expect_error(c.Delete("/api/saved/zhipu-glm"), 404);
    EXPECT_TRUE(body_of(c.Get("/api/saved"))["saved"].empty());
}

TEST(ServerToken, WritesNeedTheTokenOffLoopback) {
    TempDir dir;
    build_index(dir.path() / "index", samples_dir());
    RunningServer running(options_for(dir.path() / "index", "0.0.0.0"));
    const std::string token = running.server().token();
    ASSERT_GE(token.size(), 32U) << "a token is generated off loopback";
    auto c = running.client();

    EXPECT_EQ(c.Get("/api/search?q=GLM")->status, 200) << "reading needs no token";
    auto refused = c.Put("/api/saved/mine", "GLM", "text/plain");
    expect_error(refused, 401);
    EXPECT_EQ(refused->get_header_value("WWW-Authenticate"), "Bearer");
    expect_error(c.Put("/api/saved/mine", {{"Authorization", "Bearer wrong"}}, "GLM", "text/plain"),
                 401);
    auto accepted =
        c.Put("/api/saved/mine", {{"Authorization", "Bearer " + token}}, "GLM", "text/plain");
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->status, 201) << accepted->body;
    expect_error(c.Delete("/api/saved/mine"), 401);
    EXPECT_EQ(c.Delete("/api/saved/mine", {{"Authorization", "Bearer " + token}})->status, 200);
}

TEST(ServerToken, LoopbackNeedsNoneUnlessGiven) {
    EXPECT_TRUE(zhisou::server::is_loopback("127.0.0.1"));
    EXPECT_TRUE(zhisou::server::is_loopback("127.1.2.3"));
    EXPECT_TRUE(zhisou::server::is_loopback("::1"));
    EXPECT_TRUE(zhisou::server::is_loopback("localhost"));
    EXPECT_FALSE(zhisou::server::is_loopback("0.0.0.0"));
    EXPECT_FALSE(zhisou::server::is_loopback("192.168.1.2"));
    EXPECT_FALSE(zhisou::server::is_loopback("::"));

    TempDir dir;
    build_index(dir.path() / "index", samples_dir());
    RunningServer running(options_for(dir.path() / "index", "127.0.0.1", "s3cret"));
    auto c = running.client();
    expect_error(c.Put("/api/saved/mine", "GLM", "text/plain"), 401);
    EXPECT_EQ(
        c.Put("/api/saved/mine", {{"Authorization", "Bearer s3cret"}}, "GLM", "text/plain")->status,
        201);
}

/// A dated Markdown document in `folder` (created if need be) that mentions `word`.
void write_late_document(const fs::path& folder, const std::string& word) {
    fs::create_directories(folder);
    std::ofstream(folder / "late.md") << "---\ntitle: A late arrival\ndate: 2025-05-01\n---\n\nThe "
                                      << word << " benchmark was published today by a small lab.\n";
}

TEST(ServerReopen, SeesDocumentsCommittedWhileRunning) {
    TempDir dir;
    build_index(dir.path() / "index", samples_dir() / "en");
    RunningServer running(options_for(dir.path() / "index"));
    auto c = running.client();
    const std::string word = "quokkaflux";
    EXPECT_EQ(body_of(c.Get("/api/search?q=" + word))["total"], 0);
    EXPECT_EQ(c.Get("/api/search?q=" + word)->get_header_value("X-Zhisou-Cache"), "hit");
    const int documents_before = body_of(c.Get("/api/stats"))["documents"];

    write_late_document(dir.path() / "new", word);
    build_index(dir.path() / "index", dir.path() / "new");

    // The same search again: the commit made the cached answer unreachable.
    auto again = c.Get("/api/search?q=" + word);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->get_header_value("X-Zhisou-Cache"), "miss");
    const json after = body_of(again);
    EXPECT_EQ(after["total"], 1) << after.dump();
    EXPECT_EQ(body_of(c.Get("/api/stats"))["documents"], documents_before + 1);
}

// A run that changes a fifth of the index ends by compacting it into a new folder swapped in
// for the old one; the compacted database's revision starts again at 1, which Xapian's reopen()
// alone takes for "nothing changed".
TEST(ServerReopen, SeesAnIndexCompactedWhileRunning) {
    TempDir dir;
    build_index(dir.path() / "index", samples_dir() / "en");
    RunningServer running(options_for(dir.path() / "index"));
    auto c = running.client();
    const std::string word = "quokkaflux";
    EXPECT_EQ(body_of(c.Get("/api/search?q=" + word + "&facets=lang"))["total"], 0);

    fs::copy(samples_dir() / "zh-hans", dir.path() / "new", fs::copy_options::recursive);
    write_late_document(dir.path() / "new", word);
    const auto run = run_zhisou(
        {"index", "--index", (dir.path() / "index").string(), (dir.path() / "new").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    ASSERT_NE(run.out.find("Compacted"), std::string::npos) << run.out;

    const json after = body_of(c.Get("/api/search?q=" + word + "&facets=lang"));
    EXPECT_EQ(after["total"], 1) << after.dump();
    ASSERT_EQ(after["hits"].size(), 1U);
    EXPECT_EQ(after["facets"]["lang"][0]["count"], 1) << after.dump();
}

} // namespace
