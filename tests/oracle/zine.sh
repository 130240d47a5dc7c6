#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Judges `telar zine` output with tools nobody on the team wrote (qpdf, poppler, zbar,
# xmllint). Usage: zine.sh TELAR EXAMPLES_DIR CASE   (one ctest entry per CASE)
set -uo pipefail
telar=$1 examples=$2 case=$3
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

story_es=$examples/la-bateria.circle.md
story_en=$examples/caravan.circle.md

case $case in
qpdf-check)
  need qpdf
  for t in fotocopia semilla; do
    "$telar" zine "$story_es" -t $t -o z-$t.pdf || fail "telar failed ($t)"
    qpdf --check z-$t.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check ($t)"; }
  done
  ;;
page-size)
  need pdfinfo
  "$telar" zine "$story_es" -o a4.pdf || fail "telar a4"
  pdfinfo a4.pdf | grep -Eq '^Page size: +595\.2[0-9]* x 841\.8[0-9]* pts' || { pdfinfo a4.pdf; fail "A4 size"; }
  pdfinfo a4.pdf | grep -Eq '^Pages: +1$' || fail "one sheet"
  "$telar" zine "$story_es" --paper letter -o letter.pdf || fail "telar letter"
  pdfinfo letter.pdf | grep -Eq '^Page size: +612 x 792 pts' || { pdfinfo letter.pdf; fail "Letter size"; }
  "$telar" zine "$story_es" --layout reader -o reader.pdf || fail "telar reader"
  pdfinfo reader.pdf | grep -Eq '^Pages: +8$' || fail "reader has 8 pages"
  # A4 mini page: 74.25 x 105 mm = 210.47 x 297.64 pt
  pdfinfo reader.pdf | grep -Eq '^Page size: +210\.4[0-9]* x 297\.6[0-9]* pts' || { pdfinfo reader.pdf; fail "mini page size"; }
  ;;
fonts-embedded)
  need pdffonts
  "$telar" zine "$story_es" -t semilla -o z.pdf || fail "telar"
  pdffonts z.pdf >fonts.txt || fail "pdffonts"
  n=$(tail -n +3 fonts.txt | wc -l)
  [ "$n" -ge 2 ] || { cat fonts.txt; fail "expected several fonts"; }
  tail -n +3 fonts.txt | awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }' || { cat fonts.txt; fail "a font is not embedded"; }
  ;;
text)
  need pdftotext
  "$telar" zine "$story_es" --layout reader -o r.pdf || fail "telar"
  pdftotext -enc UTF-8 r.pdf - | tr -s ' \n' '  ' >r.txt || fail "pdftotext"
  for s in "La batería compartida" "CARMEN" "JULIÁN" "DON HÉCTOR" "ROCÍO" \
           "sin nombres, con colores" "el barrio sigue hablando"; do
    grep -qiF "$s" r.txt || { cat r.txt; fail "pdftotext lacks '$s'"; }
  done
  # The imposed sheet carries the same words.
  "$telar" zine "$story_en" -o s.pdf || fail "telar en"
  pdftotext -enc UTF-8 s.pdf - | tr -s ' \n' '  ' >s.txt || fail "pdftotext en"
  for s in "The Caravan at Shift Change" "PRIYA" "TERESA" "Nobody strikes alone"; do
    grep -qiF "$s" s.txt || { cat s.txt; fail "pdftotext lacks '$s'"; }
  done
  ;;
qr-scan)
  need zbarimg; need pdftoppm
  "$telar" zine "$story_es" -o z.pdf || fail "telar"
  pdftoppm -r 150 -png z.pdf sheet || fail "pdftoppm"
  got=$(zbarimg --raw -q sheet*.png) || fail "zbarimg found no code"
  [ "$got" = "https://example.org/nodos/villa-francia" ] || fail "decoded '$got'"
  "$telar" zine "$story_es" --qr "https://example.org/batería?ñ=1" -t semilla -o u.pdf || fail "telar --qr"
  pdftoppm -r 150 -png u.pdf u || fail "pdftoppm"
  got=$(zbarimg --raw -q u*.png) || fail "zbarimg found no UTF-8 code"
  [ "$got" = "https://example.org/batería?ñ=1" ] || fail "decoded '$got' (ECI 26 missing?)"
  ;;
