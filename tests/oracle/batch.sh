#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `telar batch` end to end, judged by qpdf and by the JSON report.
#   hundred-nodes  a generated 100-node manifest with -j 2: every output passes qpdf --check;
#                  -j 1 gives the same bytes (on a shard); a second run skips all 100; editing
#                  one lesson reruns one; a bad input fails with its file:line under
#                  --keep-going while the rest complete
#   killed         a job killed by a signal is reported and the others finish
#   docs-example   docs/batch-manifest.yaml passes `telar check` and runs
# Usage: batch.sh TELAR ROOT CASE
set -uo pipefail
telar=$1 root=$2 case=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL [batch.$case]: $*" >&2; exit 1; }
need() {
  command -v "$1" >/dev/null && return
  [ "${CI:-}" = true ] && fail "$1 is missing (scripts/setup-debian.sh --tests)"
  echo "skip: $1 missing" >&2; exit 77
}
need qpdf
export LANG=C.UTF-8 LC_ALL= LANGUAGE=
summary() { sed -n 's/.*"summary": {\(.*\)}.*/\1/p' "$1"; }
field() { summary "$1" | grep -o "\"$2\": [0-9]*" | grep -o '[0-9]*$'; }

case $case in
hundred-nodes)
  bash "$root/tests/fixtures/batch/make-nodes.sh" "$work" 100 "$root/examples/lessons/01-antes-de-abrir.md"
  m=$work/nodes.batch.yaml
  "$telar" check "$m" || fail "telar check refused the manifest"
  "$telar" batch "$m" -j 2 --out-dir "$work/j2" --json "$work/r1.json" >"$work/out1" 2>"$work/err1" ||
    { cat "$work/err1"; fail "first run failed"; }
  [ "$(field "$work/r1.json" done)" = 100 ] || fail "first run: $(summary "$work/r1.json")"
  n=0
  for f in "$work"/j2/n*/manual.pdf; do
    qpdf --check "$f" >/dev/null 2>&1 || fail "qpdf --check: $f"
    n=$((n + 1))
  done
  [ "$n" = 100 ] || fail "$n PDFs, expected 100"
  grep -q "n042/manual.pdf" "$work/out1" || fail "the summary table does not list n042"

  # -j 1 on a tenth of the jobs: the same bytes as -j 2 (each job in a fresh worker).
  "$telar" batch "$m" -j 1 --shard 3/10 --out-dir "$work/j1" --json "$work/r0.json" >/dev/null 2>&1 || fail "-j 1 run failed"
  [ "$(field "$work/r0.json" done)" = 10 ] || fail "shard 3/10: $(summary "$work/r0.json")"
  for f in "$work"/j1/n*/manual.pdf; do
    cmp -s "$f" "$work/j2/${f#"$work"/j1/}" || fail "-j 1 and -j 2 differ: ${f#"$work"/j1/}"
  done

  "$telar" batch "$m" -j 2 --out-dir "$work/j2" --json "$work/r2.json" >/dev/null 2>&1 || fail "second run failed"
  [ "$(field "$work/r2.json" up_to_date)" = 100 ] || fail "second run: $(summary "$work/r2.json")"

  printf '\nUna línea más.\n' >>"$work/nodes/n007/lesson.md"
  "$telar" batch "$m" -j 2 --out-dir "$work/j2" --json "$work/r3.json" >/dev/null 2>&1 || fail "third run failed"
  [ "$(field "$work/r3.json" done)" = 1 ] && [ "$(field "$work/r3.json" up_to_date)" = 99 ] ||
    fail "after editing one lesson: $(summary "$work/r3.json")"
  grep -q '"output": "[^"]*n007/manual.pdf", "status": "done"' "$work/r3.json" || fail "n007 did not rerun"

  printf 'Un byte roto: \xff aquí.\n' >>"$work/nodes/n013/lesson.md"
  printf '\nOtra línea.\n' >>"$work/nodes/n014/lesson.md"
  "$telar" batch "$m" -j 2 --keep-going --out-dir "$work/j2" --json "$work/r4.json" >/dev/null 2>"$work/err4"
  code=$?
  [ "$code" = 65 ] || { cat "$work/err4"; fail "a bad input: exit $code, expected 65"; }
  [ "$(field "$work/r4.json" failed)" = 1 ] && [ "$(field "$work/r4.json" done)" = 1 ] &&
    [ "$(field "$work/r4.json" up_to_date)" = 98 ] || fail "bad input run: $(summary "$work/r4.json")"
  grep -q "nodes.batch.yaml:[0-9]*:[0-9]*: error: job manual .*n013/manual.pdf failed" "$work/err4" ||
    { cat "$work/err4"; fail "the failed job is not named with the manifest's file:line"; }
  grep -q "nodes/n013/lesson.md:[0-9]*:[0-9]*: error: invalid UTF-8" "$work/err4" ||
    { cat "$work/err4"; fail "the bad input's file:line is not in the summary"; }
  ;;

sidecar)
  # A transcript's sidecar and --speakers map are inputs of its job: editing either, or
  # writing a sidecar where there was none, reruns it; nothing else does.
  fx=$root/tests/fixtures/transcripts
  cp "$fx/circulo.srt" "$fx/whisperx.srt" "$fx/whisperx.speakers.yaml" "$work/"
  printf 'title: La batería compartida\nlang: es\n' >"$work/circulo.srt.yaml"
  cat >"$work/m.batch.yaml" <<'YAML'
