#!/usr/bin/env bash
# The main job on the bundled samples: index samples/ into the default local index (or
# $ZHISOU_INDEX), then show what Zhisou made of them. Called by `make demo`.
set -euo pipefail
zhisou=${1:-build/bin/zhisou}
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step zhisou index samples
"$zhisou" index samples

step zhisou stats
"$zhisou" stats

step "zhisou repair --report samples/mojibake/cp874-scraped-minimax.txt | head -5"
"$zhisou" repair --report samples/mojibake/cp874-scraped-minimax.txt 2>&1 | head -5

step "zhisou analyze '智譜發布 GLM-4.7，ＧＬＭ模型'"
"$zhisou" analyze '智譜發布 GLM-4.7，ＧＬＭ模型' | head -20

# Searching lands with `zhisou search`; until then `zhisou parse` shows how each example
# query is understood and what it asks of the index.
for query in 'org:Zhipu date:2025 GLM' '智谱 AND 融资' 'org:(deepseek OR moonshot) date:2025Q1..' \
             '"open weights" -lang:en' '印歐語系因為哪一門語言而被發現？'; do
  step "zhisou parse '$query'"
  "$zhisou" parse -- "$query"
done
