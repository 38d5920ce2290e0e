#!/usr/bin/env bash
# Runs a command under its own Xvfb server. Xvfb picks a free display itself
# (-displayfd) and writes its number once it accepts clients, so tests started
# together never share a display (`xvfb-run -a` scans for a free one racily).
# -noreset: by default the server resets when its last client disconnects, and a
# client connecting during that reset fails to open the display (a test's
# `xdotool search` that ends just as the console starts would make it fail).
# Usage: xvfb.sh WIDTHxHEIGHTxDEPTH COMMAND [ARGS...]; exits with COMMAND's status.
set -u
screen="$1"; shift
dir="$(mktemp -d)"
xpid=""
stop() { [[ -n "$xpid" ]] && kill "$xpid" 2>/dev/null && wait "$xpid" 2>/dev/null; rm -rf "$dir"; }
trap stop EXIT
trap 'exit 143' TERM INT

mkfifo "$dir/display"
Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/xvfb.log" &
xpid=$!
if ! read -r -t 30 number <"$dir/display" || [[ -z "$number" ]]; then
  echo "xvfb.sh: Xvfb did not start: $(cat "$dir/xvfb.log")" >&2
  exit 1
fi
DISPLAY=":$number" "$@"
status=$?
exit "$status"
