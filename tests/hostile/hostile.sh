#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The hostile-input suite: one case per run (tests/CMakeLists.txt lists them). Each case
# generates its input in an empty folder (large inputs are never stored in the repo), runs
# telar under `timeout` and `/usr/bin/time -v`, and asserts the exit status, a message,
# peak memory under 1 GB, wall time under 20 s, stderr under 64 KB, and that no file or
# temp is left behind (only the outputs the case expects).
#   hostile.sh TELAR REPO CASE
set -uo pipefail
telar=$1 repo=$2 case=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL [$case]: $*" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || fail "/usr/bin/time is missing (apt-get install time)"

story() {  # a small valid story circle
  printf -- '---\ntitle: Prueba\nnode: Nodo\ndate: 2025-03-01\n---\n\n## Ronda\n\nAna: Hola a todas.\n\n> Beto: Se cuida lo que se quiere.\n\n%s\n' "${1:-}"
}
lesson() { printf -- '---\ntitle: Lección\n---\n\n# Lección\n\n%s\n' "${1:-Texto.}"; }
template_with() {  # the shipped fotocopia with one line replaced (sed expression $1)
  sed "$1" "$repo/templates/zine/fotocopia.yaml" > t.yaml
}

# expect EXIT REGEX -- ARGS...: runs telar, checks status, stderr, time, memory, leftovers.
expect() {
  local want=$1 regex=$2
  shift 3
  local before
  before=$(find . -mindepth 1 | sort)
  timeout -s KILL 30 /usr/bin/time -v -o time.log "$telar" "$@" >stdout.log 2>stderr.log
  local code=$?
  [ -f time.log ] || fail "no time log (killed?)"
  local rss secs status_line
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' time.log)
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' time.log | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  status_line=$(grep -m1 "Command terminated by signal" time.log || true)
  [ -z "$status_line" ] || { cat stderr.log | head -c 2000; fail "$status_line"; }
  [ "$code" = "$want" ] || { head -c 2000 stderr.log; fail "exit $code, expected $want"; }
  if [ "$regex" = "-" ]; then
    [ ! -s stderr.log ] || { head -c 2000 stderr.log; fail "stderr is not empty"; }
  else
    grep -qE "$regex" stderr.log || { head -c 2000 stderr.log; fail "stderr lacks /$regex/"; }
  fi
  [ "${rss:-0}" -lt 1048576 ] || fail "peak memory ${rss} KB"
  awk -v s="$secs" 'BEGIN { exit !(s < 20) }' || fail "took ${secs} s"
  [ "$(stat -c %s stderr.log)" -lt 65536 ] || fail "stderr is $(stat -c %s stderr.log) bytes"
  rm -f time.log stdout.log stderr.log
  local after
  after=$(find . -mindepth 1 | sort)
  leftover=$(comm -13 <(echo "$before") <(echo "$after") | grep -vxF -f <(printf '%s\n' "${keep[@]:-}" | sed 's|^|./|') || true)
  [ -z "$leftover" ] || fail "left behind: $leftover"
  echo "ok [$case] exit $code, ${rss} KB, ${secs} s"
}
keep=()

