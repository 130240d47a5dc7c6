#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# --qr-offline judged by zbar, a reader nobody on the team wrote: every card of every
# example circle decodes alone (its cell cut out of a 150 dpi raster), with its "k/n Title"
# header; `telar decode` of the PDF gives the same turns as the input (compared through
# `telar check`-free text: speaker and text of each line); --anonymize leaves no name.
# Usage: offline.sh TELAR EXAMPLES_DIR CASE
set -uo pipefail
telar=$1 examples=$2 case=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL [$case]: $*" >&2; exit 1; }
need() {
  command -v "$1" >/dev/null && return
  [ "${CI:-}" = true ] && fail "$1 missing"
  echo "SKIP: $1 missing"; exit 77
}
zbar() { zbarimg --raw -q "$@" 2>/dev/null; }

# The story sheet's grid (layout/qr_cards.cc): 10 mm margins, cols x rows by card count.
grid() {
  local n=$1
  if [ "$n" -le 1 ]; then echo "1 1"; elif [ "$n" -le 2 ]; then echo "1 2"; elif [ "$n" -le 4 ]; then echo "2 2"
  elif [ "$n" -le 6 ]; then echo "2 3"; elif [ "$n" -le 9 ]; then echo "3 3"; elif [ "$n" -le 12 ]; then echo "3 4"
  else echo "4 4"; fi
}

case $case in
cards-scan)
  need zbarimg; need pdftoppm; need pdfinfo
  for story in "$examples"/*.circle.md; do
    name=$(basename "$story" .circle.md)
    "$telar" zine "$story" --qr-offline -o "$name.pdf" || fail "telar --qr-offline $name"
    pages=$(pdfinfo "$name.pdf" | sed -nE 's/^Pages: +//p')
    if [ "$pages" = 1 ]; then  # one card, on the back cover
      pdftoppm -r 150 -png "$name.pdf" "$name" || fail "pdftoppm"
      zbar "$name"-*.png | head -1 | grep -qE '^1/1 ' || fail "$name: the back cover's code is not card 1/1"
      continue
    fi
    [ "$pages" = 2 ] || fail "$name: $pages sheets"
    # The back cover says how many cards there are.
    pdftoppm -r 150 -f 1 -l 1 -png "$name.pdf" cover || fail "pdftoppm cover"
    n=$(zbar cover*.png | grep -oE '[0-9]+ (tarjetas|QR cards|cartões)' | grep -oE '^[0-9]+')
    [ -n "$n" ] || fail "$name: the back cover's code does not give the card count"
    read -r cols rows <<<"$(grid "$n")"
    read -r W H < <(pdfinfo -f 2 -l 2 "$name.pdf" | sed -nE 's/^Page +2 size: +([0-9.]+) x ([0-9.]+) pts.*/\1 \2/p')
    for k in $(seq 1 "$n"); do
      # The card's cell in 150 dpi pixels: x y w h.
      read -r x y w h < <(awk -v W="$W" -v H="$H" -v cols="$cols" -v rows="$rows" -v k="$k" 'BEGIN {
        m = 10 / 25.4 * 150; cw = (W / 72 * 150 - 2 * m) / cols; ch = (H / 72 * 150 - 2 * m) / rows
        c = (k - 1) % cols; r = int((k - 1) / cols)
        printf "%d %d %d %d\n", m + c * cw, m + r * ch, cw, ch }')
      pdftoppm -r 150 -f 2 -l 2 -x "$x" -y "$y" -W "$w" -H "$h" -png "$name.pdf" "card$k" ||
        fail "pdftoppm card $k"
      got=$(zbar card"$k"-*.png) || fail "$name: zbarimg reads nothing on card $k alone"
      [ "$(printf '%s\n' "$got" | grep -cE '^[0-9]+/[0-9]+ ')" = 1 ] || fail "$name: card $k shows $got"
      printf '%s\n' "$got" | head -1 | grep -qE "^$k/$n " || fail "$name: card $k starts '$(printf '%s' "$got" | head -1)'"
    done
  done
  ;;
