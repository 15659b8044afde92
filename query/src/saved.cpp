// Saved queries in the index's metadata: the text under kMetaSavedPrefix (what saved:NAME
// expands to), the history under kMetaSavedInfoPrefix and the last run's ids under
// kMetaSavedIdsPrefix. Every change happens in one Xapian transaction, so it is all there or
// not at all, and is checked against the stored queries while the write lock is held.

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <utility>
#include <xapian.h>

#include <zhisou/error.h>
#include <zhisou/index/gazetteer.h>
#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>
#include <zhisou/query/compile.h>
#include <zhisou/query/parse.h>
#include <zhisou/query/parse_error.h>
#include <zhisou/query/saved.h>
#include <zhisou/text/analyzer.h>

#include "shared_analyzer.h"

namespace zhisou::query {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// Names waiting to be written, with their text: they count as stored while validating.
using Pending = std::map<std::string, std::string, std::less<>>;

std::string key(std::string_view prefix, std::string_view name) {
    return std::string(prefix) + std::string(name);
}

bool is_name_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_valid_name(std::string_view name) {
    return !name.empty() && name.size() <= kMaxSavedNameBytes && name.front() != '-' &&
           name.front() != '_' && std::all_of(name.begin(), name.end(), is_name_byte);
}

InputError unknown_name(std::string_view name) {
    return InputError(fmt::format("no saved query '{}'; `zhisou saved list` shows them", name));
}

std::int64_t now_seconds() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

using detail::shared_analyzer;

// --- Reading ---------------------------------------------------------------------------------

Xapian::Database open_for_reading(const fs::path& index) {
    const fs::path path = index::metadata_database(index);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw InputError("there is no index at " + path.string() +
                         "; create one with 'zhisou index DIR' or name one with --index");
    }
    try {
        return Xapian::Database(path.string());
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw InputError("cannot open the index " + path.string() + ": " + e.get_msg() +
                         " (is it a zhisou index?)");
    } catch (const Xapian::Error& e) {
        throw RuntimeError("cannot open the index " + path.string() + ": " + e.get_msg());
    }
}

std::vector<std::string> stored_names(const Xapian::Database& db) {
    const std::string prefix(schema::kMetaSavedPrefix);
    std::vector<std::string> names;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        names.push_back((*it).substr(prefix.size()));
    return names;
}

std::int64_t json_int(const json& object, const char* field) {
    const auto it = object.find(field);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

/// The stored query, or nullopt. A damaged info record reads as "no history", never as an
/// error: the query text itself is what matters.
std::optional<SavedQuery> load(const Xapian::Database& db, std::string_view name) {
    if (!is_valid_name(name))
        return std::nullopt;
    SavedQuery saved;
    saved.query = db.get_metadata(key(schema::kMetaSavedPrefix, name));
    if (saved.query.empty())
        return std::nullopt;
    saved.name = std::string(name);
    const json info =
        json::parse(db.get_metadata(key(schema::kMetaSavedInfoPrefix, name)), nullptr, false);
    if (info.is_object()) {
        saved.created = json_int(info, "created");
        saved.last_run = json_int(info, "last_run");
        saved.last_count =
            static_cast<std::size_t>(std::max<std::int64_t>(0, json_int(info, "last_count")));
    }
    return saved;
}

std::string info_json(const SavedQuery& saved) {
    return json{
        {"created", saved.created}, {"last_run", saved.last_run}, {"last_count", saved.last_count}}
        .dump();
}

bool mentions_saved(const ast::Node& node, std::string_view name) {
    if (node.kind == ast::NodeKind::Field && node.text == "saved" && !node.children.empty() &&
        node.children.front().text == name) {
        return true;
    }
    return std::any_of(node.children.begin(), node.children.end(),
                       [&](const ast::Node& child) { return mentions_saved(child, name); });
}

/// The other saved queries whose text uses saved:NAME.
std::vector<std::string> users_of(const Xapian::Database& db, std::string_view name) {
    std::vector<std::string> users;
    for (const std::string& other : stored_names(db)) {
        if (other == name)
            continue;
        try {
            const ast::Query parsed = parse(db.get_metadata(key(schema::kMetaSavedPrefix, other)));
            if (mentions_saved(parsed.root, name))
                users.push_back(other);
        } catch (const ParseError&) {
            // A stored query that no longer parses uses nothing.
        }
    }
    return users;
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) {
        if (!out.empty())
            out += ", ";
        out += "'" + name + "'";
    }
    return out;
}

