#!/usr/bin/env bash
# Never drop, never clip: the console and the projector at 1280x720 and
# 1920x1080 on a stress session (long titles and headings, 14 sections, 12
# prompts in one section, 80 fellows of whom 40 answer a text prompt, a long
# join URL). Each screenshot records its layout (--layout); layout_check.py
# asserts nothing crosses its panel and every list that hides rows says "+N más";
# one key (↓, --page-down 1) shows the revealed text answers' second page.
set -u
bin="$1"; session="$2"; out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
fail=0; passed=0
url="http://facilita-sala-de-capacitacion.local:8080/sesion/estres-de-maquetacion/unirse"
demo=(--demo --demo-fellows 80 --join-url "$url")
# name | view | --at | extra flags | expectations for layout_check.py
cases=(
  "answers|console|abiertas:02:00||--expect-hidden text-answers --expect-hidden not-answered"
  "answers-revealed|projector|abiertas:02:00|--reveal|--expect-hidden projector-answers --apart join-url join-qr"
  "answers-page2|projector|abiertas:02:00|--reveal --page-down 1|--expect-hidden projector-answers --later-page answer: --apart join-url join-qr"
  "quiz|console|quiz:01:00||--expect-hidden prompt-list --expect-hidden not-answered"
  "quiz|projector|quiz:01:00||--apart join-url join-qr"
  "agenda|console|bloque-9:01:00||--expect-hidden agenda"
  "optional|projector|avance:01:00||--apart join-url join-qr"
)
for size in 1280x720 1920x1080; do
  for c in "${cases[@]}"; do
    IFS='|' read -r name view at extra expect <<<"$c"
    base="$out/layout-$view-$name-$size"
    # shellcheck disable=SC2086
    if ! "$bin" run "$session" "${demo[@]}" $extra --view "$view" --at "$at" --size "$size" \
         --screenshot "$base.png" --layout "$base.json" 2>"$base.err"; then
      echo "FAIL $base: exit $?"; cat "$base.err"; fail=$((fail+1)); continue
    fi
    # shellcheck disable=SC2086
    if python3 "$here/layout_check.py" "$base.json" $expect; then passed=$((passed+1)); else fail=$((fail+1)); fi
  done
done
echo "$passed passed, $fail failed"
((fail == 0))
