#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `telar serve` in a real browser: Debian's chromium, headless, driven by playwright-core
# (npm, pinned, installed into the build folder; no browser is downloaded). The page gets
# an example circle, the template is changed, the preview updates, the PDF is downloaded
# and judged by qpdf and pdftotext; screenshots in English and Spanish are left in the
# build folder. Then SIGINT must stop the server cleanly (exit 0).
#   serve.sh TELAR EXAMPLES BUILD_DIR
set -uo pipefail
telar=$1 examples=$2 build=$3
case=browser
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../oracle/lib.sh"
need node npm chromium qpdf pdftotext strace

playwright_version=1.56.1   # node >= 18 (Debian 12's nodejs); drives the system chromium
deps=$build/browser-deps
if [ ! -f "$deps/node_modules/playwright-core/package.json" ] ||
   ! grep -q "\"version\": \"$playwright_version\"" "$deps/node_modules/playwright-core/package.json"; then
  mkdir -p "$deps"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads nothing anyway; said twice.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$deps" --no-audit --no-fund --no-save \
    --loglevel=error "playwright-core@$playwright_version" >"$deps/npm.log" 2>&1 ||
    fail "npm install playwright-core@$playwright_version failed: $(tail -5 "$deps/npm.log")"
fi

work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# Under strace (network calls only): afterwards, the trace must show no connection made
# and no socket bound but the loopback listeners.
# LeakSanitizer cannot run under ptrace (in an ASan build it would end the server with exit 1).
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
strace -f -qq --seccomp-bpf -e trace=network -o "$work/trace" \
  bash -c 'echo $$ >"$0"; exec "$1" serve --port 0' "$work/pid" "$telar" >"$work/url" 2>"$work/err" &
tracer=$!
server=
for _ in $(seq 1 100); do   # at most 10 s
  server=$(cat "$work/pid" 2>/dev/null)
  [ -n "$server" ] && break
  sleep 0.1
done
[ -n "$server" ] || fail "telar serve did not start under strace"
url=
for _ in $(seq 1 100); do   # at most 10 s
  url=$(head -n 1 "$work/url" 2>/dev/null)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || fail "telar serve printed no address: $(cat "$work/err")"
case $url in http://127.0.0.1:*/?t=*) ;; *) fail "unexpected address '$url'" ;; esac

NODE_PATH=$deps/node_modules timeout 180 node "$here/serve.mjs" "$url" "$examples/la-bateria.circle.md" \
  "$work" "$build" || fail "the browser run failed"

pdf=$work/anonymous-zine.pdf
[ -s "$pdf" ] || fail "no PDF was downloaded"
qpdf --check "$pdf" >/dev/null || fail "qpdf --check failed on the downloaded PDF"
text=$(pdftotext "$pdf" -)
grep -q "batería" <<<"$text" || fail "the PDF's text has not the story's words"
grep -q "Elena" <<<"$text" && fail "a speaker's name is in the PDF although anonymize is on by default"

kill -INT "$server"
status=
for _ in $(seq 1 100); do   # at most 10 s
  if ! kill -0 "$tracer" 2>/dev/null; then wait "$tracer"; status=$?; break; fi
  sleep 0.1
done
[ -n "$status" ] || fail "telar serve did not stop within 10 s of SIGINT"
[ "$status" -eq 0 ] || fail "telar serve exited $status after SIGINT: $(tail -c 3000 "$work/err")"
server=

# A network connection is an AF_INET/AF_INET6 connect; glibc's probe of the local nscd socket
# (AF_UNIX, a name-service lookup on some machines) is not one.
grep -E '\<connect\(' "$work/trace" | grep -v 'sa_family=AF_UNIX' >"$work/connects" || true
[ -s "$work/connects" ] && fail "telar serve opened a connection: $(head -3 "$work/connects")"
binds=$(grep -E '\<bind\(' "$work/trace")
[ -n "$binds" ] || fail "strace saw no bind()"
grep -vE 'inet_addr\("127\.0\.0\.1"\)|inet_pton\(AF_INET6, "::1"' <<<"$binds" >"$work/others"
[ -s "$work/others" ] && fail "telar serve bound a socket beside its loopback listeners: $(head -3 "$work/others")"
echo "browser: ok"
