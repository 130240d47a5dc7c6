#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Zines from transcripts (.vtt, .srt, UTF-16 .srt, WhisperX), judged by poppler, qpdf and
# zbar; and --anonymize judged on every output byte. Usage: transcripts.sh TELAR FIXTURES CASE
set -uo pipefail
telar=$1 fixtures=$2 case=$3
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# The reader layout's text, one line, with invisible characters removed.
text_of() {
  pdftotext -enc UTF-8 "$1" - | sed -e 's/\xc2\xad//g; s/\xe2\x80[\x8b-\x8f]//g; s/\xe2\x81\xa0//g' | tr -s ' \n' '  '
}

# Speakers and their words in order, nothing of the file's machinery on the page. Pages 3-7
# are the body; highlights telar chose may stand on pages of their own (“…” or «…» — NAME), so
# those are taken out before the order is checked, and must be somewhere in the zine.
# (Spanish quotes are «…» since issue 12, English ones “…”.)
check_zine() {
  local pdf=$1
  need pdftotext
  text_of "$pdf" >t.txt
  pdftotext -enc UTF-8 -f 3 -l 7 "$pdf" - | tr -s ' \n' '  ' | sed -e 's/“[^”]*” — [[:upper:] ]*//g' -e 's/«[^»]*» — [[:upper:] ]*//g' >body.txt
  for s in CARMEN RODRIGO MARISOL; do grep -qF "$s" t.txt || { cat t.txt; fail "speaker $s missing from $pdf"; }; done
  prev=0
  for s in "Prestar una batería" "Nadie firma nada" "sigue hablando" "no se apaga" "Entre todas"; do
    grep -qF "$s" t.txt || { cat t.txt; fail "'$s' missing from $pdf"; }
    at=$(grep -boF "$s" body.txt | head -1 | cut -d: -f1)
    [ -n "$at" ] || continue
    [ "$at" -ge "$prev" ] || { cat body.txt; fail "'$s' out of order in $pdf"; }
    prev=$at
  done
  grep -qE '[0-9]{2}:[0-9]{2}' t.txt && { cat t.txt; fail "a timing in $pdf"; }
  grep -qE -- '-->|<[a-z/]|&amp;|SPEAKER_|WEBVTT' t.txt && { cat t.txt; fail "markup in $pdf"; }
  grep -q $'\r' t.txt && fail "a CR in $pdf"
  grep -q $'\xef\xbb\xbf' t.txt && fail "a BOM in $pdf"
  return 0
}

need pdftotext
case $case in
vtt)
  "$telar" zine "$fixtures/circulo.vtt" --layout reader -o v.pdf || fail "telar vtt"
  check_zine v.pdf
  grep -qF "La batería compartida" t.txt || fail "the sidecar's title is not on the cover"
  ;;
srt)
  "$telar" zine "$fixtures/circulo.srt" --title "La batería compartida" --lang es --layout reader -o s.pdf || fail "telar srt"
  check_zine s.pdf
  ;;
srt-utf16)
  "$telar" zine "$fixtures/circulo-utf16.srt" --title "La batería compartida" --lang es --layout reader -o u.pdf || fail "telar utf-16"
  check_zine u.pdf
  ;;
whisperx)
  "$telar" zine "$fixtures/whisperx.srt" --speakers "$fixtures/whisperx.speakers.yaml" \
      --title "La batería compartida" --lang es --layout reader -o w.pdf || fail "telar whisperx"
  check_zine w.pdf
  ;;
whisperx-json)
  "$telar" zine "$fixtures/whisperx.json" --speakers "$fixtures/whisperx.speakers.yaml" \
      --title "La batería compartida" --lang es --layout reader -o j.pdf || fail "telar whisperx json"
  check_zine j.pdf
  # Default name: the .json extension goes, as .srt does.
  cp "$fixtures/whisperx.json" circulo.json
  "$telar" zine circulo.json --title T || fail "telar zine circulo.json"
  [ -e circulo-zine.pdf ] || { ls; fail "default name"; }
  ;;
