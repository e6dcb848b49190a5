#!/bin/sh
# Where mgrep leaves redirected standard input, against GNU grep 3.8:
# just after the last selected line with -m (never past the end when
# that line has no newline), at the end otherwise.

. "${0%/*}/../lib.sh"
require_gnu grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
}

# offset_after TOOL ARGS... < FILE: TOOL's output, then the offset it
# left on standard input.
offset_after ()
{
  "$@"
  echo "status $?"
  sed -n 's/^pos:[[:space:]]*/offset /p' /proc/self/fdinfo/0
}

test_offset_after_max_count ()
{
  [ -r /proc/self/fdinfo/0 ] || { echo "SKIP: no /proc/self/fdinfo" >&2; return 0; }
  for input in 'ab' 'a\nb' 'a\nb\n' 'x\na\nb' 'b\nb\nb' 'a\0b\nb'; do
    printf "$input" > f
    for args in "-m1 ''" '-m1 b' "-m2 ''" '-m1 -c b' '-m1 -v x' '-m1 -q b' '-c b'; do
      eval "offset_after /usr/bin/grep $args" < f > exp 2> exp.err
      for s in $io_settings; do
        eval "offset_after with_io $s mgrep $args" < f > out 2> out.err
        compare_what="mgrep $args < '$input' ($s)" compare exp out
      done
    done
  done
}

. shunit2
