#!/bin/sh
# mcmp against GNU cmp 3.8 in its special cases: standard input named
# twice, and standard output on /dev/null (issue 12).

. "${0%/*}/../lib.sh"
require_gnu cmp

GNU=/usr/bin/cmp

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  seq 1 20000 > seq || framework_failure
  printf 'abc' > abc && printf 'abcdef' > abcdef && printf 'abX' > abX ||
    framework_failure
}

# GNU cmp seeks its one standard input descriptor past each skip in
# turn: "- - 1" compares equal (both positions are 1), "- - 0 1" reads
# the descriptor by turns for the two sides, and then closing it a
# second time fails.  A pipe cannot seek: both positions are unknown,
# and therefore equal.  mmutils 0.1 said "Bad file descriptor" at once.
test_stdin_twice ()
{
  for f in seq corpus/many corpus/page corpus/empty corpus/nul; do
    for args in '@1 - 1' '@1 - 0 1' '@1 - 1 1' '@1 - 5 7' \
                '-i 2KiB:10 @1 -' '-i 2KiB:10 @1' '-l @1 - 0 1' \
                '-lb @1 - 0 2' '-b @1 - 1 2' '-s @1 - 1' '-s @1 - 0 1' \
                '-n 5000 @1 - 0 4096' '-n 5 @1 - 0 5' '@1 - 0 100000' \
                '-s @1 - 0 100000' '-l @1 - 0 100000'; do
      same_as_gnu2 $GNU mcmp stdin $f none '' $args || return
      same_as_gnu2 $GNU mcmp pipe $f none '' $args || return
    done
  done
}

# The offset "- - 1" leaves on standard input, as GNU cmp's lseek.
test_stdin_twice_offset ()
{
  for s in $io_settings; do
    (with_io $s mcmp - - 3; /usr/bin/cat) < abcdef > out || fail "status"
    printf 'def' > exp
    compare exp out || return
  done
}

# With standard output on /dev/null, GNU cmp 3.8 still says where one
# input ended (mcmp 0.1 took the sizes as an answer, as with -s).
test_eof_with_dev_null ()
{
  for pair in 'abc abcdef' 'abcdef abc' 'abX abcdef' 'corpus/empty abc' \
              'corpus/page corpus/page_plus1' 'abc abcdef -n 3' \
              'abc abcdef -l' 'abc abcdef -b' 'abc abcdef -i 1' \
              'abcdef abc -i 0:1'; do
    $GNU $pair > /dev/null 2> exp.err
    echo $? > exp.rc
    sed 's/^cmp:/mcmp:/' exp.err > exp
    for s in $io_settings; do
      compare_what="mcmp $pair ($s)"
      with_io $s mcmp $pair > /dev/null 2> out
      echo $? > out.rc
      compare exp out || return
      compare exp.rc out.rc || return
    done
  done
}

. shunit2
