#!/bin/sh
# mcmp against GNU cmp on large and sparse files (byte numbers past
# 2^32, several mapping windows), the answers given without reading,
# and a file truncated while it is mapped.

. "${0%/*}/../lib.sh"
require_gnu cmp

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
  # 70 MiB of text, two 64 MiB windows, with copies changed in the
  # middle of the second window and at the very end.
  awk 'BEGIN { for (i = 0; i < 1150000; i++) printf "%07d the quick brown fox jumps over the lazy dog %07d\n", i, i }' \
    > text || framework_failure
  size=$(wc -c < text)
  { head -c 68000001 text; printf '#'; tail -c +68000003 text; } > text_mid \
    || framework_failure
  { head -c $((size - 1)) text; printf '#'; } > text_end || framework_failure
  # text_mid 100 bytes later: windows of the two inputs out of step.
  { printf '%100s' ''; cat text_mid; } > shifted || framework_failure
}

# Differences past 2^32 bytes: byte numbers, line numbers, -l widths.
# Reading 4 GiB of holes takes the best part of a minute (the kernel
# fills a page for each; mapping faults a million times), so the quick
# set skips (-i) to the windows past 2^32 and compares with GNU cmp;
# the whole files are compared with expensive tests only, against GNU's
# output as recorded, and without one-page windows.
test_sparse ()
{
  skip=$((big - 4096 - 1024 * 1024))
  same_as_gnu2 $GNU mcmp operand sparse0 operand sparse1 -i $skip || return
  same_as_gnu2 $GNU mcmp operand sparse_short operand sparse1 -l -i $skip \
    || return
  expensive || return 0
  echo "sparse0 sparse1 differ: char $((big - 999)), line 1" > exp.out
  : > exp.err
  echo 1 > exp.rc
  for io in read mmap; do
    compare_what="sparse0 sparse1, $io"
    run_capture out mcmp --io=$io sparse0 sparse1
    compare exp.out out.out && compare exp.err out.err \
      && compare exp.rc out.rc || return
  done
  printf '%s\n' "$((big - 1000)) 170   0" "$((big - 999))  12 170" > exp.out
  echo "mcmp: EOF on sparse_short after byte $((big - 999))" > exp.err
  compare_what="-l sparse_short sparse1"
  run_capture out mcmp --io=read -l sparse_short sparse1
  compare exp.out out.out && compare exp.err out.err \
    && compare exp.rc out.rc || return
  compare_what=
}

# Differences deep in a file mapped through several windows, with the
# two inputs' windows out of step.
test_multi_window ()
{
  for opts in '' -b '-n 68000000'; do
    # shellcheck disable=SC2086
    same_as_gnu2 $GNU mcmp operand text operand shifted -i 0:100 $opts \
      || return
  done
  same_as_gnu2 $GNU mcmp operand shifted operand text -i 100:0 || return
  same_as_gnu2 $GNU mcmp operand text_end operand text -l || return
  same_as_gnu2 $GNU mcmp pipe text operand text_mid || return
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
