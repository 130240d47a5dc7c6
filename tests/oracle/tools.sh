#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The setup installs every command that a test or script calls: collects the external commands
# invoked by tests/, scripts/ and bench/run.sh (shell scripts, the CMake test definitions and the unit tests'
# popen/system/require_tool calls), resolves each to its Debian package with `dpkg -S`, and
# fails naming every command whose package is neither in scripts/setup-debian.sh nor Essential.
#   tools.sh ROOT            check
#   tools.sh ROOT --list     print the commands found, one per line (for debugging)
set -uo pipefail
root=$1
case=tools
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
cd "$root" || fail "no $root"

# bench/run.sh too: ctest runs it (bench.quick). The other bench/ scripts are run by hand.
mapfile -t shell_files < <({ find tests scripts -name '*.sh' -type f; echo bench/run.sh; } | sort)

# Words that the scripts define themselves: shell functions.
defined=$(grep -hoE '^[[:space:]]*(function[[:space:]]+)?[A-Za-z_][A-Za-z0-9_-]*[[:space:]]*\(\)' \
            "${shell_files[@]}" | sed -E 's/^[[:space:]]*(function[[:space:]]+)?//; s/[[:space:]]*\(\)$//' |
          sort -u)

# The first word of every simple command in a shell script, roughly as bash splits them:
# comments, single-quoted text (awk programs), plain double-quoted text and here-documents
# are dropped; case patterns are cut off; then the line is cut at | || && ; $( ` ( { ! and at
# the keywords that start a command list; assignments and redirections before a word are
# skipped; an absolute path counts by its name.
shell_words() {
  awk '
    function quotes(s,  t) { t = s; return gsub(/\047/, "", t) }
    heredoc != "" { if ($0 ~ "^[ \t]*" heredoc "[ \t]*$") heredoc = ""; next }
    inarray { if ($0 ~ /^[ \t]*\)/) inarray = 0; next }       # the lines of name=( ... )
    /^[ \t]*#/ && pending == "" { next }                       # a comment line
    /^[ \t]*[A-Za-z_][A-Za-z0-9_]*\+?=\([^)]*$/ { inarray = 1; next }
    {
      line = pending $0
      if (line ~ /\\$/) { pending = substr(line, 1, length(line) - 1) " "; next }   # a continuation
      if (quotes(line) % 2 == 1) { pending = line "\n"; next }  # single-quoted text goes on
      pending = ""
      if (match(line, /<<-?[ \t]*["\047]?[A-Za-z_]+/)) {
        tag = substr(line, RSTART, RLENGTH); sub(/<<-?[ \t]*["\047]?/, "", tag); heredoc = tag
      }
      gsub(/\047[^\047]*\047/, "", line)           # single-quoted text (awk programs)
      gsub(/\\"/, "", line)
      while (match(line, /"[^"]*"/)) {              # double-quoted text without a command
        q = substr(line, RSTART, RLENGTH)
        if (index(q, "$(") == 0) q = "Q"; else { gsub(/"/, " ", q) }
        line = substr(line, 1, RSTART - 1) q substr(line, RSTART + RLENGTH)
      }
      sub(/(^|[ \t])#.*$/, "", line)                # comments
      gsub(/\$?\(\(([^()]|\([^()]*\))*\)\)/, "", line)   # arithmetic
      gsub(/[A-Za-z_][A-Za-z0-9_]*\+?=\([^)]*\)/, "", line)   # array assignments
      sub(/^[ \t]*[^ \t()$"=]+\)/, "", line)        # a case pattern: "page-size|tiles)"
      gsub(/\|\||&&|[|;`({\n]|\$\(/, "\n", line)
      n = split(line, parts, "\n")
      for (i = 1; i <= n; i++) {
        m = split(parts[i], w, /[ \t]+/)
        for (j = 1; j <= m; j++) {
          t = w[j]
          if (t == "" || t == "!") continue
          if (t ~ /^(then|do|else|elif|if|while|until|time|exec|command|env|nice|timeout|xargs)$/) {
            if (t == "timeout") j++                 # its duration
            continue
          }
          if (t ~ /^[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?\+?=/) continue   # an assignment
          if (t ~ /^[0-9]*[<>]/) { if (t ~ /^[0-9]*[<>]+&?$/) j++; continue }   # a redirection
          if (t ~ /^-/) continue                     # an option of a wrapper above
          if (t ~ /^\/[^ ]*[a-z]$/) { sub(/.*\//, "", t) }
          if (t ~ /^[a-z][a-z0-9_.+-]*$/) print t
          break
        }
      }
    }' "$@"
}

{
  shell_words "${shell_files[@]}"
  # CMake test definitions: add_test(... COMMAND word ...)
  grep -hoE 'COMMAND[[:space:]]+[a-z][a-z0-9_.+-]*' tests/CMakeLists.txt | awk '{print $2}'
  # Unit tests: require_tool("x"), popen("x …") and system("x …")
  grep -rhoE 'require_tool\("[a-z][a-z0-9_.+-]*"|(popen|system)\(\(?"[a-z][a-z0-9_.+-]*' \
    tests --include='*.cc' | sed -E 's/.*"//'
} | sort -u >"${TMPDIR:-/tmp}/telar-tools.$$"
trap 'rm -f "${TMPDIR:-/tmp}/telar-tools.$$"' EXIT

commands=()
while read -r c; do
  [ -n "$c" ] || continue
  grep -qxF -- "$c" <<<"$defined" && continue
  kind=$(type -t -- "$c")                     # builtins, keywords and functions are no commands
  [ "$kind" = file ] || [ -z "$kind" ] || continue
  commands+=("$c")
done <"${TMPDIR:-/tmp}/telar-tools.$$"

if [ "${2:-}" = --list ]; then printf '%s\n' "${commands[@]}"; exit 0; fi
[ ${#commands[@]} -ge 10 ] || fail "only ${#commands[@]} commands found: the collector is broken"

# The packages that scripts/setup-debian.sh installs.
listed=$(sed -n '/^build_pkgs=(/,/^)/p; /^test_pkgs=(/,/^)/p; /^test_pkgs_unless_command=(/,/^)/p' scripts/setup-debian.sh |
         sed 's/#.*//; s/[()=]/ /g' | tr ' ' '\n' | grep -E '^[a-z0-9][a-z0-9.+-]+$' |
         grep -vxE 'build_pkgs|test_pkgs|test_pkgs_unless_command' | sort -u)

owner() {  # the package that owns the file of a command (merged /usr: try both spellings)
  local path=$1 real p
  real=$(readlink -f "$path")
  for p in "$real" "$path" "${real#/usr}" "${path#/usr}" "/usr$real"; do
    dpkg -S "$p" 2>/dev/null | head -1 | sed 's/:.*//; s/, .*//' | grep . && return 0
  done
  return 1
}

# Packages that a listed package depends on directly (binutils pulls binutils-ARCH-linux-gnu).
deps=$(dpkg-query -W -f='${Depends},${Pre-Depends}\n' $listed 2>/dev/null | tr ',|' '\n\n' |
       sed -E 's/^ +//; s/[ :(].*//' | grep . | sort -u)

bad=0
for c in "${commands[@]}"; do
  path=$(command -v -- "$c") || { echo "FAIL [tools]: '$c' is called but not installed" >&2; bad=1; continue; }
  pkg=$(owner "$path") || { echo "FAIL [tools]: '$c' ($path) belongs to no Debian package" >&2; bad=1; continue; }
  pkg=${pkg%%:*}
  grep -qxF -- "$pkg" <<<"$listed" && continue
  grep -qxF -- "$pkg" <<<"$deps" && continue
  [ "$(dpkg-query -W -f='${Essential}' "$pkg" 2>/dev/null)" = yes ] && continue
  echo "FAIL [tools]: '$c' comes from package $pkg, which scripts/setup-debian.sh does not install" >&2
  bad=1
done
[ $bad -eq 0 ] && echo "ok [tools]: ${#commands[@]} commands, each from an installed package: ${commands[*]}"
exit $bad
