#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The `telar` program is a launcher (src/cli/launcher.cc): it answers --version alone and
# loads libtelar-cli.so for every other command, from beside it or from ../lib/telar.
# usage: launcher.sh TELAR EXAMPLES CASE
set -euo pipefail
telar=$1 examples=$2 case=$3
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
    # An installed tree: bin/telar and lib/telar/*.so.
    mkdir -p "$tmp/bin" "$tmp/lib/telar"
    cp "$telar" "$tmp/bin/telar"
    cp "$dir"/libtelar-*.so "$tmp/lib/telar/"
    "$tmp/bin/telar" --help >"$tmp/help" || fail "installed telar --help exited $?"
    grep -q zine "$tmp/help" || fail "installed telar --help: no zine command"
    # serve's own module answers its --help (its flags are there, nothing is started).
    "$tmp/bin/telar" serve --help >"$tmp/serve" || fail "installed telar serve --help exited $?"
    grep -q -- --port "$tmp/serve" || fail "telar serve --help: no --port"
    ;;
  loads-what-it-needs)
    # A zine loads neither libqpdf (page boxes), OpenSSL nor cpp-httplib (serve), nor
    # poppler (decode); a banner PDF with its bleed loads libqpdf's module, and only it.
    loaded() { grep -o 'file=[^ ]*' "$1" | sed 's/file=//' | sort -u | tr '\n' ' '; }
    LD_DEBUG=files "$telar" zine "$examples/la-bateria.circle.md" -o "$tmp/z.pdf" 2>"$tmp/zine.ld" ||
      fail "zine exited $?"
    ! grep -q 'file=[^ ]*\(qpdf\|libssl\|httplib\|poppler\|telar-serve\|telar-pdf\)' "$tmp/zine.ld" ||
      fail "a zine loaded: $(loaded "$tmp/zine.ld")"
    LD_DEBUG=files "$telar" banner "$examples/la-bateria.circle.md" -o "$tmp/b.pdf" 2>"$tmp/banner.ld" ||
      fail "banner exited $?"
    grep -q 'file=[^ ]*libtelar-pdf-boxes.so' "$tmp/banner.ld" || fail "a banner did not load libtelar-pdf-boxes.so"
    ! grep -q 'file=[^ ]*\(libssl\|httplib\|poppler\)' "$tmp/banner.ld" ||
      fail "a banner loaded: $(loaded "$tmp/banner.ld")"
    grep -aq '/TrimBox' "$tmp/b.pdf" || fail "the banner has no TrimBox"
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
