#pragma once
// Where documents come from: files and folders (walked recursively, no symlink loops),
// JSONL files (one document per line) and standard input (JSONL).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace zhisou::index {

enum class SourceFormat : unsigned char { Text, Markdown, Html, JsonLine };

/// One document's raw input, before decoding.
struct SourceDocument {
    std::string id;             ///< absolute path for files; the JSONL "id" (else path#line)
    std::filesystem::path path; ///< the file it came from ("-" for standard input)
    std::size_t line = 0;       ///< 1-based JSONL line number, 0 for whole files
    SourceFormat format = SourceFormat::Text;
    std::string bytes; ///< file bytes; for JSONL the "text" field
    /// JSONL fields other than "text" as (name, JSON-encoded value), in input order.
    std::vector<std::pair<std::string, std::string>> fields;
    std::uint64_t fingerprint = 0; ///< hash of everything above: unchanged input, same value
    std::uint64_t size_on_disk = 0;
};

/// A file or line that could not be read; the run goes on.
struct SourceProblem {
    std::filesystem::path path;
    std::size_t line = 0;
    std::string reason;
};

struct WalkOptions {
    std::vector<std::string> excludes; ///< glob patterns matched against paths and file names
};

/// The format a file name stands for; nullopt-like false when it is not one Zhisou reads.
[[nodiscard]] bool format_for_path(const std::filesystem::path& path, SourceFormat& format);

/// Visits every document under `inputs` ("-" reads JSONL from standard input), in a stable
/// order. Problems are reported and skipped. Files larger than `max_file_bytes` are skipped
/// with a problem (the limit keeps memory bounded).
void walk_sources(const std::vector<std::string>& inputs, const WalkOptions& options,
                  const std::function<void(SourceDocument&&)>& on_document,
                  const std::function<void(const SourceProblem&)>& on_problem);

/// Parses one JSONL line into a document; throws InputError saying what is wrong.
[[nodiscard]] SourceDocument
parse_json_line(std::string_view line, const std::filesystem::path& path, std::size_t line_number);

/// The file paths walk_sources would visit (for --prune: ids no longer present).
[[nodiscard]] std::vector<std::filesystem::path> list_files(const std::vector<std::string>& inputs,
                                                            const WalkOptions& options);

/// Shell-style glob match (*, ?, [..], ** across '/').
[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view text) noexcept;

} // namespace zhisou::index
