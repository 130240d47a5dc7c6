#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every Catch2 test case is one ctest entry of the same name, and the other way round: a case
# whose name ctest's discovery split or lost would otherwise never run.
#   catch_cases.sh TELAR_TESTS BUILD_DIR
set -uo pipefail
tests=$1 build=$2
case=catch-cases
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# (Catch2 v2 exits with the number of cases listed, so its status says nothing here.)
"$tests" --list-test-names-only >"$work/list"
grep -v '^$' "$work/list" | sort >"$work/catch"
ctest --test-dir "$build" -N -L unit | sed -nE 's/^ *Test +#[0-9]+: (.*)$/\1/p' | sort >"$work/ctest"
n=$(wc -l <"$work/catch")
[ "$n" -ge 100 ] || fail "only $n Catch2 cases listed"
# A name that starts with '-' is read by Catch2 as an option when ctest passes it: the run
# prints Catch2's usage, exits 0 and the case passes without running.
if grep -n '^-' "$work/catch" >&2; then fail "a Catch2 case name starts with '-': it would never run"; fi
if ! diff "$work/catch" "$work/ctest" >"$work/diff"; then
  cat "$work/diff" >&2
  fail "the Catch2 cases (<) and the ctest entries (>) differ"
fi
echo "ok [catch-cases]: $n Catch2 cases, each one ctest entry"
