#pragma once
// Saved queries, stored in the index's own metadata (schema.h kMetaSavedPrefix) so the CLI
// and the server see one list, a commit is atomic (a crash loses nothing) and re-indexing
// with --rebuild keeps them. The last run's result ids are stored beside each query for
// `saved run NAME --new`.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace zhisou::query {

struct SavedQuery {
    std::string name;           ///< a slug: [a-z0-9][a-z0-9_-]*, at most 64 bytes
    std::string query;          ///< the query text, validated by parsing when added
    std::int64_t created = 0;   ///< Unix seconds (0 = unknown)
    std::int64_t last_run = 0;  ///< Unix seconds of the last `saved run`, 0 = never
    std::size_t last_count = 0; ///< how many ids the last run recorded
};

/// The longest saved query name, in bytes.
inline constexpr std::size_t kMaxSavedNameBytes = 64;
/// A run records at most this many matched ids (the best first); beyond that, --new may show
/// a document again that the previous run matched but ranked lower.
inline constexpr std::size_t kMaxRecordedIds = 10000;
/// export_json()'s "version"; import_json() accepts this version only.
inline constexpr int kSavedJsonVersion = 1;

/// The text of the saved query NAME in an open index, or nullopt: what `saved:NAME` expands
/// to (CompileContext::saved_query) wherever a query is compiled against an index.
[[nodiscard]] std::optional<std::string> saved_query_text(const Xapian::Database& db,
                                                          std::string_view name);

/// Throws InputError saying what a valid name looks like, unless `name` is one.
void check_saved_name(std::string_view name);

/// The saved queries of one index. Each write opens the index for writing, commits and
/// closes it (so it waits for, and does not block, a running `zhisou index` only briefly).
/// Names that do not exist give InputError "no saved query 'x'; `zhisou saved list` shows
/// them"; an index that is not there gives InputError; a write that finds the index locked
/// by another writer for longer than `lock_wait` gives RuntimeError.
class SavedQueries {
public:
    explicit SavedQueries(std::filesystem::path index,
                          std::chrono::milliseconds lock_wait = std::chrono::seconds(5));

    /// All saved queries, by name.
    [[nodiscard]] std::vector<SavedQuery> list() const;
    [[nodiscard]] std::optional<SavedQuery> find(std::string_view name) const;
    /// find(), or InputError for an unknown name.
    [[nodiscard]] SavedQuery get(std::string_view name) const;

    /// Adds or, with replace, replaces a query. The query must parse and compile (ParseError
    /// otherwise); `saved:` references must exist and not form a cycle. Replacing starts the
    /// query's history over (created now, never run).
    void add(std::string_view name, std::string_view query, bool replace = false);
    /// InputError if absent, or if other saved queries use it (saved:NAME), naming them.
    void remove(std::string_view name);
    /// InputError if `from` is absent, `to` is taken or other saved queries use `from`.
    void rename(std::string_view from, std::string_view to);

    /// The ids returned by the previous run (empty before the first run).
    [[nodiscard]] std::vector<std::string> previous_ids(std::string_view name) const;
    /// Records a run: its time and the ids of the documents it matched (at most
    /// kMaxRecordedIds are kept).
    void record_run(std::string_view name, const std::vector<std::string>& ids);

    /// All saved queries as a JSON document
    /// {"version":1,"saved":[{"name","query","created":"2026-03-05T10:00:00Z"}]}.
    [[nodiscard]] std::string export_json() const;
    /// Adds the queries of an exported document; returns how many. Existing names are
    /// replaced only with `replace`, otherwise an InputError lists them before anything is
    /// written (all or nothing; every query is validated first, too).
    std::size_t import_json(std::string_view json, bool replace = false);

    [[nodiscard]] const std::filesystem::path& index() const noexcept { return m_index; }

private:
    std::filesystem::path m_index;
    std::chrono::milliseconds m_lock_wait;
};

/// Unix seconds as "2026-03-05T10:00:00Z" (UTC); "" for 0.
[[nodiscard]] std::string format_utc(std::int64_t unix_seconds);

} // namespace zhisou::query
