#pragma once
// Writes documents into a Xapian index: terms with positions, boolean field terms, values
// and stored data, all as schema.h says. Incremental (unchanged inputs are skipped by their
// fingerprint), committed in batches, with analysis on every core and one Xapian writer per
// shard (or, for a new index, per part; see IndexOptions::part_bytes).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include <zhisou/index/document.h>
#include <zhisou/index/source.h>

namespace zhisou::text {
class Analyzer;
}

namespace zhisou::index {

class Gazetteer;

/// The unique-id term of a document ("Q" + id; long ids are shortened with a hash so the term
/// stays under Xapian's length limit).
[[nodiscard]] std::string id_term(std::string_view id);

/// The form a boolean field value is indexed and queried in: normalized (NFKC, case-folded,
/// Traditional -> Simplified), trimmed, inner white space collapsed to one space.
[[nodiscard]] std::string normalize_field_value(std::string_view value);

/// Builds the Xapian document for an extracted document (without the collapse key, which
/// depends on the rest of the index; see Writer).
[[nodiscard]] Xapian::Document build_document(const ExtractedDocument& doc,
                                              const text::Analyzer& analyzer);

/// The MinHash signature of a text, for near-duplicate detection (empty for short texts).
[[nodiscard]] std::vector<std::uint32_t> minhash_signature(std::string_view text);

struct IndexOptions {
    std::filesystem::path index_dir;
    std::vector<std::string> excludes;
    std::optional<std::filesystem::path> orgs_file;
    bool rebuild = false; ///< start over (saved queries are kept)
    bool prune = false;   ///< remove documents whose inputs are gone
    unsigned threads = 0; ///< analysis threads; 0 = one per core
    /// Shards of a new index (documents placed by a hash of their id, one writer each);
    /// 0 = as the index is (one database when new). A different count needs `rebuild`.
    unsigned shards = 0;
    /// Commit after this many documents or input bytes, whichever comes first. Xapian keeps
    /// a batch's postings in memory (several times the input size), so this bounds RSS.
    /// The byte limit grows with the database, from batch_bytes to batch_bytes_max: the single
    /// writer spends most of its time in Xapian's in-memory std::map of the batch's terms,
    /// which slows down as it grows, so small batches are faster on a small index (news
    /// corpus: 2 MB 33.2 s, 12 MB 39.3 s, 32 MB 55.0 s); but every commit rewrites one B-tree
    /// block per term it touches, which costs more the larger the index, so 1.1 GB of input
    /// took 790 s in 2 MB batches, 739 s in 12 MB ones and 726 s growing (one database,
    /// before a new index was written in parts: 418 s).
    std::size_t batch_documents = 5000;
    std::size_t batch_bytes = 2u << 20;
    std::size_t batch_bytes_max = 12u << 20;
    /// Input bytes of batch per document already in the shard's database: batch_bytes up to
    /// 16,384 documents, batch_bytes_max from 98,304 (each shard or part writer takes its
    /// share).
    std::size_t batch_bytes_per_document = 128;
    /// Compact the index (Xapian's compactor, see compact.h) at the end of a run that added,
    /// changed or removed at least a fifth of its documents: B-trees written in batches are
    /// left about half full, and compaction halves the index on disk in a few seconds. Small
    /// updates skip it (it rewrites the whole index).
    bool compact = true;
    /// A new index (nothing in it yet, compaction on) is written as parts, one writer per
    /// analysis thread (per shard with --shards), and merged into one database (each shard's)
    /// at the end: one Xapian writer cannot keep up with the analysis, and a small database
    /// takes a batch faster than a large one. A writer starts a new part after this many input
    /// bytes (0: no parts). Until the merge, searches see an empty index.
    std::size_t part_bytes = 64u << 20;
};

struct IndexProgress {
    std::size_t documents = 0; ///< documents read so far (including unchanged ones)
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t removed = 0;
    std::size_t skipped = 0; ///< inputs that could not be read or parsed
    std::size_t repaired = 0;
    std::uint64_t bytes = 0;       ///< input bytes read
    std::uint64_t total_bytes = 0; ///< estimate of all input bytes (0 when unknown, e.g. stdin)
    std::chrono::duration<double> elapsed{};
    bool finishing = false; ///< everything is written; compacting (or merging) the index
    bool done = false;
};

struct IndexSummary : IndexProgress {
    std::vector<SourceProblem> problems;
    std::size_t index_documents = 0; ///< documents in the index afterwards
    bool compacted = false;          ///< the run ended with a compaction (IndexOptions::compact)
    /// A new index was written as this many parts holding documents, then merged.
    std::size_t parts = 0;
    std::size_t shards = 1;    ///< databases written: 1, or the shards
    std::size_t recovered = 0; ///< documents an interrupted run had written, merged first
    /// Why a compaction that was due did not happen (another writer took the index meanwhile).
    std::string compact_skipped;
};

/// Indexes `inputs` (files, folders, "-" for JSONL on stdin) into options.index_dir (one
/// database, or a folder of shards; see open.h).
/// `on_progress` is called from the calling thread every few hundred milliseconds;
/// `on_problem` for every input that is skipped.
IndexSummary index_inputs(const std::vector<std::string>& inputs, const IndexOptions& options,
                          const std::function<void(const IndexProgress&)>& on_progress = {},
                          const std::function<void(const SourceProblem&)>& on_problem = {});

/// Where the index lives when no --index is given: $ZHISOU_INDEX, else
/// $XDG_DATA_HOME/zhisou/index, else ~/.local/share/zhisou/index.
[[nodiscard]] std::filesystem::path default_index_dir();

} // namespace zhisou::index
