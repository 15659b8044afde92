#!/usr/bin/env bash
# Browser tests of the search page (CTest runs this): index samples/, start `zhisou serve` on a
# free port, run search.test.mjs with Debian's chromium. Exit 77 = skipped (CTest shows why).
#   tests/e2e/run_e2e.sh ZHISOU_BINARY BUILD_DIR
set -euo pipefail
zhisou=$1
build=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
samples=$(realpath "$here/../../samples")

skip() { echo "SKIPPED: $*"; exit 77; }
command -v node >/dev/null || skip "node not found; scripts/install-deps.sh installs nodejs and npm"
command -v npm >/dev/null || skip "npm not found; scripts/install-deps.sh installs nodejs and npm"
[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || skip "/usr/bin/chromium not found; scripts/install-deps.sh installs chromium"

work=$build/e2e
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here/search.test.mjs" "$work/"
if [[ ! -d $work/node_modules/playwright-core ]] || ! cmp -s "$here/package-lock.json" "$work/node_modules/.package-lock.json.copy"; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error) ||
    { echo "zhisou: error: 'npm ci' failed in $work (is the npm registry reachable?)" >&2; exit 1; }
  cp "$here/package-lock.json" "$work/node_modules/.package-lock.json.copy"
fi

rm -rf "$work/index"
"$zhisou" index --index "$work/index" "$samples" >/dev/null 2>&1
"$zhisou" serve --index "$work/index" --port 0 >"$work/server.out" 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
url=
for _ in $(seq 100); do
  url=$(grep -oE 'http://[0-9.]+:[0-9]+/' "$work/server.out" || true)
  [[ -n $url ]] && break
  kill -0 $server 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $url ]] || { echo "zhisou: error: the server did not start" >&2; exit 1; }

cd "$work"
ZHISOU_URL=$url ZHISOU_SCREENSHOTS=$build/e2e-screenshots node --test search.test.mjs
echo "screenshots: $build/e2e-screenshots"
