#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Judges `telar banner` output with tools nobody on the team wrote (poppler, qpdf, zbar).
# Usage: banner.sh TELAR EXAMPLES_DIR CASE   (one ctest entry per CASE)
set -uo pipefail
telar=$1 examples=$2 case=$3
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# "Page size: W x H pts" (or "Page N size:") as "W H"
page_size() { pdfinfo -f "${2:-1}" -l "${2:-1}" "$1" | sed -nE 's/^Page +([0-9]+ +)?size: +([0-9.]+) x ([0-9.]+) pts.*/\2 \3/p' | head -1; }
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'; }

story=$examples/la-bateria.circle.md

case $case in
page-size)
  need pdfinfo
  "$telar" banner "$story" --size 2x1m --bleed 0mm -o plain.pdf || fail "telar 2x1m"
  read -r w h <<<"$(page_size plain.pdf)"
  near "$w" 5669.3 0.3 && near "$h" 2834.6 0.3 || fail "2 x 1 m is $w x $h pt, expected 5669.3 x 2834.6"
  "$telar" banner "$story" --size 2x1m --bleed 5mm -o bleed.pdf || fail "telar --bleed"
  read -r bw bh <<<"$(page_size bleed.pdf)"
  # 5 mm = 14.1732 pt on every side: exactly 2 x bleed more each way.
  near "$(awk -v a="$bw" -v b="$w" 'BEGIN { print a - b }')" 28.3465 0.01 || fail "width grew $bw - $w"
  near "$(awk -v a="$bh" -v b="$h" 'BEGIN { print a - b }')" 28.3465 0.01 || fail "height grew $bh - $h"
  "$telar" banner "$story" --size 120x36in --bleed 0mm --portrait -o tall.pdf || fail "telar inches"
  read -r w h <<<"$(page_size tall.pdf)"
  near "$w" 2592 0.3 && near "$h" 8640 0.3 || fail "36 x 120 in portrait is $w x $h pt"
  ;;
six-metres)
  need qpdf
  "$telar" banner "$story" --size 6x1.5m --bleed 0mm -o six.pdf || fail "telar 6 m"
  qpdf --check six.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check"; }
  grep -aq "/UserUnit 2" six.pdf || fail "no /UserUnit 2"
  box=$(grep -aoE '/MediaBox \[ 0 0 [0-9.]+ [0-9.]+ \]' six.pdf | head -1)
  read -r w h <<<"$(echo "$box" | awk '{ print $5, $6 }')"
  near "$(awk -v a="$w" 'BEGIN { print a * 2 }')" 17007.87 0.3 || fail "6 m is 2 x $w pt"
  near "$(awk -v a="$h" 'BEGIN { print a * 2 }')" 4251.97 0.3 || fail "1.5 m is 2 x $h pt"
  head -c 8 six.pdf | grep -q "%PDF-1.6" || fail "UserUnit needs PDF 1.6"
  ;;
tiles)
  need pdfinfo; need qpdf
  for t in tejido pancarta; do
    "$telar" banner "$story" -t $t --size 2x1m --tile a4 -o tiles-$t.pdf || fail "telar --tile ($t)"
    qpdf --check tiles-$t.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check ($t)"; }
    # 41 tiles (three rows of 11 upright pages, one of 8 turned; see docs/cli.md) + the map.
    pdfinfo tiles-$t.pdf | grep -Eq '^Pages: +42$' || { pdfinfo tiles-$t.pdf; fail "expected 42 pages ($t)"; }
  done
  pdfinfo -f 1 -l 42 tiles-tejido.pdf | grep -E '^Page +[0-9]+ size' | grep -Evq '(595\.27[0-9]* x 841\.8[0-9]*|841\.8[0-9]* x 595\.27[0-9]*) pts' &&
    fail "a page is not A4"
  "$telar" banner "$story" --size 2x1m --tile letter --overlap 15mm -o letter.pdf || fail "telar letter"
  pdfinfo letter.pdf | grep -Eq '^Page size: +(612 x 792|792 x 612) pts' || fail "letter pages"
  ;;
