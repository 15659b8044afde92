#!/usr/bin/env bash
# Throughput and latency of `zhisou serve` on /api/search: wrk, 32 connections, 60 s, a Lua
# script rotating through English, Chinese and field queries; prints a table with requests/s,
# p50/p99 latency, errors and the server's RSS at start and end.
#   bench/bench_server.sh [INDEX]     (default: index ../shared/corpus/news/*.jsonl first)
# Environment: ZHISOU (binary, default build/bin/zhisou), DURATION (60s), CONNECTIONS (32),
# THREADS (wrk threads, 2), SERVER_THREADS (zhisou serve --threads, default its own),
# MODES ("cached uncached": the server as shipped, then with --cache 0).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
zhisou=${ZHISOU:-$root/build/bin/zhisou}
duration=${DURATION:-60s}
connections=${CONNECTIONS:-32}
wrk_threads=${THREADS:-2}
work=$(mktemp -d)
trap '[[ -n $server ]] && { kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; }; rm -rf "$work"' EXIT
server=

command -v wrk >/dev/null || { echo "zhisou: error: wrk not found (apt-get install wrk)" >&2; exit 1; }
[[ -x $zhisou ]] || { echo "zhisou: error: $zhisou not built (cmake --build build --target zhisou)" >&2; exit 1; }

index=${1:-}
if [[ -z $index ]]; then
  corpus=${ZHISOU_SHARED:-$root/../shared}/corpus/news
  [[ -d $corpus ]] || { echo "zhisou: error: $corpus not found; pass an index" >&2; exit 1; }
  index=$root/build-bench/news-index
  echo "indexing $corpus/*.jsonl into $index (a few minutes; pass the index to reuse it)"
  "$zhisou" index --index "$index" "$corpus"/*.jsonl >/dev/null
fi

# English words, Chinese words, phrases, fields, dates, an OR and a wildcard.
cat >"$work/queries.lua" <<'LUA'
local queries = {
  "GLM", "DeepSeek", "open source model", "智谱", "融资", "人工智能", "大模型 开源",
  "org:alibaba", "org:deepseek date:2025", "\"large language model\"", "芯片 OR 半导体",
  "date:2024", "security vulnerability", "資安", "lang:zh-hant 香港", "GPT*", "Qwen",
  "source:picker", "title:AI", "机器学习", "Linux kernel", "tag:llm", "数据 隐私", "开源",
}
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local paths = {}
for i, q in ipairs(queries) do
  paths[i] = "/api/search?limit=10&facets=org,year&q=" .. encode(q)
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
local non2xx = 0
response = function(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.1f socket_errors=%d status_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
LUA

# One server per mode: "cached" is `zhisou serve` as shipped (repeated searches answered from
# its result cache until the index changes); "uncached" is --cache 0, every request searched.
# The query list repeats, so the cached row mostly measures the cache and HTTP; the uncached row
# is the capacity for queries never seen before.
rows=()
run_mode() {
  local mode=$1
  local server_args=(serve --index "$index" --port 0 --quiet)
  [[ -n ${SERVER_THREADS:-} ]] && server_args+=(--threads "$SERVER_THREADS")
  [[ $mode == uncached ]] && server_args+=(--cache 0)
  "$zhisou" "${server_args[@]}" >"$work/server.out" 2>"$work/server.err" &
  server=$!
  local url=
  for _ in $(seq 100); do
    url=$(grep -oE 'http://[0-9.]+:[0-9]+' "$work/server.out" || true)
    [[ -n $url ]] && break
    sleep 0.1
  done
  [[ -n $url ]] || { cat "$work/server.err" >&2; exit 1; }
  rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status"; }

  # Warm up (opens one Searcher per worker thread, loads the index pages), then measure.
  wrk -t "$wrk_threads" -c "$connections" -d 5s -s "$work/queries.lua" "$url" >/dev/null
  local rss_start rss_end result
  rss_start=$(rss)
  echo "== $mode" >&2
  wrk -t "$wrk_threads" -c "$connections" -d "$duration" --latency -s "$work/queries.lua" "$url" | tee "$work/wrk.out" >&2
  rss_end=$(rss)
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=

  result=$(grep '^RESULT' "$work/wrk.out")
  value() { sed -E "s/.* $1=([^ ]+).*/\\1/" <<<"$result"; }
  rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$mode" "$connections" "$duration" \
    "$(value rps)" "$(value p50_ms)" "$(value p99_ms)" \
    "$(( $(value socket_errors) + $(value status_errors) ))" "$rss_start" "$rss_end")")
}

for mode in ${MODES:-cached uncached}; do
  run_mode "$mode"
done
printf '\n| server | connections | duration | requests/s | p50 ms | p99 ms | errors | RSS start MB | RSS end MB |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
printf '%s\n' "${rows[@]}"
echo "(index: $index; cores: $(nproc); other work on the machine affects these figures)"
