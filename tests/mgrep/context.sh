#!/bin/sh
# mgrep against GNU grep 3.8: context, -m, -n and -z next to lines
# that are not printed (encoding errors) and across window edges.
# Output must not depend on --io or on the window: each case runs with
# --io=mmap, --io=read and one-page windows (same_as_gnu), and the
# window matrix also with two-page and default windows on inputs a
# little larger than a window.
#
# RUN_EXPENSIVE_TESTS=yes runs the larger matrices.

. "${0%/*}/../lib.sh"

# Untranslated messages: see locales.sh.
LANGUAGE=en
export LANGUAGE

expensive ()
{
  test "$RUN_EXPENSIVE_TESTS" = yes
}

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  # Lines with encoding errors (in UTF-8 and EUC-JP) among good ones.
  printf '\240\n\304\n\n' > bad3 || framework_failure
  printf 'a\n\240\nb\n\304\n\nc\n\303\nd\ne\n\240x\n\n\nf\n\304\n' \
    > badmix || framework_failure
  printf 'a\0\240\0b\0\304\0\0c\0\303\0d\0e\0\240x\0\0\0f\0\304\0' \
    > badmixz || framework_failure
  printf '\n\277\n\307' > eucend || framework_failure
  printf 'x\n\377b\n\377b\n' > supp || framework_failure
  # Two context lines that end the first window exactly, then a line
  # not printed for its encoding error.
  LC_ALL=C awk -v n=$((page_size / 8 - 1)) 'BEGIN {
      for (i = 0; i < n; i++) print "xxxxxxx"
      printf "c11\nc22\n\377m\ntail\nm2\n" }' > edge || framework_failure
  # A NUL after the first window, in GNU grep's first buffer.
  { echo a; yes yyyyyyy | head -$((page_size / 8 + 10)); printf 'z\0\n'; } \
    > latenul || framework_failure
}

# Line numbers after lines not printed for encoding errors: each line
# is counted once (mgrep 0.1 counted lines again when it went back for
# leading context, and printed 4: for the third line of bad3).
test_line_numbers_after_suppressed ()
{
  for loc in C.UTF-8 ja_JP.eucJP; do
    for args in '-n -e "" -2' '-n -e "" -C3' '-n -e "" -A1' '-n -e "" -B1' \
                '-n x -C2' '-n -v x -B2' '-nb -e "" -1' '-n -o . -C1' \
                '-nc -e ""' '-n -m3 -e "" -A3'; do
      for f in bad3 badmix; do
        eval "LC_ALL=$loc same_as_gnu grep mgrep operand $f $args" \
          || return
      done
      eval "LC_ALL=$loc same_as_gnu grep mgrep pipe badmixz -z $args" \
        || return
    done
  done
}

# Lines not printed, then counted when printed as trailing context.
test_pending_after_suppressed ()
{
  for args in '-n -A1 b$' '-n -C1 b$' '-nb -A2 b$' '-c -A1 b$'; do
    LC_ALL=C.UTF-8 same_as_gnu grep mgrep operand supp $args || return
  done
}

# Leading context kept from the previous window is output: a line after
# it is adjacent (mgrep 0.1 printed a group separator before "tail").
test_kept_context_is_output ()
{
  for args in '-B2 m' '-nB2 m' '-B3 m' '-C2 m' '-bB2 m'; do
    LC_ALL=C.UTF-8 same_as_gnu grep mgrep operand edge $args || return
  done
}

# With -a or -z, a NUL after the window does not make the output held
# for it be dropped (mgrep 0.1 printed nothing for -a -m1 a latenul).
test_text_output_not_held ()
{
  for args in '-a -m1 a' '-a -m1 -A1 a' '-z -m1 a' '-a -c -m1 a' '-m1 a'; do
    same_as_gnu grep mgrep operand latenul $args || return
    same_as_gnu grep mgrep pipe latenul $args || return
  done
}

. shunit2
