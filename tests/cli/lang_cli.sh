#!/usr/bin/env bash
# Every message in Spanish or English: `--lang es|en`, else the session's
# `language:`, else LC_ALL/LC_MESSAGES/LANG ("en…" English, otherwise Spanish).
# GCC-style FILE:LINE:COL: error:/note: prefixes stay as they are.
set -u
bin="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail=0; passed=0
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8

expect() {  # expect NAME EXIT_CODE PATTERN -- ARGS…  (env VAR=… may precede the binary via ENV)
  local name="$1" code="$2" pattern="$3"; shift 4
  local out status
  out="$(timeout 120 env ${ENV:-} "$bin" "$@" 2>&1)"; status=$?  # bounded: a run that starts after all ends
  if [[ $status -ne $code ]]; then
    echo "FAIL $name: exit $status, expected $code"; echo "$out" | head -8; fail=$((fail+1)); return
  fi
  if [[ -n "$pattern" ]] && ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output lacks /$pattern/"; echo "$out" | head -8; fail=$((fail+1)); return
  fi
  echo "ok   $name"; passed=$((passed+1))
}

# A broken session in Spanish: an undefined objective (with a close one), a bad
# duration and an unknown key, each at its exact line:column.
cat > "$tmp/roto.yaml" <<'YAML'
id: roto
title: Roto
language: es
duration: 10 min
objectives:
  - {id: agentes, text: Agentes}
sections:
  - id: intro
    title: Intro
    duration: 4 minz
    objectives: [agentez]
  - id: cuerpo
    titel: Cuerpo
    duration: 6 min
YAML
sed 's/^language: es/language: en/' "$tmp/roto.yaml" > "$tmp/broken.yaml"
sed '/^language:/d' "$tmp/roto.yaml" > "$tmp/nolang.yaml"

expect "es: undefined objective at the id" 1 "roto.yaml:11:18: error: la sección «intro» cubre el objetivo «agentez», que no está definido" -- check --lang es "$tmp/roto.yaml"
expect "es: did you mean" 1 "roto.yaml:11:18: note: ¿quisiste decir «agentes»\?" -- check --lang es "$tmp/roto.yaml"
expect "es: bad duration at the unit" 1 "roto.yaml:10:17: error: duración no válida «4 minz» en «duration»: unidad desconocida «minz»" -- check --lang es "$tmp/roto.yaml"
expect "es: unknown key" 1 "roto.yaml:13:5: error: clave desconocida «titel» en la sección" -- check --lang es "$tmp/roto.yaml"
expect "es: missing key" 1 "roto.yaml:12:5: error: falta la clave obligatoria «title» en la sección" -- check --lang es "$tmp/roto.yaml"
expect "en: undefined objective" 1 "roto.yaml:11:18: error: section 'intro' covers objective 'agentez', which is not defined" -- check --lang en "$tmp/roto.yaml"
expect "en: did you mean" 1 "roto.yaml:11:18: note: did you mean 'agentes'\?" -- check --lang en "$tmp/roto.yaml"
expect "default: the session's language es" 1 "error: la sección «intro» cubre" -- check "$tmp/roto.yaml"
expect "default: the session's language en" 1 "error: section 'intro' covers" -- check "$tmp/broken.yaml"
ENV="LANG=en_US.UTF-8" expect "the session beats LANG" 1 "error: la sección «intro» cubre" -- check "$tmp/roto.yaml"
ENV="LANG=es_MX.UTF-8" expect "--lang beats the session" 1 "error: section 'intro' covers" -- check --lang en "$tmp/roto.yaml"
ENV="LANG=en_US.UTF-8" expect "no language: LANG=en" 1 "error: section 'intro' covers" -- check "$tmp/nolang.yaml"
ENV="LANG=es_MX.UTF-8" expect "no language: LANG=es" 1 "error: la sección «intro» cubre" -- check "$tmp/nolang.yaml"
ENV="LANG=C.UTF-8" expect "no language: LANG=C is Spanish" 1 "error: la sección «intro» cubre" -- check "$tmp/nolang.yaml"
ENV="LANG=es_MX.UTF-8 LC_ALL=en_US.UTF-8" expect "LC_ALL beats LANG" 1 "error: section 'intro' covers" -- check "$tmp/nolang.yaml"
ENV="LANG=en_US.UTF-8 LC_MESSAGES=es_ES.UTF-8" expect "LC_MESSAGES beats LANG" 1 "error: la sección" -- check "$tmp/nolang.yaml"
printf '' > "$tmp/vacio.yaml"
ENV="LANG=es_MX.UTF-8" expect "no session at all: LANG" 1 "vacio.yaml: error: el archivo está vacío" -- check "$tmp/vacio.yaml"
expect "bad --lang" 2 "--lang" -- check --lang fr "$tmp/roto.yaml"
json="$("$bin" check --json --lang es "$tmp/roto.yaml" 2>/dev/null)"
if grep -q '"message": "la sección «intro» cubre el objetivo «agentez», que no está definido"' <<<"$json"; then
  echo "ok   json messages follow --lang"; passed=$((passed+1)); else echo "FAIL json: $json" | head -5; fail=$((fail+1)); fi

