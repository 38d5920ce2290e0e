#!/usr/bin/env bash
# The projector cable, for real: a real X server (Xorg, dummy driver) with a
# 1280x800 laptop output and a 1920x1080 projector output to its right
# (tools/two-monitors). `facilita run` puts the projector fullscreen on the
# projector output; pulling the cable leaves one screen, which the room may now
# see (mirrored): the console window switches to the presentation with a notice
# for the facilitator, the projector window is hidden and covers nothing, the
# keys still drive the session; plugging it back returns the console by itself
# and the projector fullscreen to that output.
# Geometry is read with xwininfo. Skips (77) without root, Xorg or the tool;
# always stops the X server it started.
# With OUT_DIR (and ImageMagick's import), the laptop screen is also saved
# after the unplug and after Tab + Enter, for a person to look at.
# Usage: two_monitors.sh FACILITA MODULE TWO_MONITORS_TOOL [OUT_DIR]
set -u
bin="$1" module="$2" tool="$3" out="${4:-}"
skip() { echo "SKIP: $*"; exit 77; }
[[ -x "$tool" ]] || skip "no $tool"
[[ "$(id -u)" == 0 ]] || skip "Xorg needs root"
for p in xdotool xwininfo python3; do command -v "$p" >/dev/null || skip "no $p"; done

# A display nobody uses.
n=""
for i in $(seq 70 99); do
  [[ -e /tmp/.X11-unix/X$i || -e /tmp/.X$i-lock || -e /tmp/two-monitors-$i ]] && continue
  n=$i; break
done
[[ -n "$n" ]] || skip "no free display"
disp=":$n"
tmp="$(mktemp -d)"
state="$tmp/state.json"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null
  "$tool" stop "$disp" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

if ! "$tool" start "$disp" >"$tmp/tool.txt" 2>&1; then
  cat "$tmp/tool.txt"
  skip "the two-monitor X server did not start"
fi
export DISPLAY="$disp"
command -v xrandr >/dev/null && xrandr --listmonitors 2>/dev/null | sed 's/^/  /'

"$bin" run "$module" --data "$tmp/data" --dump-state "$state" --port 0 --lang es >"$tmp/out.txt" 2>&1 &
pid=$!

fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
field() { python3 -c "import json; print(json.dumps(json.load(open('$state'))$1))" 2>/dev/null; }
field_is() { [[ "$(field "$1")" == "$2" ]]; }
# "X Y W H MAPPED" of a window (MAPPED: 1 when viewable).
geometry() {
  xwininfo -id "$1" 2>/dev/null | awk '
    /Absolute upper-left X/ {x=$NF} /Absolute upper-left Y/ {y=$NF}
    /^ *Width:/ {w=$NF} /^ *Height:/ {h=$NF} /Map State:/ {m=($NF=="IsViewable")}
    END {print x, y, w, h, m+0}'
}
# Pixels of the console covered by the (viewable) projector window.
covered() {
  read -r cx cy cw ch _ <<<"$(geometry "$cwid")"
  read -r px py pw ph pm <<<"$(geometry "$pwid")"
  if [[ "$pm" != 1 ]]; then echo 0; return; fi
  python3 -c "print(max(0, min($cx+$cw, $px+$pw) - max($cx, $px)) * max(0, min($cy+$ch, $py+$ph) - max($cy, $py)))"
}
# wait_for SECONDS CONDITION...: polls every 0.1 s.
wait_for() {
  local tries=$(($1 * 10)); shift
  for _ in $(seq 1 "$tries"); do "$@" && return 0; sleep 0.1; done
  return 1
}
projector_fullscreen_on_projector_output() {
  [[ "$(geometry "$pwid")" == "1280 0 1920 1080 1" ]]
}
# screen_is MODE SHARED NOTICE BANNER: the dump's screen.{mode, shared, notice, room_banner}.
screen_is() {
  [[ "$(python3 -c "import json; s=json.load(open('$state'))['screen']; print(s['mode'], str(s['shared']).lower(), str(s['notice']).lower(), str(s['room_banner']).lower())" 2>/dev/null)" == "$*" ]]
}
# snap NAME: the laptop output (1280x800 at 0,0) as OUT_DIR/two-monitors-NAME.png.
snap() {
  [[ -n "$out" ]] && command -v import >/dev/null || return 0
  mkdir -p "$out"
  sleep 0.5  # the frame after the change
  import -window root -crop 1280x800+0+0 "$out/two-monitors-$1.png" 2>/dev/null || true
}
projector_off_console() { [[ "$(covered)" == 0 && "$(field "['projector']['docked']")" == true ]]; }

