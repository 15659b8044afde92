#include <zhisou/error.h>
#include <zhisou/index/open.h>
#include <zhisou/index/schema.h>

namespace zhisou::index {

OpenedIndex open_index(const std::filesystem::path& path, OpenOptions /*options*/) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw InputError("there is no index at " + path.string() +
                         "; create one with 'zhisou index DIR' or name one with --index");
    }
    try {
        OpenedIndex opened{Xapian::Database(path.string()), {path.string()}, {}};
        schema::require_current_schema(opened.database, path.string());
        return opened;
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw InputError("cannot open the index " + path.string() + ": " + e.get_msg() +
                         " (is it a zhisou index?)");
    } catch (const Xapian::Error& e) {
        throw RuntimeError("cannot open the index " + path.string() + ": " + e.get_msg());
    }
}

std::filesystem::path metadata_database(const std::filesystem::path& path) {
    return path;
}

} // namespace zhisou::index
