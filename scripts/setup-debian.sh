#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages telar needs to build, run and test, when they are
# missing. Idempotent; prints nothing when everything is already there.
set -euo pipefail

# To build and run telar. The last three are system fallback fonts, added to telar's private
# fontconfig only when a text needs them (fonts/README.md "System fallback"): the CJK font for
# Chinese, Japanese and Korean (the smallest Debian package that covers all four: 5.2 MB
# installed), Noto core for every other script the bundle lacks (Devanagari, Bengali, Tamil,
# Malayalam, Kannada, Telugu, Thai, Lao, Khmer, Myanmar, Sinhala, Tibetan, Ethiopic, Georgian,
# Armenian, symbols…: 43.4 MB) and the colour emoji font (11.0 MB).
build_pkgs=(
  build-essential cmake pkg-config
  libcairo2-dev libpango1.0-dev libfontconfig-dev libharfbuzz-dev libglib2.0-dev
  libqrencode-dev libyaml-cpp-dev libboost-program-options-dev libfmt-dev nlohmann-json3-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev librsvg2-dev libpng-dev
  libzxing-dev libpoppler-cpp-dev
  libhyphen-dev hyphen-es hyphen-en-us hyphen-pt-br hyphen-fr
  libqpdf-dev
  libcpp-httplib-dev   # telar serve
  fonts-wqy-microhei fonts-noto-core fonts-noto-color-emoji
)
# To build and run the tests: the test framework, the QR decoder, and every command that a
# test or script calls (tests/oracle/tools.sh checks that this list is complete).
test_pkgs=(
  catch2
  zbar-tools qpdf poppler-utils libxml2-utils librsvg2-bin time file binutils mawk
  clang libclang-rt-14-dev   # scripts/fuzz.sh and the fuzz smoke run: libFuzzer
  chromium nodejs            # tests/browser: telar serve in a real browser (playwright-core from npm)
  strace                     # tests/browser: the server opens no connection but its listeners
  mount procps               # hostile.full-disk-tmpfs (mount, umount), hostile.sigterm-long-render (pgrep)
)
# Test packages installed only when their command is missing: Debian's npm (tests/browser
# installs playwright-core with it) conflicts with the npm that NodeSource's nodejs ships.
test_pkgs_unless_command=(
  npm
)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--tests" ]]; then
  want+=("${test_pkgs[@]}")
  for p in "${test_pkgs_unless_command[@]}"; do command -v "$p" >/dev/null || want+=("$p"); done
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "telar setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
