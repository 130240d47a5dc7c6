#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds telar into build/ (installing missing Debian packages first).
#   scripts/build.sh            the program only: needs only build and run dependencies
#   scripts/build.sh --tests    also installs the test tools and builds the tests
# Any install, configure or compile error fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=OFF
if [[ "${1:-}" == "--tests" ]]; then tests=ON; fi
scripts/setup-debian.sh "$@"
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTELAR_WERROR=ON -DTELAR_TESTS=$tests >/dev/null
# Progress lines are dropped (sed always succeeds, so with pipefail the status is cmake's).
cmake --build build -j"$jobs" 2>&1 | sed -E '/^\[ *[0-9]+%\]|^Consolidate|^-- /d'
test -x build/telar
