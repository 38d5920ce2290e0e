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
# English interface and the demo room: --demo --reveal must show the results
# (the tally's bars), the same moment without --reveal must not.
bar_share() {  # PNG: share of pixels in the tally bars' colour (theme::kBar, 90,150,230)
  convert "$1" -fuzz 4% -fill black +opaque "rgb(90,150,230)" -fill white -opaque "rgb(90,150,230)" \
    -colorspace Gray -format "%[fx:mean]" info:
}
quiz=(--lang en --demo --view projector --at quiz:02:00 --size 1280x720)
if "$bin" run "$module" "${quiz[@]}" --reveal --screenshot "$out/projector-quiz-en.png" 2>"$out/err.txt" &&
   "$bin" run "$module" "${quiz[@]}" --screenshot "$out/projector-quiz-en-open.png" 2>>"$out/err.txt"; then
  revealed="$out/projector-quiz-en.png"; hidden="$out/projector-quiz-en-open.png"
  sd="$(convert "$revealed" -colorspace Gray -format "%[fx:standard_deviation]" info:)"
  diff_px="$(compare -metric AE "$revealed" "$hidden" null: 2>&1 | cut -d' ' -f1)"
  bars="$(bar_share "$revealed")"; bars_hidden="$(bar_share "$hidden")"
  if ! awk -v sd="$sd" 'BEGIN{exit !(sd > 0.05)}'; then
    echo "FAIL $revealed: blank (sd $sd)"; fail=$((fail+1))
  elif ! awk -v d="$diff_px" 'BEGIN{exit !(d > 1000)}'; then
    echo "FAIL $revealed: hardly differs from the unrevealed picture ($diff_px pixels)"; fail=$((fail+1))
  elif ! awk -v b="$bars" -v h="$bars_hidden" 'BEGIN{exit !(b > 0.003 && h < 0.0005)}'; then
    echo "FAIL $revealed: result bars not shown (bar share $bars revealed, $bars_hidden not revealed)"; fail=$((fail+1))
  else
    echo "ok   $revealed (sd $sd, $diff_px pixels differ, bars $bars vs $bars_hidden)"; passed=$((passed+1))
  fi
else
  echo "FAIL --lang en --demo screenshot"; cat "$out/err.txt"; fail=$((fail+1))
fi
# Paused must be unmistakable: "EN PAUSA" in amber (theme::kWrapUp) in place of
# the phase line under the big clock (at 1280x720: the band 190..230 px of the
# middle column), where the running console shows "● En tiempo" in green.
amber_share() {
  convert "$1" -crop "460x40+390+190" +repage -fuzz 8% -fill black +opaque "rgb(255,200,60)" \
    -fill white -opaque "rgb(255,200,60)" -colorspace Gray -format "%[fx:mean]" info:
}
pause=(--view console --at funcionamiento:03:00 --size 1280x720)
if "$bin" run "$module" "${pause[@]}" --paused --screenshot "$out/console-paused.png" 2>"$out/err.txt" &&
   "$bin" run "$module" "${pause[@]}" --screenshot "$out/console-running.png" 2>>"$out/err.txt"; then
  paused_amber="$(amber_share "$out/console-paused.png")"; running_amber="$(amber_share "$out/console-running.png")"
  if awk -v p="$paused_amber" -v r="$running_amber" 'BEGIN{exit !(p > 0.002 && r < 0.0005)}'; then
    echo "ok   $out/console-paused.png (amber $paused_amber vs $running_amber running)"; passed=$((passed+1))
  else
    echo "FAIL $out/console-paused.png: no amber pause label (amber $paused_amber vs $running_amber running)"
    fail=$((fail+1))
  fi
else
  echo "FAIL --paused screenshot"; cat "$out/err.txt"; fail=$((fail+1))
fi
# A plan set by hand, then the rebalance preview: ranges, "fijo", forecast end before and after.
if "$bin" run "$module" --view console --at introduccion:03:00 --adjust 5 --rebalance --size 1280x720 \
     --screenshot "$out/console-rebalance-locked.png" 2>"$out/err.txt"; then
  passed=$((passed+1))
else
  echo "FAIL --adjust --rebalance screenshot"; cat "$out/err.txt"; fail=$((fail+1))
fi
if "$bin" run "$module" --screenshot "$out/bad.png" --at nowhere:01:00 2>/dev/null; then
  echo "FAIL --at with an unknown section succeeded"; fail=$((fail+1))
else
  passed=$((passed+1))
fi
echo "$passed passed, $fail failed"
exit $(( fail > 0 ))
