#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Judges `telar manual` output with tools nobody on the team wrote (qpdf, poppler,
# xmllint). Usage: manual.sh TELAR EXAMPLES_DIR CASE   (one ctest entry per CASE)
set -uo pipefail
telar=$1 examples=$2 case=$3
fixtures=$(cd "$(dirname "$0")/../fixtures/manual" && pwd)
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

lessons=("$examples"/lessons/*.md)
common=(--cycle 2026-11-20 --crew "Ana, Rodrigo" --node "Biblioteca de baterías")
make() { "$telar" manual "${lessons[@]}" "${common[@]}" "$@" || fail "telar manual $*"; }
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# Words of pdftotext output on stdin, one per line, sorted (reading order does not
# matter); a word hyphenated at a line's end (a soft hyphen there) is joined back.
words() { sed -z 's/\xc2\xad\n//g' | tr -s ' \n\t\f' '\n\n\n\n' | grep -v '^$' | sort; }
# The text of a PDF (pdftotext's arguments) on one line, hyphenated words joined.
flat() { pdftotext -enc UTF-8 "$@" - | sed -z 's/\xc2\xad\n//g' | tr -s ' \n\t\f' '    '; }

case $case in
qpdf-check)
  need qpdf
  for t in cuaderno brigada; do
    make -t $t -o m-$t.pdf
    qpdf --check m-$t.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check ($t)"; }
    make -t $t --impose none -o r-$t.pdf
    qpdf --check r-$t.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check reader ($t)"; }
  done
  ;;
sizes)
  need pdfinfo
  make --impose none -o r.pdf
  make -o s.pdf
  pdfinfo r.pdf | grep -Eq '^Page size: +419\.5[0-9]* x 595\.2[0-9]* pts' || { pdfinfo r.pdf; fail "A5 pages"; }
  pdfinfo s.pdf | grep -Eq '^Page size: +841\.89 x 595\.2[0-9]* pts' || { pdfinfo s.pdf; fail "A4 landscape sheets"; }
  n=$(pages r.pdf) sides=$(pages s.pdf)
  [ $((n % 4)) -eq 0 ] || fail "$n pages is not a multiple of 4"
  [ "$sides" -eq $(( (n + 3) / 4 * 2 )) ] || fail "$n pages gave $sides sheet sides"
  # Letter paper and A5 pages do not fit two-up: a usage error, no file.
  "$telar" manual "${lessons[@]}" --sheet letter --page a4 -o bad.pdf 2>/dev/null
  [ $? -eq 2 ] || fail "A4 pages on letter sheets must be a usage error"
  [ ! -e bad.pdf ] || fail "a file was left behind"
  ;;
halves)
  need pdftotext
  make --impose none -o r.pdf
  make -o s.pdf
  n=$(pages r.pdf)
  for ((k = 0; k < n / 4; k++)); do
    # sheet k: front = pages n-2k | 2k+1, back = 2k+2 | n-2k-1 (short-edge duplex)
    for side in front back; do
      if [ $side = front ]; then left=$((n - 2 * k)) right=$((2 * k + 1)) pdf=$((2 * k + 1))
      else left=$((2 * k + 2)) right=$((n - 2 * k - 1)) pdf=$((2 * k + 2)); fi
      for half in left right; do
        if [ $half = left ]; then page=$left x=0; else page=$right x=421; fi
        pdftotext -enc UTF-8 -f $pdf -l $pdf -x $x -y 0 -W 420 -H 596 s.pdf half.txt
        if [ $k -eq 0 ] && [ $side = front ] && [ $half = left ]; then
          # The back cover's foot carries the printing instruction, on the sheet only.
          grep -qF "por ambas caras, volteando por el borde corto" half.txt || fail "no duplex note on the first sheet"
          grep -vF "por ambas caras" half.txt >h && mv h half.txt
        fi
        words <half.txt >half.words
        pdftotext -enc UTF-8 -f $page -l $page r.pdf - | words >page.words
        cmp -s half.words page.words ||
          fail "sheet side $pdf, $half half is not page $page: $(diff half.words page.words | head)"
      done
    done
  done
  ;;
toc)
  need pdftotext
  make --impose none -o r.pdf
  pdftotext -enc UTF-8 -layout -f 2 -l 2 r.pdf toc.txt || fail "pdftotext"
  entries=0
  while IFS= read -r line; do
    [[ $line =~ ^[[:space:]]*(.*[^[:space:]])[[:space:]]{2,}([0-9]+)[[:space:]]*$ ]] || continue
    title=${BASH_REMATCH[1]} page=${BASH_REMATCH[2]}
    flat -f "$page" -l "$page" r.pdf | grep -qF "$title" || fail "'$title' is not on page $page"
    entries=$((entries + 1))
  done <toc.txt
  [ $entries -ge 9 ] || { cat toc.txt; fail "only $entries contents lines"; }
  # The links and bookmarks go to the same places.
  pdfinfo -dests r.pdf | grep -Eq '^ +3 .*"lesson-1"$' || fail "no destination lesson-1 on page 3"
  ;;
outline)
  need qpdf
  make -o s.pdf
  qpdf --json --json-key=outlines s.pdf >o.json || fail "qpdf --json"
  for t in "Contenido" "Antes de abrir la biblioteca" "Cuidar el litio" "La red del barrio" \
           "Registro de la luna" "Calendario de rotación"; do
    grep -qF "\"title\": \"$t\"" o.json || fail "the outline lacks '$t'"
  done
  ;;
content)
  need pdftotext
  make --impose none -o r.pdf
  flat r.pdf >all.txt
  for s in "Luna Baterías prestadas Devueltas Dañadas" "Octubre 34 31 1" "Noviembre 52 50 0" \
           "Que cada batería tenga su color y su etiqueta." "Que la mesa plegable siga en la bodega" \
           "Manual de campo" "Ana, Rodrigo" "9 nov – 9 dic 2026" "mié 9 dic 2026" "dom 28 nov 2027" \
           "logread | tail -n 20" "https://example.org/nodos/villa-francia/cortes"; do
    grep -qF -- "$s" all.txt || { cat all.txt; fail "pdftotext lacks '$s'"; }
  done
  pdfinfo r.pdf | grep -Eq '^Title: +Manual de campo$' || fail "PDF title"
  ;;
fonts-embedded)
  need pdffonts
  make -t brigada -o s.pdf
  pdffonts s.pdf >fonts.txt || fail "pdffonts"
  tail -n +3 fonts.txt | awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }' || { cat fonts.txt; fail "a font is not embedded"; }
  grep -q "NotoSansMono" fonts.txt || fail "code is not set in Noto Sans Mono"
  ;;
reproducible)
  need pdfinfo
  make -o a.pdf && make -o b.pdf
  cmp a.pdf b.pdf || fail "PDF differs between runs"
  make -o a.svg && make -o b.svg
  for f in a-*.svg; do cmp "$f" "b${f#a}" || fail "$f differs"; done
  grep -aq "CreationDate" a.pdf && fail "CreationDate without SOURCE_DATE_EPOCH"
  true
  ;;
svg-png)
  need xmllint
  make -o m.svg
  n=$(ls m-*.svg | wc -l)
  [ "$n" -eq 12 ] || fail "expected 12 SVG pages (none is the default for SVG), got $n"
  for f in m-*.svg; do xmllint --noout "$f" || fail "xmllint $f"; done
  make --impose saddle --dpi 50 -o s.png
  [ "$(ls s-*.png | wc -l)" -eq 6 ] || fail "expected 6 PNG sheet sides"
  file s-01.png | grep -q "585 x 413" || { file s-01.png; fail "A4 landscape at 50 dpi"; }
  ;;
calibrate)
  need pdftotext
  "$telar" manual --calibrate -o cal.pdf || fail "telar manual --calibrate"
  pdfinfo cal.pdf | grep -Eq '^Pages: +2$' || fail "two sides"
  pdfinfo cal.pdf | grep -Eq '^Page size: +841\.89 x 595\.2[0-9]* pts' || fail "A4 landscape"
  flat -f 2 -l 2 cal.pdf | grep -qF -- "--duplex short" || fail "the back lacks --duplex short"
  flat -f 2 -l 2 cal.pdf | grep -qF -- "--duplex long" || fail "the back lacks --duplex long"
  LANG=es_CL.UTF-8 "$telar" manual --calibrate -o cal-es.pdf || fail "telar manual --calibrate (es)"
  flat cal-es.pdf | grep -qF "Prueba de doble cara" || fail "the Spanish test sheet"
  "$telar" manual --calibrate "${lessons[0]}" -o x.pdf 2>/dev/null
  [ $? -eq 2 ] || fail "--calibrate with lessons must be a usage error"
  ;;
long-edge)
  need pdftotext
  make --duplex long -o l.pdf
  flat -f 1 -l 1 l.pdf | grep -qF "borde largo" || fail "the long-edge instruction"
  make --creep 0.2mm -o c.pdf && make --paper-weight 80gsm -o w.pdf
  qpdf --check c.pdf >/dev/null 2>&1 || fail "qpdf --check with creep"
  ;;
jpeg)
  need pdfimages
  "$telar" manual "$fixtures/pictures.md" --cycle 2026-11-20 -o p.pdf || fail "telar"
  pdfimages -list p.pdf >images.txt || fail "pdfimages"
  # The photograph goes in as the JPEG file itself (same size), the PNG as pixels.
  grep -Eq ' 70 +100 +rgb +3 +8 +jpeg .* 1237B ' images.txt || { cat images.txt; fail "the JPEG was not kept as JPEG"; }
  grep -Eq ' 47 +67 +rgb +3 +8 +image ' images.txt || { cat images.txt; fail "the PNG is missing"; }
  ;;
anonymize)
  # --crew, the lessons' text and their `private:` names, --title and --node: no name in
  # any byte telar writes, in every format; the pseudonyms are there instead.
  need pdftotext qpdf strings
  mkdir -p l && cp -r "$fixtures/Carmen-Rojas.md" "$fixtures/img" l/
  anon=(l/Carmen-Rojas.md --cycle 2026-11-20 --crew "Carmen Rojas, Julián, Ana-Lucía, Rose-Merline"
        --node "Taller de Julián" --anonymize)
  "$telar" manual "${anon[@]}" || fail "telar manual --anonymize (default name)"
  [ -e manual.pdf ] || { ls; fail "no manual.pdf"; }
  "$telar" manual "${anon[@]}" --impose none -o r.pdf || fail "telar manual reader"
  "$telar" manual "${anon[@]}" --title "Manual de Carmen" -o t.pdf || fail "telar manual --title"
  "$telar" manual "${anon[@]}" --impose none -o p.svg || fail "telar manual svg"
  "$telar" manual "${anon[@]}" --impose none -o s.png --dpi 60 || fail "telar manual png"
  "$telar" manual "${anon[@]}" --initials --impose none -o i.pdf || fail "telar manual --initials"
  flat r.pdf >r.txt; flat t.pdf >t.txt; flat manual.pdf >m.txt; flat i.pdf >i.txt
  grep -qiF "Voz 1" r.txt || { cat r.txt; fail "no pseudonym in the manual"; }
  grep -qiF "Manual de Voz 1" t.txt || { cat t.txt; fail "--title not anonymized"; }
  grep -qiF "Taller de Voz 2" r.txt || { cat r.txt; fail "--node not anonymized"; }
  grep -qF "la luz se cortó" r.txt || { cat r.txt; fail "the common word 'luz' was replaced"; }
  pdfinfo t.pdf | grep -q "^Title: *Manual de Voz 1" || { pdfinfo t.pdf; fail "metadata title"; }
  for f in manual r t i; do qpdf --qdf --object-streams=disable $f.pdf q-$f.pdf || fail "qpdf $f"; done
  strings -a s*.png >png.txt
  ls | grep -v '^l$' >names.txt   # the files telar chose
  cat r.txt t.txt m.txt i.txt q-*.pdf p*.svg png.txt names.txt |
    sed -e 's/\xc2\xad//g; s/\xe2\x80[\x8b-\x8f]//g; s/\xe2\x81\xa0//g' >all.txt
  for name in Carmen Rojas Julián Julian Lucía Lucia Merline Inés Tomás Tomas; do
    grep -aqiF "$name" all.txt && { grep -aiF "$name" all.txt | head -3; fail "'$name' in the output"; }
  done
  for name in Ana Rose Ines; do
    grep -aqiw "$name" all.txt && { grep -aiw "$name" all.txt | head -3; fail "'$name' in the output"; }
  done
  # A link that carries a name cannot be rewritten: refused, nothing written.
  sed -i 's|example.org/cuaderno|example.org/Juli%C3%A1n|' l/Carmen-Rojas.md
  "$telar" manual "${anon[@]}" -o x.pdf 2>err.txt; rc=$?
  [ $rc -eq 65 ] || { cat err.txt; fail "exit $rc for a link with a name, expected 65"; }
  grep -qF "Carmen-Rojas.md:9:1: error: with --anonymize, a link must not contain a name ('Julián')" err.txt ||
    { cat err.txt; fail "message for a link with a name"; }
  [ ! -e x.pdf ] || fail "an output file was left"
  # Control: without --anonymize the names are there, so the search above can fail.
  "$telar" manual l/Carmen-Rojas.md --cycle 2026-11-20 --crew "Carmen Rojas" --impose none -o plain.pdf ||
    fail "telar manual plain"
  flat plain.pdf | grep -qF "Julián" || fail "control: names missing without --anonymize"
  ;;
label-name)
  # A template whose label carries a crew member's name: warned, and replaced.
  need pdftotext
  sed -e 's/^    title: Manual de campo$/    title: Manual de Carmen/' "$examples/../templates/manual/cuaderno.yaml" >t.yaml
  grep -qF "Manual de Carmen" t.yaml || fail "fixture: the label was not changed"
  "$telar" manual "${lessons[@]}" --cycle 2026-11-20 --crew "Carmen" -t t.yaml --anonymize --impose none -o a.pdf 2>err.txt ||
    { cat err.txt; fail "telar manual"; }
  grep -qF "warning: the template's label 'labels.es.title' contains a name" err.txt || { cat err.txt; fail "no warning"; }
  grep -qF "Carmen" err.txt && { cat err.txt; fail "the warning names the name"; }
  flat a.pdf >a.txt
  grep -qF "Carmen" a.txt && { cat a.txt; fail "the label's name is in the manual"; }
  grep -qiF "Manual de Voz 1" a.txt || { cat a.txt; fail "the label was not anonymized"; }
  ;;
*) fail "unknown case" ;;
esac
echo "ok [$case]"
