#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `telar batch` on the 100-node manifest of tests/fixtures/batch/make-nodes.sh (one field
# manual per node from the small example lesson): wall time at -j 1 and -j 2 (--force),
# the speed-up, the largest resident set of any one process (GNU time -v: the parent or a
# worker) and the time of a run that finds everything up to date. A measurement, never a
# timed test; on a shared machine the numbers are noisy.
# Usage: bench/batch.sh [TELAR] [NODES]     (default build/telar, 100 nodes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
telar=${1:-$root/build/telar}
nodes=${2:-100}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time (scripts/setup-debian.sh --tests)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$root/tests/fixtures/batch/make-nodes.sh" "$work" "$nodes" "$root/examples/lessons/01-antes-de-abrir.md"

run() {  # name, then batch's arguments; prints wall seconds and peak MB
  local name=$1
  shift
  /usr/bin/time -v "$telar" batch "$work/nodes.batch.yaml" --out-dir "$work/out" "$@" \
    2>"$work/time.txt" >/dev/null || { tail -5 "$work/time.txt" >&2; exit 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  secs=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
  printf '%-28s %8.2f s wall  %6d MB peak (one process)\n' "$name" "$secs" $((rss / 1024))
}

echo "telar batch, $nodes manuals ($(nproc) cores)"
run "-j 1 (all $nodes)" -j 1 --force
t1=$secs
run "-j 2 (all $nodes)" -j 2 --force
t2=$secs
run "-j 2, all up to date" -j 2
awk -v a="$t1" -v b="$t2" 'BEGIN { printf "speed-up -j2 over -j1: %.2fx\n", a / b }'
