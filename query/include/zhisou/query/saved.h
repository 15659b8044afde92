#pragma once
// Saved queries, stored in the index's own metadata (schema.h kMetaSavedPrefix) so the CLI
// and the server see one list, a commit is atomic (a crash loses nothing) and re-indexing
// with --rebuild keeps them. The last run's result ids are stored beside each query for
// `saved run NAME --new`.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhisou::query {

struct SavedQuery {
    std::string name;          ///< a slug: [a-z0-9][a-z0-9_-]*, at most 64 bytes
    std::string query;         ///< the query text, validated by parsing when added
    std::int64_t created = 0;  ///< Unix seconds
    std::int64_t last_run = 0; ///< Unix seconds of the last `saved run`, 0 = never
};

/// Throws InputError saying what a valid name looks like, unless `name` is one.
void check_saved_name(std::string_view name);

/// The saved queries of one index. Each write opens the index for writing, commits and
/// closes it (so it waits for, and does not block, a running `zhisou index` only briefly).
class SavedQueries {
public:
    explicit SavedQueries(std::filesystem::path index);

    [[nodiscard]] std::vector<SavedQuery> list() const;
    [[nodiscard]] std::optional<SavedQuery> find(std::string_view name) const;

    /// Adds or, with replace, replaces a query. The query must parse and compile (ParseError
    /// otherwise); `saved:` references must exist and not form a cycle.
    void add(std::string_view name, std::string_view query, bool replace = false);
    void remove(std::string_view name);                      ///< InputError if absent
    void rename(std::string_view from, std::string_view to); ///< InputError if absent/taken

    /// The ids returned by the previous run (empty before the first run).
    [[nodiscard]] std::vector<std::string> previous_ids(std::string_view name) const;
    /// Records a run: its time and the ids of all the documents it matched.
    void record_run(std::string_view name, const std::vector<std::string>& ids);

    /// All saved queries as a JSON document {"version":1,"saved":[{name,query,created}]}.
    [[nodiscard]] std::string export_json() const;
    /// Adds the queries of an exported document; returns how many. Existing names are
    /// replaced only with `replace`, otherwise an InputError lists them before anything is
    /// written (all or nothing).
    std::size_t import_json(std::string_view json, bool replace = false);

private:
    std::filesystem::path m_index;
};

} // namespace zhisou::query