cwid="" pwid=""
for _ in $(seq 1 600); do  # start-up: a minute on a loaded machine
  cwid="$(xdotool search --name "Facilita · Consola" 2>/dev/null | head -1)"
  pwid="$(xdotool search --name "Facilita · Proyector" 2>/dev/null | head -1)"
  [[ -n "$cwid" && -n "$pwid" && -s "$state" ]] && break
  sleep 0.1
done
if [[ -z "$cwid" || -z "$pwid" ]]; then echo "FAIL: windows not found"; cat "$tmp/out.txt"; exit 1; fi

# Start: two monitors, so not a shared screen: console + projector fullscreen on the projector output.
[[ "$(field "['screen']['mode']")" == '"console"' ]] && ok "two monitors: the console, not the presentation" ||
  bad "screen mode $(field "['screen']")"
if wait_for 60 projector_fullscreen_on_projector_output; then ok "start: projector fullscreen on the projector output"
else bad "start: projector at $(geometry "$pwid")"; fi
console_start="$(geometry "$cwid")"
echo "     console at $console_start"
xdotool key --window "$cwid" space
wait_for 15 field_is "['running']" true && ok "the clock runs" || bad "clock not started"

# Unplug: GLFW leaves a 1920x1080 window over the console; it must be hidden.
"$tool" unplug "$disp"
if wait_for 15 projector_off_console; then ok "unplug: the projector window covers nothing of the console"
else bad "unplug: projector at $(geometry "$pwid"), covers $(covered) px of the console; dump $(field "['projector']")"; fi
[[ "$(geometry "$cwid")" == "$console_start" ]] && ok "unplug: the console did not move" ||
  bad "unplug: console moved to $(geometry "$cwid")"
[[ "$(field "['running']")" == true ]] && ok "unplug: the clock survives" || bad "unplug: clock stopped"
# One screen left, maybe mirrored to the room: the console is hidden at once.
if wait_for 15 screen_is presentation true true false; then ok "unplug: shared screen, presentation with the notice"; else bad "unplug: screen $(field "['screen']")"; fi
snap unplugged
xdotool key --window "$cwid" Right
wait_for 15 field_is "['current']" 1 && ok "unplug: the window takes keys (next section)" ||
  bad "unplug: Right did nothing (current $(field "['current']"))"

# Replug: back fullscreen on the projector output within two seconds.
"$tool" replug "$disp"
if wait_for 15 projector_fullscreen_on_projector_output; then ok "replug: projector fullscreen on the projector output again"
else bad "replug: projector at $(geometry "$pwid") after 15 s"; fi
wait_for 15 screen_is console false false false && ok "replug: the console is back by itself, private" ||
  bad "replug: screen $(field "['screen']")"
[[ "$(field "['projector']['docked']")" == false ]] && ok "replug: no longer a pane" || bad "replug: still docked"
[[ "$(covered)" == 0 ]] && ok "replug: the console is uncovered" || bad "replug: covers $(covered) px"

# A second round: the same again.
"$tool" unplug "$disp"
wait_for 15 projector_off_console && ok "unplug again: off the console" || bad "unplug again: $(geometry "$pwid")"
wait_for 15 field_is "['screen']['mode']" '"presentation"' && ok "unplug again: presentation" ||
  bad "unplug again: screen $(field "['screen']")"
# The facilitator brings the console back on the shared screen: Tab asks, Enter confirms.
xdotool key --window "$cwid" Tab
wait_for 15 field_is "['screen']['confirm_console']" true && ok "unplug again: Tab asks first" ||
  bad "unplug again: Tab did not ask ($(field "['screen']"))"
xdotool key --window "$cwid" Return
wait_for 15 screen_is console true false true &&
  ok "unplug again: the console after the confirmation, with its banner" || bad "unplug again: screen $(field "['screen']")"
snap shared-console
"$tool" replug "$disp"
wait_for 15 projector_fullscreen_on_projector_output && ok "replug again: fullscreen on its output" ||
  bad "replug again: $(geometry "$pwid")"
wait_for 15 field_is "['screen']['room_banner']" false && ok "replug again: private, no banner" ||
  bad "replug again: screen $(field "['screen']")"

kill -TERM "$pid"
for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
wait "$pid" 2>/dev/null; status=$?; pid=""
[[ $status == 0 ]] && ok "SIGTERM -> exit 0" || { bad "exit $status"; tail -20 "$tmp/out.txt"; }
exit $fail