jobs:
  - zine: circulo.srt
    layout: reader
    output: c.pdf
  - zine: whisperx.srt
    title: La batería compartida
    speakers: whisperx.speakers.yaml
    layout: reader
    output: w.pdf
YAML
  run() { "$telar" batch "$work/m.batch.yaml" -j 1 --json "$work/$1.json" >/dev/null 2>"$work/$1.err" || { cat "$work/$1.err"; fail "run $1"; }; }
  status() { grep -o "\"output\": \"[^\"]*$1\", \"status\": \"[a-z ]*\"" "$work/$2.json" | sed 's/.*"status": "//; s/"$//'; }
  run r1
  [ "$(field "$work/r1.json" done)" = 2 ] || fail "first run: $(summary "$work/r1.json")"
  run r2
  [ "$(field "$work/r2.json" up_to_date)" = 2 ] || fail "second run: $(summary "$work/r2.json")"
  printf 'title: Otro título\nlang: es\n' >"$work/circulo.srt.yaml"
  run r3
  [ "$(status c.pdf r3)" = done ] && [ "$(status w.pdf r3)" = "up to date" ] || fail "after editing the sidecar: $(summary "$work/r3.json")"
  pdftotext "$work/c.pdf" - | grep -qF "Otro título" || fail "the rebuilt zine does not show the new title"
  sed -i 's/: .*/: Ana/' "$work/whisperx.speakers.yaml"
  run r4
  [ "$(status w.pdf r4)" = done ] && [ "$(status c.pdf r4)" = "up to date" ] || fail "after editing --speakers: $(summary "$work/r4.json")"
  printf 'node: Taller\n' >"$work/whisperx.srt.yaml"
  run r5
  [ "$(status w.pdf r5)" = done ] || fail "after a sidecar appeared: $(summary "$work/r5.json")"
  run r6
  [ "$(field "$work/r6.json" up_to_date)" = 2 ] || fail "last run: $(summary "$work/r6.json")"
  ;;

killed)
  mkdir -p "$work/n"
  cp "$root/examples/lessons/01-antes-de-abrir.md" "$work/n/a.md"
  cp "$root/examples/lessons/02-cuidar-el-litio.md" "$work/n/b.md"
  # A long lesson (about 700 KB, hundreds of pages): its worker is still at work when killed.
  for i in $(seq 8000); do
    echo "Párrafo $i: la batería se presta, se carga y se devuelve entre vecinas del barrio."
    echo
  done >"$work/n/hang.md"
  cat >"$work/m.yaml" <<'YAML'
defaults:
  cycle: 2026-11-20
jobs:
  - manual: n/hang.md
    output: hang.pdf
  - manual: n/a.md
    output: a.pdf
  - manual: n/b.md
    output: b.pdf
YAML
  "$telar" batch "$work/m.yaml" -j 1 --keep-going --json "$work/r.json" >/dev/null 2>"$work/err" &
  batch=$!
  worker=
  for _ in $(seq 100); do
    worker=$(pgrep -P "$batch" | head -1)
    [ -n "$worker" ] && break
    sleep 0.1
  done
  [ -n "$worker" ] || fail "no worker process appeared"
  sleep 0.3
  kill -KILL "$worker"
  wait "$batch"
  code=$?
  [ "$code" = 1 ] || { cat "$work/err"; fail "exit $code, expected 1"; }
  grep -q "m.yaml:4:5: error: job manual .*hang.pdf was killed by signal 9" "$work/err" ||
    { cat "$work/err"; fail "the killed job is not reported"; }
  qpdf --check "$work/a.pdf" >/dev/null 2>&1 && qpdf --check "$work/b.pdf" >/dev/null 2>&1 ||
    fail "the other jobs did not finish"
  [ ! -e "$work/hang.pdf" ] || fail "the killed job left an output"
  [ -z "$(find "$work" -name '.*.telar-*')" ] || fail "temp files left behind"
  [ "$(field "$work/r.json" done)" = 2 ] && [ "$(field "$work/r.json" failed)" = 1 ] || fail "$(summary "$work/r.json")"
  ;;

docs-example)
  "$telar" check "$root/docs/batch-manifest.yaml" || fail "telar check refused docs/batch-manifest.yaml"
  "$telar" batch "$root/docs/batch-manifest.yaml" -j 2 --out-dir "$work/out" --json "$work/r.json" >/dev/null 2>"$work/err" ||
    { cat "$work/err"; fail "telar batch failed on docs/batch-manifest.yaml"; }
  for f in zines/la-bateria.pdf zines/witral-reader.pdf banners/caravan.pdf manuals/biblioteca.pdf \
           nodes/la-victoria/manual.pdf nodes/villa-francia/manual.pdf; do
    qpdf --check "$work/out/$f" >/dev/null 2>&1 || fail "qpdf --check: $f"
  done
  "$telar" batch "$root/docs/batch-manifest.yaml" --dry-run --out-dir "$work/out" --json "$work/d.json" >/dev/null 2>&1 || fail "dry run failed"
  [ "$(field "$work/d.json" up_to_date)" = 6 ] || fail "dry run after a run: $(summary "$work/d.json")"
  ;;
*) fail "unknown case" ;;
esac
echo "ok [batch.$case]"
