#!/usr/bin/env bash
# Screenshots of fellow questions: the console with its Preguntas panel open
# and the projector with a projected question (demo room, --demo --questions).
# Each PNG must have the requested size and not be blank; the projector with
# a projected question must differ clearly from the same moment without it,
# and show the card's accent border (theme::kAccent, 110,180,255).
set -u
bin="$1"; module="$2"; out="$3"
mkdir -p "$out"
fail=0; passed=0
at=(--at avance:03:00 --size 1920x1080 --demo)
shoot() {  # NAME VIEW [extra args]
  local png="$out/$1.png" view="$2"; shift 2
  if ! "$bin" run "$module" --screenshot "$png" --view "$view" "${at[@]}" "$@" 2>"$out/err.txt"; then
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
accent_share() {
  convert "$1" -fuzz 3% -fill black +opaque "rgb(110,180,255)" -fill white -opaque "rgb(110,180,255)" \
    -colorspace Gray -format "%[fx:mean]" info:
}
shoot qa-console console --questions
shoot qa-projector projector --questions
shoot qa-projector-none projector
if [[ -f "$out/qa-projector.png" && -f "$out/qa-projector-none.png" ]]; then
  with="$(accent_share "$out/qa-projector.png")"; without="$(accent_share "$out/qa-projector-none.png")"
  if awk -v a="$with" -v b="$without" 'BEGIN{exit !(a > 0.002 && b < 0.0005)}'; then
    echo "ok   projected question card ($with vs $without)"; passed=$((passed+1))
  else
    echo "FAIL projected question card not visible (accent share $with vs $without)"; fail=$((fail+1))
  fi
fi
echo "$passed passed, $fail failed"
exit $(( fail > 0 ))
