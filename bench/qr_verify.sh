#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What verify-before-write costs: each zine (link on the back cover, and --qr-offline with
# its story sheet) and the banner, with and without --no-verify; the median of N runs of
# CPU time (user + system: wall time on a shared machine is mostly waiting). A measurement,
# never a test.
#   bench/qr_verify.sh [TELAR] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
telar=${1:-build/telar} n=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
story=examples/la-bateria.circle.md
"$telar" zine "$story" -o "$out/warm.pdf"  # fontconfig cache and page cache warm
median_ms() {  # the telar arguments; prints the median CPU time (user + system) in ms
  local times=()
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%U %S" -o "$out/t" "$telar" "$@" >/dev/null
    times+=($(awk '{ printf "%d", ($1 + $2) * 1000 }' "$out/t"))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p"
}
row() {  # label, then the telar arguments
  local label=$1
  shift
  local with without
  with=$(median_ms "$@")
  without=$(median_ms "$@" --no-verify)
  echo "$label: ${with} ms CPU verified, ${without} ms with --no-verify: +$((with - without)) ms"
}
for s in examples/*.circle.md; do
  row "zine $(basename "$s")" zine "$s" -o "$out/z.pdf"
  row "zine --qr-offline $(basename "$s")" zine "$s" --qr-offline -o "$out/o.pdf"
done
row "banner 3x1m" banner "$story" --size 3x1m -o "$out/b.pdf"
