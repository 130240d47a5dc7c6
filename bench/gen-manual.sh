#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a long field manual's lessons for bench/manual.sh: the benchmark text (one long
# Spanish manual) cut into one lesson per chapter, its sections made the lessons' `##`
# headings, each chapter given a checklist and a small table, the whole set repeated in
# volumes until it is long enough (6 volumes: 216 pages with cuaderno on A5).
# Usage: gen-manual.sh SOURCE.md OUT_DIR [VOLUMES]   (SOURCE: bench/manual-source.md)
set -euo pipefail
src=$1 out=$2 volumes=${3:-6}
mkdir -p "$out"
rm -f "$out"/lesson-*.md
roman=(I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI)
for ((v = 0; v < volumes; v++)); do
  awk -v out="$out" -v vol="$((v + 1))" -v tag="${roman[$v]}" '
    function start(title) {
      if (file != "") close(file)
      n++
      file = sprintf("%s/lesson-%02d-%02d.md", out, vol, n)
      printf "---\ntitle: \"%s (%s)\"\nlang: es\n---\n\n", title, tag > file
    }
    function extras() {
      if (file == "") return
      printf "\n## Lista para el traspaso\n\n- [ ] Revisar el inventario completo (volumen %s).\n- [x] Anotar lo aprendido en el cuaderno azul.\n- [ ] Contarle a la cuadrilla siguiente qué quedó pendiente.\n\n", tag > file
      printf "| Semana | Baterías prestadas | Devueltas | Notas |\n|---|---:|---:|---|\n| Luna nueva | %d | %d | traspaso |\n| Cuarto creciente | %d | %d | taller del jueves |\n| Luna llena | %d | %d | limpieza de paneles |\n| Cuarto menguante | %d | %d | preparar el manual |\n", 30 + n, 28 + n, 41, 39, 37, 37, 25 + vol, 24 + vol > file
    }
    NR == 1 && $0 == "---" { fm = 1; next }
    fm { if ($0 == "---") fm = 0; next }
    /^# / { sub(/^# /, ""); start($0); next }
    /^## / { extras(); sub(/^## /, ""); sub(/^[0-9]+\. /, ""); start($0); next }
    /^### / { sub(/^### [0-9.]+ /, "## "); sub(/^### /, "## ") }
    { if (file != "") print > file }
    END { extras(); close(file) }
  ' "$src"
done
echo "$(ls "$out"/lesson-*.md | wc -l) lessons in $out"
