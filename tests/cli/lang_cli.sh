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
  out="$(env ${ENV:-} "$bin" "$@" 2>&1)"; status=$?
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

echo "$passed passed, $fail failed"
exit $(( fail > 0 ))
