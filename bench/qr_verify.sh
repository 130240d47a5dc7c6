#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What verify-before-write costs: each zine (link on the back cover, and --qr-offline with
# its story sheet) and the banner, with and without --no-verify; the median of N runs of
# wall time. A measurement, never a test.
#   bench/qr_verify.sh [TELAR] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
telar=${1:-build/telar} n=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
story=examples/la-bateria.circle.md
"$telar" zine "$story" -o "$out/warm.pdf"  # fontconfig cache and page cache warm
median_ms() {  # the telar arguments; prints the median wall time in ms
  local times=()
  for _ in $(seq "$n"); do
    local t0 t1
    t0=$(date +%s%N)
    "$telar" "$@" >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p"
}
row() {  # label, then the telar arguments
  local label=$1
  shift
  local with without
  with=$(median_ms "$@")
  without=$(median_ms "$@" --no-verify)
  echo "$label: ${with} ms verified, ${without} ms with --no-verify: +$((with - without)) ms"
}
for s in examples/*.circle.md; do
  row "zine $(basename "$s")" zine "$s" -o "$out/z.pdf"
  row "zine --qr-offline $(basename "$s")" zine "$s" --qr-offline -o "$out/o.pdf"
done
row "banner 3x1m" banner "$story" --size 3x1m -o "$out/b.pdf"
