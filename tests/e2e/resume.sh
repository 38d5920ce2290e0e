#!/usr/bin/env bash
# A headless delivery killed with SIGKILL mid-session: restarting resumes it
# (same delivery, every acknowledged command still there, the outage recorded);
# --new keeps it as abandoned and starts another.
set -u
bin="$1"; module="$2"
tmp="$(mktemp -d)"; pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
token=resume-test-token

start_server() {  # start_server LOG [extra flags]
  local log="$1"; shift
  "$bin" run --headless --port 0 --bind 127.0.0.1 --admin-token "$token" --data "$tmp/data" "$@" "$module" \
    >"$log" 2>&1 &
  pid=$!
  port=""
  for _ in $(seq 1 100); do
    port="$(sed -n 's/^listening on [0-9.]*:\([0-9]*\)$/\1/p' "$log")"
    [[ -n "$port" ]] && return 0
    kill -0 "$pid" 2>/dev/null || fail "the server exited: $(cat "$log")"
    sleep 0.1
  done
  fail "no 'listening on' line in $log"
}
admin() {
  local code
  code="$(curl -s -o "$tmp/admin.txt" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$port/api/admin")"
  [[ "$code" == 200 ]] || fail "POST /api/admin $1: HTTP $code $(cat "$tmp/admin.txt")"
}
state() { curl -s "http://127.0.0.1:$port/api/state"; }

start_server "$tmp/run1.log"
admin '{"command":"start"}'
admin '{"command":"goto","section":"retos"}'
admin '{"command":"extend","minutes":2}'
kill -9 "$pid"; wait "$pid" 2>/dev/null; pid=""

start_server "$tmp/run2.log"
grep -q "delivery 1, resumed" "$tmp/run2.log" || fail "did not resume: $(head -2 "$tmp/run2.log")"
state | grep -q '"id":"retos"' || fail "resumed state is not in 'retos': $(state | head -c 300)"
state | grep -q '"planned_s":720' || fail "the +2 min extension was lost: $(state | head -c 400)"
kill "$pid"; wait "$pid" 2>/dev/null; pid=""


start_server "$tmp/run3.log" --new
grep -q "(delivery 2)" "$tmp/run3.log" || fail "--new did not start delivery 2: $(head -2 "$tmp/run3.log")"
kill "$pid"; wait "$pid" 2>/dev/null; pid=""
list="$("$bin" deliveries --data "$tmp/data")"
grep -qE "^ +1 .*abandoned" <<<"$list" || fail "delivery 1 not kept as abandoned: $list"
grep -qE "^ +2 .*running" <<<"$list" || fail "delivery 2 not running: $list"
echo "3 passed, 0 failed"