/// Parses and compiles `text` as the saved query `name` would be, with `pending` standing in
/// for (or beside) the stored queries. Throws ParseError.
void validate(const Xapian::Database& db, std::string_view name, std::string_view text,
              const Pending& pending) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError(
            fmt::format("the query for '{}' is empty; give the query after the name", name));
    CompileContext context{shared_analyzer(), index::Gazetteer::builtin(), {}, {}, nullptr, false};
    context.saved_query = [&db, &pending](std::string_view other) -> std::optional<std::string> {
        if (const auto it = pending.find(other); it != pending.end())
            return it->second;
        if (!is_valid_name(other))
            return std::nullopt;
        return saved_query_text(db, other);
    };
    static_cast<void>(compile(parse(text), context));
}

// --- Writing ---------------------------------------------------------------------------------

/// Runs `change` in one transaction on the index's metadata database and commits it. Waits up
/// to `lock_wait` for another writer (a running `zhisou index`) to let go of the index.
void write(const fs::path& index, std::chrono::milliseconds lock_wait,
           const std::function<void(Xapian::WritableDatabase&)>& change) {
    const fs::path path = index::metadata_database(index);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw InputError("there is no index at " + path.string() +
                         "; create one with 'zhisou index DIR' or name one with --index");
    }
    const auto deadline = std::chrono::steady_clock::now() + lock_wait;
    std::optional<Xapian::WritableDatabase> db;
    while (!db) {
        try {
            db.emplace(path.string(), Xapian::DB_OPEN);
        } catch (const Xapian::DatabaseLockError&) {
            if (std::chrono::steady_clock::now() >= deadline) {
                throw RuntimeError(fmt::format(
                    "the index {} is locked by another writer (a running 'zhisou index'?) "
                    "and stayed locked for {} ms; saved queries were not changed: try again "
                    "when it has finished",
                    path.string(), lock_wait.count()));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw InputError("cannot open the index " + path.string() +
                             " for writing: " + e.get_msg() + " (is it a zhisou index?)");
        } catch (const Xapian::Error& e) {
            throw RuntimeError("cannot open the index " + path.string() +
                               " for writing: " + e.get_msg());
        }
    }
    try {
        // Without a transaction, the destructor would commit the half of a change that ran
        // before an exception.
        db->begin_transaction();
        try {
            change(*db);
        } catch (...) {
            db->cancel_transaction();
            throw;
        }
        db->commit_transaction();
        db->close();
    } catch (const Xapian::Error& e) {
        throw RuntimeError("cannot save to the index " + path.string() + ": " + e.get_msg());
    }
}

void store(Xapian::WritableDatabase& db, const SavedQuery& saved) {
    db.set_metadata(key(schema::kMetaSavedPrefix, saved.name), saved.query);
    db.set_metadata(key(schema::kMetaSavedInfoPrefix, saved.name), info_json(saved));
}

/// Setting metadata to "" deletes the key.
void erase(Xapian::WritableDatabase& db, std::string_view name) {
    for (const std::string_view prefix : schema::kMetaKeptOnRebuild)
        db.set_metadata(key(prefix, name), std::string());
}

/// "2026-03-05T10:00:00Z" -> Unix seconds, or nullopt.
std::optional<std::int64_t> parse_utc(const std::string& text) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    char zone = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2uT%2d:%2d:%2d%c%c", &year, &month, &day, &hour,
                    &minute, &second, &zone, &extra) != 7 ||
        zone != 'Z') {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                           std::chrono::day(day)};
    if (!date.ok() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 60) {
        return std::nullopt;
    }
    const auto days = std::chrono::sys_days(date).time_since_epoch().count();
    return static_cast<std::int64_t>(days) * 86400 + hour * 3600 + minute * 60 + second;
}

} // namespace

std::optional<std::string> saved_query_text(const Xapian::Database& db, std::string_view name) {
    std::string stored = db.get_metadata(key(schema::kMetaSavedPrefix, name));
    if (stored.empty())
        return std::nullopt;
    return stored;
}

