// Opening an index: a plain Xapian database, a shard directory (a folder with a XAPIANDB
// stub) or a stub file. Stubs are parsed here rather than by Xapian so that each shard is
// opened on its own: a shard that fails is named, and --allow-partial can leave it out.

#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <optional>
#include <sstream>
#include <sys/stat.h>

#include <zhisou/error.h>
#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>

namespace zhisou::index {
namespace fs = std::filesystem;

namespace {

// Remote shards: a search must not hang on a server that is gone. Connecting is quick on a
// network that works, so a short connect timeout fails fast; under --allow-partial an even
// shorter one keeps the answer quick when a shard is down.
constexpr unsigned kRemoteTimeoutMs = 10000;
constexpr unsigned kConnectTimeoutMs = 3000;
constexpr unsigned kPartialConnectTimeoutMs = 1000;

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

std::vector<std::string> split_words(std::string_view line) {
    std::vector<std::string> words;
    std::istringstream in{std::string(line)};
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

bool parse_port(std::string_view text, unsigned& port) {
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, port);
    return ec == std::errc() && ptr == end && port > 0 && port < 65536;
}

ShardLocation remote_shard(std::string host, unsigned port) {
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') // [::1]
        host = host.substr(1, host.size() - 2);
    ShardLocation shard;
    shard.description = fmt::format("tcp {}:{}", host, port);
    shard.host = std::move(host);
    shard.port = port;
    return shard;
}

// One stub line -> a shard; std::nullopt for blank lines and comments.
std::optional<ShardLocation> parse_stub_line(std::string_view raw, const fs::path& base,
                                             const fs::path& stub, std::size_t line_number) {
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#')
        return std::nullopt;
    const auto bad = [&](std::string_view why) {
        return InputError(fmt::format("{}:{}: cannot read the stub line '{}': {} (expected "
                                      "'auto PATH', 'glass PATH' or 'remote HOST:PORT')",
                                      stub.string(), line_number, line, why));
    };
    const auto words = split_words(line);
    const std::string& type = words[0];
    if (type == "auto" || type == "glass" || type == "chert" || type == "honey") {
        // Xapian takes the rest of the line as the path, spaces included.
        const std::string_view rest = trim(line.substr(type.size()));
        if (rest.empty())
            throw bad("no path");
        fs::path path{std::string(rest)};
        if (path.is_relative())
            path = base / path;
        ShardLocation shard;
        shard.local = path.lexically_normal();
        shard.description = shard.local.string();
        return shard;
    }
    if (type == "remote") {
        unsigned port = 0;
        if (words.size() == 4 && words[1] == "tcp") { // remote tcp HOST PORT
            if (!parse_port(words[3], port))
                throw bad("the port is not a number from 1 to 65535");
            return remote_shard(words[2], port);
        }
        if (words.size() == 2) { // remote HOST:PORT (Xapian's own form)
            const auto colon = words[1].rfind(':');
            if (colon == std::string::npos || colon == 0)
                throw bad("remote programs are not supported; serve the shard with "
                          "xapian-tcpsrv and write HOST:PORT");
            if (!parse_port(std::string_view(words[1]).substr(colon + 1), port))
                throw bad("the port is not a number from 1 to 65535");
            return remote_shard(words[1].substr(0, colon), port);
        }
        throw bad("a remote line names HOST:PORT");
    }
    throw bad("unknown database type '" + type + "'");
}

std::vector<ShardLocation> read_stub(const fs::path& stub) {
    std::ifstream in(stub, std::ios::binary);
    if (!in)
        throw InputError(fmt::format("cannot read the stub file '{}'", stub.string()));
    std::vector<ShardLocation> shards;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (auto shard = parse_stub_line(line, stub.parent_path(), stub, number))
            shards.push_back(std::move(*shard));
    }
    if (shards.empty())
        throw InputError(fmt::format("the stub file '{}' lists no databases", stub.string()));
    return shards;
}

Xapian::Database open_shard(const ShardLocation& shard, const OpenOptions& options) {
    if (shard.local.empty()) {
        return Xapian::Remote::open(shard.host, shard.port, kRemoteTimeoutMs,
                                    options.allow_partial ? kPartialConnectTimeoutMs
                                                          : kConnectTimeoutMs);
    }
    std::error_code ec;
    if (!fs::exists(shard.local, ec))
        throw Xapian::DatabaseOpeningError("there is no such folder");
    return Xapian::Database(shard.local.string());
}

std::optional<FolderIdentity> identify(const fs::path& folder) {
    struct ::stat st {};
    if (::stat(folder.c_str(), &st) != 0)
        return std::nullopt;
    return FolderIdentity{folder, static_cast<std::uint64_t>(st.st_dev),
                          static_cast<std::uint64_t>(st.st_ino)};
}

void remember_folder(OpenedIndex& opened, const fs::path& folder) {
    if (auto identity = identify(folder))
        opened.folders.push_back(std::move(*identity));
}

} // namespace

