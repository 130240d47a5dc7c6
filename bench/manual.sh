#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Time and peak memory of `telar manual` (GNU time -v), for the sample manual
# (examples/lessons) and a ~200-page one written by bench/gen-manual.sh from
# bench/manual-source.md (6 volumes: 216 A5 pages). A measurement, never a timed test.
# Usage: bench/manual.sh [TELAR] [VOLUMES]     (default build/telar, 6 volumes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
telar=${1:-$root/build/telar}
volumes=${2:-6}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time (scripts/setup-debian.sh --tests)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/bench/gen-manual.sh" "$root/bench/manual-source.md" "$work/long" "$volumes" >/dev/null
common=(--cycle 2026-11-20 --crew "Ana, Rodrigo, Marisol, Kallfü" --node "Biblioteca de baterías")

measure() {  # name, output, then telar's arguments
  local name=$1 out=$2
  shift 2
  /usr/bin/time -v "$telar" manual "$@" "${common[@]}" -o "$work/$out" 2>"$work/time.txt" >/dev/null
  local wall rss pages
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  pages=$(pdfinfo "$work/$out" 2>/dev/null | awk '/^Pages:/ {print $2}')
  printf '%-34s %6s pdf pages  %8s wall  %6d MB peak\n' "$name" "${pages:-?}" "$wall" $((rss / 1024))
}

measure "sample, saddle (A4 sheets)" sample.pdf "$root"/examples/lessons/*.md
measure "sample, pages in order" sample-r.pdf "$root"/examples/lessons/*.md --impose none
measure "long, pages in order" long-r.pdf "$work"/long/*.md --impose none
measure "long, saddle (A4 sheets)" long.pdf "$work"/long/*.md
measure "long, saddle, brigada" long-b.pdf "$work"/long/*.md -t brigada
