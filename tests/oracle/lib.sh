# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the oracle scripts: `fail MESSAGE` and `need TOOL...`. A missing tool fails the
# test under CI=true (the setup must install it); elsewhere it skips (exit 77), saying why.
fail() { echo "FAIL [${case:-?}]: $*" >&2; exit 1; }
need() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null && continue
    if [ "${CI:-}" = true ]; then
      fail "$t is not installed (scripts/setup-debian.sh --tests installs it)"
    fi
    echo "SKIP [${case:-?}]: $t is not installed (run scripts/setup-debian.sh --tests)" >&2
    exit 77
  done
}
