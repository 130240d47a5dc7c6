#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds telar (the program, not the tests), and makes the example
# zines, banners and manuals into out/, and every node's artifacts of docs/batch-manifest.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
mkdir -p out
run() { echo "telar $*"; build/telar "$@"; }
run zine examples/la-bateria.circle.md -t fotocopia -o out/la-bateria-zine.pdf
run zine examples/witral.circle.md -t semilla -o out/witral-zine.pdf
run zine examples/caravan.circle.md -t semilla --paper letter -o out/caravan-zine.pdf
run zine examples/la-bateria.circle.md --layout reader -o out/la-bateria-reader.pdf
run banner examples/la-bateria.circle.md -o out/la-bateria-banner.pdf
run banner examples/la-bateria.circle.md -t pancarta --size 2x1m --tile a4 -o out/la-bateria-tiles.pdf
run manual examples/lessons/*.md --node "Biblioteca de baterías" --crew "Ana, Rodrigo, Marisol" --cycle 2026-11-20 -o out/manual.pdf
run manual examples/lessons/*.md -t brigada --cycle 2026-11-20 --impose none -o out/manual-pages.pdf
run batch docs/batch-manifest.yaml --out-dir out/batch
echo "Done: see out/. Print at 100% (never fit to page): zines one-sided (docs/folding.md), the manual two-sided (docs/manual.md)."
