#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# How long `telar zine` takes on the Spanish example (median of N runs, wall clock) and its
# peak memory (maximum resident set size, from GNU time). A measurement, never a test.
#   bench/zine.sh [TELAR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
telar=${1:-build/telar} runs=${2:-5}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
story=examples/la-bateria.circle.md
"$telar" zine "$story" -o "$out/warm.pdf"   # fontconfig cache and page cache warm
for fmt in pdf png svg; do
  times=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$out/t" "$telar" zine "$story" -o "$out/z.$fmt"
    read -r t m <"$out/t"
    times+=("$t") rss+=("$m")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  echo "zine $fmt: median ${median}s over $runs runs, peak RSS $((peak / 1024)) MiB"
done
