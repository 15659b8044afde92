#!/usr/bin/env bash
# The main job on the bundled samples: index samples/ into the default local index (or
# $ZHISOU_INDEX), then show what Zhisou made of them. Called by `make demo`.
set -euo pipefail
zhisou=${1:-build/bin/zhisou}
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step zhisou index samples
# An index written by an older zhisou (another index format) is rebuilt; saved queries stay.
"$zhisou" index samples || { step zhisou index --rebuild samples; "$zhisou" index --rebuild samples; }

step zhisou stats
"$zhisou" stats

step "zhisou repair --report samples/mojibake/cp874-scraped-minimax.txt | head -5"
"$zhisou" repair --report samples/mojibake/cp874-scraped-minimax.txt 2>&1 | head -5

step "zhisou analyze '智譜發布 GLM-4.7，ＧＬＭ模型'"
"$zhisou" analyze '智譜發布 GLM-4.7，ＧＬＭ模型' | head -20

for query in 'org:Zhipu date:2025 GLM' '智谱 AND 融资' '"open weights" date:2025' \
             '智谱发布了哪些开源模型？'; do
  step "zhisou search --limit 3 '$query'"
  "$zhisou" search --limit 3 -- "$query"
done

step "zhisou search --limit 0 --facets org,year 'org:(deepseek OR moonshot)'"
"$zhisou" search --limit 0 --facets org,year -- 'org:(deepseek OR moonshot)'

step "zhisou parse 'org:(deepseek OR moonshot) date:2025Q1..'"
"$zhisou" parse -- 'org:(deepseek OR moonshot) date:2025Q1..'

printf '\nThe search page: %s serve   (then open http://127.0.0.1:8080)\n' "$zhisou"