case "$case" in
  # --- sources that are not regular files, or are endless
  dev-zero) expect 66 "not a regular file" -- zine /dev/zero -o z.pdf ;;
  dev-urandom-template) story > s.md; expect 66 "not a regular file" -- zine s.md -t /dev/urandom -o z.pdf ;;
  fifo-story) mkfifo f.md; expect 66 "not a regular file" -- check f.md ;;
  proc-file) expect 66 "/proc/self/maps: error: not a regular file" -- check /proc/self/maps ;;
  image-symlink-to-dev-zero)
    mkdir img && ln -s /dev/zero img/z.png && lesson '![c](img/z.png)' > l.md
    expect 65 "img/z\.png: error: not a regular file" -- manual l.md -o m.pdf ;;
  sparse-1g-story) truncate -s 1G big.md; expect 65 "too large" -- check big.md ;;
  # --- sizes that cost time
  one-line-10mb) story > s.md; head -c 10000000 /dev/zero | tr '\0' 'a' >> s.md
    expect 65 "too large" -- zine s.md -o z.pdf ;;
  one-line-1mb) story > s.md; { printf 'Ana: '; head -c 1000000 /dev/zero | tr '\0' 'a'; echo; } >> s.md
    expect 65 "line is too long" -- check s.md ;;
  word-64k) story "Ana: $(head -c 64000 /dev/zero | tr '\0' 'a')" > s.md
    expect 65 "word is too long" -- zine s.md -o z.pdf ;;
  paragraph-20k-words) story "Ana: $(yes palabra | head -n 20000 | tr '\n' ' ')" > s.md
    expect 65 "turn is too long|line is too long" -- zine s.md -o z.pdf ;;
  pull-quote-3000-words) story "> Ana: $(yes palabra | head -n 3000 | tr '\n' ' ')" > s.md
    expect 65 "too long" -- zine s.md -o z.pdf ;;
  speakers-10k) { story; for i in $(seq 1 10000); do echo "Persona$i: hola"; echo; done; } > s.md
    expect 65 "different speakers" -- zine s.md --anonymize -o z.pdf ;;
  stamp-empty-name) story '[00:03:10] : y entonces…' > s.md
    expect 65 "s\.md:13:12: error: .*name is missing" -- check s.md ;;
  # --- lessons: nesting, cmark-gfm's slow inputs
  lesson-nested-list-10k) lesson "$(printf -- '- %.0s' $(seq 1 10000))item" > l.md
    expect 65 "l\.md:7:1: error: lists and quotes are nested" -- manual l.md -o m.pdf ;;
  lesson-nested-quotes-20k) lesson "$(printf -- '> %.0s' $(seq 1 20000))a" > l.md
    expect 65 "nested" -- check l.md ;;
  lesson-nested-quotes-25) lesson "$(printf -- '> %.0s' $(seq 1 25))texto" > l.md
    expect 65 "nested 25 levels" -- manual l.md -o m.pdf ;;
  lesson-nested-16-prints-all)  # at the limit: every item is printed, nothing is dropped
    { lesson; for i in $(seq 0 15); do printf '%*s- palabra%d\n' $((i * 2)) '' "$i"; done; } > l.md
    keep=(m.pdf)
    expect 0 - -- manual l.md -o m.pdf
    text=$(pdftotext m.pdf - | tr -d '\n ')
    for i in $(seq 0 15); do case "$text" in *palabra$i*) ;; *) fail "item $i is missing from the PDF" ;; esac; done ;;
  lesson-nested-indented-60)
    { lesson; for i in $(seq 0 59); do printf '%*s- item %d\n' $((i * 2)) '' "$i"; done; } > l.md
    expect 65 "nested" -- manual l.md -o m.pdf ;;
  lesson-emphasis-bomb)
    lesson "$(printf '*a **a\n%.0s' $(seq 1 10000))b$(printf '\na** a*%.0s' $(seq 1 10000))" > l.md
    expect 65 "emphasis and links are nested" -- manual l.md -o m.pdf ;;
  lesson-wide-table)
    lesson "$(printf '|a%.0s' $(seq 1 5000))|
