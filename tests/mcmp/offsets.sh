#!/bin/sh
# Where mcmp leaves standard input when it is a regular file, against
# GNU cmp 3.8: GNU reads both inputs a whole block (the lcm of their
# block sizes) at a time, up to -n's limit, so it stops at the end of
# the block in which the comparison ended, early answers aside.

. "${0%/*}/../lib.sh"
require_gnu cmp

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  head -c 100000 /dev/zero > z
  : > e0
  printf x > x1
  { head -c 5000 /dev/zero; printf y; } > d5000
  head -c 8192 /dev/zero > z8192
  seq 1 30000 > s1
  seq 1 30001 > s2
}

# offset_after CMD...: CMD's status, then the offset it left on stdin.
offset_after ()
{
  "$@" > /dev/null 2>&1
  echo "status $?"
  sed -n 's/^pos:[[:space:]]*/offset /p' /proc/self/fdinfo/0
}

test_offset_left_on_stdin ()
{
  [ -r /proc/self/fdinfo/0 ] || { echo "SKIP: no /proc/self/fdinfo" >&2; return 0; }
  for a in e0 x1 d5000 z8192 s1; do
    for b in z s2 d5000; do
      for opt in '' -s -l '-n 3000' '-n 9000' '-i 100' '-i 5000:10'; do
        for order in "$a -" "- $a"; do
          offset_after /usr/bin/cmp $opt $order < $b > exp
          for s in $io_settings; do
            offset_after with_io $s mcmp $opt $order < $b > out
            compare_what="mcmp $opt $order < $b ($s)" compare exp out
          done
        done
      done
    done
  done
}

. shunit2