# --help and command-line errors: `--lang` anywhere (also --lang=xx), else the
# locale (no session is read before the command line is understood).
ENV="LANG=es_ES.UTF-8" expect "help es: program" 0 "^Uso: facilita \[OPCIONES\] \[ORDEN\]" -- --help
ENV="LANG=es_ES.UTF-8" expect "help es: commands" 0 "^  check +Valida archivos de sesión y muestra su plan de tiempos" -- --help
ENV="LANG=es_ES.UTF-8" expect "help es: group title" 0 "^Órdenes:" -- --help
ENV="LANG=en_US.UTF-8" expect "help en: program" 0 "^Usage: facilita \[OPTIONS\] \[COMMAND\]" -- --help
ENV="LANG=en_US.UTF-8" expect "help en: commands" 0 "^  check +Validate session files and show their timing plan" -- --help
ENV="LANG=es_ES.UTF-8" expect "help es: check" 0 "--strict +Trata los avisos como errores" -- check --help
ENV="LANG=es_ES.UTF-8" expect "help es: check's argument" 0 "files TEXTO \.\.\. OBLIGATORIO +Archivos YAML de sesión" -- check --help
ENV="LANG=es_ES.UTF-8" expect "help es: the value type" 0 "--lang TEXTO:\{es,en\}" -- check --help
ENV="LANG=es_ES.UTF-8" expect "help es: the help flag" 0 "-h,--help +Muestra esta ayuda y termina" -- check --help
ENV="LANG=es_ES.UTF-8" expect "help es: no English group title" 0 "^Opciones:" -- check --help
if LANG=es_ES.UTF-8 "$bin" check --help | grep -q "^Options:"; then echo "FAIL help es: an English 'Options:' title"; fail=$((fail+1)); else echo "ok   help es: no 'Options:' title"; passed=$((passed+1)); fi
ENV="LANG=en_US.UTF-8" expect "help en: check" 0 "--strict +Treat warnings as errors" -- check --help
ENV="LANG=en_US.UTF-8" expect "help en: check's argument" 0 "files TEXT \.\.\. REQUIRED +Session YAML files" -- check --help
ENV="LANG=es_ES.UTF-8" expect "help: --lang en beats LANG=es" 0 "--strict +Treat warnings as errors" -- check --help --lang en
ENV="LANG=es_ES.UTF-8" expect "help: --lang=en beats LANG=es" 0 "--strict +Treat warnings as errors" -- check --lang=en --help
ENV="LANG=en_US.UTF-8" expect "help: --lang es beats LANG=en" 0 "--strict +Trata los avisos como errores" -- check --lang es --help
ENV="LANG=en_US.UTF-8 LC_ALL=es_ES.UTF-8" expect "help: LC_ALL beats LANG" 0 "^Uso: facilita" -- --help
ENV="LANG=es_ES.UTF-8" expect "help es: ranges" 0 "--port ENTERO \[0 - 65535\]=8080" -- run --help
ENV="LANG=en_US.UTF-8" expect "help en: ranges" 0 "--port INT \[0 - 65535\]=8080" -- run --help

# Parse errors: translated, naming the option, argument or value; exit 2.
ENV="LANG=es_ES.UTF-8" expect "error es: unknown option" 2 "^facilita check: error: argumento inesperado --bogus \(no es una opción de esta orden\)" -- check --bogus "$tmp/roto.yaml"
ENV="LANG=en_US.UTF-8" expect "error en: unknown option" 2 "^facilita check: error: unexpected argument --bogus \(not an option of this command\)" -- check --bogus "$tmp/roto.yaml"
ENV="LANG=es_ES.UTF-8" expect "error es: see --help" 2 "^Usa --help para más información\.$" -- check --bogus "$tmp/roto.yaml"
ENV="LANG=es_ES.UTF-8" expect "error es: missing file" 2 "^facilita check: error: falta files, que es obligatorio" -- check
ENV="LANG=en_US.UTF-8" expect "error en: missing file" 2 "^facilita check: error: files is required" -- check
ENV="LANG=es_ES.UTF-8" expect "error es: missing required option" 2 "^facilita export: error: falta --format, que es obligatorio" -- export
ENV="LANG=es_ES.UTF-8" expect "error es: bad number" 2 "^facilita run: error: --port: «abc» no es un número entero" -- run --port abc
ENV="LANG=en_US.UTF-8" expect "error en: bad number" 2 "^facilita run: error: --port: 'abc' is not a whole number" -- run --port abc
ENV="LANG=es_ES.UTF-8" expect "error es: out of range" 2 "^facilita run: error: --demo-fellows: 0 está fuera de 1 a 500" -- run --demo-fellows 0
ENV="LANG=en_US.UTF-8" expect "error en: out of range" 2 "^facilita run: error: --demo-fellows: 0 is outside 1 to 500" -- run --demo-fellows 0
ENV="LANG=es_ES.UTF-8" expect "error es: not positive" 2 "^facilita export: error: --delivery: «0» no es un número positivo" -- export --format csv --delivery 0
ENV="LANG=es_ES.UTF-8" expect "error es: bad --lang" 2 "^facilita check: error: --lang: «fr» no es ninguno de \{es,en\}" -- check --lang fr "$tmp/roto.yaml"
ENV="LANG=en_US.UTF-8" expect "error en: bad --lang" 2 "^facilita check: error: --lang: 'fr' is not one of \{es,en\}" -- check --lang fr "$tmp/roto.yaml"
ENV="LANG=es_ES.UTF-8" expect "error es: bad --view" 2 "^facilita run: error: --view: «wall» no es ninguno de \{console,projector,presentation,shared-console\}" -- run --view wall
ENV="LANG=en_US.UTF-8" expect "error en: bad --view" 2 "^facilita run: error: --view: 'wall' is not one of" -- run --view wall
ENV="LANG=es_ES.UTF-8" expect "error: --lang en beats LANG=es" 2 "^facilita run: error: --view: 'wall' is not one of" -- run --lang en --view wall
ENV="LANG=es_ES.UTF-8" expect "error es: needs a value" 2 "^facilita check: error: --lang necesita un valor" -- check "$tmp/roto.yaml" --lang
ENV="LANG=es_ES.UTF-8" expect "error es: excluded together" 2 "^facilita run: error: --new no se puede usar junto con --resume" -- run --new --resume
ENV="LANG=es_ES.UTF-8" expect "error es: unknown command" 2 "^facilita: error: argumento inesperado bogus" -- bogus

