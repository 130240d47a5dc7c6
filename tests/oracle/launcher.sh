#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The `telar` program is a launcher (src/cli/launcher.cc): it answers --version alone and
# loads libtelar-cli.so for every other command, from beside it or from ../lib/telar.
# usage: launcher.sh TELAR CASE
set -euo pipefail
telar=$1 case=$2
. "$(dirname "$0")/lib.sh"
dir=$(dirname "$telar")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case "$case" in
  version)
    # Nothing but the C library: no Pango, Cairo or telar module is loaded for it.
    out=$(env LD_DEBUG=files "$telar" --version 2>"$tmp/ld")
    [[ "$out" =~ ^telar\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$out'"
    ! grep -q 'libpango\|libcairo\|libtelar-cli' "$tmp/ld" || fail "--version loaded $(grep -o 'file=[^ ]*' "$tmp/ld" | sort -u | tr '\n' ' ')"
    # The module answers it too, with other words after it, the same way.
    [ "$("$telar" --version extra)" = "$out" ] || fail "--version with an argument differs"
    ;;
  installed)
    # An installed tree: bin/telar and lib/telar/libtelar-cli.so.
    mkdir -p "$tmp/bin" "$tmp/lib/telar"
    cp "$telar" "$tmp/bin/telar"
    cp "$dir/libtelar-cli.so" "$tmp/lib/telar/"
    "$tmp/bin/telar" --help >"$tmp/help" || fail "installed telar --help exited $?"
    grep -q zine "$tmp/help" || fail "installed telar --help: no zine command"
    ;;
  missing-module)
    # Without its module: exit 1 (PRODUCT.md: failure), a message in the user's language
    # naming the file, and nothing written.
    cp "$telar" "$tmp/telar"
    set +e
    LANG=C.UTF-8 "$tmp/telar" zine x.md -o "$tmp/z.pdf" 2>"$tmp/en"
    en=$?
    LANG=es_CL.UTF-8 LANGUAGE= "$tmp/telar" zine x.md -o "$tmp/z.pdf" 2>"$tmp/es"
    es=$?
    set -e
    [ "$en" = 1 ] && [ "$es" = 1 ] || fail "exit $en / $es, expected 1"
    grep -q '^telar: the installation is incomplete: cannot load libtelar-cli.so (not found beside ' "$tmp/en" ||
      fail "English message: $(cat "$tmp/en")"
    grep -q '^telar: la instalación está incompleta: no se puede cargar libtelar-cli.so' "$tmp/es" ||
      fail "Spanish message: $(cat "$tmp/es")"
    [ ! -e "$tmp/z.pdf" ] || fail "an output was written"
    ;;
  *) fail "unknown case $case" ;;
esac
