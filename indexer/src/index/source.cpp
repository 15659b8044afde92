#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/stat.h>

#include <zhisou/error.h>
#include <zhisou/index/source.h>

#include "index/hash.h"

namespace zhisou::index {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json; // keeps JSONL fields in input order

namespace {

// Larger files are skipped with a message rather than read whole: memory stays bounded.
constexpr std::uintmax_t kMaxFileBytes = 256ULL << 20;

std::string lower_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool excluded(const fs::path& path, const fs::path& root, const WalkOptions& options) {
    if (options.excludes.empty())
        return false;
    const std::string full = path.generic_string();
    const std::string relative = path.lexically_relative(root).generic_string();
    const std::string name = path.filename().string();
    return std::any_of(options.excludes.begin(), options.excludes.end(), [&](const auto& glob) {
        return glob_match(glob, name) || glob_match(glob, relative) || glob_match(glob, full);
    });
}

std::string read_whole_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(std::strerror(errno));
    }
    std::string bytes;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0)
        bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in && !in.eof()) {
        throw InputError("read error: " + std::string(std::strerror(errno)));
    }
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

std::string absolute_id(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return (ec ? path : absolute).generic_string();
}

void walk_jsonl_stream(std::istream& in, const fs::path& path,
                       const std::function<void(SourceDocument&&)>& on_document,
                       const std::function<void(const SourceProblem&)>& on_problem) {
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        try {
            on_document(parse_json_line(line, path, number));
        } catch (const InputError& e) {
            on_problem({path, number, e.what()});
        }
    }
}

// Collects (file, root) pairs under each input in a stable order, never entering a directory
// twice (symlink loops), and reports inputs that do not exist.
void collect_files(const std::vector<std::string>& inputs, const WalkOptions& options,
                   std::vector<std::pair<fs::path, fs::path>>& files,
                   const std::function<void(const SourceProblem&)>* on_problem) {
    std::set<std::pair<dev_t, ino_t>> seen_dirs;
    for (const auto& input : inputs) {
        if (input == "-")
            continue;
        const fs::path root = input;
        std::error_code ec;
        const auto status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            if (on_problem)
                (*on_problem)({root, 0, "no such file or directory"});
            continue;
        }
        if (!fs::is_directory(status)) {
            SourceFormat format{};
            if (format_for_path(root, format)) {
                files.emplace_back(root, root.parent_path());
            } else if (on_problem) {
                (*on_problem)({root, 0,
                               "unsupported file type (zhisou reads .txt, .md, .html, "
                               ".htm and .jsonl)"});
            }
            continue;
        }
        // A .zhisouignore file at the root lists more globs to skip (like .gitignore).
        WalkOptions root_options = options;
        if (std::ifstream ignore(root / ".zhisouignore"); ignore) {
            for (std::string line; std::getline(ignore, line);) {
                while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
                    line.pop_back();
                if (!line.empty() && line.front() != '#')
                    root_options.excludes.push_back(line);
            }
        }
        std::vector<fs::path> found;
        auto it =
            fs::recursive_directory_iterator(root,
                                             fs::directory_options::follow_directory_symlink |
                                                 fs::directory_options::skip_permission_denied,
                                             ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path& path = it->path();
            if (it->is_directory(ec)) {
                struct stat st {};
                const bool hidden = path.filename().string().starts_with(".");
                if (hidden || excluded(path, root, root_options) ||
                    ::stat(path.c_str(), &st) != 0 ||
                    !seen_dirs.emplace(st.st_dev, st.st_ino).second) {
                    it.disable_recursion_pending();
                }
                continue;
            }
            SourceFormat format{};
            if (it->is_regular_file(ec) && format_for_path(path, format) &&
                !path.filename().string().starts_with(".") && !excluded(path, root, root_options)) {
                found.push_back(path);
            }
        }
        if (ec && on_problem)
            (*on_problem)({root, 0, "cannot walk directory: " + ec.message()});
        std::sort(found.begin(), found.end());
        for (auto& path : found)
            files.emplace_back(std::move(path), root);
    }
}

} // namespace

bool format_for_path(const fs::path& path, SourceFormat& format) {
    const std::string ext = lower_extension(path);
    if (ext == ".txt" || ext == ".text") {
        format = SourceFormat::Text;
    } else if (ext == ".md" || ext == ".markdown") {
        format = SourceFormat::Markdown;
    } else if (ext == ".html" || ext == ".htm") {
        format = SourceFormat::Html;
    } else if (ext == ".jsonl" || ext == ".ndjson") {
        format = SourceFormat::JsonLine;
    } else {
        return false;
    }
    return true;
}

SourceDocument parse_json_line(std::string_view line, const fs::path& path,
                               std::size_t line_number) {
    json object;
    try {
        object = json::parse(line);
    } catch (const json::parse_error& e) {
        // nlohmann's message starts with "[json.exception.parse_error.101] parse error at ...".
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos)
            what = what.substr(pos + 2);
        throw InputError("invalid JSON: " + what);
    }
    if (!object.is_object()) {
        throw InputError("expected a JSON object, found " + std::string(object.type_name()));
    }
    const auto text = object.find("text");
    if (text == object.end() || !text->is_string()) {
        throw InputError("missing string field \"text\"");
    }
    SourceDocument doc;
    doc.path = path;
    doc.line = line_number;
    doc.format = SourceFormat::JsonLine;
    doc.bytes = text->get<std::string>();
    if (const auto id = object.find("id");
        id != object.end() && (id->is_string() || id->is_number())) {
        doc.id = id->is_string() ? id->get<std::string>() : id->dump();
    }
    if (doc.id.empty()) {
        doc.id = absolute_id(path) + "#" + std::to_string(line_number);
    }
    for (const auto& [key, value] : object.items()) {
        if (key == "text")
            continue;
        doc.fields.emplace_back(key, value.dump(-1, ' ', false, json::error_handler_t::replace));
    }
    doc.size_on_disk = line.size();
    doc.fingerprint = hash64(line);
    return doc;
}

