#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Judges `telar motif` and the node's woven motif with tools nobody on the team wrote
# (xmllint, rsvg-convert, qpdf, file). Usage: motif.sh TELAR EXAMPLES_DIR CASE
set -uo pipefail
telar=$1 examples=$2 case=$3
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

story=$examples/la-bateria.circle.md

case $case in
svg)
  need xmllint; need rsvg-convert
  "$telar" motif "$story" -o m.svg || fail "telar motif"
  xmllint --noout m.svg || fail "xmllint rejects the motif SVG"
  rsvg-convert -o m.png m.svg || fail "rsvg-convert rejects the motif SVG"
  [ "$(head -c 8 m.png | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] || fail "rsvg-convert wrote no PNG"
  # The motif is drawn, not a blank page: thousands of thread bars.
  n=$(grep -o '<path' m.svg | wc -l)
  [ "$n" -ge 4 ] || fail "only $n paths in the motif SVG"
  ;;
formats)
  need qpdf
  "$telar" motif "$story" -o m.pdf || fail "telar motif pdf"
  qpdf --check m.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check"; }
  "$telar" motif "$story" -o m.png --dpi 72 || fail "telar motif png"
  [ "$(head -c 8 m.png | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] || fail "not a PNG"
  "$telar" motif "$story" -o m.txt 2>err.txt; [ $? -eq 2 ] || fail "an unknown format is a usage error"
  ;;
reproducible)
  "$telar" motif "$story" -o a.svg && "$telar" motif "$story" -o b.svg || fail "telar motif"
  cmp -s a.svg b.svg || fail "two runs differ"
  # Another node, another motif.
  "$telar" motif "$examples/witral.circle.md" -o w.svg || fail "telar motif witral"
  cmp -s a.svg w.svg && fail "two nodes gave the same motif"
  ;;
no-names)
  # The motif and its draft carry no name: not in the bytes, not in the text.
  "$telar" motif "$story" -o m.svg || fail "telar motif"
  for name in Carmen Julián Elena Héctor Rocío; do
    grep -qF "$name" m.svg && fail "the motif SVG has '$name'"
  done
  ;;
explain)
  # check --explain lists the shared words, who shared them, and the motif's fingerprint;
  # under --anonymize the voices are pseudonyms and the motif is the same.
  "$telar" check --explain "$story" >plain.txt 2>/dev/null || fail "check --explain"
  "$telar" check --explain --anonymize "$story" >anon.txt 2>/dev/null || fail "check --explain --anonymize"
  grep -q '^  shared words ([1-9]' plain.txt || { cat plain.txt; fail "no shared words listed"; }
  grep -qE '^    batería — said by Carmen, Julián, Elena, Don Héctor, Rocío ' plain.txt ||
    { cat plain.txt; fail "batería and who said it"; }
  grep -qE '^    batería — said by Voz 1, Voz 2, Voz 3, Voz 4, Voz 5 ' anon.txt ||
    { cat anon.txt; fail "pseudonyms under --anonymize"; }
  for name in Carmen Julián Elena Héctor Rocío; do
    grep -qF "$name" anon.txt && { cat anon.txt; fail "'$name' under --anonymize"; }
  done
  a=$(grep '^  motif: ' plain.txt) b=$(grep '^  motif: ' anon.txt)
  [ -n "$a" ] && [ "$a" = "$b" ] || fail "the motif changes under --anonymize ('$a' / '$b')"
  LANG=es_CL.UTF-8 "$telar" check --explain "$story" >es.txt 2>/dev/null || fail "check --explain (es)"
  grep -q '^  palabras compartidas (' es.txt || { cat es.txt; fail "Spanish labels"; }
  ;;
node)
  # The three artifacts of one node with the templates that weave its motif, as SVG that
  # xmllint accepts. (That they draw one draft is checked on their display lists:
  # tests/layout/node_motif_test.cc.)
  need xmllint
  "$telar" zine "$story" -t fotocopia --layout reader -o z.svg || fail "zine"
  "$telar" banner "$story" -t tejido --size 1.2x0.4m -o b.svg || fail "banner"
  "$telar" manual "$examples"/lessons/01-antes-de-abrir.md --circle "$story" -t brigada \
    --impose none --cycle 2026-11-20 -o m.svg || fail "manual"
  for f in z-01.svg b.svg m-01.svg; do xmllint --noout "$f" || fail "xmllint $f"; done
  ;;
*) fail "unknown case $case" ;;
esac
exit 0
