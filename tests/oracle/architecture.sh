#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The pipeline's dependencies go one way: a folder may include only base/ and the folders
# before it (base <- story, template <- compose <- layout <- impose <- render <- jobs <- serve <- cli).
set -uo pipefail
src=$1/src
order=(base story template compose layout impose render jobs serve cli)
rank() { for i in "${!order[@]}"; do [ "${order[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo 99; }
bad=0
for dir in "${order[@]}"; do
  r=$(rank "$dir")
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")
    ir=$(rank "$inc")
    # story and template are siblings: neither may include the other.
    if [ "$ir" -gt "$r" ] || { [ "$dir" = story ] && [ "$inc" = template ]; } ||
       { [ "$dir" = template ] && [ "$inc" = story ]; }; then
      echo "backward include: $file includes $inc/" >&2
      bad=1
    fi
  done < <(grep -H '#include "[a-z_]*/' "$src/$dir"/*.{h,cc} 2>/dev/null)
done
# Only cli/ knows argv and Boost.Program_options.
if grep -l "boost/program_options" "$src"/{base,story,template,compose,layout,impose,render,jobs,serve}/* 2>/dev/null; then
  echo "Boost.Program_options outside cli/" >&2; bad=1
fi
exit $bad
