#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The template's qr.style (rounded, dots) judged by zbar, a reader nobody on the team wrote,
# from 150 dpi rasters of the printed pages: the zine's back cover, the banner, and the
# --qr-offline story sheets. The styled code must really be drawn (curves in the PDF, no
# fallback warning); the fallback itself is tests/unit/qr_verify_test.cc's.
# Usage: qr_style.sh TELAR REPO_DIR CASE
set -uo pipefail
telar=$1 repo=$2 case=$3
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
story=$repo/examples/la-bateria.circle.md
link=https://example.org/nodos/villa-francia

# styled KIND NAME STYLE: a copy of a shipped template (with its motif) with qr.style set.
styled() {
  mkdir -p "tpl-$3" && cp "$repo/templates/$1/"* "tpl-$3/" || fail "copy templates/$1"
  sed -i -E "s/^(  ec: [LMQH])$/\1\n  style: $3/" "tpl-$3/$2.yaml"
  grep -q "^  style: $3\$" "tpl-$3/$2.yaml" || fail "no qr.ec line to put the style under in $2.yaml"
  echo "tpl-$3/$2.yaml"
}
# curves FILE.pdf: the number of Bézier operators in its (uncompressed) content streams.
curves() { qpdf --qdf --object-streams=disable "$1" - | grep -aoE '[0-9] c( |$)' | wc -l; }

case $case in
zine)
  need zbarimg pdftoppm qpdf
  "$telar" zine "$story" -o square.pdf || fail "telar square"
  plain=$(curves square.pdf)
  for style in rounded dots; do
    tpl=$(styled zine fotocopia $style)
    "$telar" zine "$story" -t "$tpl" -o $style.pdf 2>err.txt || fail "telar -t $style: $(cat err.txt)"
    grep -q "square modules" err.txt && fail "$style fell back to square: $(cat err.txt)"
    [ "$(curves $style.pdf)" -gt "$((plain + 100))" ] || fail "$style: no more curves than square"
    pdftoppm -r 150 -png $style.pdf $style || fail "pdftoppm"
    got=$(zbarimg --raw -q $style-*.png) || fail "zbarimg reads no $style code"
    [ "$got" = "$link" ] || fail "$style decoded '$got'"
  done
  ;;
banner)
  need zbarimg pdftoppm qpdf
  for style in rounded dots; do
    tpl=$(styled banner tejido $style)
    "$telar" banner "$story" -t "$tpl" --size 1.2x0.4m -o $style.pdf 2>err.txt ||
      fail "telar banner -t $style: $(cat err.txt)"
    grep -q "square modules" err.txt && fail "$style fell back to square: $(cat err.txt)"
    pdftoppm -r 150 -png $style.pdf $style || fail "pdftoppm"
    got=$(zbarimg --raw -q $style-*.png) || fail "zbarimg reads no $style code on the banner"
    [ "$got" = "$link" ] || fail "$style decoded '$got'"
  done
  ;;
cards)
  need zbarimg pdftoppm
  tpl=$(styled zine fotocopia rounded)
  "$telar" zine "$story" -t "$tpl" --qr-offline -o cards.pdf 2>err.txt || fail "telar: $(cat err.txt)"
  grep -q "square modules" err.txt && fail "rounded cards fell back to square: $(cat err.txt)"
  pdftoppm -r 150 -f 2 -l 2 -png cards.pdf sheet || fail "pdftoppm"
  [ "$(zbarimg --raw -q sheet*.png | grep -cE '^[0-9]+/2 ')" = 2 ] || fail "zbarimg does not read both rounded cards"
  "$telar" decode cards.pdf -o back.md || fail "telar decode of rounded cards"
  grep -qF "Carmen: " back.md || fail "the decoded story lacks Carmen's turns"
  ;;
dense)
  # Dots on the densest code telar prints: the whole caravan story on the back cover
  # (version 26, under half a millimetre a module). zbar reads it from 150 dpi; a style
  # that does not read back is drawn square instead (tests/unit/qr_verify_test.cc).
  need zbarimg pdftoppm qpdf
  tpl=$(styled zine fotocopia dots)
  "$telar" zine "$repo/examples/caravan.circle.md" -t "$tpl" --qr-offline -o dense.pdf 2>err.txt ||
    fail "telar: $(cat err.txt)"
  grep -q "square modules" err.txt && fail "dots fell back to square: $(cat err.txt)"
  [ "$(curves dense.pdf)" -gt 1000 ] || fail "the dense code is not drawn in dots"
  pdftoppm -r 150 -png dense.pdf dense || fail "pdftoppm"
  zbar() { zbarimg --raw -q "$@" 2>/dev/null; }
  zbar dense-*.png | head -1 | grep -qxF "1/1 The Caravan at Shift Change" ||
    fail "zbarimg does not read the dotted story code: $(zbar dense-*.png | head -1)"
  ;;
*) fail "unknown case" ;;
esac
echo "ok [$case]"
