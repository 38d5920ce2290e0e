#!/usr/bin/env bash
# Starts the real `facilita run` under Xvfb, finds the console window, sends
# Space, Right, +, R, Enter, and checks their EFFECT in the --dump-state JSON:
# started and running, current section 1, the plan changed. Then SIGTERM ends
# it gracefully (exit 0, window layout saved, journal written).
set -u
bin="$1"; module="$2"
tmp="$(mktemp -d)"; pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
state="$tmp/state.json"
"$bin" run "$module" --data "$tmp" --dump-state "$state" --port 0 >"$tmp/out.txt" 2>&1 &
pid=$!

wid=""
for _ in $(seq 1 100); do
  wid="$(xdotool search --name "Facilita · Consola" 2>/dev/null | head -1)"
  [[ -n "$wid" && -s "$state" ]] && break
  sleep 0.1
done
if [[ -z "$wid" ]]; then echo "FAIL: no console window"; cat "$tmp/out.txt"; exit 1; fi

field() { python3 -c "import json,sys; print(json.dumps(json.load(open('$state'))$1))"; }
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
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "FAIL: still running 5 s after SIGTERM"; exit 1; fi
wait "$pid"; status=$?; pid=""
if [[ $status -ne 0 ]]; then echo "FAIL: exit $status after SIGTERM"; cat "$tmp/out.txt"; fail=1; else echo "ok   SIGTERM -> exit 0"; fi
[[ -s "$tmp/windows.json" ]] && echo "ok   window layout saved" || { echo "FAIL: no windows.json"; fail=1; }
[[ -s "$tmp/facilita.sqlite3" ]] && echo "ok   journal written" || { echo "FAIL: no journal"; fail=1; }
exit $fail
