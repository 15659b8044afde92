#!/usr/bin/env bash
# Installs the Debian 12 packages Zhisou needs to build, test and benchmark, and nothing when
# they are all present (so a second run costs a dpkg query). Runs apt-get as root or via sudo.
set -euo pipefail

packages=(
  # toolchain
  g++ make cmake ninja-build pkg-config
  # libraries (all from Debian; see README "Dependencies" for why each one)
  libxapian-dev libicu-dev libboost-dev libfmt-dev nlohmann-json3-dev libcli11-dev
  libcpp-httplib-dev libgumbo-dev libsimdjson-dev libzstd-dev libjemalloc-dev
  # tests and benchmarks
  libgtest-dev libbenchmark-dev xapian-tools python3
)
# The browser tests of the search page (tests/e2e) and the server benchmark: Debian's chromium
# with CJK fonts, and wrk. Node and npm are installed only when missing, so a newer Node
# already on the machine (with its own npm) is kept.
packages+=(chromium fonts-noto-cjk wrk)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi
if [[ "${ZHISOU_WITH_FUZZ:-0}" == 1 ]]; then
  packages+=(clang libclang-rt-14-dev)
fi
if [[ "${ZHISOU_WITH_PEERS:-0}" == 1 ]]; then # the engines benchmarks compare against
  packages+=(python3-xapian python3-jieba groonga-bin)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "zhisou: installing missing Debian packages: ${missing[*]}" >&2
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || {
    echo "zhisou: error: need root to install ${missing[*]}; run as root or install sudo" >&2
    exit 1
  }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