$(printf '|-%.0s' $(seq 1 5000))|" > l.md
    expect 65 "columns" -- check l.md ;;
  lesson-backticks-12mb) { lesson; head -c 12500000 /dev/zero | tr '\0' '`'; } > l.md
    expect 65 "too large|too long" -- check l.md ;;
  lesson-image-outside) lesson '![c](../../etc/x.png) ![d](/tmp/x.png)' > l.md
    expect 65 "folder or below" -- check l.md ;;
  lesson-image-nul) lesson '![c](real.png%00.svg)' > l.md
    expect 65 "real\.png%00\.svg" -- check l.md ;;
  png-30000) mkdir img
    printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x75\x30\x00\x00\x75\x30\x08\x06\x00\x00\x00\x00\x00\x00\x00' > img/big.png
    lesson '![c](img/big.png)' > l.md
    expect 65 "30000 x 30000 pixels" -- manual l.md -o m.pdf ;;
  svg-use-bomb) mkdir img
    { echo '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><g id="a0"><rect width="1" height="1"/></g>'
      for i in $(seq 1 12); do echo "<g id=\"a$i\"><use xlink:href=\"#a$((i-1))\"/><use xlink:href=\"#a$((i-1))\"/><use xlink:href=\"#a$((i-1))\"/></g>"; done
      echo '</svg>'; } > img/b.svg
    lesson '![c](img/b.svg)' > l.md
    expect 65 "<use> elements" -- manual l.md -o m.pdf ;;
  # --- templates: small inputs, huge cost
  template-body-max-1e5pt) story > s.md; template_with 's/^  body: {min:.*/  body: {min: 8pt, max: 1e5pt}/'
    expect 65 "t\.yaml:[0-9]+:[0-9]+: error: .*too large.*sizes\.body\.max" -- zine s.md -t t.yaml -o z.pdf ;;
  template-paper-100m) story > s.md; template_with 's/^paper: .*/paper: 100000x100000mm/'
    expect 65 "t\.yaml:[0-9]+:[0-9]+: error: .*too large" -- zine s.md -t t.yaml -o z.pdf ;;
  template-margins-1e30) story > s.md; template_with 's/^margins: .*/margins: 1e30mm/'
    expect 65 "t\.yaml:[0-9]+:[0-9]+: error: .*too large.*margins" -- zine s.md -t t.yaml -o z.pdf ;;
  template-motif-outside) story > s.md; template_with 's|^paper: .*|paper: a4\nmotif: ../../../../etc/passwd.svg|'
    expect 65 "t\.yaml:[0-9]+:[0-9]+: error: .*motif" -- check t.yaml ;;
  qr-javascript) story > s.md; expect 2 "http:// or https://" -- zine s.md --qr 'javascript:alert(1)' -o z.pdf ;;
  qr-file) story > s.md; expect 2 "http:// or https://" -- zine s.md --qr 'file:///etc/passwd' -o z.pdf ;;
  link-newline) printf -- '---\ntitle: T\nlink: "https://a.org/\\nBEGIN:VCARD"\n---\n\nAna: hola\n' > s.md
    expect 65 "s\.md:3:.*link" -- check s.md ;;
  check-100mb-line-stderr) head -c 15000000 /dev/zero | tr '\0' 'a' > s.md; printf '\xff\n' >> s.md
    expect 65 "." -- check s.md ;;
  bleed-1e7mm) story > s.md; expect 2 "bleed is too large" -- banner s.md --bleed 1e7mm -o b.pdf ;;
  png-banner-50m) story > s.md; expect 2 "megapixels" -- banner s.md --size 50x50m --dpi 300 -o b.png ;;
  transcript-50mb) { printf 'WEBVTT\n\n'; head -c 50000000 /dev/zero | tr '\0' 'a'; } > t.vtt
    expect 65 "too large" -- zine t.vtt -o z.pdf ;;
  template-font-missing) story > s.md; template_with 's/^  body: Noto Sans$/  body: Comic Sans Nonexistent/'
    expect 65 "t\.yaml:[0-9]+:[0-9]+: error: no bundled font has the family 'Comic Sans Nonexistent'.*fonts\.body" -- check t.yaml ;;
  # --- outputs
  output-is-input) story > same.pdf; expect 73 "replace one of the inputs" -- zine same.pdf -o same.pdf ;;
  output-is-input-hardlink) story > s.md; ln s.md h.pdf; expect 73 "replace one of the inputs" -- zine s.md -o h.pdf ;;
  output-symlink-replaced) story > s.md; echo keep > other.pdf; ln -s other.pdf z.pdf; keep=(z.pdf)
    expect 0 - -- zine s.md -o z.pdf
    [ "$(cat other.pdf)" = keep ] || fail "the symlink was followed"
    [ ! -L z.pdf ] && head -c 4 z.pdf | grep -q '%PDF' || fail "z.pdf is not the new PDF" ;;
  stale-temp-removed) story > s.md; touch .z.pdf.telar-tmp-999999999-AbCdEf; keep=(z.pdf)
    expect 0 - -- zine s.md -o z.pdf
    [ ! -e .z.pdf.telar-tmp-999999999-AbCdEf ] || fail "the stale temp is still there" ;;
  multi-file-dir-in-the-way) story > s.md
    echo old > z-01.svg; echo old > z-02.svg; mkdir z-03.svg
    "$telar" zine s.md --layout reader -o probe.svg >/dev/null 2>&1; n=$(ls probe-*.svg 2>/dev/null | wc -l); rm -f probe*.svg
    [ "$n" -ge 3 ] || fail "expected a set of 3+ SVG files, got $n"
    expect 73 "z-03\.svg" -- zine s.md --layout reader -o z.svg
    [ "$(cat z-01.svg)" = old ] || fail "z-01.svg was replaced although the set failed"
    [ "$(cat z-02.svg)" = old ] || fail "z-02.svg was replaced although the set failed" ;;
  multi-file-stale-removed) story > s.md
    echo old > z-09.svg; echo old > z-1.svg; echo mine > z-notes.svg
    "$telar" zine s.md --layout reader -o probe.svg >/dev/null 2>&1; n=$(ls probe-*.svg | wc -l); rm -f probe*.svg
    keep=(); for i in $(seq -w 1 "$n"); do keep+=("z-$(printf '%02d' "$((10#$i))").svg"); done
    expect 0 - -- zine s.md --layout reader -o z.svg
    [ ! -e z-09.svg ] || [ "$n" -ge 9 ] || fail "stale z-09.svg kept"
    [ ! -e z-1.svg ] || fail "stale z-1.svg kept"
    [ -e z-notes.svg ] || fail "an unrelated file was removed" ;;
  full-disk) story > s.md; echo old > z.pdf
    # The file-size limit makes write() fail like a full disk (EFBIG instead of ENOSPC).
    before=$(find . -mindepth 1 | sort)
    (trap '' XFSZ; ulimit -f 4; exec timeout 30 "$telar" zine s.md -o z.pdf) >/dev/null 2>stderr.log
    code=$?
    [ "$code" = 73 ] || { cat stderr.log; fail "exit $code, expected 73"; }
    grep -q "z.pdf" stderr.log || fail "the message does not name z.pdf"
    [ "$(cat z.pdf)" = old ] || fail "the old z.pdf was not kept"
    rm -f stderr.log
    [ "$(find . -mindepth 1 | sort)" = "$before" ] || fail "left behind: $(find . -name '.*telar*')"
    echo "ok [$case]" ;;
  full-disk-tmpfs)  # a real full file system: a 64 KB tmpfs holding the old file
    if [ "$(id -u)" != 0 ] || ! { mkdir mnt && mount -t tmpfs -o size=64k tmpfs mnt; }; then
      [ "${CI:-}" = true ] && fail "needs root (and CAP_SYS_ADMIN) to mount a tmpfs under CI=true"
      echo "skip [$case]: not root, or mount is not allowed here"; exit 77
    fi
    trap 'umount "$work/mnt"; rm -rf "$work"' EXIT
    story > s.md; echo old > mnt/z.pdf
    head -c 60000 /dev/zero > mnt/filler  # what is left is smaller than the PDF
    before=$(find . -mindepth 1 | sort)
    timeout 30 "$telar" zine s.md -o mnt/z.pdf >/dev/null 2>stderr.log
    code=$?
    [ "$code" = 73 ] || { cat stderr.log; fail "exit $code, expected 73"; }
    grep -q "mnt/z.pdf.*[Nn]o space left" stderr.log || { cat stderr.log; fail "the message does not name mnt/z.pdf and ENOSPC"; }
    [ "$(cat mnt/z.pdf)" = old ] || fail "the old z.pdf was not kept"
    rm -f stderr.log
    [ "$(find . -mindepth 1 | sort)" = "$before" ] || fail "left behind: $(find . -name '.*telar*')"
    echo "ok [$case]" ;;
  sigterm-long-render)  # TERM while a big PNG renders: exit 143, old file kept, no temp
    story > s.md; echo old > b.png
    # Under /usr/bin/time, which tells an exit status of 143 from a death by the signal.
    /usr/bin/time -v -o time.log "$telar" banner s.md --size 3x1m --dpi 300 -o b.png >/dev/null 2>stderr.log &
    tpid=$!
    sleep 2
    pid=$(pgrep -P "$tpid") || fail "the render ended before the signal (too fast to test)"
    kill -TERM "$pid"
    wait "$tpid"
    grep -q "Exit status: 143" time.log || { cat stderr.log time.log; fail "not exit 143 (128 + SIGTERM)"; }
    [ "$(cat b.png)" = old ] || fail "the old b.png was not kept"
    rm -f stderr.log time.log
    left=$(find . -mindepth 1 ! -name s.md ! -name b.png)
    [ -z "$left" ] || fail "left behind: $left"
    echo "ok [$case]" ;;
  concurrent-writers)  # two renders to one output at once, five times: one whole file
    story > a.md; sed 's/^title: Prueba/title: Otra/' a.md > b.md
    for i in 1 2 3 4 5; do
      "$telar" zine a.md -o z.pdf 2>a.log & pa=$!
      "$telar" zine b.md -o z.pdf 2>b.log & pb=$!
      wait "$pa" || { cat a.log; fail "run $i: the first writer failed"; }
      wait "$pb" || { cat b.log; fail "run $i: the second writer failed"; }
      qpdf --check z.pdf >/dev/null || fail "run $i: z.pdf is not a whole PDF"
      title=$(pdfinfo z.pdf | awk '/^Title:/ {print $2}')
      [ "$title" = Prueba ] || [ "$title" = Otra ] || fail "run $i: z.pdf has title '$title'"
      left=$(find . -mindepth 1 ! -name '?.md' ! -name '?.log' ! -name z.pdf)
      [ -z "$left" ] || fail "run $i: left behind: $left"
    done
    echo "ok [$case]" ;;
  *) fail "unknown case" ;;
esac
