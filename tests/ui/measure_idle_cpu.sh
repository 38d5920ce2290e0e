#!/usr/bin/env bash
# CPU cost of `facilita run` with both windows open: SECONDS each not started,
# running (clock ticking) and paused, from /proc/PID/stat utime+stime.
# Not part of ctest (it takes 3 x SECONDS). Run under Xvfb:
#   xvfb-run -a -s "-screen 0 1920x1080x24" tests/ui/measure_idle_cpu.sh build/release/src/app/facilita 60
set -u
bin="$1"; seconds="${2:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
module="$here/../../sessions/m2-s3-gobierno-abierto.yaml"
tmp="$(mktemp -d)"; pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$bin" run "$module" --console --data "$tmp" --port 0 >"$tmp/out.txt" 2>&1 &
pid=$!
wid=""
for _ in $(seq 1 100); do
  wid="$(xdotool search --name "Facilita · Consola" 2>/dev/null | head -1)"
  [[ -n "$wid" ]] && break
  sleep 0.1
done
[[ -z "$wid" ]] && { echo "no console window"; cat "$tmp/out.txt"; exit 1; }
sleep 2
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
measure() {  # LABEL
  local t0 s0 t1 s1
  t0=$(ticks); s0=$(date +%s.%N); sleep "$seconds"; t1=$(ticks); s1=$(date +%s.%N)
  awk -v l="$1" -v t="$((t1 - t0))" -v hz="$hz" -v w="$(echo "$s1 - $s0" | bc)" \
    'BEGIN { printf "%-12s %6.2f s CPU in %5.1f s = %5.2f %% of one core\n", l, t / hz, w, 100 * t / hz / w }'
}
measure "not started"
xdotool key --window "$wid" space; sleep 1
measure "running"
xdotool key --window "$wid" space; sleep 1
measure "paused"
kill -TERM "$pid"; wait "$pid"; pid=""
