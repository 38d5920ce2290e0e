#!/usr/bin/env bash
# A headless delivery killed with SIGKILL mid-session: restarting resumes it
# (same delivery, every acknowledged command still there, the outage recorded);
# --new keeps it as abandoned and starts another.
set -u
bin="$1"; module="$2"
tmp="$(mktemp -d)"; pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
token=resume-test-token

source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
state() { curl -s "http://127.0.0.1:$port/api/state"; }

start_server "$tmp/run1.log"
admin '{"command":"start"}'
admin '{"command":"goto","section":"retos"}'
admin '{"command":"extend","minutes":2}'
kill -9 "$pid"; wait "$pid" 2>/dev/null; pid=""

start_server "$tmp/run2.log"
grep -q "entrega 1, reanudada" "$tmp/run2.log" || fail "did not resume: $(head -2 "$tmp/run2.log")"
state | grep -q '"id":"retos"' || fail "resumed state is not in 'retos': $(state | head -c 300)"
state | grep -q '"planned_s":720' || fail "the +2 min extension was lost: $(state | head -c 400)"
kill "$pid"; wait "$pid" 2>/dev/null; pid=""


start_server "$tmp/run3.log" --new
grep -q "(entrega 2)" "$tmp/run3.log" || fail "--new did not start delivery 2: $(head -2 "$tmp/run3.log")"
kill "$pid"; wait "$pid" 2>/dev/null; pid=""
list="$("$bin" deliveries --lang en --data "$tmp/data")"
grep -qE "^ +1 .*abandoned" <<<"$list" || fail "delivery 1 not kept as abandoned: $list"
grep -qE "^ +2 .*running" <<<"$list" || fail "delivery 2 not running: $list"
echo "3 passed, 0 failed"