no-title)
  cp "$fixtures/circulo.srt" c.srt
  "$telar" zine c.srt -o x.pdf 2>err.txt; rc=$?
  [ $rc -eq 65 ] || fail "exit $rc, expected 65"
  grep -qF "c.srt: error: the transcript has no title: put 'title: ...' in a sidecar file 'c.srt.yaml' or pass --title" err.txt || { cat err.txt; fail "message"; }
  [ ! -e x.pdf ] || fail "an output file was left"
  ;;
anonymize)
  need pdftotext qpdf zbarimg strings
  cp "$fixtures/Carmen-Rojas.srt" "$fixtures/Carmen-Rojas.srt.yaml" .
  # Default output name: neutral, not the input's.
  "$telar" zine Carmen-Rojas.srt --anonymize || fail "telar --anonymize (default name)"
  [ -e anonymous-zine.pdf ] || { ls; fail "the default name is not neutral"; }
  "$telar" zine Carmen-Rojas.srt --anonymize --layout reader -o r.pdf || fail "telar reader"
  "$telar" zine Carmen-Rojas.srt --anonymize --layout reader -o p.svg || fail "telar svg"
  "$telar" zine Carmen-Rojas.srt --anonymize -o s.png --dpi 200 || fail "telar png"
  "$telar" zine Carmen-Rojas.srt --anonymize --initials --layout reader -o i.pdf || fail "telar initials"
  "$telar" banner Carmen-Rojas.srt --anonymize --size 2x1m -o b.pdf || fail "telar banner"
  "$telar" check Carmen-Rojas.srt --explain --anonymize >explain.txt || fail "telar check --explain"
  text_of r.pdf >r.txt; text_of i.pdf >i.txt; text_of b.pdf >b.txt
  grep -qF "VOZ 1" r.txt || { cat r.txt; fail "no pseudonym in the zine"; }
  grep -qF "Voz 1" explain.txt || { cat explain.txt; fail "no pseudonym in check --explain"; }
  qpdf --qdf --object-streams=disable r.pdf q.pdf || fail "qpdf"
  qpdf --qdf --object-streams=disable b.pdf qb.pdf || fail "qpdf banner"
  zbarimg -q --raw s.png >qr.txt 2>/dev/null || fail "zbarimg found no QR code"
  strings -a s.png >png.txt
  ls | grep -v "^Carmen-Rojas\.srt" >names.txt   # the files telar chose, not its inputs
  cat r.txt i.txt b.txt explain.txt q.pdf qb.pdf p*.svg png.txt qr.txt names.txt |
    sed -e 's/\xc2\xad//g; s/\xe2\x80[\x8b-\x8f]//g; s/\xe2\x81\xa0//g; s/\xcd\x8f//g; s/\xef\xb8\x8f//g' >all.txt
  for name in Carmen Rojas Julián Julian Lucía Lucia Merline Angelo Inés María Maria محمد; do
    grep -aqiF "$name" all.txt && { grep -aiF "$name" all.txt | head -3; fail "'$name' in the output"; }
  done
  for name in Ana Rose Ines; do
    grep -aqiw "$name" all.txt && { grep -aiw "$name" all.txt | head -3; fail "'$name' in the output"; }
  done
  grep -aqw "Luz" all.txt && fail "'Luz' (capitalised: the name) in the output"
  grep -qF "la luz se cortó" r.txt || fail "the common word 'luz' was replaced"
  # Control: without --anonymize the names are there, so the search above can fail.
  "$telar" zine Carmen-Rojas.srt --layout reader -o plain.pdf || fail "telar plain"
  text_of plain.pdf | grep -qF "Julián" || fail "control: names missing without --anonymize"
  ;;
link-name)
  cp "$fixtures/Carmen-Rojas.srt" "$fixtures/Carmen-Rojas.srt.yaml" .
  "$telar" zine Carmen-Rojas.srt --anonymize --qr "https://example.org/Juli%C3%A1n" -o x.pdf 2>err.txt; rc=$?
  [ $rc -eq 65 ] || fail "exit $rc, expected 65"
  grep -qF "the link must not contain a speaker's name ('Julián')" err.txt || { cat err.txt; fail "message"; }
  ;;