bool replaced_since_open(const OpenedIndex& opened) {
    for (const FolderIdentity& folder : opened.folders) {
        const auto now = identify(folder.path);
        if (!now || now->device != folder.device || now->inode != folder.inode)
            return true;
    }
    return false;
}

std::string shard_dir_name(unsigned number) {
    return fmt::format("shard-{:03d}", number);
}

bool is_shard_directory(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) && fs::is_regular_file(path / kShardStubName, ec);
}

std::vector<ShardLocation> list_shards(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw InputError("there is no index at " + path.string() +
                         ": run 'zhisou index PATH...' first, or pass --index DIR (or set "
                         "ZHISOU_INDEX)");
    }
    if (is_shard_directory(path))
        return read_stub(path / kShardStubName);
    if (fs::is_regular_file(path, ec))
        return read_stub(path);
    ShardLocation single;
    single.local = path;
    single.description = path.string();
    return {single};
}

OpenedIndex open_index(const fs::path& path, OpenOptions options) {
    const std::vector<ShardLocation> shards = list_shards(path);
    if (shards.size() == 1 && !shards.front().local.empty() && shards.front().local == path) {
        // A plain index directory: the messages speak of the index, not of a shard.
        try {
            OpenedIndex opened;
            remember_folder(opened, path); // before opening: a swap in between is seen later
            opened.database = Xapian::Database(path.string());
            opened.shards.push_back(path.string());
            schema::require_current_schema(opened.database, path.string());
            return opened;
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw InputError("cannot open the index " + path.string() + ": " + e.get_msg() +
                             " (is it a zhisou index?)");
        } catch (const Xapian::Error& e) {
            throw RuntimeError("cannot open the index " + path.string() + ": " + e.get_msg());
        }
    }
    OpenedIndex opened;
    for (const ShardLocation& shard : shards) {
        opened.shards.push_back(shard.description);
        opened.all_local = opened.all_local && !shard.local.empty();
        try {
            const std::optional<FolderIdentity> folder =
                shard.local.empty() ? std::nullopt : identify(shard.local);
            opened.database.add_database(open_shard(shard, options));
            if (folder)
                opened.folders.push_back(*folder);
        } catch (const Xapian::Error& e) {
            std::string why = e.get_msg();
            if (const char* detail = e.get_error_string(); detail && *detail)
                why += fmt::format(" ({})", detail);
            if (!options.allow_partial) {
                throw RuntimeError(fmt::format(
                    "cannot open shard {} of the index {}: {}{}", shard.description, path.string(),
                    e.get_msg(),
                    shard.local.empty()
                        ? " (is xapian-tcpsrv running there? --allow-partial searches the "
                          "other shards)"
                        : " (--allow-partial searches the other shards)"));
            }
            opened.missing.push_back(shard.description);
        }
    }
    if (opened.missing.size() == shards.size()) {
        throw RuntimeError(fmt::format("none of the {} shards of the index {} can be opened: {}",
                                       shards.size(), path.string(),
                                       fmt::join(opened.missing, ", ")));
    }
    schema::require_current_schema(opened.database, path.string());
    return opened;
}

fs::path metadata_database(const fs::path& path) {
    const std::vector<ShardLocation> shards = list_shards(path);
    const ShardLocation& first = shards.front();
    if (first.local.empty()) {
        throw InputError(fmt::format(
            "the index {} starts with the remote shard {}: saved queries live in the first "
            "shard, and remote shards are read-only; list a local shard first in the stub",
            path.string(), first.description));
    }
    return first.local;
}

} // namespace zhisou::index