decode)
  need pdftoppm
  for story in "$examples"/*.circle.md; do
    name=$(basename "$story" .circle.md)
    "$telar" zine "$story" --qr-offline -o "$name.pdf" || fail "telar --qr-offline $name"
    "$telar" decode "$name.pdf" -o "$name.back.md" || fail "telar decode $name"
    "$telar" check "$name.back.md" >/dev/null 2>&1 || fail "$name: the decoded story does not pass telar check"
    # Every turn of the input is a line of the decoded story (timestamps do not travel).
    grep -E '^[^#>-][^:]{0,39}: ' "$story" | grep -vE '^(title|node|date|lang|link|headline):' |
      sed -E 's/^\[[0-9:]+\] //' | while IFS= read -r line; do
        [ "${line%% *}" = "${line}" ] && continue
        grep -qF -- "${line%%:*}: " "$name.back.md" || fail "$name: '${line%%:*}' missing after decode"
      done || exit 1
    # Through standard output too, and from PNGs of the pages.
    pdftoppm -r 150 -png "$name.pdf" page || fail "pdftoppm"
    "$telar" decode page-*.png >"$name.png.md" || fail "telar decode PNGs $name"
    cmp -s "$name.back.md" "$name.png.md" || fail "$name: PDF and PNG decode differ"
    rm -f page-*.png
  done
  ;;
missing)
  need pdftoppm
  story=$examples/la-bateria.circle.md
  "$telar" zine "$story" --qr-offline -o z.pdf || fail "telar"
  # Only the top half of the story sheet: card 1 of 2 (a 1 x 2 grid).
  pdftoppm -r 150 -f 2 -l 2 -x 0 -y 0 -W 1240 -H 877 -png z.pdf half || fail "pdftoppm"
  out=$("$telar" decode half*.png -o back.md 2>&1); rc=$?
  [ $rc = 65 ] || fail "decode of card 1 alone: exit $rc"
  [ -e back.md ] && fail "a story was written with a card missing"
  echo "$out" | grep -q "missing 2/2" || fail "the missing card is not named: $out"
  pdftoppm -r 150 -f 1 -l 1 -png z.pdf cover || fail "pdftoppm"
  "$telar" decode cover*.png >/dev/null 2>&1; rc=$?
  [ $rc = 65 ] || fail "decode of an image without cards: exit $rc"
  ;;
anonymize)
  need zbarimg; need pdftoppm
  mentions=$examples/../tests/fixtures/stories/mentions.md
  for story in "$examples/la-bateria.circle.md" "$mentions"; do
    "$telar" zine "$story" --qr-offline --anonymize -o a.pdf || fail "telar --anonymize $story"
    pdftoppm -r 150 -png a.pdf a || fail "pdftoppm"
    zbar a-*.png >codes.txt || fail "zbarimg reads nothing"
    grep -q "Voz 1" codes.txt || fail "no pseudonym in the cards"
    for name in Carmen Julián Elena Héctor Rocío Marisol Lucía Pedro Cruz; do
      grep -qiF "$name" codes.txt && fail "'$name' in a QR payload ($story)"
    done
    rm -f a-*.png
  done
  ;;
long-circle)
  # A circle too long for one story sheet (more than 16 cards): it goes on more sheets,
  # the back cover says which, zbar reads every card of every sheet, and `telar decode`
  # of the PDF gives back every turn, word for word. On A1: a story the A4 zine's six
  # inside pages hold always fits one A4 sheet of cards; 24 kB of story fits an A1 zine.
  need zbarimg pdftoppm pdfinfo
  {
    printf -- '---\ntitle: La asamblea larga del barrio\nnode: Sede vecinal\ndate: 2026-11-21\nlang: es\n---\n\n'
    for r in $(seq 1 20); do
      printf '## ¿Qué aprendimos en la ronda %d?\n\n' "$r"
      for who in Carmen Julián Elena Rocío "Don Héctor"; do
        printf '%s: En la ronda %d, %s dijo que prestar una batería es prestar la voz, que la confianza no se firma y que el barrio cuida lo que comparte. Aprendimos a soldar, a anotar sin nombres y a cargar con el sol del mediodía.\n' \
          "$who" "$r" "$who"
      done
      printf '\n'
    done
  } >long.circle.md
  # check measures against the default A4 zine: it finds nothing wrong but the length.
  "$telar" check long.circle.md 2>check.txt; crc=$?
  [ $crc -eq 65 ] && [ "$(grep -c ': error: ' check.txt)" -eq 1 ] &&
    grep -q "too long for the zine" check.txt ||
    fail "telar check on the long circle (exit $crc): expected only the A4 zine's too-long error: $(cat check.txt)"
  "$telar" zine long.circle.md --qr-offline --paper 594x841mm -o long.pdf 2>err.txt || fail "telar --qr-offline: $(cat err.txt)"
  pages=$(pdfinfo long.pdf | sed -nE 's/^Pages: +//p')
  [ "$pages" -ge 3 ] || fail "$pages sheets: the long circle should need two story sheets or more"
  pdftoppm -r 100 -f 1 -l 1 -png long.pdf cover || fail "pdftoppm cover"  # A1: 100 dpi is plenty
  cover=$(zbar cover*.png) || fail "zbarimg reads no back cover code"
  n=$(printf '%s' "$cover" | grep -oE '[0-9]+ tarjetas' | grep -oE '^[0-9]+')
  [ -n "$n" ] && [ "$n" -gt 16 ] || fail "the back cover gives no card count above 16: $cover"
  printf '%s' "$cover" | grep -qF "(hojas 2–$pages)" || fail "the back cover does not name sheets 2–$pages: $cover"
  pdftoppm -r 100 -f 2 -png long.pdf sheet || fail "pdftoppm sheets"
  zbar sheet*.png | grep -oE "^[0-9]+/$n " | sort -u >seen.txt
  [ "$(wc -l <seen.txt)" = "$n" ] || fail "zbarimg reads $(wc -l <seen.txt) of $n cards"
  "$telar" decode long.pdf -o back.md || fail "telar decode"
  grep -E '^[^#-][^:]*: ' long.circle.md | grep -vE '^(title|node|date|lang):' | sort >want.txt
  grep -E '^[^#-][^:]*: ' back.md | grep -vE '^(title|node|date|lang|link|headline):' | sort >got.txt
  [ "$(wc -l <want.txt)" = 100 ] || fail "the generated circle has $(wc -l <want.txt) turns"
  cmp -s want.txt got.txt || fail "decoded turns differ: $(diff want.txt got.txt | head -5)"
  ;;
*) fail "unknown case" ;;
esac
echo "ok [$case]"