explain)
  "$telar" check "$fixtures/whisperx.srt" --title T --explain >e.txt 2>w.txt || fail "telar check --explain"
  grep -qF "speakers (3): SPEAKER_00, SPEAKER_01, SPEAKER_02" e.txt || { cat e.txt; fail "speakers"; }
  grep -qF "headline: " e.txt || { cat e.txt; fail "headline"; }
  grep -qF "the speaker label 'SPEAKER_00' looks generic" w.txt || { cat w.txt; fail "generic label warning"; }
  ;;
label-name)
  # A template whose colophon carries a speaker's name: warned (the key, never the name)
  # and printed with the name replaced, in the zine and the banner.
  need pdftotext
  cp "$fixtures/Carmen-Rojas.srt" "$fixtures/Carmen-Rojas.srt.yaml" .
  tpl=$fixtures/../../../templates
  sed -e 's/^    colophon: Hecho por el círculo.*/    colophon: Hecho por el círculo de Julián./' "$tpl/zine/fotocopia.yaml" >z.yaml
  grep -qF "círculo de Julián" z.yaml || fail "fixture: the colophon was not changed"
  "$telar" zine Carmen-Rojas.srt -t z.yaml --anonymize --layout reader -o z.pdf 2>err.txt || { cat err.txt; fail "telar zine"; }
  grep -qF "warning: the template's label 'labels.es.colophon' contains a name" err.txt || { cat err.txt; fail "no warning"; }
  grep -qF "Julián" err.txt && { cat err.txt; fail "the warning names the name"; }
  text_of z.pdf >z.txt
  grep -qF "círculo de Voz 2" z.txt || { cat z.txt; fail "the colophon was not anonymized"; }
  grep -qiF "Julián" z.txt && { cat z.txt; fail "the colophon's name is in the zine"; }
  # Control: without --anonymize the colophon prints as written.
  "$telar" zine Carmen-Rojas.srt -t z.yaml --layout reader -o plain.pdf || fail "telar plain"
  text_of plain.pdf | grep -qF "círculo de Julián" || fail "control: the colophon is not printed"
  ;;
too-long)
  # A transcript and a story too long for the zine: `telar check` says so, with the same
  # message, location and exit status as `telar zine`, and writes nothing.
  {
    for i in $(seq 1 700); do
      printf '%d\n00:%02d:%02d,000 --> 00:%02d:%02d,500\nHablante %d: Prestar una batería es fácil, lo difícil es que vuelva a casa cargada y a tiempo.\n\n' \
        "$i" $((i / 60 % 60)) $((i % 60)) $((i / 60 % 60)) $((i % 60)) $((i % 5))
    done
  } >long.srt
  printf -- '---\ntitle: Largo\nlang: es\n---\n\n' >long.md
  for i in $(seq 1 700); do printf 'Ana: Prestar una batería es fácil, lo difícil es que vuelva a casa cargada y a tiempo. %d\n' "$i"; done >>long.md
  for f in long.srt long.md; do
    "$telar" zine $f --title Largo -o z.pdf 2>zine.txt; zrc=$?
    "$telar" check $f --title Largo 2>check.txt; crc=$?
    [ $zrc -eq 65 ] || { cat zine.txt; fail "zine $f: exit $zrc, expected 65"; }
    [ $crc -eq 65 ] || { cat check.txt; fail "check $f: exit $crc, expected 65"; }
    grep -qE "^$f:[0-9]+:[0-9]+: error: the circle is too long for the zine's 5 inside pages" check.txt ||
      { cat check.txt; fail "check $f: message"; }
    grep -F "too long" zine.txt >z.txt; grep -F "too long" check.txt >c.txt
    cmp -s z.txt c.txt || { diff z.txt c.txt; fail "check and zine disagree on $f"; }
    [ ! -e z.pdf ] || fail "an output file was left"
  done
  # A story that fits passes.
  "$telar" check "$fixtures/circulo.srt" --title T || fail "check refused a transcript that fits"
  ;;
manual-refuses)
  "$telar" manual "$fixtures/circulo.vtt" -o m.pdf 2>err.txt; rc=$?
  [ $rc -eq 65 ] || { cat err.txt; fail "exit $rc, expected 65"; }
  grep -qF "is a transcript, not a lesson" err.txt || { cat err.txt; fail "message"; }
  ;;
*) fail "unknown case" ;;
esac
echo "ok [$case]"
