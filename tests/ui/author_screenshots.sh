#!/usr/bin/env bash
# `facilita edit --screenshot`: the author view of the module (valid) and of a
# save with three errors (sections not adding up, a min above its duration, an
# unknown objective) over it (--saved: the last valid version stays previewed),
# at 1920x1080 and 1280x720; and the broken file alone (no valid version yet). Checks that each PNG has the
# size asked for, is not blank, and that the invalid file's view differs.
# The PNGs stay in OUT_DIR for a human to look at.
set -u
bin="$1"; module="$2"; out="$3"
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
broken="$tmp/tres-errores.yaml"
python3 - "$module" "$broken" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for old, new in [("duration: 12 min", "duration: 13 min"),          # 80:00 / 79:00
                 ("min: 5 min", "min: 9 min"),                      # avance: min above its 8 min
                 ("objectives: [retos]", "objectives: [retoz]")]:   # unknown objective
    assert old in text, old
    text = text.replace(old, new, 1)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
errors="$("$bin" check "$broken" 2>&1 | grep -c ': error: ')"
fail=0
if [[ "$errors" == 3 ]]; then echo "ok   the broken copy has 3 errors"; else echo "FAIL broken copy has $errors errors"; "$bin" check "$broken"; fail=1; fi

shoot() {  # NAME FILE SIZE [ARGS...]
  local name="$1" file="$2" size="$3"; shift 3
  local png="$out/$name-$size.png"
  if ! "$bin" edit "$file" --screenshot "$png" --size "$size" "$@"; then echo "FAIL $name $size: exit $?"; fail=1; return; fi
  local got; got="$(identify -format '%wx%h' "$png")"
  if [[ "$got" != "$size" ]]; then echo "FAIL $name: size $got, expected $size"; fail=1; return; fi
  local sd; sd="$(convert "$png" -colorspace Gray -format '%[fx:standard_deviation]' info:)"
  if python3 -c "import sys; sys.exit(0 if float('$sd') > 0.05 else 1)"; then
    echo "ok   $name $size (contrast $sd)"
  else
    echo "FAIL $name $size: looks blank (sd $sd)"; fail=1
  fi
}
for size in 1920x1080 1280x720; do
  shoot author-valid "$module" "$size" --section quiz
  shoot author-3-errors "$module" "$size" --section quiz --saved "$broken"
  diff="$(compare -metric AE "$out/author-valid-$size.png" "$out/author-3-errors-$size.png" null: 2>&1 || true)"
  if [[ "${diff%% *}" =~ ^[0-9.e+]+$ ]] && python3 -c "import sys; sys.exit(0 if float('${diff%% *}') > 1000 else 1)"; then
    echo "ok   errors change the view at $size ($diff pixels)"
  else
    echo "FAIL the invalid view looks like the valid one at $size ($diff)"; fail=1
  fi
done
shoot author-no-valid-version "$broken" 1280x720
exit $fail
