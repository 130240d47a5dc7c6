#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target (fuzz/) for SECONDS each (default 60), at the lowest CPU
# priority, with its seed corpus (examples/, tests/, fuzz/seeds/, fuzz/regressions/) and its
# token dictionary (fuzz/dict/). Builds build-fuzz/ with clang first when it is missing.
# A crash, a leak, a timeout (>10 s for one input) or more than 1 GB of memory fails the
# run; the input is left in build-fuzz/artifacts/TARGET/: copy it to fuzz/regressions/TARGET/
# (tests/unit/fuzz_regressions_test.cc replays every file there in the normal build).
#   scripts/fuzz.sh [--build-dir DIR] [--only story|template|lesson|transcript|manifest] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-fuzz
only=""
seconds=60
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '3,11p' "$0"; exit 0 ;;
    *) seconds="$1"; shift ;;
  esac
done
if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTELAR_FUZZ=ON \
    -DTELAR_TESTS=OFF -DCMAKE_CXX_COMPILER=clang++ >/dev/null
fi
targets=(story template lesson transcript manifest)
[ -n "$only" ] && targets=("$only")
for t in "${targets[@]}"; do
  [ -x "$build/fuzz/${t}_fuzzer" ] || cmake --build "$build" --target "${t}_fuzzer" -j2 >/dev/null
done

seeds() {  # the seed files of target $1
  case "$1" in
    story) ls examples/*.md tests/fixtures/stories/*.md 2>/dev/null || true ;;
    template) ls templates/*/*.yaml tests/fixtures/templates/*.yaml ;;
    lesson) ls examples/lessons/*.md tests/fixtures/lessons/*.md tests/fixtures/manual/*.md ;;
    # The transcript fuzzer's first byte picks the reader: the copy below adds it.
    transcript) ls tests/fixtures/transcripts/*.vtt tests/fixtures/transcripts/*.srt \
      tests/cli/*/*.vtt tests/cli/*/*.srt fuzz/seeds/transcript/* ;;
    manifest) ls docs/batch-manifest.yaml tests/cli/batch-*/m.yaml fuzz/seeds/manifest/* ;;
  esac
  find "fuzz/regressions/$1" -type f ! -name '.*' 2>/dev/null || true
}

status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  while read -r f; do
    [ -n "$f" ] || continue
    seed="$corpus/seed-$(echo "$f" | tr / _)"
    case "$t:$f" in  # transcript: '0' .vtt, '1' .srt, '2' .txt (fuzz/transcript_fuzzer.cc)
      transcript:fuzz/regressions/*) cp -f "$f" "$seed" ;;
      transcript:*.vtt) { printf 0; cat "$f"; } > "$seed" ;;
      transcript:*.srt) { printf 1; cat "$f"; } > "$seed" ;;
      transcript:*) { printf 2; cat "$f"; } > "$seed" ;;
      *) cp -f "$f" "$seed" ;;
    esac
  done < <(seeds "$t")
  echo "== fuzz $t for ${seconds}s"
  # -fork=0: one process; -rss_limit_mb: the hostile-input budget; -timeout: per input.
  if ! ASAN_OPTIONS=detect_leaks=1 nice -n 19 "$build/fuzz/${t}_fuzzer" \
      -max_total_time="$seconds" -dict="fuzz/dict/$t.dict" -max_len=65536 \
      -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "$corpus" >"$build/fuzz-$t.log" 2>&1; then
    echo "FAIL: $t found a problem; see $build/fuzz-$t.log and $artifacts/" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$build/fuzz-$t.log" | head -5 >&2 || true
    status=1
  fi
  grep -E " DONE |stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$t.log" | tr "\n" " "
  echo
done
exit $status
