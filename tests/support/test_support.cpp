#include "test_support.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <gtest/gtest.h>
#include <poll.h>
#include <random>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include "corpus_paths.h"

namespace zhisou::testing {

namespace fs = std::filesystem;

fs::path samples_dir() {
    return fs::path(ZHISOU_SAMPLES_DIR);
}

std::optional<fs::path> shared_corpus_dir() {
    return eval::shared_corpus();
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

TempDir::TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    const fs::path base = fs::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path candidate =
            base / ("zhisou-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
                    "-" + std::to_string(random() % 1000000));
        std::error_code ec;
        if (fs::create_directory(candidate, ec)) {
            m_path = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

namespace {

void set_nonblocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

} // namespace

RunResult run_zhisou(const std::vector<std::string>& args, const std::string& stdin_text,
                     const std::vector<std::string>& env) {
    std::array<int, 2> in_pipe{}, out_pipe{}, err_pipe{};
    if (::pipe(in_pipe.data()) != 0 || ::pipe(out_pipe.data()) != 0 ||
        ::pipe(err_pipe.data()) != 0) {
        throw std::runtime_error("pipe failed");
    }
    std::vector<std::string> argv_storage{ZHISOU_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        for (int fd :
             {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
            ::close(fd);
        }
        for (const auto& assignment : env) {
            ::putenv(const_cast<char*>(assignment.c_str()));
        }
        ::execv(argv[0], argv.data());
        std::_Exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    ::signal(SIGPIPE, SIG_IGN);
    set_nonblocking(in_pipe[1]);

    RunResult result;
    std::size_t written = 0;
    int in_fd = in_pipe[1];
    if (stdin_text.empty()) {
        ::close(in_fd);
        in_fd = -1;
    }
    bool out_open = true, err_open = true;
    std::array<char, 65536> buffer{};
    while (out_open || err_open) {
        std::array<pollfd, 3> fds{};
        nfds_t count = 0;
        if (out_open)
            fds[count++] = {out_pipe[0], POLLIN, 0};
        if (err_open)
            fds[count++] = {err_pipe[0], POLLIN, 0};
        if (in_fd >= 0)
            fds[count++] = {in_fd, POLLOUT, 0};
        if (::poll(fds.data(), count, 120000) <= 0) {
            ::kill(pid, SIGKILL);
            break;
        }
        for (nfds_t i = 0; i < count; ++i) {
            if (fds[i].revents == 0)
                continue;
            if (fds[i].fd == in_fd) {
                const ssize_t n =
                    ::write(in_fd, stdin_text.data() + written, stdin_text.size() - written);
                if (n > 0)
                    written += static_cast<std::size_t>(n);
                if (n < 0 || written == stdin_text.size()) {
                    ::close(in_fd);
                    in_fd = -1;
                }
                continue;
            }
            const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
            if (n <= 0) {
                (fds[i].fd == out_pipe[0] ? out_open : err_open) = false;
                continue;
            }
            (fds[i].fd == out_pipe[0] ? result.out : result.err)
                .append(buffer.data(), static_cast<std::size_t>(n));
        }
    }
    if (in_fd >= 0)
        ::close(in_fd);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

nlohmann::json index_json(const fs::path& index, const std::vector<std::string>& inputs,
                          const std::vector<std::string>& extra) {
    std::vector<std::string> args{"index", "--json", "--index", index.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), inputs.begin(), inputs.end());
    const auto result = run_zhisou(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.exit_code == 0 ? nlohmann::json::parse(result.out) : nlohmann::json::object();
}

} // namespace zhisou::testing