void check_saved_name(std::string_view name) {
    if (is_valid_name(name))
        return;
    std::string message = fmt::format(
        "invalid saved query name '{}': use 1 to {} lower-case ASCII letters, digits, '-' and "
        "'_', starting with a letter or digit",
        name, kMaxSavedNameBytes);
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    if (lower != name && is_valid_name(lower))
        message += fmt::format(" (did you mean '{}'?)", lower);
    throw InputError(message);
}

std::string format_utc(std::int64_t unix_seconds) {
    if (unix_seconds == 0)
        return {};
    const auto seconds = static_cast<std::time_t>(unix_seconds);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    const std::size_t size = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(buffer, size);
}

SavedQueries::SavedQueries(std::filesystem::path index, std::chrono::milliseconds lock_wait)
    : m_index(std::move(index)), m_lock_wait(lock_wait) {}

std::vector<SavedQuery> SavedQueries::list() const {
    const Xapian::Database db = open_for_reading(m_index);
    std::vector<SavedQuery> all;
    for (const std::string& name : stored_names(db)) {
        if (auto saved = load(db, name))
            all.push_back(std::move(*saved));
    }
    return all;
}

std::optional<SavedQuery> SavedQueries::find(std::string_view name) const {
    return load(open_for_reading(m_index), name);
}

SavedQuery SavedQueries::get(std::string_view name) const {
    auto saved = find(name);
    if (!saved)
        throw unknown_name(name);
    return std::move(*saved);
}

void SavedQueries::add(std::string_view name, std::string_view query, bool replace) {
    check_saved_name(name);
    write(m_index, m_lock_wait, [&](Xapian::WritableDatabase& db) {
        if (!replace && load(db, name)) {
            throw InputError(fmt::format(
                "a saved query named '{}' exists already; use --replace to overwrite it, or "
                "choose another name",
                name));
        }
        const Pending pending{{std::string(name), std::string(query)}};
        validate(db, name, query, pending);
        // A replaced query starts over: the previous run's ids belong to the old text.
        erase(db, name);
        store(db, {std::string(name), std::string(query), now_seconds(), 0, 0});
    });
}

void SavedQueries::remove(std::string_view name) {
    write(m_index, m_lock_wait, [&](Xapian::WritableDatabase& db) {
        if (!load(db, name))
            throw unknown_name(name);
        if (const auto users = users_of(db, name); !users.empty()) {
            throw InputError(fmt::format(
                "saved query '{}' is used by {} (saved:{}); change or remove those first", name,
                quoted_list(users), name));
        }
        erase(db, name);
    });
}

void SavedQueries::rename(std::string_view from, std::string_view to) {
    check_saved_name(to);
    write(m_index, m_lock_wait, [&](Xapian::WritableDatabase& db) {
        const std::optional<SavedQuery> saved = load(db, from);
        if (!saved)
            throw unknown_name(from);
        if (from == to)
            return;
        if (load(db, to)) {
            throw InputError(fmt::format(
                "a saved query named '{}' exists already; remove it first or choose another name",
                to));
        }
        if (const auto users = users_of(db, from); !users.empty()) {
            throw InputError(fmt::format(
                "saved query '{}' is used by {} (saved:{}), which would break; change those "
                "first",
                from, quoted_list(users), from));
        }
        const std::string ids = db.get_metadata(key(schema::kMetaSavedIdsPrefix, from));
        erase(db, from);
        SavedQuery moved = *saved;
        moved.name = std::string(to);
        store(db, moved);
        db.set_metadata(key(schema::kMetaSavedIdsPrefix, to), ids);
    });
}

std::vector<std::string> SavedQueries::previous_ids(std::string_view name) const {
    const Xapian::Database db = open_for_reading(m_index);
    if (!load(db, name))
        throw unknown_name(name);
    const json ids =
        json::parse(db.get_metadata(key(schema::kMetaSavedIdsPrefix, name)), nullptr, false);
    std::vector<std::string> out;
    if (!ids.is_array())
        return out; // never run, or a damaged record: every match counts as new
    for (const json& id : ids) {
        if (id.is_string())
            out.push_back(id.get<std::string>());
    }
    return out;
}

