#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 12, judged by poppler: every script prints (no box, or a failure that names the
# character), right-to-left artifacts are mirrored, labels and quotes follow `lang`.
# Usage: scripts.sh TELAR FIXTURES_DIR CASE   (FIXTURES_DIR = tests/fixtures/i18n)
set -uo pipefail
telar=$1 fixtures=$2 case=$3
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Words back from pdftotext, on one line, with the bidi embedding marks it adds dropped.
text_of() {
  pdftotext -enc UTF-8 "$@" - | tr -s ' \n' '  ' | sed 's/\xE2\x80[\xAA-\xAE]//g'
}
# "x y" of the first word equal to $2 in pdftotext -bbox output of $1, page ${3:-1}.
where() {
  pdftotext -bbox -f "${3:-1}" -l "${3:-1}" "$1" - |
    awk -v w="$2" -F'"' '/<word/ && index($0, ">" w "<") { print $2, $4; exit }'
}

case $case in
every-script)
  # One lesson in every script the setup installs a font for: the manual prints it with
  # no box (a box would fail the command), and the system faces are embedded.
  need pdffonts
  cat >lesson.md <<'MD'
---
title: Escrituras
lang: es
---

# Escrituras

Devanagari नमस्ते, Bengali আমাদের, Tamil வணக்கம், Malayalam നമസ്കാരം, Kannada ನಮಸ್ಕಾರ,
Telugu నమస్కారం, Thai สวัสดี, Khmer សួស្តី, Tibetan བཀྲ་ཤིས་བདེ་ལེགས།, Ethiopic ሰላም,
Georgian გამარჯობა, Armenian Բարեւ, Myanmar မင်္ဂလာပါ, Sinhala ආයුබෝවන්, emoji 🚲✊🏽,
Chinese 你好, Japanese こんにちは, Korean 안녕하세요, Arabic مرحبا, Hebrew שלום.
MD
  "$telar" check lesson.md 2>check.txt || { cat check.txt; fail "telar check"; }
  "$telar" manual lesson.md --impose none -o m.pdf 2>err.txt || { cat err.txt; fail "telar manual"; }
  pdffonts m.pdf >fonts.txt || fail "pdffonts"
  # (The colour emoji are drawn as images, so they are not among the fonts.)
  for f in NotoSansDevanagari NotoSansMalayalam NotoSansKannada NotoSansThai NotoSansEthiopic \
           NotoSerifTibetan NotoNaskhArabic NotoSerifHebrew; do
    grep -q "$f" fonts.txt || { cat fonts.txt; fail "$f is not embedded"; }
  done
  grep -qi "wenquanyi\|cjk" fonts.txt || { cat fonts.txt; fail "no CJK face embedded"; }
  ;;
missing-glyph)
  # A private-use character: every artifact fails with its code point and position, and
  # writes nothing; --allow-missing-glyphs prints it with a warning.
  printf -- '---\ntitle: Caja\nlang: es\n---\n\n## R\n\nAna: una letra \xee\x80\x80 sin fuente.\n' >s.md
  printf -- '---\ntitle: Caja\nlang: es\n---\n\n# Caja\n\nUna letra \xee\x80\x80 sin fuente.\n' >l.md
  for cmd in "zine s.md -o z.pdf" "banner s.md -o b.pdf" "manual l.md -o m.pdf" "check s.md" "check l.md"; do
    # shellcheck disable=SC2086
    "$telar" $cmd 2>err.txt
    code=$?
    [ $code = 65 ] || { cat err.txt; fail "$cmd: exit $code, expected 65"; }
    grep -q "U+E000" err.txt || { cat err.txt; fail "$cmd: no code point"; }
    grep -Eq '^[sl]\.md:[0-9]+:[0-9]+: error' err.txt || { cat err.txt; fail "$cmd: no file:line:col"; }
  done
  [ ! -e z.pdf ] && [ ! -e b.pdf ] && [ ! -e m.pdf ] || fail "an output was written"
  "$telar" zine s.md -o z.pdf --allow-missing-glyphs 2>err.txt || { cat err.txt; fail "--allow-missing-glyphs"; }
  grep -q "warning: .*U+E000" err.txt || { cat err.txt; fail "no warning"; }
  ;;
