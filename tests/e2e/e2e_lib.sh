# Shared by the headless e2e scripts: source it after setting bin, module, tmp
# and token. start_server LOG [flags] sets pid and port; admin JSON posts a
# facilitator command and fails the test unless it is answered 200.
fail() { echo "FAIL: $*"; exit 1; }

start_server() {  # start_server LOG [extra flags]
  local log="$1"; shift
  "$bin" run --headless --port 0 --bind 127.0.0.1 --admin-token "$token" --data "$tmp/data" "$@" "$module" \
    >"$log" 2>&1 &
  pid=$!
  port=""
  for _ in $(seq 1 600); do  # start-up: up to a minute on a loaded machine
    port="$(sed -En 's/^(listening on|escuchando en) [0-9.]*:([0-9]+)$/\2/p' "$log")"
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
