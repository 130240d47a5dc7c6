#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every flag that `telar COMMAND --help` prints is documented in docs/cli.md.
set -uo pipefail
telar=$1 root=$2
bad=0
for cmd in $("$telar" --help | awk '/^  [a-z]+ /{print $1}'); do
  grep -q "^## \`telar $cmd" "$root/docs/cli.md" || { echo "docs/cli.md has no section for 'telar $cmd'" >&2; bad=1; }
  for flag in $("$telar" "$cmd" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qF -- "\`$flag" "$root/docs/cli.md" || { echo "docs/cli.md lacks $flag (telar $cmd)" >&2; bad=1; }
  done
done
exit $bad
