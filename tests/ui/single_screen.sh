#!/usr/bin/env bash
# One screen the room sees (Xvfb has one monitor): `facilita run` starts in the
# presentation mode; Tab asks before the console (Esc keeps the presentation,
# Enter shows the console with its banner); Tab goes back at once; the one-key
# controls work in the presentation; F11 fullscreens the presentation window.
# Screenshots of the live window in both modes, and of the rendered views.
# Usage: single_screen.sh FACILITA MODULE OUT_DIR
set -u
bin="$1"; module="$2"; out="$3"
mkdir -p "$out"
tmp="$(mktemp -d)"
state="$tmp/state.json"
pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$bin" run "$module" --data "$tmp" --dump-state "$state" --port 0 --lang es >"$tmp/out.txt" 2>&1 &
pid=$!
wid=""
for _ in $(seq 1 600); do
  wid="$(xdotool search --name "Facilita · Consola" 2>/dev/null | head -1)"
  [[ -n "$wid" && -s "$state" ]] && break
  sleep 0.1
done
if [[ -z "$wid" ]]; then echo "FAIL: no window"; cat "$tmp/out.txt"; exit 1; fi

fail=0
field() { python3 -c "import json; print(json.dumps(json.load(open('$state'))$1))"; }
check() {  # NAME PYTHON_EXPR EXPECTED
  local got=""
  for _ in $(seq 1 150); do got="$(field "$2")"; [[ "$got" == "$3" ]] && break; sleep 0.1; done
  if [[ "$got" == "$3" ]]; then echo "ok   $1 ($got)"; else echo "FAIL $1: got $got, expected $3"; fail=1; fi
}
shot() { command -v import >/dev/null && import -window "$wid" "$out/$1" 2>/dev/null && echo "     wrote $out/$1"; }

check "one monitor: a screen the room sees" "['screen']['shared']" "true"
check "it starts in the presentation" "['screen']['mode']" '"presentation"'
check "no banner in the presentation" "['screen']['room_banner']" "false"
[[ -z "$(xdotool search --name "Facilita · Proyector" 2>/dev/null)" ]] && echo "ok   no second window" ||
  { echo "FAIL: a projector window on the shared screen"; fail=1; }
xdotool key --window "$wid" space
check "Space starts the clock in the presentation" "['running']" "true"
xdotool key --window "$wid" Right
check "Right goes to the next section" "['current']" "1"
sleep 0.3; shot single-screen-presentation-live.png

xdotool key --window "$wid" Tab
check "Tab asks before the console" "['screen']['confirm_console']" "true"
check "... and still shows the presentation" "['screen']['mode']" '"presentation"'
sleep 0.3; shot single-screen-confirm-live.png
xdotool key --window "$wid" Escape
check "Esc keeps the presentation" "['screen']['confirm_console']" "false"
check "... presentation" "['screen']['mode']" '"presentation"'
xdotool key --window "$wid" Tab
xdotool key --window "$wid" Return
check "Enter shows the console" "['screen']['mode']" '"console"'
check "... with the banner" "['screen']['room_banner']" "true"
sleep 0.3; shot single-screen-console-live.png
xdotool key --window "$wid" Tab
check "Tab goes back without asking" "['screen']['mode']" '"presentation"'
check "... no question" "['screen']['confirm_console']" "false"

xdotool key --window "$wid" F11
fullscreen=""
for _ in $(seq 1 150); do
  fullscreen="$(xwininfo -id "$wid" | awk '/^ *Width:/ {w=$NF} /^ *Height:/ {h=$NF} END {print w "x" h}')"
  [[ "$fullscreen" == 1920x1080 ]] && break
  sleep 0.1
done
[[ "$fullscreen" == 1920x1080 ]] && echo "ok   F11 fullscreens the presentation" ||
  { echo "FAIL F11: window $fullscreen"; fail=1; }

kill -TERM "$pid"; wait "$pid" 2>/dev/null; pid=""

# The rendered views: the presentation at a revealed prompt and the console on a shared screen.
at=(--at quiz:02:00 --demo --reveal --size 1920x1080)
for view in presentation shared-console; do
  if "$bin" run "$module" --screenshot "$out/single-screen-$view.png" --view "$view" "${at[@]}" 2>"$tmp/err.txt"; then
    echo "ok   --view $view: $out/single-screen-$view.png"
  else echo "FAIL --view $view"; cat "$tmp/err.txt"; fail=1; fi
done
exit $fail
