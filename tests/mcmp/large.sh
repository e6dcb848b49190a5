#!/bin/sh
# mcmp against GNU cmp on large and sparse files (byte numbers past
# 2^32, several mapping windows), the answers given without reading,
# and a file truncated while it is mapped.

. "${0%/*}/../lib.sh"

GNU=/usr/bin/cmp

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  # Sparse files of 4 GiB + 1 MiB; one has a byte past 2^32 changed,
  # another ends early, after a newline past 2^32.
  big=$((4 * 1024 * 1024 * 1024 + 1024 * 1024))
  truncate -s $big sparse0 || framework_failure
  cp --sparse=always sparse0 sparse1 || framework_failure
  printf 'x\n' | dd of=sparse1 bs=1 seek=$((big - 1000)) conv=notrunc \
    status=none || framework_failure
  truncate -s $((big - 999)) sparse_short || framework_failure
  printf 'x\n' | dd of=sparse_short bs=1 seek=$((big - 1001)) \
    conv=notrunc status=none || framework_failure
  # 100 MiB of text, two 64 MiB windows, with copies changed in the
  # middle of the second window and at the very end.
  awk 'BEGIN { for (i = 0; i < 1600000; i++) printf "%07d the quick brown fox jumps over the lazy dog %07d\n", i, i }' \
    > text || framework_failure
  size=$(wc -c < text)
  { head -c 90000001 text; printf '#'; tail -c +90000003 text; } > text_mid \
    || framework_failure
  { head -c $((size - 1)) text; printf '#'; } > text_end || framework_failure
}

# Differences past 2^32 bytes: byte numbers, line numbers, -l widths.
test_sparse ()
{
  for opts in '' -b -l; do
    # shellcheck disable=SC2086
    same_as_gnu2 $GNU mcmp operand sparse0 operand sparse1 $opts || return
  done
  same_as_gnu2 $GNU mcmp operand sparse1 operand sparse_short || return
  same_as_gnu2 $GNU mcmp operand sparse_short operand sparse1 -l || return
  same_as_gnu2 $GNU mcmp operand sparse0 operand sparse1 -i 4G:4G || return
}

# Differences deep in a file mapped through several windows, with the
# two inputs' windows out of step.
test_multi_window ()
{
  for opts in '' -b '-i 5:5' '-i 1000:1000' '-n 90000000'; do
    # shellcheck disable=SC2086
    same_as_gnu2 $GNU mcmp operand text operand text_mid $opts || return
  done
  same_as_gnu2 $GNU mcmp operand text operand text_end || return
  same_as_gnu2 $GNU mcmp operand text_end operand text -l || return
  same_as_gnu2 $GNU mcmp pipe text operand text_mid || return
  same_as_gnu2 $GNU mcmp operand text pipe text || return
}

# run_offset CMD...: run CMD with text as standard input, then show its
# status and the bytes that follow the offset it left.
run_offset ()
{
  (
    "$@"
    echo "status $?"
    head -c 20 | od -c
  ) < text 2>&1
}

# The same file twice, and -s on regular files of different sizes, are
# answered without reading: standard input's offset stays where it was.
# With -n, the offset is left just after the bytes compared.
test_no_reading ()
{
  head -c 1000 text > half || framework_failure
  for args in '- text' '-i 7 - text' '-s - half' '-s - sparse0' \
              '-s -n 9 - half' '-n 9 - text_mid' '-s text -'; do
    # shellcheck disable=SC2086
    run_offset $GNU $args > exp
    for io in mmap read; do
      # shellcheck disable=SC2086
      run_offset mcmp --io=$io $args > out
      compare_what="$args, $io"
      compare exp out || return
    done
  done
  compare_what=
}

# A file truncated while mapped: a diagnostic and status 2, no crash.
test_truncated ()
{
  head -c 1000000 text > victim || framework_failure
  cp victim saved || framework_failure
  mkfifo feed || framework_failure
  (
    head -c 4096 saved
    sleep 1
    truncate -s 0 victim
    tail -c +4097 saved
  ) > feed &
  MMUTILS_WINDOW=1M mcmp --io=mmap victim feed > out 2> err
  echo $? > rc
  wait
  echo 'mcmp: victim: file truncated' > exp.err
  compare exp.err err || return
  echo 2 > exp.rc
  compare exp.rc rc || return
  compare /dev/null out
}

. shunit2
