// A compacted or merged database replaces the old folder (indexer/src/index/folder_swap.h):
// in one atomic exchange where the file system allows it, by two renames where it does not
// (NFS), and never so that either database is lost.

#include <cerrno>
#include <fstream>
#include <gtest/gtest.h>
#include <string>

#include <zhisou/error.h>

#include "index/folder_swap.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using zhisou::index::sibling;
using zhisou::index::swap_into_place;
using zhisou::testing::TempDir;

void make_folder(const fs::path& folder, const std::string& marker) {
    fs::create_directories(folder);
    std::ofstream(folder / "marker") << marker;
}

std::string marker_of(const fs::path& folder) {
    std::ifstream in(folder / "marker");
    std::string text;
    std::getline(in, text);
    return text;
}

// File systems without RENAME_EXCHANGE answer EINVAL.
int exchange_unsupported(const char*, const char*) {
    errno = EINVAL;
    return -1;
}

int exchange_not_permitted(const char*, const char*) {
    errno = EACCES;
    return -1;
}

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// The old database at `db` and the new one at `fresh`, beside it.
class FolderSwap : public ::testing::Test {
protected:
    FolderSwap() {
        make_folder(db, "old");
        make_folder(fresh, "new");
    }
    const TempDir dir;
    const fs::path db = dir.path() / "idx";
    const fs::path fresh = sibling(db, "merge");
};

TEST_F(FolderSwap, ExchangesTheFoldersAtomically) {
    swap_into_place(fresh, db);
    EXPECT_EQ(marker_of(db), "new");
    EXPECT_EQ(marker_of(fresh), "old"); // for the caller to remove
}

TEST_F(FolderSwap, RenamesWhereTheFileSystemCannotExchange) {
    swap_into_place(fresh, dir.path() / "idx/.", exchange_unsupported);
    EXPECT_EQ(marker_of(db), "new");
    EXPECT_EQ(marker_of(fresh), "old");
    EXPECT_EQ(entries(dir.path()), 2U) << "no folder left aside";
}

TEST_F(FolderSwap, AnyOtherErrorKeepsTheOldDatabaseAndSaysWhy) {
    try {
        swap_into_place(fresh, db, exchange_not_permitted);
        FAIL() << "expected an error";
    } catch (const zhisou::RuntimeError& e) {
        EXPECT_NE(std::string(e.what()).find("idx"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("ermission"), std::string::npos) << e.what();
    }
    EXPECT_EQ(marker_of(db), "old");
    EXPECT_FALSE(fs::exists(fresh));
}

TEST(FolderSwapWithoutOldFolder, IsAnErrorAndLeavesNothingBehind) {
    const TempDir dir;
    const fs::path db = dir.path() / "gone";
    const fs::path fresh = sibling(db, "compact");
    make_folder(fresh, "new");
    EXPECT_THROW(swap_into_place(fresh, db, exchange_unsupported), zhisou::RuntimeError);
    EXPECT_FALSE(fs::exists(db));
    EXPECT_EQ(entries(dir.path()), 0U)
        << "the new folder is removed (it is made again from its sources), nothing is left aside";
}

} // namespace
