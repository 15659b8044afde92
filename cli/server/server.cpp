// The HTTP plumbing: cpp-httplib's server with a fixed thread pool, every method routed
// through one dispatch (so a known path with the wrong method is 405, not 404), errors mapped
// to statuses and JSON bodies in one place, the bearer token, and the access log.

#include "server.h"

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <httplib.h>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>
#include <xapian.h>

#include <zhisou/error.h>
#include <zhisou/query/parse_error.h>

#include "api.h"
#include "api_error.h"
#include "routes.h"

namespace zhisou::server {
namespace {

using Clock = std::chrono::steady_clock;

/// When the request on this worker thread started (set before routing, read by the logger).
thread_local std::optional<Clock::time_point> t_request_started;

std::string generate_token() {
    std::random_device random;
    std::string token;
    for (int i = 0; i < 4; ++i)
        token += fmt::format("{:08x}", random());
    return token;
}

/// Compares in time independent of where the strings differ (no timing oracle on the token).
bool same_secret(std::string_view a, std::string_view b) {
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
    return difference == 0;
}

/// A path for the log: printable ASCII kept, other bytes as \xNN, at most 200 bytes.
std::string loggable(std::string_view path) {
    std::string out;
    for (const char c : path.substr(0, 200)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F)
            out += c;
        else
            out += fmt::format("\\x{:02x}", byte);
    }
    if (path.size() > 200)
        out += "...";
    return out;
}

} // namespace

bool is_loopback(const std::string& host) {
    if (host == "localhost" || host == "::1" || host == "[::1]")
        return true;
    in_addr address{};
    return inet_pton(AF_INET, host.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

struct Server::Impl {
    ServerOptions options;
    Api api;
    std::vector<Route> routes;
    httplib::Server http;
    int port = 0;
    std::mutex log_mutex;
    // httplib's stop() is a no-op until listen has started; these close that window.
    std::atomic<bool> running{false};
    std::atomic<bool> stop_requested{false};

    explicit Impl(ServerOptions opts)
        : options(std::move(opts)), api(options.index, options.cache_entries, options.parallel) {
        routes = make_routes(api);
        if (options.token.empty() && !is_loopback(options.host))
            options.token = generate_token();
        if (options.threads == 0)
            options.threads = 1;
        if (!options.log)
            options.log = &std::cerr;
        configure();
    }

    void configure() {
        const std::size_t threads = options.threads;
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        http.set_payload_max_length(kMaxBodyBytes);
        http.set_keep_alive_max_count(1000);
        http.set_read_timeout(10);
        http.set_write_timeout(10);
        http.set_tcp_nodelay(true);
        http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});

        const auto dispatch_request = [this](const httplib::Request& req, httplib::Response& res) {
            dispatch(req, res);
        };
        http.Get(".*", dispatch_request);
        http.Post(".*", dispatch_request);
        http.Put(".*", dispatch_request);
        http.Delete(".*", dispatch_request);
        http.Patch(".*", dispatch_request);
        http.Options(".*", dispatch_request);

        http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
            t_request_started = Clock::now();
            return httplib::Server::HandlerResponse::Unhandled;
        });
        // Statuses httplib sets itself (413, 414, 400 for a broken request) get a JSON body too.
        http.set_error_handler(httplib::Server::HandlerWithResponse(
            [](const httplib::Request&, httplib::Response& res) {
                if (res.body.empty())
                    res.set_content(error_body(res.status, status_message(res.status)),
                                    "application/json; charset=utf-8");
                return httplib::Server::HandlerResponse::Handled;
            }));
        http.set_logger(
            [this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
    }

    void dispatch(const httplib::Request& req, httplib::Response& res) {
        // Both branches as string_views: `? "GET" : req.method` would make a temporary string.
        const std::string_view method =
            req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
        std::string allowed;
        for (const Route& route : routes) {
            std::optional<std::vector<std::string>> captures = match_route(route.pattern, req.path);
            if (!captures)
                continue;
            if (route.method != method) {
                allowed += allowed.empty() ? "" : ", ";
                allowed += route.method;
                continue;
            }
            Call call{req, res, std::move(*captures), authorized(req)};
            if (route.writes && !call.authorized) {
                res.set_header("WWW-Authenticate", "Bearer");
                fail(res, 401,
                     "this server needs its token for changes: send 'Authorization: Bearer "
                     "TOKEN' (the token was printed when the server started)");
                return;
            }
            run(route, call);
            return;
        }
        if (allowed.empty()) {
            fail(res, 404,
                 "no such route: " + loggable(req.path) +
                     " (the API is under /api/: search, suggest, doc, saved, stats)");
        } else {
            res.set_header("Allow", allowed);
            fail(res, 405,
                 std::string(req.method.substr(0, 16)) + " is not allowed on " +
                     loggable(req.path) + "; use " + allowed);
        }
    }

    /// Runs a handler; every error becomes a status and a JSON body, never a dropped connection.
    void run(const Route& route, Call& call) {
        httplib::Response& res = call.response;
        try {
            route.handler(call);
        } catch (const query::ParseError& error) {
            res.status = 400;
            res.set_content(parse_error_body(error), "application/json; charset=utf-8");
        } catch (const ApiError& error) {
            fail(res, error.status(), error.what());
        } catch (const InputError& error) {
            fail(res, 400, error.what());
        } catch (const Xapian::Error& error) {
            fail(res, 500, "index error: " + error.get_description());
        } catch (const std::exception& error) {
            fail(res, 500, error.what());
        }
    }

    static void fail(httplib::Response& res, int status, const std::string& message) {
        res.status = status;
        res.set_header("Cache-Control", "no-store");
        res.set_content(error_body(status, message), "application/json; charset=utf-8");
    }

    [[nodiscard]] bool authorized(const httplib::Request& req) const {
        if (options.token.empty())
            return true;
        const std::string header = req.get_header_value("Authorization");
        constexpr std::string_view kBearer = "Bearer ";
        return header.starts_with(kBearer) &&
               same_secret(std::string_view(header).substr(kBearer.size()), options.token);
    }

    void log(const httplib::Request& req, const httplib::Response& res) {
        std::string took = "-";
        if (t_request_started) {
            const std::chrono::duration<double, std::milli> ms = Clock::now() - *t_request_started;
            took = fmt::format("{:.1f}", ms.count());
            t_request_started.reset();
        }
        if (options.quiet)
            return;
        const std::string line = fmt::format("{} {} {} {} ms\n", loggable(req.method),
                                             loggable(req.path), res.status, took);
        const std::lock_guard lock(log_mutex);
        *options.log << line << std::flush;
    }
};

