#!/usr/bin/env bash
# Starts the real `facilita run` under Xvfb, finds the console window, sends
# Space, Right, +, R, Enter, and checks their EFFECT in the --dump-state JSON:
# started and running, current section 1, the plan changed. Then SIGTERM ends
# it gracefully (exit 0, window layout saved, journal written).
set -u
bin="$1"; module="$2"
tmp="$(mktemp -d)"
state="$tmp/state.json"
source "$(dirname "${BASH_SOURCE[0]}")/console_lib.sh"
start_console "$module" "$tmp"

planned_before="$(field "['planned_s']")"
for key in space Right plus r Return; do
  xdotool key --window "$wid" "$key"
  sleep 0.3
done
sleep 0.5

fail=0
check() {  # NAME PYTHON_EXPR EXPECTED
  local got; got="$(field "$2")"
  if [[ "$got" == "$3" ]]; then echo "ok   $1 ($got)"; else echo "FAIL $1: got $got, expected $3"; fail=1; fi
}
check "started" "['started']" "true"
check "running" "['running']" "true"
check "current section" "['current']" "1"
check "current id" "['current_id']" '"funcionamiento"'
planned_after="$(field "['planned_s']")"
if [[ "$planned_after" != "$planned_before" ]]; then echo "ok   plan changed"; else echo "FAIL plan unchanged: $planned_after"; fail=1; fi

kill -TERM "$pid"
for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "FAIL: still running 15 s after SIGTERM"; exit 1; fi
wait "$pid"; status=$?; pid=""
if [[ $status -ne 0 ]]; then echo "FAIL: exit $status after SIGTERM"; cat "$tmp/out.txt"; fail=1; else echo "ok   SIGTERM -> exit 0"; fi
[[ -s "$tmp/windows.json" ]] && echo "ok   window layout saved" || { echo "FAIL: no windows.json"; fail=1; }
[[ -s "$tmp/facilita.sqlite3" ]] && echo "ok   journal written" || { echo "FAIL: no journal"; fail=1; }
exit $fail