rtl-text)
  # An Arabic zine and banner: the words come back in logical order, labels in Arabic, a
  # Latin name inside an Arabic turn.
  need pdftotext
  "$telar" zine "$fixtures/ar.circle.md" --layout reader -o r.pdf || fail "telar zine"
  text_of r.pdf >r.txt
  # (pdftotext itself splits letter-spaced names and misplaces harakat and lam-alef, so
  # the phrases checked have none of them.)
  for s in "نجمع الخضار من السوق" "OMAR" "امسح الرمز لقراءة القصة" "مطبخ التضامن" "صنعته الحلقة"; do
    grep -qF "$s" r.txt || { cat r.txt; fail "pdftotext lacks '$s'"; }
  done
  "$telar" banner "$fixtures/ar.circle.md" -o b.pdf --size 120x40cm || fail "telar banner"
  text_of b.pdf | grep -qF "امسح الرمز" || fail "banner label not in Arabic"
  # Hebrew: the words back, a Latin name inside a Hebrew turn.
  "$telar" zine "$fixtures/he.circle.md" --layout reader -o h.pdf || fail "telar zine he"
  text_of h.pdf >h.txt
  for s in "אנחנו אוספים ירקות מהשוק" "OMAR" "המטבח השכונתי"; do
    grep -qF "$s" h.txt || { cat h.txt; fail "pdftotext lacks '$s' (Hebrew)"; }
  done
  ;;
labels-quotes)
  # Haitian and Portuguese stories: labels from the catalogue, quotes of the language.
  need pdftotext
  "$telar" zine "$fixtures/ht.circle.md" --layout reader -o ht.pdf || fail "telar ht"
  text_of ht.pdf >ht.txt
  for s in "Eskane pou istwa a" "NÒT" "Sèk la fè l"; do
    grep -qF "$s" ht.txt || { cat ht.txt; fail "Haitian zine lacks '$s'"; }
  done
  grep -q "«" ht.txt || { cat ht.txt; fail "no « in the Haitian zine"; }
  grep -qF "Scan" ht.txt && fail "an English label in the Haitian zine"
  grep -qF "« Bisiklèt la se travay mwen. »" ht.txt || { cat ht.txt; fail "no spaced « » quote"; }
  ;;
rtl-zine)
  # The folios of an Arabic (and a Hebrew) zine sit in the mirrored cells of the sheet: each page in the
  # column the left-to-right zine leaves it (same row, same turn; the sheet's long side is
  # the portrait y axis), so the folded zine reads from the other side.
  need pdftotext
  for rtl in ar he; do
    "$telar" zine "$fixtures/$rtl.circle.md" -o ar.pdf || fail "telar $rtl"
    sed "s/^lang: $rtl\$/lang: es/" "$fixtures/$rtl.circle.md" >es.circle.md
    "$telar" zine es.circle.md -o es.pdf || fail "telar es"
    for n in 2 3 4 5 6 7; do
      read -r xa ya < <(where ar.pdf $n)
      read -r xe ye < <(where es.pdf $n)
      [ -n "${ya:-}" ] && [ -n "${ye:-}" ] || fail "folio $n not found"
      awk -v xa="$xa" -v ya="$ya" -v xe="$xe" -v ye="$ye" 'BEGIN {
        d = xa - xe; s = ya + ye; g = ya - ye
        exit !(d < 0.5 && d > -0.5 && s > 830 && s < 846 && (g > 100 || g < -100)) }' ||
        fail "page $n not mirrored: ($xa, $ya) in $rtl, ($xe, $ye) in Spanish"
    done
  done
  ;;
rtl-booklet)
  # An Arabic booklet is stapled on the right: the first lesson (booklet page 3, on the
  # second sheet's front) is its left half, the second lesson (page 4, on its back) the
  # right half; the same lessons in Spanish are the other way round.
  need pdftotext pdfinfo
  "$telar" manual "$fixtures"/lessons-ar/*.md --cycle 2026-11-20 -o ar.pdf || fail "telar ar"
  mkdir es && for f in "$fixtures"/lessons-ar/*.md; do sed 's/^lang: ar$/lang: es/' "$f" >es/"$(basename "$f")"; done
  "$telar" manual es/*.md --cycle 2026-11-20 -o es.pdf || fail "telar es"
  w=$(pdfinfo ar.pdf | awk '/^Page size/ { print $3 }')
  read -r a3 _ < <(where ar.pdf .USB 3)
  read -r a4 _ < <(where ar.pdf .Signal 4)
  read -r e3 _ < <(where es.pdf .USB 3)
  read -r e4 _ < <(where es.pdf .Signal 4)
  [ -n "${a3:-}" ] && [ -n "${a4:-}" ] && [ -n "${e3:-}" ] && [ -n "${e4:-}" ] || fail "lesson words not found"
  awk -v a3="$a3" -v a4="$a4" -v e3="$e3" -v e4="$e4" -v w="$w" \
    'BEGIN { h = w / 2; exit !(a3 < h && a4 > h && e3 > h && e4 < h) }' ||
    fail "not mirrored: page 3 at x=$a3 (ar) / $e3 (es), page 4 at x=$a4 / $e4, sheet $w wide"
  ;;
*) fail "unknown case $case" ;;
esac
echo "ok [$case]"