png)
  need zbarimg
  "$telar" zine "$story_es" -o z.png || fail "telar png"
  file z.png | grep -q "1240 x 1754" || { file z.png; fail "A4 at 150 dpi is 1240 x 1754 px"; }
  got=$(zbarimg --raw -q z.png) || fail "zbarimg on PNG output"
  [ "$got" = "https://example.org/nodos/villa-francia" ] || fail "decoded '$got'"
  ;;
svg)
  need xmllint
  "$telar" zine "$story_es" --layout reader -o r.svg || fail "telar svg"
  ls r-*.svg >/dev/null 2>&1 || fail "no numbered svg files"
  [ "$(ls r-*.svg | wc -l)" -eq 8 ] || fail "expected 8 svg pages"
  for f in r-*.svg; do xmllint --noout "$f" || fail "xmllint $f"; done
  "$telar" zine "$story_es" -o one.svg || fail "telar svg sheet"
  [ -f one.svg ] || fail "a single sheet is one.svg"
  ;;
reproducible)
  need pdfinfo
  for ext in pdf svg png; do
    "$telar" zine "$story_es" -o a.$ext && "$telar" zine "$story_es" -o b.$ext || fail "telar $ext"
    cmp a.$ext b.$ext || fail "$ext differs between runs"
  done
  SOURCE_DATE_EPOCH=1763683200 "$telar" zine "$story_es" -o d.pdf || fail "telar sde"
  pdfinfo d.pdf | grep -Eq '^CreationDate: +Fri Nov 21 00:00:00 2025 UTC' || fail "CreationDate from SOURCE_DATE_EPOCH"
  grep -aq "CreationDate" a.pdf && fail "CreationDate without SOURCE_DATE_EPOCH"
  true
  ;;
privacy)
  need pdfinfo
  "$telar" zine "$story_es" -o z.pdf || fail "telar"
  info=$(pdfinfo z.pdf)
  echo "$info" | grep -q "^Author:" && fail "an Author field"
  # Short strings (a host called "vm") occur by chance in compressed bytes: check those
  # of five characters or more.
  for name in Carmen Julián Elena Héctor Rocío "$(whoami)" "$(hostname)" "$examples" "$work"; do
    [ ${#name} -ge 5 ] || continue
    strings z.pdf | grep -qF "$name" && fail "'$name' appears in the PDF's bytes"
    echo "$info" | grep -qF "$name" && fail "'$name' in the PDF metadata"
  done
  true
  ;;
anonymize)
  need pdftotext
  mentions=$examples/../tests/fixtures/stories/mentions.md
  for layout in print reader; do
    "$telar" zine "$mentions" --anonymize --layout $layout -o a.pdf || fail "telar --anonymize"
    pdftotext -enc UTF-8 a.pdf - | tr -s ' \n' '  ' >a.txt
    grep -qF "VOZ 1" a.txt || fail "no pseudonym in the text"
    for name in Marisol Lucía Héctor HÉCTOR MARISOL Pedro Cruz; do
      grep -qiF "$name" a.txt && fail "'$name' in the text ($layout)"
      strings a.pdf | grep -qiF "$name" && fail "'$name' in the PDF's bytes ($layout)"
    done
    pdfinfo a.pdf | grep -q "^Title: *Lo que dijo Voz 1" || fail "metadata title not anonymized"
  done
  # Without --anonymize the same names are there: the check above can fail.
  "$telar" zine "$mentions" --layout reader -o plain.pdf || fail "telar"
  pdftotext -enc UTF-8 plain.pdf - | grep -qF "Marisol" || fail "control: names missing without --anonymize"
  ;;
*) fail "unknown case" ;;
esac
echo "ok [$case]"
