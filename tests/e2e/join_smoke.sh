#!/usr/bin/env bash
# `facilita join` end to end under Xvfb: a headless delivery on loopback, a
# prompt opened through POST /api/admin, then `facilita join --screenshot`
# as Ana. The PNG must have the requested size and not be blank, and the
# server must count one participant. A bad URL exits 2 at once.
set -u
bin="$1"; module="$2"; out="$3"
mkdir -p "$out"
tmp="$(mktemp -d)"; server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; [[ -f "$tmp/server.log" ]] && sed 's/^/  server: /' "$tmp/server.log"; exit 1; }

"$bin" join "not a url" --data "$tmp/fellow" 2>"$tmp/bad.txt"; status=$?
[[ $status -eq 2 ]] || fail "bad URL: exit $status, expected 2"
grep -q "bad URL" "$tmp/bad.txt" || fail "bad URL: no clear message: $(cat "$tmp/bad.txt")"

token="e2e-admin-token-16"
"$bin" run "$module" --headless --port 0 --bind 127.0.0.1 --admin-token "$token" --data "$tmp/server" \
  >"$tmp/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 600); do
  port="$(sed -En 's/^(listening on|escuchando en) [0-9.]*:([0-9]+)$/\2/p' "$tmp/server.log")"
  [[ -n "$port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited"
  sleep 0.1
done
[[ -n "$port" ]] || fail "no 'listening on' line"
base="http://127.0.0.1:$port"

admin() {
  local code
  code="$(curl -s -o "$tmp/admin.txt" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$1" "$base/api/admin")"
  [[ "$code" == 200 ]] || fail "POST /api/admin $1: HTTP $code $(cat "$tmp/admin.txt")"
}
admin '{"command":"start"}'
admin '{"command":"goto","section":"avance"}'
admin '{"command":"open","prompt":"q-etapa-entidad"}'

png="$out/join-1280x800.png"
rm -f "$png"
"$bin" join "$base/" --name Ana --data "$tmp/fellow" --screenshot "$png" --size 1280x800 --after-ms 1500 \
  2>"$tmp/join.txt" || fail "join exited $?: $(cat "$tmp/join.txt")"
[[ -f "$png" ]] || fail "no screenshot"
dims="$(identify -format "%wx%h" "$png")"
[[ "$dims" == 1280x800 ]] || fail "screenshot size $dims"
sd="$(convert "$png" -colorspace Gray -format "%[fx:standard_deviation]" info:)"
awk -v sd="$sd" 'BEGIN{exit !(sd > 0.05)}' || fail "blank screenshot (sd $sd)"
[[ -f "$tmp/fellow/follower.json" ]] || fail "no follower.json (token) in --data"
grep -q '"token": "[0-9a-f]\{32\}"' "$tmp/fellow/follower.json" || fail "no token kept in follower.json"

state=""
for _ in $(seq 1 150); do
  state="$(curl -s "$base/api/state")"
  grep -q '"participants":1' <<<"$state" && break
  sleep 0.1
done
grep -q '"participants":1' <<<"$state" || fail "the server does not count 1 participant: $state"
echo "ok: $png ($dims, sd $sd), 1 participant"
