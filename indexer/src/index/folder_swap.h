#pragma once
// Internal: putting a freshly written database folder in the place of the old one, for
// `zhisou compact` and for the merge that ends a new index's first run.
//
// Why two ways: renameat2(RENAME_EXCHANGE) swaps the folders in one step, so a reader opening
// the index sees the old database or the new one, never neither. Some file systems (NFS, and
// some FUSE and network mounts) do not support it. There the old folder is renamed aside and
// the new one renamed in: a reader that opens the index in the instant between the two
// renames finds no database and can try again; nothing is lost.

#include <filesystem>
#include <string_view>

namespace zhisou::index {

/// The folder `path` names, as rename() needs it: "idx/" and "idx/." are "idx".
[[nodiscard]] std::filesystem::path folder_name(const std::filesystem::path& path);

/// A fresh folder name beside `path` (the same file system, so renames do not copy), made
/// unique by `what` and the process id.
[[nodiscard]] std::filesystem::path sibling(const std::filesystem::path& path,
                                            std::string_view what);

/// Exchanges two existing folders; returns 0, or -1 with errno set (as renameat2 does).
using ExchangeFolders = int (*)(const char* a, const char* b);

/// renameat2(a, b, RENAME_EXCHANGE).
int exchange_atomically(const char* a, const char* b);

/// Puts `fresh` in the place of the folder `db`. Afterwards `fresh` names the old folder, for
/// the caller to remove (readers holding its files keep them). When `exchange` reports that
/// the file system cannot exchange folders, two renames do it instead. On failure `fresh` is
/// removed, `db` is as it was, and RuntimeError says why.
void swap_into_place(const std::filesystem::path& fresh, const std::filesystem::path& db,
                     ExchangeFolders exchange = exchange_atomically);

} // namespace zhisou::index
