#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds telar, and makes the example zines into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
mkdir -p out
run() { echo "telar $*"; build/telar "$@"; }
run zine examples/la-bateria.circle.md -t fotocopia -o out/la-bateria-zine.pdf
run zine examples/witral.circle.md -t semilla -o out/witral-zine.pdf
run zine examples/caravan.circle.md -t semilla --paper letter -o out/caravan-zine.pdf
run zine examples/la-bateria.circle.md --layout reader -o out/la-bateria-reader.pdf
echo "Done: the zines are in out/. Print them at 100% (no 'fit to page'), one side; docs/folding.md shows how to fold and cut."
