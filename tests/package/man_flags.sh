#!/usr/bin/env bash
# man_flags.sh FACILITA MANPAGE BASH_COMPLETION
# Every command `facilita --help` lists, and every flag each command's --help
# lists, is in the man page and in the bash completion. --help follows --lang
# and the locale: the help of both languages is read, and nothing here depends on the
# words of the help (commands are the indented lines that start with a
# lowercase name, flags the indented lines that start with a dash).
set -euo pipefail
bin="$1" man="$2" completion="$3"
fail=0
# The roff source writes '-' as '\-'.
man_text="$(sed 's/\\-/-/g' "$man")"
for locale in es_ES.UTF-8 en_US.UTF-8; do
  commands="$(LC_ALL="$locale" "$bin" --help | grep -oE '^  [a-z][a-z-]*( |$)' | tr -d ' ')"
  [[ -n "$commands" ]] || { echo "FAIL: no commands in LC_ALL=$locale facilita --help"; exit 1; }
  for cmd in $commands; do
    grep -q "^\.SS \"\?$cmd\b" <<<"$man_text" || { echo "FAIL: man page lacks a section for '$cmd'"; fail=1; }
    grep -qw "$cmd" "$completion" || { echo "FAIL: completion lacks '$cmd'"; fail=1; }
    for flag in $(LC_ALL="$locale" "$bin" "$cmd" --help | grep -oE '^ +(-[a-z],)?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+' | sort -u); do
      [[ "$flag" == --help ]] && continue
      grep -qF -- "$flag" <<<"$man_text" || { echo "FAIL: man page lacks $cmd $flag"; fail=1; }
      grep -qF -- "$flag" "$completion" || { echo "FAIL: completion lacks $cmd $flag"; fail=1; }
    done
  done
  echo "checked: LC_ALL=$locale facilita --help ($(wc -w <<<"$commands") commands)"
done
((fail == 0)) && echo "ok: every command and flag is in the man page and the completion"
exit "$fail"