Server::Server(ServerOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() {
    stop();
}

int Server::bind() {
    const ServerOptions& options = m_impl->options;
    if (options.port < 0 || options.port > 65535)
        throw InputError(fmt::format("--port must be 0..65535, not {}", options.port));
    int port = options.port;
    if (port == 0) {
        port = m_impl->http.bind_to_any_port(options.host);
        if (port < 0)
            port = 0;
    } else if (!m_impl->http.bind_to_port(options.host, port)) {
        port = 0;
    }
    if (port == 0) {
        throw RuntimeError(fmt::format(
            "cannot listen on {}:{}: the port is in use or the address is not this machine's "
            "(try another --port, or --port 0 for any free one)",
            options.host, options.port));
    }
    m_impl->port = port;
    return port;
}

void Server::run() {
    if (m_impl->port == 0)
        bind();
    m_impl->running = true;
    if (!m_impl->stop_requested)
        m_impl->http.listen_after_bind();
    m_impl->running = false;
}

void Server::stop() {
    m_impl->stop_requested = true;
    while (m_impl->running) {
        if (m_impl->http.is_running()) {
            m_impl->http.stop();
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

const std::string& Server::token() const {
    return m_impl->options.token;
}

std::string Server::url() const {
    const std::string& host = m_impl->options.host;
    const bool ipv6 = host.find(':') != std::string::npos && host.front() != '[';
    return fmt::format("http://{}:{}/", ipv6 ? "[" + host + "]" : host, m_impl->port);
}

} // namespace zhisou::server