void SavedQueries::record_run(std::string_view name, const std::vector<std::string>& ids) {
    const std::size_t kept = std::min(ids.size(), kMaxRecordedIds);
    json list = json::array();
    for (std::size_t i = 0; i < kept; ++i)
        list.push_back(ids[i]);
    const std::string ids_text = list.dump(-1, ' ', false, json::error_handler_t::replace);
    write(m_index, m_lock_wait, [&](Xapian::WritableDatabase& db) {
        std::optional<SavedQuery> saved = load(db, name);
        if (!saved)
            throw unknown_name(name);
        saved->last_run = now_seconds();
        saved->last_count = kept;
        store(db, *saved);
        db.set_metadata(key(schema::kMetaSavedIdsPrefix, name), ids_text);
    });
}

std::string SavedQueries::export_json() const {
    // Ordered, so the file reads version first and name before query.
    using ordered_json = nlohmann::ordered_json;
    ordered_json saved = ordered_json::array();
    for (const SavedQuery& query : list()) {
        ordered_json item{{"name", query.name}, {"query", query.query}};
        if (query.created != 0)
            item["created"] = format_utc(query.created);
        saved.push_back(std::move(item));
    }
    return ordered_json{{"version", kSavedJsonVersion}, {"saved", std::move(saved)}}.dump(
        2, ' ', false, ordered_json::error_handler_t::replace);
}

std::size_t SavedQueries::import_json(std::string_view text, bool replace) {
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& e) {
        throw InputError(fmt::format("cannot import: not valid JSON at byte {} ({}); expected "
                                     "what `zhisou saved export` writes",
                                     e.byte, e.what()));
    }
    if (!document.is_object() || !document.contains("saved") || !document["saved"].is_array()) {
        throw InputError("cannot import: expected a JSON object {\"version\": 1, \"saved\": "
                         "[{\"name\", \"query\"}, ...]}, as `zhisou saved export` writes");
    }
    if (const auto version = document.find("version");
        version != document.end() && *version != kSavedJsonVersion) {
        throw InputError(fmt::format("cannot import: version {} is not supported (this zhisou "
                                     "reads version {})",
                                     version->dump(), kSavedJsonVersion));
    }

    std::vector<SavedQuery> incoming;
    Pending pending;
    const std::int64_t now = now_seconds();
    for (std::size_t i = 0; i < document["saved"].size(); ++i) {
        const json& item = document["saved"][i];
        const auto where = fmt::format("cannot import saved[{}]", i);
        if (!item.is_object() || !item.contains("name") || !item["name"].is_string() ||
            !item.contains("query") || !item["query"].is_string()) {
            throw InputError(where + ": expected an object with string fields \"name\" and "
                                     "\"query\" (nothing was imported)");
        }
        SavedQuery saved{item["name"].get<std::string>(), item["query"].get<std::string>(), now, 0,
                         0};
        try {
            check_saved_name(saved.name);
        } catch (const InputError& e) {
            throw InputError(where + ": " + e.what() + " (nothing was imported)");
        }
        if (const auto created = item.find("created"); created != item.end()) {
            std::optional<std::int64_t> seconds;
            if (created->is_string())
                seconds = parse_utc(created->get<std::string>());
            else if (created->is_number_integer())
                seconds = created->get<std::int64_t>();
            if (!seconds) {
                throw InputError(where + ": \"created\" must be a UTC time such as "
                                         "\"2026-03-05T10:00:00Z\" (nothing was imported)");
            }
            saved.created = *seconds;
        }
        if (!pending.emplace(saved.name, saved.query).second) {
            throw InputError(fmt::format("{}: the name '{}' appears twice (nothing was imported)",
                                         where, saved.name));
        }
        incoming.push_back(std::move(saved));
    }

    write(m_index, m_lock_wait, [&](Xapian::WritableDatabase& db) {
        std::vector<std::string> taken;
        for (const SavedQuery& saved : incoming) {
            if (load(db, saved.name))
                taken.push_back(saved.name);
        }
        if (!taken.empty() && !replace) {
            throw InputError(fmt::format("cannot import: saved queries {} exist already; use "
                                         "--replace to overwrite them (nothing was imported)",
                                         quoted_list(taken)));
        }
        for (const SavedQuery& saved : incoming) {
            try {
                validate(db, saved.name, saved.query, pending);
            } catch (const ParseError& e) {
                throw ParseError(fmt::format("cannot import '{}' (nothing was imported): {}",
                                             saved.name, e.message()),
                                 e.query(), e.column(), e.expected());
            }
        }
        for (const SavedQuery& saved : incoming) {
            erase(db, saved.name);
            store(db, saved);
        }
    });
    return incoming.size();
}

} // namespace zhisou::query
