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
  # The media holds the bleed (5 mm) and, outside it, the crop marks (2 + 6 + 2 mm) on
  # every side: 2 x 15 mm = 85.039 pt more each way.
  near "$(awk -v a="$bw" -v b="$w" 'BEGIN { print a - b }')" 85.0394 0.01 || fail "width grew $bw - $w"
  near "$(awk -v a="$bh" -v b="$h" 'BEGIN { print a - b }')" 85.0394 0.01 || fail "height grew $bh - $h"
  ;;
print-boxes)
  need pdfinfo; need qpdf
  # A print shop's boxes, read back by poppler: TrimBox the ordered size (exact to 0.1 mm),
  # BleedBox 5 mm past it, the MediaBox holding crop marks outside the bleed.
  box() { pdfinfo -box "$1" | awk -v k="$2" '$1 == k":" { print $2, $3, $4, $5 }'; }
  mm() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) * 25.4 / 72 }'; }
  for spec in "3x1m 3000 1000" "0.6x0.4m 600 400" "120x36in 3048 914.4"; do
    read -r size ew eh <<<"$spec"
    "$telar" banner "$story" --size "$size" --bleed 5mm -o b.pdf || fail "telar $size"
    qpdf --check b.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check ($size)"; }
    read -r tx0 ty0 tx1 ty1 <<<"$(box b.pdf TrimBox)"
    read -r bx0 by0 bx1 by1 <<<"$(box b.pdf BleedBox)"
    read -r mx0 my0 mx1 my1 <<<"$(box b.pdf MediaBox)"
    [[ -n "$tx1" && -n "$bx1" && -n "$mx1" ]] || { pdfinfo -box b.pdf; fail "no boxes ($size)"; }
    # 6 m and over are written at half size with /UserUnit 2; these sizes are not.
    near "$(mm "$tx0" "$tx1")" "$ew" 0.1 && near "$(mm "$ty0" "$ty1")" "$eh" 0.1 ||
      fail "TrimBox of $size is $(mm "$tx0" "$tx1") x $(mm "$ty0" "$ty1") mm"
    near "$(mm "$bx0" "$tx0")" 5 0.05 && near "$(mm "$tx1" "$bx1")" 5 0.05 &&
      near "$(mm "$by0" "$ty0")" 5 0.05 && near "$(mm "$ty1" "$by1")" 5 0.05 || fail "BleedBox is not trim + 5 mm ($size)"
    near "$(mm "$mx0" "$bx0")" 10 0.05 && near "$(mm "$my0" "$by0")" 10 0.05 || fail "no room for crop marks ($size)"
  done
  # Without a bleed the trim is the whole page.
  "$telar" banner "$story" --size 2x1m --bleed 0mm -o nb.pdf || fail "telar no bleed"
  [[ "$(box nb.pdf TrimBox)" == "$(box nb.pdf MediaBox)" ]] || fail "TrimBox differs from the page without a bleed"
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
  # 41 tiles (three rows of 11 upright pages, one of 8 turned; see docs/cli.md) + the map;
  # tejido's QR code sits where a seam would cut it: that seam moves and costs one tile.
  for spec in "tejido 43" "pancarta 42"; do
    read -r t pages <<<"$spec"
    "$telar" banner "$story" -t $t --size 2x1m --tile a4 -o tiles-$t.pdf || fail "telar --tile ($t)"
    qpdf --check tiles-$t.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check ($t)"; }
    pdfinfo tiles-$t.pdf | grep -Eq "^Pages: +$pages\$" || { pdfinfo tiles-$t.pdf; fail "expected $pages pages ($t)"; }
  done
  pdfinfo -f 1 -l 43 tiles-tejido.pdf | grep -E '^Page +[0-9]+ size' | grep -Evq '(595\.27[0-9]* x 841\.8[0-9]*|841\.8[0-9]* x 595\.27[0-9]*) pts' &&
    fail "a page is not A4"
  # The tile names are large enough to sort a pile by: each sheet's text has its name.
  command -v pdftotext >/dev/null && for p in 2 20 43; do
    pdftotext -f $p -l $p tiles-tejido.pdf - | grep -Eq '^[A-Z][0-9]+$' || fail "no tile name alone on page $p"
  done
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
link-caption)
  # The link is printed under the code, shortened as the zine prints it, at a size that
  # reads from a few metres: on a 3 x 1 m banner its line box is at least 36 pt tall (the
  # templates' small minimum at 1 m), however long the link.
  need pdftotext zbarimg pdftoppm
  "$telar" banner "$story" --size 3x1m -o b.pdf || fail "telar"
  pdftotext -enc UTF-8 b.pdf - | grep -qxF "example.org/nodos/villa-francia" ||
    fail "no link caption: $(pdftotext -enc UTF-8 b.pdf - | tr '\n' '|')"
  pdftotext b.pdf - | grep -q "https://" && fail "the caption keeps https://"
  h=$(pdftotext -bbox -enc UTF-8 b.pdf - | grep -F '>example.org/nodos/villa-francia<' |
    sed -E 's/.*yMin="([0-9.]+)".*yMax="([0-9.]+)".*/\1 \2/' | awk '{ print $2 - $1 }')
  [ -n "$h" ] || fail "the caption's box is not found"
  awk -v h="$h" 'BEGIN { exit !(h >= 36) }' || fail "the caption is $h pt tall: not legible at banner scale"
  long=https://www.example.org/nodos/villa-francia/circulos/2024/la-bateria-compartida-del-barrio
  sed "s|^link: .*|link: $long|" "$story" >long.circle.md
  "$telar" banner long.circle.md --size 3x1m -o l.pdf || fail "telar long link"
  pdftotext -enc UTF-8 l.pdf - | grep -qxF "example.org/nodos/villa-fr…artida-del-barrio" ||
    fail "the long link is not cut in the middle: $(pdftotext -enc UTF-8 l.pdf - | tr '\n' '|')"
  pdftoppm -r 20 -png l.pdf l || fail "pdftoppm"
  got=$(zbarimg --raw -q l-*.png) || fail "zbarimg found no code"
  [ "$got" = "$long" ] || fail "the code says '$got', not the whole link"
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
