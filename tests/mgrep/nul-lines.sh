#!/bin/sh
# NUL bytes end lines in a binary file, as in GNU grep 3.8, and every NUL
# that arrives in the same read as a line is seen before that line is
# printed, however the input arrives.  Also a long run of NULs with no
# newline, which must not grow one endless line.

. "${0%/*}/../lib.sh"
require_gnu grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  printf 'a\n\0' > nul_last
  printf 'a\nb\0' > nul_in_last
  printf 'a\n\0b' > nul_then_text
  printf 'a\n\0b\nc' > nul_mid
  { head -c 300000 /dev/zero; printf 'x\nb\n'; head -c 5000 /dev/zero; } > nul_run
  # A NUL after a line longer than a one-page window (fuzzer finding 12).
  { head -c 100 /dev/zero | tr '\0' a; head -c 5000 /dev/zero | tr '\0' b
    printf '\n\0\n'; } > nul_after_long
}

test_nul_after_long_line ()
{
  for args in '-l -I a' '-c -I a' '-L -I a' '-c a' '-n -I b'; do
    same_as_gnu /usr/bin/grep mgrep operand nul_after_long $args || return
  done
}

test_nul_in_last_read ()
{
  for f in nul_last nul_in_last nul_then_text nul_mid nul_run; do
    for how in operand redirect pipe; do
      for args in a '' '-c b' '-n c' '-c x' '-v -c x' '-a -c a' '-z -c a'; do
        same_as_gnu /usr/bin/grep mgrep $how $f $args || return
      done
    done
  done
}

test_nul_run_bounded ()
{
  if under_asan; then
    echo "SKIP test_nul_run_bounded: ASan reserves terabytes of address space; ulimit -v cannot apply" >&2
    return 0
  fi
  truncate -s 256M zeros || framework_failure "truncate"
  for s in read mmap; do
    out=$( (ulimit -v 131072 && mgrep --io=$s -c x zeros); echo $?)
    assertEquals "mgrep -c x on 256 MiB of NULs ($s)" "0
1" "$out"
    out=$( (ulimit -v 131072 && head -c 300000000 /dev/zero | mgrep --io=$s -n y); echo $?)
    assertEquals "mgrep -n y on a pipe of NULs ($s)" "1" "$out"
  done
  rm -f zeros
}

. shunit2
