#!/bin/sh
# mgrep against GNU grep 3.8 on patterns that cannot be compiled: too
# deeply nested (c-stack: "grep: stack overflow", status 2, not
# SIGSEGV), and invalid ones from -e and -f (issue 12).

. "${0%/*}/../lib.sh"
require_gnu grep

GNU=/usr/bin/grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  printf 'x\n((a))\nab\n' > in || framework_failure
  printf 'a\n(b\nc[\n' > bad || framework_failure
  printf 'ok\n\\(\n' > badbre || framework_failure
  printf '(\n' > one || framework_failure
  printf 'a\na\n(\nb\n(\n[\n' > dups || framework_failure
  nest=$(awk 'BEGIN { for (i = 0; i < 30000; i++) printf "(" }')
  nestbre=$(awk 'BEGIN { for (i = 0; i < 30000; i++) printf "\\(" }')
  printf '%s\n' x "$nest" > nestfile || framework_failure
  printf '%s\n' "$nestbre" > nestbre || framework_failure
}

# A regex nested 30,000 levels deep overflows the stack of the regex
# compiler: mgrep 0.1 died of SIGSEGV.
test_stack_overflow ()
{
  same_as_gnu2 $GNU mgrep operand in none '' -E "$nest" || return
  same_as_gnu2 $GNU mgrep operand in none '' -E -f nestfile || return
  same_as_gnu2 $GNU mgrep operand in none '' -f nestbre || return
  same_as_gnu2 $GNU mgrep operand in none '' -c -E -e a -f nestfile ||
    return
  same_as_gnu2 $GNU mgrep operand in none '' -P -f nestfile
}

# GNU grep 3.8 names FILE:LINE: for a bad pattern from -f, nothing for
# one from -e, and reports a pattern given twice only once, at its
# first place.
test_invalid_patterns ()
{
  for args in '-f bad' '-E -f bad' '-f badbre' '-E -e ( -e x' \
              '-e a -f bad' '-E -e a -f bad -e [' '-E (' '-P -f bad' \
              '-F -f bad' '-E -f bad -f bad' '-E -e x -f /dev/null -f bad' \
              '-w -E -f bad' '-E a{1' '-e a\{1' '-E -e a -e b -e (' \
              '-E -f one -f bad' '-E -e ( -f one' '-E -f one -e (' \
              '-x -E -f bad' '-i -E -f bad' '-E -e [ -e [' \
              '-E -e [ -e x -e [' '-E -f dups' '-E -e a -f dups' \
              '-f dups' '-P -f dups' '-E -e ( -f dups' '-c -f dups'; do
    same_as_gnu2 $GNU mgrep operand in none '' $args || return
  done
  for args in '-E -f - -f one' '-E -f one -f -'; do
    same_as_gnu2 $GNU mgrep stdin dups operand in $args || return
  done
}

. shunit2
