#!/usr/bin/env bash
# The projector cable, for real: a real X server (Xorg, dummy driver) with a
# 1280x800 laptop output and a 1920x1080 projector output to its right
# (tools/two-monitors). `facilita run` puts the projector fullscreen on the
# projector output; pulling the cable must leave the console fully usable (the
# projector view becomes a pane of the console, its window hidden), and
# plugging it back must return the projector fullscreen to that output.
# Geometry is read with xwininfo. Skips (77) without root, Xorg or the tool;
# always stops the X server it started.
# Usage: two_monitors.sh FACILITA MODULE TWO_MONITORS_TOOL
set -u
bin="$1" module="$2" tool="$3"
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
projector_off_console() { [[ "$(covered)" == 0 && "$(field "['projector']['docked']")" == true ]]; }

cwid="" pwid=""
for _ in $(seq 1 150); do
  cwid="$(xdotool search --name "Facilita · Consola" 2>/dev/null | head -1)"
  pwid="$(xdotool search --name "Facilita · Proyector" 2>/dev/null | head -1)"
  [[ -n "$cwid" && -n "$pwid" && -s "$state" ]] && break
  sleep 0.1
done
if [[ -z "$cwid" || -z "$pwid" ]]; then echo "FAIL: windows not found"; cat "$tmp/out.txt"; exit 1; fi

# Start: two monitors, so not a shared screen: console + projector fullscreen on the projector output.
[[ "$(field "['screen']['mode']")" == '"console"' ]] && ok "two monitors: the console, not the presentation" ||
  bad "screen mode $(field "['screen']")"
if wait_for 5 projector_fullscreen_on_projector_output; then ok "start: projector fullscreen on the projector output"
else bad "start: projector at $(geometry "$pwid")"; fi
console_start="$(geometry "$cwid")"
echo "     console at $console_start"
xdotool key --window "$cwid" space
wait_for 3 field_is "['running']" true && ok "the clock runs" || bad "clock not started"

# Unplug: GLFW leaves a 1920x1080 window over the console; it must become a pane.
"$tool" unplug "$disp"
if wait_for 3 projector_off_console; then ok "unplug: the projector window covers nothing of the console (pane)"
else bad "unplug: projector at $(geometry "$pwid"), covers $(covered) px of the console; dump $(field "['projector']")"; fi
[[ "$(geometry "$cwid")" == "$console_start" ]] && ok "unplug: the console did not move" ||
  bad "unplug: console moved to $(geometry "$cwid")"
[[ "$(field "['running']")" == true ]] && ok "unplug: the clock survives" || bad "unplug: clock stopped"
xdotool key --window "$cwid" Right
wait_for 3 field_is "['current']" 1 && ok "unplug: the console takes keys (next section)" ||
  bad "unplug: Right did nothing (current $(field "['current']"))"

# Replug: back fullscreen on the projector output within two seconds.
"$tool" replug "$disp"
if wait_for 2 projector_fullscreen_on_projector_output; then ok "replug: projector fullscreen on the projector output again"
else bad "replug: projector at $(geometry "$pwid") after 2 s"; fi
[[ "$(field "['projector']['docked']")" == false ]] && ok "replug: no longer a pane" || bad "replug: still docked"
[[ "$(covered)" == 0 ]] && ok "replug: the console is uncovered" || bad "replug: covers $(covered) px"

# A second round: the same again.
"$tool" unplug "$disp"
wait_for 3 projector_off_console && ok "unplug again: off the console" || bad "unplug again: $(geometry "$pwid")"
"$tool" replug "$disp"
wait_for 2 projector_fullscreen_on_projector_output && ok "replug again: fullscreen on its output" ||
  bad "replug again: $(geometry "$pwid")"

kill -TERM "$pid"
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
wait "$pid" 2>/dev/null; status=$?; pid=""
[[ $status == 0 ]] && ok "SIGTERM -> exit 0" || { bad "exit $status"; tail -20 "$tmp/out.txt"; }
exit $fail
