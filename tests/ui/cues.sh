#!/usr/bin/env bash
# Cues in the real console under Xvfb: shortening a section with `-` into its
# wrap-up logs "señal: cierre sección=… (campana)" and flashes the projector
# amber (screenshot of the projector window taken during the flash, which
# FACILITA_FLASH_MS holds for 4 s); K mutes: the next cue logs "(silenciada)"; the
# mute is remembered in DATA/preferences.json and still holds after a restart.
# Usage: cues.sh FACILITA SESSION.yaml OUT_DIR
set -u
bin="$1"; module="$2"; out="$3"
mkdir -p "$out"
tmp="$(mktemp -d)"
state="$tmp/state.json"
export FACILITA_FLASH_MS=4000
source "$(dirname "${BASH_SOURCE[0]}")/console_lib.sh"

fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
keys() { for k in "$@"; do xdotool key --window "$wid" "$k"; sleep 0.3; done; }
wait_log() {  # PATTERN: up to 30 s for a line in the run's log (a loaded machine is slow)
  for _ in $(seq 1 300); do grep -q -- "$1" "$tmp/out.txt" && return 0; sleep 0.1; done
  return 1
}
wait_field() {  # EXPR VALUE: up to 30 s for the state dump to say so
  for _ in $(seq 1 300); do [[ "$(field "$1" 2>/dev/null)" == "$2" ]] && return 0; sleep 0.1; done
  return 1
}
stop_console() {
  kill -TERM "$pid"
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  wait "$pid"; local status=$?; pid=""
  [[ $status -eq 0 ]] || bad "exit $status after SIGTERM"
}
warmth() {  # PNG: mean red minus mean blue (the dark projector ~0, an amber veil well above)
  convert "$1" -format "%[fx:mean.r-mean.b]" info:
}

start_console "$module" "$tmp"
sleep 1  # the first keys right after the window maps can be lost
pwid="$(xdotool search --name "Facilita · Proyector" 2>/dev/null | head -1)"
[[ -n "$pwid" ]] || bad "no projector window"

# introduccion: 5 min; four `-` leave 1 min, which is its wrap-up.
import -window "$pwid" "$tmp/before.png" 2>/dev/null
keys space minus minus minus
sleep 0.5
grep -q "señal:" "$tmp/out.txt" && bad "a cue before the wrap-up: $(grep señal: "$tmp/out.txt")"
keys minus
if wait_log "señal: cierre sección=introduccion (campana)"; then ok "wrap-up cue logged with the chime"; else bad "no chime cue line"; fi
sleep 0.4
if [[ -n "$pwid" ]] && import -window "$pwid" "$out/cues-projector-flash.png" 2>/dev/null; then
  during="$(warmth "$out/cues-projector-flash.png")"; before="$(warmth "$tmp/before.png")"
  if awk -v d="$during" -v b="$before" 'BEGIN{exit !(d > 0.25 && b < 0.1)}'; then
    ok "projector flashes amber (red - blue: $during during, $before before)"
  else
    bad "no amber flash on the projector (red - blue: $during during, $before before)"
  fi
else
  bad "cannot capture the projector window"
fi
if grep -q "Sin salida de audio" "$tmp/out.txt"; then
  [[ "$(grep -c "Sin salida de audio" "$tmp/out.txt")" -eq 1 ]] && ok "no audio device: one notice" || bad "notice repeated"
fi

# K mutes; funcionamiento (12 min) shortened to 1 min: the wrap-up cue is muted.
keys k Right
keys $(printf 'minus %.0s' $(seq 1 11))
if wait_log "señal: cierre sección=funcionamiento (silenciada)"; then ok "after K the cue is muted"; else bad "no muted cue line"; fi
[[ "$(grep -c "señal:" "$tmp/out.txt")" -eq 2 ]] && ok "one line per cue" || bad "cue lines: $(grep señal: "$tmp/out.txt")"
stop_console
if python3 -c "import json,sys; sys.exit(0 if json.load(open('$tmp/preferences.json'))['muted'] is True else 1)"; then
  ok "mute written to preferences.json"
else
  bad "preferences.json does not say muted: $(cat "$tmp/preferences.json" 2>&1)"
fi

# Restart (the delivery resumes): avance (8 min) shortened to 1 min is still muted.
mv "$tmp/out.txt" "$tmp/first-run.txt"; rm -f "$state"
start_console "$module" "$tmp"
wait_field "['current_id']" '"funcionamiento"' || bad "the delivery did not resume on funcionamiento: $(cat "$state")"
keys Right
wait_field "['current_id']" '"avance"' || bad "Right did not reach avance"
keys $(printf 'minus %.0s' $(seq 1 7))
if wait_log "señal: cierre sección=avance (silenciada)"; then ok "mute remembered after a restart"; else bad "not muted after restart: $(grep señal: "$tmp/out.txt")"; fi
# K again: sound back on, remembered too.
keys k
sleep 0.3
stop_console
if python3 -c "import json,sys; sys.exit(0 if json.load(open('$tmp/preferences.json'))['muted'] is False else 1)"; then
  ok "unmute written to preferences.json"
else
  bad "preferences.json after unmute: $(cat "$tmp/preferences.json" 2>&1)"
fi
[[ $fail -ne 0 ]] && { echo "--- log"; cat "$tmp/first-run.txt" "$tmp/out.txt"; }
exit $fail
