// zhisou serve: the search page and the HTTP API over one index, until SIGINT or SIGTERM.
// The signals are blocked in every thread and taken by one waiting thread, which stops the
// server the ordinary way (so requests in flight still get their answers).

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <memory>
#include <pthread.h>
#include <thread>

#include <zhisou/error.h>

#include "commands.h"
#include "server.h"

namespace zhisou::cli {
namespace {

struct ServeOptions {
    std::string index_dir;
    server::ServerOptions server;
};

int run_serve(ServeOptions options) {
    options.server.index = resolve_index_dir(options.index_dir);

    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    // Before any thread starts, so the worker threads inherit the mask.
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    server::Server http(options.server);
    http.bind();
    std::cout << "zhisou: serving " << options.server.index.string() << " at " << http.url()
              << '\n';
    if (!http.token().empty())
        std::cout << "zhisou: changes need the header 'Authorization: Bearer " << http.token()
                  << "'\n";
    std::cout << "zhisou: press Ctrl-C to stop" << std::endl;

    std::thread signal_waiter([&http, &stop_signals] {
        int received = 0;
        sigwait(&stop_signals, &received);
        http.stop();
    });
    http.run();
    pthread_kill(signal_waiter.native_handle(), SIGTERM); // ends the wait if run() ended alone
    signal_waiter.join();
    std::cout << "zhisou: stopped" << std::endl;
    return 0;
}

} // namespace

void add_serve_command(CLI::App& app, Action& action) {
    auto options = std::make_shared<ServeOptions>();
    auto* command = app.add_subcommand(
        "serve", "Serve the search page and the HTTP API: zhisou serve, then open the URL");
    command->add_option("--index", options->index_dir,
                        "Index directory, shard directory or stub file (default: $ZHISOU_INDEX, "
                        "else the local index)");
    command->add_option("--host", options->server.host,
                        "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface, "
                        "which requires the token for changes)");
    command
        ->add_option("--port", options->server.port,
                     "Port (default 8080; 0 picks a free one and prints it)")
        ->check(CLI::Range(0, 65535));
    command->add_option("--token", options->server.token,
                        "Token that saving and deleting queries need (default: none on "
                        "loopback, else a generated one, printed at start)");
    command
        ->add_option("--threads", options->server.threads,
                     "Worker threads = clients served at once (default 32)")
        ->check(CLI::Range(1, 1024));
    command
        ->add_option("--parallel", options->server.parallel,
                     "Threads that search, in arrival order (default: cores + 1)")
        ->check(CLI::Range(1, 1024));
    command
        ->add_option("--cache", options->server.cache_entries,
                     "Answers to repeated searches kept until the index changes (default "
                     "256; 0 = search every time)")
        ->check(CLI::Range(0, 1000000));
    command->add_flag("--quiet,-q", options->server.quiet, "No access log on stderr");
    command->callback([options, &action] { action = [options] { return run_serve(*options); }; });
}

} // namespace zhisou::cli
