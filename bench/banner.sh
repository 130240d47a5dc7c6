#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The big banner PNG: a 3 x 1 m banner (plus its 5 mm bleed) at 300 dpi, about 35,500 x
# 11,900 px, 1.2 GB as one RGB image. Wall time and peak memory (maximum resident set
# size) from GNU time's -v report; also the A4 tiles' PDF. A measurement, never a test.
#   bench/banner.sh [TELAR] [DPI]
set -euo pipefail
cd "$(dirname "$0")/.."
telar=${1:-build/telar} dpi=${2:-300}
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
story=examples/la-bateria.circle.md
"$telar" banner "$story" -o "$out/warm.pdf"   # fontconfig cache and page cache warm
measure() {  # label, then the telar arguments
  local label=$1
  shift
  /usr/bin/time -v -o "$out/t" "$telar" "$@"
  wall=$(sed -nE 's/.*Elapsed \(wall clock\) time.*: (.*)/\1/p' "$out/t")
  rss=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$out/t")
  echo "$label: ${wall} wall, peak RSS $((rss / 1024)) MiB"
}
measure "banner 3x1m PNG at $dpi dpi" banner "$story" --size 3x1m --dpi "$dpi" -o "$out/b.png"
file "$out/b.png" | sed 's|.*: |  |'
echo "  $(( $(stat -c %s "$out/b.png") / 1024 / 1024 )) MiB on disk"
measure "banner 3x1m PDF" banner "$story" --size 3x1m -o "$out/b.pdf"
measure "banner 2x1m tiled on A4" banner "$story" --size 2x1m --tile a4 -o "$out/t.pdf"
echo "  $(pdfinfo "$out/t.pdf" 2>/dev/null | sed -nE 's/^Pages: +//p') pages, $(( $(stat -c %s "$out/t.pdf") / 1024 )) KiB"
