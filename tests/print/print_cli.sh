#!/usr/bin/env bash
# `facilita print` through the real binary, read back with poppler-utils:
# the guide's plan times, notes and correct answers; the handout without
# them; page counts, embedded fonts, paper sizes, non-blank pages; errors.
set -u
bin="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail=0; passed=0
ok() { echo "ok   $1"; passed=$((passed+1)); }
bad() { echo "FAIL $1"; fail=$((fail+1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

module="$root/sessions/m2-s3-gobierno-abierto.yaml"
"$bin" print "$module" --guide "$tmp/guia.pdf" --start 10:00 >"$tmp/out" 2>&1 || { bad "guide written"; cat "$tmp/out"; }
"$bin" print "$module" --handout "$tmp/handout.pdf" --url http://192.168.1.20:8080/ >"$tmp/out" 2>&1 || { bad "handout written"; cat "$tmp/out"; }
"$bin" print "$module" --guide "$tmp/guia-letter.pdf" --paper letter >/dev/null 2>&1 || bad "letter guide written"
"$bin" print "$module" --guide "$tmp/guide-en.pdf" --lang en >/dev/null 2>&1 || bad "english guide written"
pdftotext -enc UTF-8 "$tmp/guia.pdf" "$tmp/guia.txt"
pdftotext -enc UTF-8 "$tmp/handout.pdf" "$tmp/handout.txt"
pdftotext -enc UTF-8 "$tmp/guia-letter.pdf" "$tmp/guia-letter.txt"
pdftotext -enc UTF-8 "$tmp/guide-en.pdf" "$tmp/guide-en.txt"

# The guide: plan times from 10:00 to 11:19, a note, the correct answers.
check "guide: first section 10:00–10:05" "grep -q '10:00–10:05' '$tmp/guia.txt'"
check "guide: ends 11:19" "grep -q '–11:19' '$tmp/guia.txt'"
check "guide: a note sentence" "grep -q 'Cinco minutos exactos' '$tmp/guia.txt'"
check "guide: correct answers marked" "[[ \$(grep -c '(correcta)' '$tmp/guia.txt') -ge 5 ]]"
check "guide: coverage table" "grep -q 'Cobertura de objetivos' '$tmp/guia.txt'"
check "guide: footer numbers pages" "grep -q 'Página 1 de' '$tmp/guia.txt'"
check "guide without --start: offsets 0:00–0:05" "grep -q '0:00–0:05' '$tmp/guia-letter.txt' && grep -q '–1:19' '$tmp/guia-letter.txt'"
check "guide in English" "grep -q 'Facilitator notes' '$tmp/guide-en.txt' && grep -q 'Page 1 of' '$tmp/guide-en.txt'"
# The handout: content and prompts, no notes, no correct answers, the join address.
check "handout: prompt text" "grep -q 'Cuántas entidades federativas' '$tmp/handout.txt'"
check "handout: no notes" "! grep -q 'Cinco minutos exactos' '$tmp/handout.txt' && ! grep -q 'Notas para quien facilita' '$tmp/handout.txt'"
check "handout: no correct answers" "! grep -q 'correcta' '$tmp/handout.txt' && ! grep -q '✔' '$tmp/handout.txt'"
check "handout: join address" "grep -q 'http://192.168.1.20:8080/' '$tmp/handout.txt'"

# Page counts, paper sizes, fonts, non-blank pages.
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
g=$(pages "$tmp/guia.pdf"); h=$(pages "$tmp/handout.pdf")
check "guide pages sane ($g)" "(( g >= 5 && g <= 40 ))"
check "handout pages sane ($h)" "(( h >= 3 && h <= 30 ))"
check "A4 page size" "pdfinfo '$tmp/guia.pdf' | grep -q 'Page size: *595.2.* x 841.8'"
check "Letter page size" "pdfinfo '$tmp/guia-letter.pdf' | grep -q 'Page size: *612 x 792'"
for f in guia handout; do
  fonts=$(pdffonts "$tmp/$f.pdf" | tail -n +3)
  check "$f: fonts listed" "[[ -n \"\$fonts\" ]]"
  check "$f: every font embedded" "! awk '{ if (\$(NF-4) != \"yes\") bad=1 } END { exit !bad }' <<<\"\$fonts\""
  check "$f: Noto Sans used" "grep -q 'NotoSans' <<<\"\$fonts\""
  pdftoppm -r 40 -png "$tmp/$f.pdf" "$tmp/$f-page"
  n=0; blank=0
  for png in "$tmp/$f"-page*.png; do
    n=$((n+1))
    mean=$(convert "$png" -colorspace Gray -format '%[fx:mean]' info:)
    awk -v m="$mean" 'BEGIN { exit !(m < 0.995) }' || { blank=$((blank+1)); echo "  blank: $png ($mean)"; }
  done
  check "$f: $n pages rendered, none blank" "(( n == $(pages "$tmp/$f.pdf") && blank == 0 ))"
done

# A bad session file: the diagnostics of `check`, exit 1, no PDF.
sed 's/^duration: 79 min/duration: 80 min/' "$module" > "$tmp/bad.yaml"
"$bin" check "$tmp/bad.yaml" >/dev/null 2>"$tmp/check.err"
"$bin" print "$tmp/bad.yaml" --guide "$tmp/bad.pdf" >/dev/null 2>"$tmp/print.err"; status=$?
check "bad file: exit 1" "(( status == 1 ))"
check "bad file: same diagnostics as check" "diff -q '$tmp/check.err' '$tmp/print.err' >/dev/null"
check "bad file: no PDF" "[[ ! -e '$tmp/bad.pdf' ]]"
# An unwritable output names its path.
"$bin" print "$module" --guide "$tmp/no-such-dir/guia.pdf" >/dev/null 2>"$tmp/unwritable.err"; status=$?
check "unwritable: exit 1 naming the path" "(( status == 1 )) && grep -q '$tmp/no-such-dir/guia.pdf' '$tmp/unwritable.err'"
"$bin" print "$module" --guide "$tmp/x.pdf" --start 25:00 >/dev/null 2>"$tmp/start.err"; status=$?
check "bad --start: usage error" "(( status == 2 )) && grep -q -- '--start' '$tmp/start.err'"
"$bin" print "$module" >/dev/null 2>&1; status=$?
check "no document asked: usage error" "(( status == 2 ))"

echo "$passed passed, $fail failed"
(( fail == 0 ))
