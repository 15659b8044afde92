# All dependencies come from Debian 12 packages; scripts/install-deps.sh installs them.
find_package(PkgConfig REQUIRED)

# Xapian 1.4.22 ships a config file that only sets variables; wrap it in a target.
find_package(xapian 1.4 CONFIG REQUIRED)
if(NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian INTERFACE IMPORTED)
  target_include_directories(Xapian::xapian INTERFACE ${XAPIAN_INCLUDE_DIR})
  target_link_libraries(Xapian::xapian INTERFACE ${XAPIAN_LIBRARIES})
endif()

pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc>=72 icu-i18n)
find_package(Boost 1.74 CONFIG REQUIRED)      # headers only: Spirit X3
find_package(fmt 9 CONFIG REQUIRED)
find_package(nlohmann_json 3.10 CONFIG REQUIRED) # JSONL input, stored document data, --json output
find_package(simdjson 3 CONFIG REQUIRED)        # reading hits' stored data on the search path
find_package(CLI11 2.1 CONFIG REQUIRED)          # sub-commands and option groups of the CLI
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo) # HTML parsing for .html sources
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd) # stored body text (stored_text.h)
# zhisou serve. Debian builds cpp-httplib as a shared library (libcpp-httplib.so, with TLS,
# zlib and brotli); its pkg-config file carries the matching CPPHTTPLIB_* defines, which must
# be the same in our code or the classes would not match the library's layout.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
find_package(Threads REQUIRED)
# The zhisou executable's allocator (cli/CMakeLists.txt); not with the sanitizers, which bring
# their own.
if(NOT ZHISOU_SANITIZE)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
endif()

if(ZHISOU_TESTS)
  find_package(GTest 1.11 CONFIG REQUIRED)
endif()
if(ZHISOU_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
