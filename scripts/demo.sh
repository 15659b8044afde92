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
