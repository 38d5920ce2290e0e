# Shared by the GUI shell tests: starts `facilita run` under the current X
# display (--console: the full console and a projector window even on one
# monitor) and finds its console window. Usage, after `tmp` and `state` are set:
#   start_console SESSION_FILE DATA_DIR      -> sets pid and wid, or exits 1
# and `field "['key']"` reads the state dump.
pid=""
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

start_console() {
  "$bin" run "$1" --console --data "$2" --dump-state "$state" --port 0 >"$tmp/out.txt" 2>&1 &
  pid=$!
  wid=""
  for _ in $(seq 1 600); do  # start-up: up to a minute on a loaded machine
    wid="$(xdotool search --name "Facilita · Consola" 2>/dev/null | head -1)"
    [[ -n "$wid" && -s "$state" ]] && break
    sleep 0.1
  done
  if [[ -z "$wid" ]]; then echo "FAIL: no console window"; cat "$tmp/out.txt"; exit 1; fi
}

field() { python3 -c "import json,sys; print(json.dumps(json.load(open('$state'))$1))"; }
