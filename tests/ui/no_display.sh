#!/usr/bin/env bash
# Without a display `facilita run` prints one line and exits 2, creating nothing.
set -u
bin="$1"; module="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
out="$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin" run "$module" --data "$tmp/data" 2>&1)"; status=$?
lines=$(printf '%s\n' "$out" | grep -c .)
if [[ $status -ne 2 ]]; then echo "FAIL: exit $status, expected 2"; echo "$out"; exit 1; fi
if [[ $lines -ne 1 ]]; then echo "FAIL: expected one line, got $lines:"; echo "$out"; exit 1; fi
if [[ -e "$tmp/data/facilita.sqlite3" ]]; then echo "FAIL: a journal was created without a display"; exit 1; fi
echo "ok: $out"
