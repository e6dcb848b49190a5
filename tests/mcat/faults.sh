#!/bin/sh
# mcat under faults: truncation while mapped, growth while read, write
# errors, stdin offsets, /proc files and FIFOs.  Huge sparse files under
# a small address-space limit are in tests/faults/limits.sh.

. "${0%/*}/../lib.sh"
require_gnu cat

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
}

# wait_blocked PID: wait until process PID (or its child, when PID is
# a subshell) sleeps writing into a pipe, so that what the test does
# next happens in the middle of its output.
wait_blocked ()
{
  _i=0
  while [ $_i -lt 100 ]; do
    for _p in $1 $(pgrep -P $1); do
      case $(cat /proc/$_p/wchan 2>/dev/null) in
        *pipe_write*) return 0 ;;
      esac
    done
    sleep 0.05
    _i=$((_i + 1))
  done
  framework_failure "process $1 never blocked on its output pipe"
}

# truncate_while_writing IO WINDOW ARGS...: mcat --io=IO ARGS on a 2 MiB
# file with windows of WINDOW bytes writes into a FIFO whose reader
# pauses; the file is truncated meanwhile.  Leaves rc, err and got.
truncate_while_writing ()
{
  _io=$1 _w=$2; shift 2
  rm -f fifo big
  mkfifo fifo || framework_failure "mkfifo"
  awk 'BEGIN { for (i = 0; i < 40000; i++) printf "%052d\n", i }' > big \
    || framework_failure "big file"
  cp big saved || framework_failure "cp"
  MMUTILS_WINDOW=$_w mcat --io=$_io "$@" big > fifo 2> err &
  _pid=$!
  exec 3< fifo
  wait_blocked $_pid
  truncate -s 1000 big
  cat <&3 > got
  exec 3<&-
  wait $_pid
  rc=$?
}

# is_prefix A B: assert that file A is a byte prefix of file B.
is_prefix ()
{
  head -c "$(wc -c < "$1")" "$2" > prefix
  compare prefix "$1"
}

# Cut while mcat is blocked writing what it copied from the mapping:
# what was copied before the cut is written, nothing after it.
test_truncated_plain ()
{
  truncate_while_writing mmap 65536
  assertEquals "exit status" 1 "$rc"
  echo "mcat: big: file truncated" > exp
  compare exp err
  is_prefix got saved
}

test_truncated_cooked ()
{
  truncate_while_writing mmap 1M -v
  assertEquals "exit status" 1 "$rc"
  echo "mcat: big: file truncated" > exp
  compare exp err
  /usr/bin/cat -v saved > saved_v
  is_prefix got saved_v
}

# With read() a truncated file just ends early, as with GNU cat.
test_truncated_read_mode ()
{
  truncate_while_writing read 1M
  assertEquals "exit status" 0 "$rc"
  : > exp
  compare exp err
}

# A file that grows while mcat reads it is read on to its new end.
test_growth ()
{
  for s in $io_settings; do
    rm -f fifo grow
    mkfifo fifo || framework_failure "mkfifo"
    awk 'BEGIN { for (i = 0; i < 40000; i++) printf "%052d\n", i }' > grow
    with_io $s mcat grow > fifo 2> err &
    pid=$!
    exec 3< fifo
    wait_blocked $pid
    echo appended >> grow
    cat <&3 > got
    exec 3<&-
    wait $pid
    assertEquals "exit status ($s)" 0 $?
    compare_what=$s compare grow got
  done
}

test_dev_full ()
{
  for opts in '' -n; do
    for s in $io_settings; do
      with_io $s mcat $opts corpus/many > /dev/full 2> err
      assertEquals "exit status ($s $opts)" 1 $?
      echo "mcat: write error: No space left on device" > exp
      compare exp err
    done
  done
}

test_closed_stdout ()
{
  /usr/bin/cat corpus/many >&- 2> exp
  for s in $io_settings; do
    with_io $s mcat corpus/many >&- 2> err
    assertEquals "exit status ($s)" 1 $?
    normalize_err /usr/bin/cat mcat < exp > exp2
    compare exp2 err
  done
}

# Input is output: refused, and the next operand is still copied.
test_input_is_output ()
{
  for s in $io_settings; do
    cp corpus/many f || framework_failure
    with_io $s mcat f corpus/nonl >> f 2> err
    assertEquals "exit status ($s)" 1 $?
    echo "mcat: f: input file is output file" > exp
    compare exp err
    { cat corpus/many corpus/nonl; } > exp
    compare exp f
  done
}

# Reading starts at the descriptor's offset and leaves it at the end.
test_stdin_offset ()
{
  for f in many page_plus1 nonl; do
    { head -c 3 >/dev/null; /usr/bin/cat; } < corpus/$f > exp
    for s in $io_settings; do
      { head -c 3 >/dev/null; with_io $s mcat; } < corpus/$f > out
      compare_what="$f $s" compare exp out
      { with_io $s mcat > /dev/null; /usr/bin/cat; } < corpus/$f > out
      : > exp2
      compare_what="offset after $f $s" compare exp2 out
    done
  done
}

# Into a regular file, the default method copies within the kernel, as
# GNU cat does: same bytes, same offsets, the next operand appended.
test_copy_into_file ()
{
  for f in many page page_plus1 nonl empty sparse; do
    /usr/bin/cat corpus/$f corpus/nonl corpus/$f > exp
    mcat corpus/$f - corpus/$f < corpus/nonl > out
    assertEquals "exit status ($f)" 0 $?
    compare_what="$f into a file" compare exp out
    { head -c 3 >/dev/null; /usr/bin/cat; } < corpus/$f > exp
    { head -c 3 >/dev/null; mcat; } < corpus/$f > out
    compare_what="$f from offset 3" compare exp out
    { mcat > out; /usr/bin/cat >> out; } < corpus/$f
    compare_what="offset after $f" compare corpus/$f out
  done
  printf 'head\n' > out
  mcat corpus/many >> out
  { printf 'head\n'; /usr/bin/cat corpus/many; } > exp
  compare_what="appended" compare exp out
}

# Files whose st_size is 0 are read to their end.
test_proc_files ()
{
  [ -r /proc/version ] || { echo "SKIP test_proc_files: no /proc" >&2; return 0; }
  same_as_gnu /usr/bin/cat mcat operand /proc/version
  for s in $io_settings; do
    with_io $s mcat /proc/self/status > out || fail "status ($s)"
    grep -q '^Name:.*mcat' out || fail "no Name line ($s)"
  done
}

test_fifo ()
{
  rm -f fifo
  mkfifo fifo || framework_failure "mkfifo"
  for s in $io_settings; do
    /usr/bin/cat corpus/many > fifo &
    with_io $s mcat -n fifo corpus/nonl > out
    assertEquals "exit status ($s)" 0 $?
    wait
    /usr/bin/cat -n corpus/many corpus/nonl > exp
    compare exp out
  done
}

test_bad_window ()
{
  for w in x 12Q -1 2T; do
    MMUTILS_WINDOW=$w mcat corpus/nonl > out 2> err
    assertEquals "exit status ($w)" 1 $?
    grep -q "^mcat: invalid MMUTILS_WINDOW value: " err || fail "message ($w)"
  done
  MMUTILS_WINDOW=1 mcat --io=mmap corpus/many > out || fail "window 1"
  compare corpus/many out
}

. shunit2
