#pragma once
// The index schema in one place: term prefixes, value slots, the user-facing fields and the
// stored document data. Indexing (writer.cpp), querying (compile.cpp) and the README read it
// from here, so they cannot drift (notmuch's prefix table is the model).
// Prefixes follow Xapian's conventions (xapian-omega docs/termprefixes.rst): single capitals
// are the reserved ones, X-prefixes are ours; a ':' separates a prefix from a term that
// starts with a capital letter (our boolean values are lower-case, so it never does).

#include <array>
#include <string_view>
#include <xapian.h>

namespace zhisou::schema {

// --- Terms produced by the Analyzer (free text) --------------------------------------------
/// English Snowball stems, as Xapian's TermGenerator writes them ("Z" + stem, no positions).
inline constexpr std::string_view kStemPrefix = "Z";
/// Overlapping Han bigrams, without positions: two adjacent characters match exactly by
/// their bigram, and the AND of a longer run's bigrams finds its candidates cheaply (a bigram
/// is far rarer than its characters) and ranks them. Kept apart from dictionary words so that
/// word matches can rank above bigram-only matches.
inline constexpr std::string_view kBigramPrefix = "XB";
/// Single Han characters, each at its position (the only positions Han text has; dictionary
/// words have none): a phrase of unigrams is any exact Chinese substring, and a
/// one-character query (蝶) still finds words the dictionary kept whole (蝴蝶).
inline constexpr std::string_view kUnigramPrefix = "XU";

// --- Fields --------------------------------------------------------------------------------
enum class FieldKind : unsigned char {
    Text,    ///< free text, analyzed; terms carry the field prefix (title:)
    Boolean, ///< exact filter terms (org:, source:, lang:)
    Date,    ///< dates with precision, matched as periods (date:, mentioned:)
    Flag,    ///< is:repaired
    Saved,   ///< saved:NAME expands a saved query
};

struct FieldSpec {
    std::string_view name;   ///< canonical, as in `zhisou search 'name:value'`
    std::string_view prefix; ///< term prefix ("" for fields that are not terms)
    FieldKind kind;
    std::array<std::string_view, 4> aliases; ///< more names users type (Chinese, plural...)
    std::string_view help;
};

/// Title terms are indexed twice: unprefixed (weighted higher) and with "S" for title:.
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kAuthorPrefix = "A";
inline constexpr std::string_view kYearPrefix = "Y";  ///< YYYY of the document's date
inline constexpr std::string_view kMonthPrefix = "M"; ///< YYYYMM (only for month/day precision)
inline constexpr std::string_view kDayPrefix = "D";   ///< YYYYMMDD (only for day precision)
inline constexpr std::string_view kLangPrefix = "L";
inline constexpr std::string_view kTagPrefix = "K";        ///< Xapian's "keyword" convention
inline constexpr std::string_view kOrgPrefix = "XO";       ///< wdf = number of mentions
inline constexpr std::string_view kSourcePrefix = "XS";    ///< normalized source name
inline constexpr std::string_view kMentionedPrefix = "XM"; ///< + YYYY / YYYYMM / YYYYMMDD
inline constexpr std::string_view kFlagPrefix = "XF";      ///< XFrepaired, XFundated
inline constexpr std::string_view kFormatPrefix = "XT";    ///< md, txt, html, jsonl
/// Near-duplicate buckets (LSH bands of a MinHash signature); used at index time to find
/// the cluster a new document joins.
inline constexpr std::string_view kDupBandPrefix = "XH";

inline constexpr std::array kFields{
    FieldSpec{"title", kTitlePrefix, FieldKind::Text, {"标题", "標題", "t"}, "words in the title"},
    FieldSpec{"org",
              kOrgPrefix,
              FieldKind::Boolean,
              {"机构", "機構", "公司"},
              "organization, by any alias: org:智谱 = org:Z.ai = org:zhipu"},
    FieldSpec{"date",
              "",
              FieldKind::Date,
              {"日期", "时间", "時間"},
              "the document's date: 2025, 2025-03, 2025-03-05, ranges, 2025Q1, last-7d"},
    FieldSpec{"mentioned",
              kMentionedPrefix,
              FieldKind::Date,
              {"提及", "提到"},
              "dates mentioned in the text"},
    FieldSpec{"source",
              kSourcePrefix,
              FieldKind::Boolean,
              {"来源", "來源", "site"},
              "publisher, site or show"},
    FieldSpec{"author", kAuthorPrefix, FieldKind::Boolean, {"作者", "by"}, "author"},
    FieldSpec{"lang",
              kLangPrefix,
              FieldKind::Boolean,
              {"语言", "語言", "language"},
              "en, zh-hans, zh-hant, mixed"},
    FieldSpec{"tag", kTagPrefix, FieldKind::Boolean, {"标签", "標籤", "tags"}, "tag"},
    FieldSpec{"id", kIdPrefix, FieldKind::Boolean, {"path"}, "document id (path or JSONL id)"},
    FieldSpec{"is", kFlagPrefix, FieldKind::Flag, {}, "is:repaired (mojibake was repaired)"},
    FieldSpec{"saved", "", FieldKind::Saved, {"查询"}, "a saved query, by name"},
};

// --- Value slots ---------------------------------------------------------------------------
// Dates are periods: a document dated "2025-03" has first day 20250301 and last day 20250331,
// and matches date:X only when X contains the whole period (so it matches date:2025 and
// date:2025Q1, not date:2025-03-05). Values are Xapian::sortable_serialise(YYYYMMDD).
enum Slot : Xapian::valueno {
    kSlotDateFirst = 0, ///< also the sort key for --sort date
    kSlotDateLast = 1,
    kSlotCollapse = 2,    ///< near-duplicate cluster id
    kSlotFingerprint = 3, ///< hash of the source bytes and metadata: skip unchanged inputs
    kSlotOrgs = 4,        ///< org ids joined by '\n' (facets)
    kSlotSource = 5,      ///< source name as written (facets)
    kSlotLang = 6,        ///< lang code (facets)
    kSlotMinHash = 7,     ///< MinHash signature (near-duplicate verification)
    /// --sort date: the first day then the fingerprint ("\0" + fingerprint when undated), so
    /// documents of the same day come in one order whatever the docids (which differ between
    /// one index and N shards); a KeyMaker would do it but does not work on remote shards.
    kSlotDateSort = 8,
    /// The repaired body for snippets and the document view, one zstd frame (stored_text.h).
    /// Indexes written before data version 2 keep it in the data's "text" instead.
    kSlotText = 9,
};

// --- Weights -------------------------------------------------------------------------------
/// wdf added per title term, so BM25 ranks title matches above body matches.
inline constexpr Xapian::termcount kTitleWdf = 5;

// --- Document data -------------------------------------------------------------------------
// Each document's data is a JSON object (version kDataVersion) with the stored fields:
//   {"v":2, "id", "path", "line", "title", "date", "date_precision", "date_from", "source",
//    "author", "url", "lang", "tags":[], "orgs":[{"id","count"}], "encoding", "repaired",
//    "repairs", "format", "extra":{...unknown JSONL fields}}
// Version 1 also held "text", the body, which version 2 keeps in kSlotText; readers take either.
inline constexpr int kDataVersion = 2;

// --- Index format ---------------------------------------------------------------------------
/// The layout of terms and positions this zhisou writes and reads. Bump it when a change would
/// make an old index give wrong results rather than merely worse ones: the writer and readers
/// refuse an index of another version and say how to rebuild it.
///   1: Han bigrams and one-character Han words positional, unigrams not.
///   2: Han unigrams positional; bigrams and all Han dictionary words not.
inline constexpr int kIndexSchemaVersion = 2;

// --- Database metadata keys ----------------------------------------------------------------
/// The kIndexSchemaVersion the index was written with (decimal).
inline constexpr std::string_view kMetaSchema = "zhisou:schema";
inline constexpr std::string_view kMetaLastUpdate = "zhisou:last-update";
/// + NAME: a saved query's text, exactly what saved:NAME expands to (nothing else goes here).
inline constexpr std::string_view kMetaSavedPrefix = "zhisou:saved:";
/// + NAME: {"created", "last_run", "last_count"} (Unix seconds, ids recorded) as JSON.
inline constexpr std::string_view kMetaSavedInfoPrefix = "zhisou:saved-info:";
/// + NAME: the ids the last `zhisou saved run NAME` matched, a JSON array (for --new).
inline constexpr std::string_view kMetaSavedIdsPrefix = "zhisou:saved-ids:";
/// Metadata that `zhisou index --rebuild` carries over into the new index: the user's own
/// data, as opposed to what indexing derives from the documents.
inline constexpr std::array kMetaKeptOnRebuild{kMetaSavedPrefix, kMetaSavedInfoPrefix,
                                               kMetaSavedIdsPrefix};
/// In each shard of a sharded index: how many shards there are, and which one this is.
inline constexpr std::string_view kMetaShardCount = "zhisou:shards";
inline constexpr std::string_view kMetaShardNumber = "zhisou:shard";

/// The field a user-typed name refers to (canonical name or alias; ASCII case-insensitive).
[[nodiscard]] const FieldSpec* find_field(std::string_view name) noexcept;

/// Throws InputError, saying how to rebuild it, when the index `db` (named `where`) holds
/// documents written with another kIndexSchemaVersion. An empty index passes, and so does one
/// without the key (not written by zhisou: nothing to compare).
void require_current_schema(const Xapian::Database& db, std::string_view where);

} // namespace zhisou::schema
