#!/usr/bin/env bash
# deb_smoke.sh CPACK CPACK_CONFIG SCRATCH
# Builds the .deb from the configured tree, unpacks it with dpkg-deb -x, then
# runs the unpacked /usr/bin/facilita: `check` on the installed module and
# `run --headless` (loopback, any port) serving the page from the unpacked
# share/facilita/web (a marker added there must come back over HTTP).
set -euo pipefail
cpack="$1" config="$2" scratch="$3"
fail() { echo "FAIL: $*"; exit 1; }
for tool in dpkg-deb dpkg-shlibdeps curl; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing"; exit 77; }
done

rm -rf "$scratch"
mkdir -p "$scratch/out" "$scratch/root" "$scratch/home"
"$cpack" -G DEB --config "$config" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
  fail "cpack: $(tail -20 "$scratch/cpack.log")"
debs=("$scratch"/out/facilita_*_amd64.deb)
[[ -f "${debs[0]}" ]] || fail "no facilita_*_amd64.deb in $scratch/out: $(ls "$scratch/out")"
deb="${debs[0]}"
echo "package: $(basename "$deb")"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for dep in fonts-noto-core libc6 libstdc++6 libsqlite3-0 libyaml-cpp0.7 libqrencode4; do
  [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep"
done

dpkg-deb -x "$deb" "$scratch/root"
usr="$scratch/root/usr"
for f in bin/facilita share/facilita/web/index.html share/facilita/schema/session.schema.json \
  share/facilita/sessions/m2-s3-gobierno-abierto.yaml share/facilita/sessions/README.md \
  share/applications/facilita.desktop share/icons/hicolor/scalable/apps/facilita.svg \
  share/man/man1/facilita.1.gz share/bash-completion/completions/facilita \
  share/doc/facilita/copyright share/doc/facilita/changelog.Debian.gz; do
  [[ -e "$usr/$f" ]] || fail "the package lacks /usr/$f"
done

bin="$usr/bin/facilita"
module="$usr/share/facilita/sessions/m2-s3-gobierno-abierto.yaml"
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/data"
unset FACILITA_SHARE_DIR FACILITA_WEB_ROOT
"$bin" check --lang en "$module" >"$scratch/check.txt" 2>&1 || fail "check: $(cat "$scratch/check.txt")"
grep -q ": ok" "$scratch/check.txt" || fail "check did not say ok: $(cat "$scratch/check.txt")"

# Serve from outside any checkout, with no session named: the program must find
# the module and the pages in its own ../share/facilita.
marker="facilita-package-test-$$"
echo "<!-- $marker -->" >>"$usr/share/facilita/web/index.html"
cd "$scratch"
"$bin" run --headless --port 0 --bind 127.0.0.1 --admin-token "package-test-token-0123" >"$scratch/run.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 150); do
  port="$(sed -En 's/^(listening on|escuchando en) [0-9.]*:([0-9]+)$/\2/p' "$scratch/run.log")"
  [[ -n "$port" ]] && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited: $(cat "$scratch/run.log")"
  sleep 0.2
done
[[ -n "$port" ]] || fail "no 'listening on' line: $(cat "$scratch/run.log")"
curl -sf "http://127.0.0.1:$port/" >"$scratch/index.html" || fail "GET / failed"
grep -q "$marker" "$scratch/index.html" || fail "the page was not served from the unpacked share/facilita/web"
grep -q "█\|▀\|▄" "$scratch/run.log" || fail "no join QR under the join URL: $(cat "$scratch/run.log")"
kill -INT "$pid"
wait "$pid" || fail "run --headless did not stop cleanly on SIGINT: $(cat "$scratch/run.log")"
trap - EXIT
grep -Eq "facilita: (stopped|detenido)" "$scratch/run.log" || fail "no 'stopped' line: $(cat "$scratch/run.log")"
echo "ok: check and run --headless from the unpacked package"
