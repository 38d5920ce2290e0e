#!/usr/bin/env bash
# Screenshots of the console at the end of a delivery: "Dominio por objetivo"
# in place of the notes. With the demo room's quiz answers the mastery bars
# (theme::kCorrect, 120,225,150) must show; the same ended delivery without
# answers must show none. Spanish and English.
set -u
bin="$1"; module="$2"; out="$3"
mkdir -p "$out"
fail=0; passed=0
end=(--view console --at cierre:05:00 --ended --size 1920x1080)
shoot() {  # NAME [extra args]
  local png="$out/$1.png"; shift
  if ! "$bin" run "$module" --screenshot "$png" "${end[@]}" "$@" 2>"$out/err.txt"; then
    echo "FAIL $png: exit"; cat "$out/err.txt"; fail=$((fail+1)); return 1
  fi
  local dims sd
  dims="$(identify -format "%wx%h" "$png")"
  sd="$(convert "$png" -colorspace Gray -format "%[fx:standard_deviation]" info:)"
  if [[ "$dims" != "1920x1080" ]] || ! awk -v sd="$sd" 'BEGIN{exit !(sd > 0.05)}'; then
    echo "FAIL $png: $dims, sd $sd"; fail=$((fail+1)); return 1
  fi
  echo "ok   $png"; passed=$((passed+1))
}
bar_share() {
  convert "$1" -fuzz 3% -fill black +opaque "rgb(120,225,150)" -fill white -opaque "rgb(120,225,150)" \
    -colorspace Gray -format "%[fx:mean]" info:
}
shoot mastery-console-es --demo
shoot mastery-console-en --demo --lang en
shoot mastery-console-none
if [[ -f "$out/mastery-console-es.png" && -f "$out/mastery-console-none.png" ]]; then
  with="$(bar_share "$out/mastery-console-es.png")"; without="$(bar_share "$out/mastery-console-none.png")"
  if awk -v a="$with" -v b="$without" 'BEGIN{exit !(a > 0.002 && a > b + 0.002)}'; then
    echo "ok   mastery bars with answers ($with vs $without)"; passed=$((passed+1))
  else
    echo "FAIL mastery bars not visible (share $with vs $without)"; fail=$((fail+1))
  fi
fi
echo "$passed passed, $fail failed"
[[ $fail == 0 ]]