void walk_sources(const std::vector<std::string>& inputs, const WalkOptions& options,
                  const std::function<void(SourceDocument&&)>& on_document,
                  const std::function<void(const SourceProblem&)>& on_problem) {
    for (const auto& input : inputs) {
        if (input == "-") {
            walk_jsonl_stream(std::cin, "-", on_document, on_problem);
        }
    }
    std::vector<std::pair<fs::path, fs::path>> files;
    collect_files(inputs, options, files, &on_problem);
    for (const auto& [path, root] : files) {
        SourceFormat format{};
        (void)format_for_path(path, format); // collect_files kept only supported files
        std::error_code ec;
        const auto size = fs::file_size(path, ec);
        if (ec) {
            on_problem({path, 0, "cannot read: " + ec.message()});
            continue;
        }
        if (format == SourceFormat::JsonLine) {
            std::ifstream in(path, std::ios::binary);
            if (!in) {
                on_problem({path, 0, std::string("cannot read: ") + std::strerror(errno)});
                continue;
            }
            walk_jsonl_stream(in, path, on_document, on_problem);
            continue;
        }
        if (size > kMaxFileBytes) {
            on_problem({path, 0, "file is larger than 256 MB; split it or convert it to JSONL"});
            continue;
        }
        if (size == 0) {
            on_problem({path, 0, "empty file"});
            continue;
        }
        SourceDocument doc;
        try {
            doc.bytes = read_whole_file(path);
        } catch (const InputError& e) {
            on_problem({path, 0, std::string("cannot read: ") + e.what()});
            continue;
        }
        doc.id = absolute_id(path);
        doc.path = path;
        doc.format = format;
        doc.size_on_disk = doc.bytes.size();
        doc.fingerprint = hash64(doc.bytes);
        on_document(std::move(doc));
    }
}

std::vector<fs::path> list_files(const std::vector<std::string>& inputs,
                                 const WalkOptions& options) {
    std::vector<std::pair<fs::path, fs::path>> files;
    collect_files(inputs, options, files, nullptr);
    std::vector<fs::path> paths;
    paths.reserve(files.size());
    for (auto& entry : files)
        paths.push_back(std::move(entry.first));
    return paths;
}

bool glob_match(std::string_view pattern, std::string_view text) noexcept {
    // Dynamic programming over (pattern, text) prefixes: linear memory, no backtracking blow-up.
    // '*' matches within one path segment, '**' across '/', '?' one character but '/',
    // [abc] / [a-z] / [!x] one character of a set.
    std::vector<char> row(text.size() + 1, 0), next(text.size() + 1, 0);
    row[0] = 1;
    std::size_t p = 0;
    while (p < pattern.size()) {
        std::fill(next.begin(), next.end(), 0);
        if (pattern[p] == '*') {
            const bool crosses = p + 1 < pattern.size() && pattern[p + 1] == '*';
            for (std::size_t t = 0; t <= text.size(); ++t) {
                next[t] = row[t] || (t > 0 && next[t - 1] && (crosses || text[t - 1] != '/'));
            }
            p += crosses ? 2 : 1;
            // "**/" also matches no directory at all: "**/*.md" matches "a.md".
            if (crosses && p < pattern.size() && pattern[p] == '/') {
                std::vector<char> after_slash(text.size() + 1, 0);
                for (std::size_t t = 0; t <= text.size(); ++t) {
                    after_slash[t] = row[t] || (t > 0 && next[t - 1] && text[t - 1] == '/');
                }
                next.swap(after_slash);
                ++p;
            }
        } else {
            std::size_t width = 1;
            for (std::size_t t = 1; t <= text.size(); ++t) {
                if (!row[t - 1])
                    continue;
                const char c = text[t - 1];
                bool ok = false;
                if (pattern[p] == '?') {
                    ok = c != '/';
                } else if (pattern[p] == '[') {
                    const std::size_t close = pattern.find(']', p + 2);
                    if (close == std::string_view::npos) {
                        ok = c == '[';
                    } else {
                        const bool negate = pattern[p + 1] == '!' || pattern[p + 1] == '^';
                        bool found = false;
                        for (std::size_t i = p + 1 + (negate ? 1 : 0); i < close; ++i) {
                            if (i + 2 < close && pattern[i + 1] == '-') {
                                found |= c >= pattern[i] && c <= pattern[i + 2];
                                i += 2;
                            } else {
                                found |= c == pattern[i];
                            }
                        }
                        ok = found != negate && c != '/';
                        width = close - p + 1;
                    }
                } else {
                    ok = pattern[p] == c;
                }
                next[t] = ok;
            }
            if (pattern[p] == '[') {
                const std::size_t close = pattern.find(']', p + 2);
                width = close == std::string_view::npos ? 1 : close - p + 1;
            }
            p += width;
        }
        row.swap(next);
    }
    return row[text.size()] != 0;
}

} // namespace zhisou::index
