#!/usr/bin/env bash
# Hot reload of a running delivery: `facilita run` on a temp copy of the module
# under Xvfb, started with Space; then the file is saved the way editors do
# (write a temp file, rename it over the original):
#   (a) content edited      -> applied at once (dump: new content digest, file
#       hash), journaled (a session-reloaded event: export counts it, sqlite3
#       names it when installed);
#   (b) an invalid file     -> state unchanged, errors listed, process alive;
#   (c) 2 min moved between two sections -> waits (pending) until Ctrl+Enter
#       accepts it, then the plan changes.
set -u
bin="$1"; module="$2"
tmp="$(mktemp -d)"
file="$tmp/session.yaml"; state="$tmp/state.json"
source "$(dirname "${BASH_SOURCE[0]}")/console_lib.sh"
cp "$module" "$file"
start_console "$file" "$tmp/data"

fail=0
check() {  # NAME PYTHON_EXPR EXPECTED
  local got; got="$(field "$2")"
  if [[ "$got" == "$3" ]]; then echo "ok   $1 ($got)"; else echo "FAIL $1: got $got, expected $3"; fail=1; fi
}
wait_for() {  # PYTHON_EXPR EXPECTED: up to 15 s
  for _ in $(seq 1 150); do [[ "$(field "$1")" == "$2" ]] && return 0; sleep 0.1; done
  return 1
}
save() {  # PYTHON replacing text in the session file, saved by rename like an editor
  python3 - "$file" "$@" <<'PY'
import os, sys
path, pairs = sys.argv[1], sys.argv[2:]
text = open(path, encoding="utf-8").read()
for old, new in zip(pairs[::2], pairs[1::2]):
    assert old in text, old
    text = text.replace(old, new, 1)
tmp = path + ".swp~"
open(tmp, "w", encoding="utf-8").write(text)
os.replace(tmp, path)
PY
}

xdotool key --window "$wid" space
wait_for "['running']" "true" || { echo "FAIL: Space did not start the delivery"; fail=1; }

# (a) content
digest_before="$(field "['content_digest']")"
save "# Gobierno Abierto: Cocreación desde lo Local" "# Gobierno Abierto (versión editada)"
for _ in $(seq 1 150); do [[ "$(field "['content_digest']")" != "$digest_before" ]] && break; sleep 0.1; done
if [[ "$(field "['content_digest']")" != "$digest_before" ]]; then echo "ok   (a) content applied"; else echo "FAIL (a) content not applied"; fail=1; fi
if [[ "$(field "['reload']['file_hash']")" != '""' ]]; then echo "ok   (a) dump names the new file version"; else echo "FAIL (a) no file hash"; fail=1; fi
check "(a) still running" "['running']" "true"
check "(a) dump names the saved version" "['reload']['file_hash']" "\"$(sha256sum "$file" | cut -d' ' -f1)\""
# The journal: export counts the events (started + session-reloaded); sqlite3, when
# installed, names them.
check_journal() {  # LABEL MIN_RELOADS
  local events
  events="$("$bin" export --data "$tmp/data" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['delivery']['events'])")"
  if [[ "$events" -ge $(( $2 + 1 )) ]]; then echo "ok   $1 export: $events events"; else echo "FAIL $1 export: $events events"; fail=1; fi
  if command -v sqlite3 >/dev/null; then
    local reloads
    reloads="$(sqlite3 "$tmp/data/facilita.sqlite3" "select count(*) from events where type = 'session-reloaded'")"
    if [[ "$reloads" == "$2" ]]; then echo "ok   $1 journal: $reloads session-reloaded"; else echo "FAIL $1 journal: $reloads session-reloaded, expected $2"; fail=1; fi
  fi
}
check_journal "(a)" 1

# (b) invalid file: the sections no longer add up
version_before="$(field "['version']")"
planned_before="$(field "['planned_s']")"
save "duration: 12 min" "duration: 13 min"
if wait_for "['reload']['errors'] > 0" "true"; then echo "ok   (b) errors listed"; else echo "FAIL (b) no errors listed"; fail=1; fi
check "(b) version unchanged" "['version']" "$version_before"
check "(b) plan unchanged" "['planned_s']" "$planned_before"
if kill -0 "$pid" 2>/dev/null; then echo "ok   (b) process alive"; else echo "FAIL (b) process exited"; exit 1; fi

# (c) move 2 min from 'funcionamiento' (12 -> 10) to 'retos' (10 -> 12): needs acceptance
save "duration: 13 min" "duration: 10 min" "duration: 10 min
    min: 6 min" "duration: 12 min
    min: 6 min"
if wait_for "['reload']['pending']" "true"; then echo "ok   (c) waits for acceptance"; else echo "FAIL (c) not pending"; cat "$state"; fail=1; fi
check "(c) errors cleared" "['reload']['errors']" "0"
check "(c) plan unchanged before accepting" "['planned_s']" "$planned_before"
xdotool key --window "$wid" ctrl+Return
if wait_for "['reload']['pending']" "false"; then echo "ok   (c) accepted with Ctrl+Enter"; else echo "FAIL (c) still pending"; fail=1; fi
check "(c) funcionamiento 10 min" "['planned_s'][1]" "600"
check "(c) retos 12 min" "['planned_s'][3]" "720"
check "(c) still running" "['running']" "true"

kill -TERM "$pid"
for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "FAIL: still running 15 s after SIGTERM"; exit 1; fi
wait "$pid"; status=$?; pid=""
if [[ $status -ne 0 ]]; then echo "FAIL: exit $status after SIGTERM"; cat "$tmp/out.txt"; fail=1; else echo "ok   SIGTERM -> exit 0"; fi
check_journal "(c) after exit:" 2
exit $fail
