#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds telar into build/ (installing missing Debian packages first).
#   scripts/build.sh [--tests]     --tests also installs the test tools
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh "$@"
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTELAR_WERROR=ON >/dev/null
cmake --build build -j"$jobs" 2>&1 | grep -vE '^\[ *[0-9]+%\]|^Consolidate|^-- ' || true
test -x build/telar
