#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one golden CLI case: tests/cli/<case>/{args, inputs..., stderr.en, stderr.es, exit}.
# The case's files are copied into an empty folder, `telar <args>` runs there in English and
# in Spanish (and in Portuguese when the case has a stderr.pt: po/pt.po is partial, so some
# lines stay English); stderr and the exit status must match exactly, and no file may be
# left behind unless the case lists it in `creates`.
set -uo pipefail
telar=$1 dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL [$(basename "$dir")]: $*" >&2; exit 1; }

langs="en es"
if [ -f "$dir/stderr.pt" ]; then langs="$langs pt"; fi
for lang in $langs; do
  rm -rf "$work/run" && mkdir "$work/run"
  find "$dir" -maxdepth 1 -type f ! -name args ! -name 'stderr.*' ! -name exit ! -name creates \
    -exec cp {} "$work/run/" \;
  before=$(cd "$work/run" && ls -A | sort)
  read -r -a argv < "$dir/args"
  # Portuguese through GNU's LANGUAGE priority list over a Spanish locale, as a Brazilian
  # volunteer on a Chilean machine would set it.
  case $lang in
    es) L=es_CL.UTF-8 LG= ;;
    pt) L=es_CL.UTF-8 LG=pt_BR:es ;;
    *) L=C.UTF-8 LG= ;;
  esac
  (cd "$work/run" && LANG=$L LC_ALL= LC_MESSAGES= LANGUAGE=$LG "$telar" "${argv[@]}" >"$work/stdout" 2>"$work/stderr")
  code=$?
  want=$(cat "$dir/exit")
  [ "$code" = "$want" ] || { cat "$work/stderr"; fail "$lang: exit $code, expected $want"; }
  if [ -f "$dir/stderr.$lang" ]; then
    diff -u "$dir/stderr.$lang" "$work/stderr" || fail "$lang: stderr differs"
  fi
  after=$(cd "$work/run" && ls -A | sort)
  expected_after=$before
  if [ -f "$dir/creates" ]; then expected_after=$(printf '%s\n%s\n' "$before" "$(cat "$dir/creates")" | sort); fi
  [ "$after" = "$expected_after" ] || fail "$lang: files left behind: $(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')"
done
echo "ok [$(basename "$dir")]"