# Start-up errors name the place, in the command's language.
ENV="LANG=es_ES.UTF-8" expect "es: no such session file" 1 "^$tmp/nada.yaml: error: no existe el archivo$" -- check "$tmp/nada.yaml"
ENV="LANG=en_US.UTF-8" expect "en: no such session file" 1 "^$tmp/nada.yaml: error: no such file$" -- check "$tmp/nada.yaml"
mkdir -p "$tmp/vacia"
expect "es: no journal yet" 1 "^facilita export: error: $tmp/vacia/facilita.sqlite3: aún no hay diario aquí" -- export --lang es --format csv --data "$tmp/vacia"
expect "en: no journal yet" 1 "^facilita report: error: $tmp/vacia/facilita.sqlite3: no journal here yet" -- report --lang en --data "$tmp/vacia"
printf 'x' > "$tmp/archivo"
expect "es: data directory is a file" 1 "^facilita run: error: $tmp/archivo: no se puede crear el directorio de datos" -- run --headless --lang es --data "$tmp/archivo" "$root/sessions/m2-s3-gobierno-abierto.yaml"
expect "en: data directory is a file" 1 "^facilita run: error: $tmp/archivo: cannot create the data directory" -- run --headless --lang en --data "$tmp/archivo" "$root/sessions/m2-s3-gobierno-abierto.yaml"
# No display at all (env -u): GLFW cannot start, the author view says so.
ENV="-u DISPLAY -u WAYLAND_DISPLAY LANG=es_ES.UTF-8" expect "es: edit without a display" 2 "^facilita edit: error: no hay pantalla disponible \(.*\); la vista de autor necesita una sesión gráfica" -- edit "$tmp/nolang.yaml"
ENV="-u DISPLAY -u WAYLAND_DISPLAY LANG=en_US.UTF-8" expect "en: edit without a display" 2 "^facilita edit: error: no display available \(.*\); the author view needs a graphical session" -- edit "$tmp/nolang.yaml"

# The fellows' server names the port or the address, in the command's language.
module="$root/sessions/m2-s3-gobierno-abierto.yaml"
expect "es: --bind not an address" 2 "^facilita run: los participantes no pueden unirse: --bind: «nope» no es una dirección IP" -- run --headless --lang es --bind nope --port 0 --data "$tmp/datos-bind" "$module"
expect "en: --bind not an address" 2 "^facilita run: fellows cannot join: --bind: 'nope' is not an IP address" -- run --headless --lang en --bind nope --port 0 --data "$tmp/datos-bind" "$module"
python3 -c 'import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
print(s.getsockname()[1], flush=True); time.sleep(300)' > "$tmp/port" &
holder=$!
for _ in $(seq 1 600); do [[ -s "$tmp/port" ]] && break; sleep 0.1; done  # up to a minute on a loaded machine
port="$(cat "$tmp/port")"
expect "es: port in use" 2 "^facilita run: los participantes no pueden unirse: el puerto $port está ocupado \(elige otro con --port\)" -- run --headless --lang es --bind 127.0.0.1 --port "$port" --data "$tmp/datos-port" "$module"
expect "en: port in use" 2 "^facilita run: fellows cannot join: port $port is in use \(choose another with --port\)" -- run --headless --lang en --bind 127.0.0.1 --port "$port" --data "$tmp/datos-port" "$module"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null

echo "$passed passed, $fail failed"
exit $(( fail > 0 ))
