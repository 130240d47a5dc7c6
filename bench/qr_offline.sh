#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What `telar zine --qr-offline` costs on each example circle: the median CPU time (user +
# system) of N runs, and with valgrind installed the instructions callgrind counts (one
# run: the same on any machine, whatever else the machine is doing). A measurement, never
# a test. Compare two builds by passing each as TELAR.
#   bench/qr_offline.sh [TELAR] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
telar=${1:-build/telar} n=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$telar" zine examples/la-bateria.circle.md -o "$out/warm.pdf"  # fontconfig and page cache warm
for s in examples/*.circle.md; do
  times=()
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%U %S" -o "$out/t" "$telar" zine "$s" --qr-offline -o "$out/o.pdf" >/dev/null
    times+=($(awk '{ printf "%d", ($1 + $2) * 1000 }' "$out/t"))
  done
  ms=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p")
  ir=""
  if command -v valgrind >/dev/null; then
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$telar" zine "$s" --qr-offline \
      -o "$out/o.pdf" 2>"$out/vg" >/dev/null
    ir=", $(sed -nE 's/.*Collected : ([0-9]+).*/\1/p' "$out/vg" | awk '{ printf "%.2f", $1 / 1e9 }') G instructions"
  fi
  echo "zine --qr-offline $(basename "$s"): ${ms} ms CPU${ir}"
done
