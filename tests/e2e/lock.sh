#!/usr/bin/env bash
# One writer: while `facilita run` delivers a session, a second one on the same
# data directory is refused at once, naming the first (pid, start time) — also
# with --new, which must not abandon the live delivery. After the first is
# killed with SIGKILL, the lock is taken over and the delivery resumes.
set -u
bin="$1"; module="$2"
tmp="$(mktemp -d)"; pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
token=lock-test-admin-token-0123456789

source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
passed=0

start_server "$tmp/run1.log"
first="$pid"
admin '{"command":"start"}'

# "At once" relative to this machine: a sanitizer build under load can take
# seconds just to start, so the bound is what `facilita --version` takes, plus 3 s.
t0=$(date +%s%N); "$bin" --version >/dev/null; baseline=$(( ($(date +%s%N) - t0) / 1000000 ))
# The refusal speaks the module's language (es) unless --lang says otherwise.
for flags in "--lang en" "--new"; do
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  timeout 60 "$bin" run --headless --port 0 --bind 127.0.0.1 --admin-token "$token" --data "$tmp/data" $flags \
    "$module" >"$tmp/second.log" 2>&1
  status=$?
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  [[ $status -ne 0 && $status -ne 124 ]] || fail "second run ${flags} was not refused (exit $status): $(cat "$tmp/second.log")"
  if [[ "$flags" == "--lang en" ]]; then pid_words="process $first" since_words="running since"
  else pid_words="proceso $first" since_words="en marcha desde"; fi
  grep -q "$pid_words" "$tmp/second.log" || fail "refusal does not name pid $first: $(cat "$tmp/second.log")"
  grep -q "$since_words" "$tmp/second.log" || fail "refusal does not say when the holder started: $(cat "$tmp/second.log")"
  (( ms < 2 * baseline + 3000 )) || fail "refusal took $ms ms (starting the program takes $baseline ms)"
  echo "ok   second run ${flags} refused in $ms ms (start-up alone: $baseline ms): $(head -c 160 "$tmp/second.log")"
  passed=$((passed+1))
done
kill -0 "$first" 2>/dev/null || fail "the first run died"
"$bin" deliveries --lang en --data "$tmp/data" | grep -qE "^ +1 .*running" || fail "--new abandoned the live delivery"
"$bin" deliveries --lang en --data "$tmp/data" | grep -qE "^ +2 " && fail "--new started a second delivery"
passed=$((passed+1))

kill -9 "$first"; wait "$first" 2>/dev/null; pid=""
start_server "$tmp/run2.log"
grep -q "entrega 1, reanudada" "$tmp/run2.log" || fail "no takeover after kill -9: $(head -3 "$tmp/run2.log")"
echo "ok   after kill -9 the lock is taken over and delivery 1 resumes"
passed=$((passed+1))
kill "$pid"; wait "$pid" 2>/dev/null; pid=""
echo "$passed passed, 0 failed"
