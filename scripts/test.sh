#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds telar with warnings as errors and runs every test; then
# builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs every test again;
# then builds the libFuzzer targets with clang and runs each briefly (the fuzz smoke run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --tests
jobs=$(nproc 2>/dev/null || echo 2)
echo "== tests (build/)"
ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs"

echo "== tests under ASan + UBSan (build-asan/)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DTELAR_WERROR=ON -DTELAR_SANITIZE=ON \
  -DTELAR_TESTS=ON >/dev/null
cmake --build build-asan -j"$jobs" 2>&1 | sed -E '/^\[ *[0-9]+%\]|^Consolidate|^-- /d'
ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs"

echo "== fuzz smoke run (build-fuzz/, ${TELAR_FUZZ_SMOKE_SECONDS:-20} s per target)"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTELAR_FUZZ=ON -DTELAR_TESTS=OFF \
  -DCMAKE_CXX_COMPILER=clang++ -DTELAR_FUZZ_SMOKE_SECONDS="${TELAR_FUZZ_SMOKE_SECONDS:-20}" >/dev/null
cmake --build build-fuzz -j"$jobs" --target story_fuzzer template_fuzzer lesson_fuzzer transcript_fuzzer \
  manifest_fuzzer 2>&1 |
  sed -E '/^\[ *[0-9]+%\]|^Consolidate|^-- /d'
ctest --test-dir build-fuzz --output-on-failure --no-tests=error
