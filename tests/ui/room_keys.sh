#!/usr/bin/env bash
# Room messages and breaks from the keyboard of the real console under Xvfb:
# Space starts; M, a typed message and Enter show it; D and Enter start a
# break (10 minutes: paused); Space ends it (running again). Checked in the
# --dump-state JSON. With OUT_DIR, also writes the console and the projector
# with the message and during the break (--screenshot) for a person to look at.
# Usage: room_keys.sh FACILITA SESSION.yaml [OUT_DIR]
set -u
bin="$1"; module="$2"; out="${3:-}"
tmp="$(mktemp -d)"
state="$tmp/state.json"
source "$(dirname "${BASH_SOURCE[0]}")/console_lib.sh"
start_console "$module" "$tmp"

fail=0
check() {  # NAME PYTHON_EXPR EXPECTED
  local got; got="$(field "$2")"
  if [[ "$got" == "$3" ]]; then echo "ok   $1 ($got)"; else echo "FAIL $1: got $got, expected $3"; fail=1; fi
}
keys() { for k in "$@"; do xdotool key --window "$wid" "$k"; sleep 0.3; done; }

keys space
sleep 0.3
keys m
xdotool type --window "$wid" --delay 30 "Regresamos en 5 minutos"
sleep 0.3
keys Return
sleep 0.5
check "message shown" "['room_message']" '"Regresamos en 5 minutos"'
check "typing did not drive the session" "['current']" "0"
keys d Return
sleep 0.5
check "break: paused" "['running']" "false"
until_ms="$(field "['break_until']")"
if [[ "$until_ms" != "0" ]]; then echo "ok   break until $until_ms"; else echo "FAIL no break"; fail=1; fi
keys space
sleep 0.5
check "Space ends the break" "['break_until']" "0"
check "running again" "['running']" "true"
keys m Escape
sleep 0.3
check "Esc cancels the dialog" "['room_message']" '"Regresamos en 5 minutos"'

if [[ -n "$out" ]]; then
  mkdir -p "$out"
  msg="Silencien sus micrófonos, por favor: en 5 minutos empezamos el trabajo en grupos"
  for view in console projector; do
    "$bin" run "$module" --screenshot "$out/room-message-$view.png" --view "$view" --at retos:03:20 \
      --message "$msg" --size 1920x1080 || { echo "FAIL screenshot $view message"; fail=1; }
    "$bin" run "$module" --screenshot "$out/room-break-$view.png" --view "$view" --at retos:03:20 \
      --break-left 252 --size 1920x1080 || { echo "FAIL screenshot $view break"; fail=1; }
  done
  "$bin" run "$module" --screenshot "$out/room-break-message-projector-720.png" --view projector --at retos:03:20 \
    --break-left 600 --message "Regresamos en 10 minutos" --size 1280x720 || { echo "FAIL screenshot break+message"; fail=1; }
  ls "$out"/room-*.png
fi
exit $fail
