#pragma once
// `zhisou serve`: the HTTP API and the embedded search page over one index.
//
//   Server server({.index = dir, .port = 0});
//   const int port = server.bind();   // listening from here on; 0 picked a free port
//   std::thread t([&] { server.run(); });
//   ...
//   server.stop();                    // from any thread; run() returns after in-flight requests
//
// Routes, limits and error bodies are documented in the README ("Search page and HTTP API").

#include <cstddef>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

namespace zhisou::server {

struct ServerOptions {
    std::filesystem::path index;
    std::string host = "127.0.0.1";
    int port = 8080; ///< 0 = any free port (bind() returns it)
    /// Bearer token required by write endpoints. Empty: none on loopback, a generated one on
    /// any other address (token() returns it, the command prints it).
    std::string token;
    /// Worker threads. httplib serves a keep-alive connection on one thread until it closes,
    /// so this is also how many clients are served at once.
    std::size_t threads = 32;
    /// Threads that search (search_workers.h); requests wait for one in arrival order. 0 = one
    /// more than the cores.
    std::size_t parallel = 0;
    /// Answers to repeated searches kept until the index changes (result_cache.h); 0 = none.
    std::size_t cache_entries = 256;
    bool quiet = false;          ///< no access log
    std::ostream* log = nullptr; ///< access log (method path status ms); default std::cerr
};

/// Limits of the API (README "Limits"); bigger requests get 400 or 413.
inline constexpr std::size_t kMaxApiPageSize = 100;
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;

/// True for 127.0.0.0/8, ::1 and "localhost".
[[nodiscard]] bool is_loopback(const std::string& host);

class Server {
public:
    /// Opens the index (throws InputError when there is none, saying how to create one).
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and listens; returns the port. Throws RuntimeError when the address is taken.
    int bind();
    /// Serves until stop(); returns after the requests in flight are answered.
    void run();
    /// Thread-safe; also safe before run() (run() then returns at once).
    void stop();

    /// The token write endpoints require; "" when they require none (loopback, no --token).
    [[nodiscard]] const std::string& token() const;
    /// http://HOST:PORT/ once bound.
    [[nodiscard]] std::string url() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace zhisou::server
