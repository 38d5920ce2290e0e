#!/usr/bin/env bash
# Screenshots of the console and the projector at the start of the session, in
# a wrap-up and in an overtime, at 1920x1080 and 1280x720. Each PNG must have
# the requested size and not be blank; the projector's phase strip (top edge)
# must be absent / amber / red.
set -u
bin="$1"; module="$2"; out="$3"
mkdir -p "$out"
fail=0; passed=0
# moment name, --at, expected phase
moments=("start introduccion:00:10 normal" "wrapup funcionamiento:10:00 wrapup" "overtime retos:11:30 overtime")

check_strip() {  # PNG PHASE: mean red / green of the top 4 rows
  local rg r g
  rg="$(convert "$1" -crop "400x4+0+0" +repage -format "%[fx:mean.r] %[fx:mean.g]" info:)"
  r=${rg% *}; g=${rg#* }
  case "$2" in
    normal) awk -v r="$r" 'BEGIN{exit !(r < 0.2)}' ;;
    wrapup) awk -v r="$r" -v g="$g" 'BEGIN{exit !(r > 0.9 && g > 0.65 && g < 0.9)}' ;;
    overtime) awk -v r="$r" -v g="$g" 'BEGIN{exit !(r > 0.9 && g < 0.6)}' ;;
  esac
}

for size in 1920x1080 1280x720; do
  for m in "${moments[@]}"; do
    read -r name at phase <<<"$m"
    for view in console projector; do
      png="$out/$view-$name-$size.png"
      if ! "$bin" run "$module" --screenshot "$png" --view "$view" --at "$at" --size "$size" 2>"$out/err.txt"; then
        echo "FAIL $png: exit $?"; cat "$out/err.txt"; fail=$((fail+1)); continue
      fi
      dims="$(identify -format "%wx%h" "$png")"
      sd="$(convert "$png" -colorspace Gray -format "%[fx:standard_deviation]" info:)"
      if [[ "$dims" != "$size" ]]; then echo "FAIL $png: size $dims"; fail=$((fail+1)); continue; fi
      if ! awk -v sd="$sd" 'BEGIN{exit !(sd > 0.05)}'; then echo "FAIL $png: blank (sd $sd)"; fail=$((fail+1)); continue; fi
      if [[ $view == projector ]] && ! check_strip "$png" "$phase"; then
        echo "FAIL $png: top strip does not show $phase"; fail=$((fail+1)); continue
      fi
      echo "ok   $png ($dims, sd $sd)"; passed=$((passed+1))
    done
  done
done
# English interface and the demo room render too.
if "$bin" run "$module" --lang en --demo --reveal --screenshot "$out/projector-quiz-en.png" --view projector \
     --at quiz:02:00 --size 1280x720; then
  echo "ok   $out/projector-quiz-en.png"; passed=$((passed+1))
else
  echo "FAIL --lang en --demo screenshot"; fail=$((fail+1))
fi
if "$bin" run "$module" --screenshot "$out/bad.png" --at nowhere:01:00 2>/dev/null; then
  echo "FAIL --at with an unknown section succeeded"; fail=$((fail+1))
else
  passed=$((passed+1))
fi
echo "$passed passed, $fail failed"
exit $(( fail > 0 ))