text)
  need pdftotext
  headline="Cuando se corta la luz el barrio sigue hablando"
  "$telar" banner --headline "$headline" -t pancarta --size 2x1m --tile a4 -o t.pdf || fail "telar"
  n=$(pdfinfo t.pdf | sed -nE 's/^Pages: +([0-9]+)/\1/p')
  # Every tile's words, in page order, labels dropped: the headline's letters come out in
  # order (a letter on a seam is on both tiles).
  got=""
  for ((p = 2; p <= n; ++p)); do
    got+=$(pdftotext -f $p -l $p -enc UTF-8 t.pdf - | grep -v '·' | grep -vE '^[A-Z]+[0-9]+$' | tr -d ' \n\f')
  done
  want=$(echo "$headline" | tr -d ' ' | tr '[:lower:]' '[:upper:]')
  i=0
  for ((k = 0; k < ${#got} && i < ${#want}; ++k)); do
    [ "${got:k:1}" = "${want:i:1}" ] && i=$((i + 1))
  done
  [ "$i" -eq "${#want}" ] || fail "the tiles give '$got', which lacks '${want:i}' of '$want'"
  # The map (page 1) carries the tile names.
  pdftotext -f 1 -l 1 t.pdf - | grep -q "D8" || fail "no D8 on the assembly map"
  ;;
qr-scan)
  need zbarimg
  "$telar" banner "$story" --size 1.2x0.4m -o small.png --dpi 40 || fail "telar png"
  got=$(zbarimg --raw -q small.png) || fail "zbarimg found no code"
  [ "$got" = "https://example.org/nodos/villa-francia" ] || fail "decoded '$got'"
  "$telar" banner "$story" -t pancarta --size 1x2m -o tall.png --dpi 36 || fail "telar png tall"
  got=$(zbarimg --raw -q tall.png) || fail "zbarimg found no code (pancarta)"
  [ "$got" = "https://example.org/nodos/villa-francia" ] || fail "decoded '$got'"
  ;;
png)
  need file
  "$telar" banner "$story" --size 2x1m --bleed 0mm -o b.png --dpi 50 || fail "telar png"
  file b.png | grep -q "3937 x 1969" || { file b.png; fail "2 x 1 m at 50 dpi is 3937 x 1969 px"; }
  ;;
privacy)
  need strings
  mkdir -p "secret folder"
  cp "$story" "secret folder/ana-y-julian.circle.md"
  "$telar" banner "secret folder/ana-y-julian.circle.md" --size 1x0.5m --tile a4 -o tiles.pdf || fail "telar"
  "$telar" banner "secret folder/ana-y-julian.circle.md" --size 1x0.5m -o one.png --dpi 36 || fail "telar png"
  for f in tiles.pdf one.png; do
    for s in "secret folder" "ana-y-julian" ".circle.md" "$work" "$(whoami)" "$(hostname)"; do
      [ ${#s} -ge 5 ] || continue
      strings "$f" | grep -qF "$s" && fail "'$s' appears in $f"
    done
  done
  [ -f ana-y-julian-banner.pdf ] && fail "the default output goes beside the working folder"
  "$telar" banner "secret folder/ana-y-julian.circle.md" --size 1x0.5m || fail "telar default output"
  [ -f ana-y-julian-banner.pdf ] || fail "no ana-y-julian-banner.pdf"
  ;;
reproducible)
  for ext in pdf png; do
    "$telar" banner "$story" --size 1x0.5m --tile a4 -o a.$ext && "$telar" banner "$story" --size 1x0.5m --tile a4 -o b.$ext || fail "telar $ext"
    for f in a*.$ext; do cmp "$f" "b${f#a}" || fail "$f differs between runs"; done
  done
  ;;
*) fail "unknown case" ;;
esac
echo "ok [$case]"
