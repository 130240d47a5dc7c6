#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes docs/motifs.png: the woven motifs of the four example circles side by side (each
# cropped from `telar motif`'s motif box, layout/weave_chart.h), la-bateria's braid under
# them (a small banner with --braid). Needs rsvg-convert (librsvg2-bin).
# Usage: scripts/docs-motifs.sh BUILD/telar [OUT.png]
set -euo pipefail
telar=$1
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/docs/motifs.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

circles=("$root/examples/la-bateria.circle.md" "$root/examples/witral.circle.md"
         "$root/examples/caravan.circle.md" "$root/tests/fixtures/stories/circle-ht-bike-repair.md")
names=("la-bateria" "witral" "caravan" "bisiklèt (ht)")
pt() { awk -v mm="$1" 'BEGIN { printf "%.3f", mm * 72 / 25.4 }'; }
m=$(pt 12) boxw=$(pt 186) boxh=$(pt 70)   # the motif box: 12 mm down, 186 x 70 mm
tile=200 box=$(awk -v w="$boxw" -v h="$boxh" 'BEGIN { printf "%.3f", 200 * h / w }')
gap=14 label=18
{
  w=$(awk -v t="$tile" -v g="$gap" 'BEGIN { printf "%.3f", 4 * t + 5 * g }')
  H=$(awk -v w="$w" -v g="$gap" -v b="$box" -v l="$label" 'BEGIN { printf "%.1f", 3 * g + b + l + (w - 2 * g) / 3 }')
  echo "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='$w' height='$H' viewBox='0 0 $w $H'>"
  echo "<rect width='100%' height='100%' fill='#fbf7ef'/>"
  for i in 0 1 2 3; do
    "$telar" motif "${circles[$i]}" -t semilla -o "$work/m$i.svg" >/dev/null
    h=$(sed -n 's/.*<svg[^>]* height="\([0-9.]*\)[a-z]*".*/\1/p' "$work/m$i.svg" | head -1)
    x=$(awk -v i="$i" -v t="$tile" -v g="$gap" 'BEGIN { printf "%.3f", g + i * (t + g) }')
    echo "<svg x='$x' y='$gap' width='$tile' height='$box' viewBox='$m $m $boxw $boxh'>"
    echo "<image x='0' y='0' width='595.276' height='$h' xlink:href='m$i.svg'/></svg>"
    echo "<text x='$(awk -v x="$x" -v t="$tile" 'BEGIN { printf "%.1f", x + t / 2 }')' y='$(awk -v b="$box" -v g="$gap" -v l="$label" 'BEGIN { printf "%.1f", g + b + l - 4 }')' font-family='sans-serif' font-size='11' text-anchor='middle' fill='#3a2a1e'>${names[$i]}</text>"
  done
  "$telar" banner "${circles[0]}" -t tejido --size 1.2x0.4m --braid --bleed 0 -o "$work/b.svg" >/dev/null
  bw=$(sed -n 's/.*<svg[^>]* width="\([0-9.]*\)[a-z]*".*/\1/p' "$work/b.svg" | head -1)
  bh=$(sed -n 's/.*<svg[^>]* height="\([0-9.]*\)[a-z]*".*/\1/p' "$work/b.svg" | head -1)
  y=$(awk -v g="$gap" -v b="$box" -v l="$label" 'BEGIN { printf "%.1f", 2 * g + b + l }')
  echo "<svg x='$gap' y='$y' width='$(awk -v w="$w" -v g="$gap" 'BEGIN { printf "%.1f", w - 2 * g }')' height='$(awk -v y="$y" -v H="$H" -v g="$gap" 'BEGIN { printf "%.1f", H - y - g }')' viewBox='0 0 $bw $bh'>"
  echo "<image x='0' y='0' width='$bw' height='$bh' xlink:href='b.svg'/></svg>"
  echo "</svg>"
} >"$work/all.svg"
rsvg-convert -z 1.1 -o "$out" "$work/all.svg"
echo "$out"
