#include "index/folder_swap.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <zhisou/error.h>

namespace zhisou::index {
namespace fs = std::filesystem;

namespace {

// The errors renameat2 gives when the file system or kernel cannot exchange, as opposed to
// errors about these folders (permissions, a missing folder), which a second way would only
// repeat.
bool exchange_unsupported(int error) {
    return error == EINVAL || error == ENOSYS ||
           error == EOPNOTSUPP; // ENOTSUP is EOPNOTSUPP on Linux
}

[[noreturn]] void fail(const fs::path& fresh, const fs::path& db, int error, std::string_view how) {
    std::error_code ec;
    fs::remove_all(fresh, ec);
    throw RuntimeError(fmt::format("cannot put the new database in the place of '{}' ({}): {}",
                                   db.string(), how, std::strerror(error)));
}

// Old folder aside, new folder in, old folder to `fresh`'s name (the caller removes it).
void swap_by_renames(const fs::path& fresh, const fs::path& target) {
    const fs::path aside = sibling(target, "old");
    std::error_code ec;
    fs::remove_all(aside, ec);
    if (std::rename(target.c_str(), aside.c_str()) != 0)
        fail(fresh, target, errno, "renaming the old one aside");
    if (std::rename(fresh.c_str(), target.c_str()) != 0) {
        const int error = errno;
        if (std::rename(aside.c_str(), target.c_str()) != 0) {
            throw RuntimeError(fmt::format(
                "cannot put the new database in the place of '{}': {}; the old database is "
                "now '{}' and the new one '{}': rename one of them to '{}'",
                target.string(), std::strerror(error), aside.string(), fresh.string(),
                target.string()));
        }
        fail(fresh, target, error, "renaming the new one in");
    }
    if (std::rename(aside.c_str(), fresh.c_str()) != 0)
        fs::remove_all(aside, ec); // the old database, no longer needed under either name
}

} // namespace

fs::path folder_name(const fs::path& path) {
    fs::path normal = path.lexically_normal();
    if (normal.filename().empty() && normal.has_parent_path())
        normal = normal.parent_path();
    return normal;
}

fs::path sibling(const fs::path& path, std::string_view what) {
    const fs::path folder = folder_name(path);
    const fs::path parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
    return parent / fmt::format(".{}.{}-{}", folder.filename().string(), what, ::getpid());
}

int exchange_atomically(const char* a, const char* b) {
    return ::renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

void swap_into_place(const fs::path& fresh, const fs::path& db, ExchangeFolders exchange) {
    const fs::path target = folder_name(db);
    if (exchange(fresh.c_str(), target.c_str()) == 0)
        return;
    const int error = errno;
    if (!exchange_unsupported(error))
        fail(fresh, db, error, "exchanging the folders");
    swap_by_renames(fresh, target);
}

} // namespace zhisou::index
