#!/bin/sh
# mcmp against GNU cmp over pairs of files: every option and common
# combinations, every I/O setting, inputs as operands, redirected
# standard input, pipes and named pipes on either side.

. "${0%/*}/../lib.sh"
require_gnu cmp

GNU=/usr/bin/cmp

# change FILE OFFSET > OUT: FILE with the byte at OFFSET replaced.
change ()
{
  { head -c "$2" "$1"; printf '#'; tail -c +$(($2 + 2)) "$1"; }
}

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  cd corpus || framework_failure "no corpus"
  size=$(wc -c < many)
  cp many same || framework_failure
  change many 0 > first || framework_failure
  change many $((size / 2 + 1)) > mid || framework_failure
  change many $((size - 2)) > last || framework_failure
  change many 500 > skipped || framework_failure
  head -c $((size / 2 + 3)) many > prefix || framework_failure
  head -n 9000 many > prefix_nl || framework_failure
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%c", 32 + i % 90 }' \
    > dense0 || framework_failure
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%c", i % 100 ? 32 + i % 90 : i % 256 }' \
    > dense1 || framework_failure
  awk 'BEGIN { for (i = 255; 0 <= i; i--) printf "%c", i; print "" }' \
    > allbytes_rev || framework_failure
  cd .. || framework_failure
}

# The pairs every option runs on: identical, differing first, in the
# middle, last, a prefix ending inside and after a line, empty, a
# difference in the skipped part only, many differences, every byte.
pairs='many:same many:first many:mid many:last many:prefix prefix:many
prefix_nl:many empty:many many:empty empty:empty many:skipped
dense0:dense1 allbytes:allbytes_rev page:page_plus1 nul:crlf'

default_ifs=$IFS
newline='
'

# The options, one set per line; -- alone is none.
options='--
-b
-l
-lb
-s
-n 1000
-n 300000
-i 1000
-i 1000:1000
-i 7:3
-i 0:1
-l -n 5000
-b -i 1000
-n 0
-s -i 1000
-l -i 100:100
-n 3 -i 2
--verbose --print-bytes --bytes=70000 --ignore-initial=3:3
-c --quiet'

# Run each option set on every pair with both inputs as file operands.
test_options_differential ()
{
  for pair in $pairs; do
    f1=corpus/${pair%:*} f2=corpus/${pair#*:}
    IFS=$newline
    for opts in $options; do
      IFS=$default_ifs
      # shellcheck disable=SC2086
      same_as_gnu2 $GNU mcmp operand "$f1" operand "$f2" $opts || return
    done
    IFS=$default_ifs
  done
}

# Inputs arriving through standard input, pipes and named pipes.
test_arrivals ()
{
  for pair in many:same many:mid prefix:many empty:many dense0:dense1; do
    f1=corpus/${pair%:*} f2=corpus/${pair#*:}
    for how in stdin:operand operand:stdin pipe:operand operand:pipe \
               fifo:operand operand:fifo fifo:pipe; do
      for opts in '' -l -s '-i 1000:10' '-n 50000'; do
        # shellcheck disable=SC2086
        same_as_gnu2 $GNU mcmp ${how%:*} "$f1" ${how#*:} "$f2" $opts \
          || return
      done
    done
  done
}

# SKIP1 and SKIP2 operands, alone and with -i; the larger skip counts.
test_skip_operands ()
{
  for args in '@1 @2 1000' '@1 @2 1000 1000' '@1 @2 0 7' '-i 9 @1 @2 3 4' \
              '@1 @2 1K 1KiB' '@1 @2 0x10 020' '-l @1 @2 1kB 1000'; do
    # shellcheck disable=SC2086
    same_as_gnu2 $GNU mcmp operand corpus/many operand corpus/skipped $args \
      || return
    # shellcheck disable=SC2086
    same_as_gnu2 $GNU mcmp pipe corpus/many operand corpus/skipped $args \
      || return
  done
}

# The first-difference message says "char" in the POSIX locale and
# "byte" elsewhere; -b prints bytes as the locale sees them.
test_locales ()
{
  for loc in C POSIX C.UTF-8; do
    LC_ALL=$loc
    export LC_ALL
    for opts in '' -b -lb; do
      # shellcheck disable=SC2086
      same_as_gnu2 $GNU mcmp operand corpus/allbytes \
        operand corpus/allbytes_rev $opts || return
      # shellcheck disable=SC2086
      same_as_gnu2 $GNU mcmp operand corpus/many operand corpus/prefix \
        $opts || return
    done
  done
  LC_ALL=C
}

. shunit2
