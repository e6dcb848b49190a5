#!/bin/sh
# mwc against GNU wc: several operands (some missing, some directories,
# standard input), --files0-from and its diagnostics, column widths,
# the descriptor's offset, usage errors and output errors.

. "${0%/*}/../lib.sh"
require_gnu wc

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  make_text_corpus corpus
  mkdir -p 'names/with space' || framework_failure
  printf 'one two\n' > 'names/with space/a b' || framework_failure
  printf 'three\nfour five\n' > "names/new
line" || framework_failure
  printf 'x\n' > 'names/-' || framework_failure
  # Sizes that are and are not multiples of the page size.
  head -c $((2 * page_size)) corpus/many > paged || framework_failure
  head -c 8000 corpus/many > unpaged || framework_failure
}

# Missing files and directories among the operands, with every count.
test_bad_operands ()
{
  for opts in '' -c -l -w -m -L -cl -lwmcL; do
    same_as_gnu /usr/bin/wc mwc operand '' $opts corpus/nonl nosuch corpus/many . corpus/nul ||
      return
    same_as_gnu /usr/bin/wc mwc operand '' $opts nosuch ||
      return
    same_as_gnu /usr/bin/wc mwc operand '' $opts corpus ||
      return
    same_as_gnu /usr/bin/wc mwc redirect corpus/many $opts corpus/nonl - nosuch - ||
      return
    same_as_gnu /usr/bin/wc mwc pipe corpus/many $opts - corpus/empty ||
      return
    same_as_gnu /usr/bin/wc mwc operand '' $opts '' corpus/nonl ||
      return
  done
}

# A directory as the standard input.
test_directory_stdin ()
{
  for opts in '' -c -l -w; do
    same_as_gnu /usr/bin/wc mwc redirect . $opts || return
    same_as_gnu /usr/bin/wc mwc redirect . $opts - || return
  done
}

# Column widths: from the regular files' sizes, 7 for other inputs, 1
# for a single count alone.
test_widths ()
{
  for opts in '' -c -l -lc -L; do
    for f in corpus/empty corpus/nonl corpus/many corpus/sparse; do
      for how in operand redirect pipe; do
        same_as_gnu /usr/bin/wc mwc $how $f $opts || return
        same_as_gnu /usr/bin/wc mwc $how $f $opts - corpus/nonl || return
      done
    done
    same_as_gnu /usr/bin/wc mwc operand '' $opts /dev/null corpus/nonl || return
    same_as_gnu /usr/bin/wc mwc operand '' $opts corpus/many corpus/many corpus/sparse || return
  done
}

# Names with spaces and newlines, as operands and in --files0-from.
test_names ()
{
  printf 'names/with space/a b\0names/new\nline\0names/-\0' > list ||
    framework_failure
  for opts in '' -c -w; do
    same_as_gnu /usr/bin/wc mwc operand '' $opts 'names/with space/a b' "names/new
line" names/- || return
    same_as_gnu /usr/bin/wc mwc operand '' $opts --files0-from=list || return
    same_as_gnu /usr/bin/wc mwc redirect list $opts --files0-from=- || return
    same_as_gnu /usr/bin/wc mwc pipe list $opts --files0-from=- || return
  done
}

# --files0-from's diagnostics: zero-length names, missing files, - when
# the names come from the standard input, a missing or unreadable list,
# operands as well, empty lists.
test_files0_from_errors ()
{
  printf 'corpus/nonl\0\0nosuch\0corpus/many\0' > bad || framework_failure
  printf 'corpus/nonl\0-\0corpus/nul' > dash || framework_failure
  : > empty
  for how in operand redirect pipe; do
    same_as_gnu /usr/bin/wc mwc $how bad --files0-from=- || return
    same_as_gnu /usr/bin/wc mwc $how dash --files0-from=- || return
    same_as_gnu /usr/bin/wc mwc $how empty --files0-from=- || return
  done
  for args in --files0-from=bad --files0-from=nosuch --files0-from=. \
              '--files0-from=bad corpus/nonl' --files0-from=empty \
              '--files0-from=nosuch --files0-from=bad' '-c --files0-from=bad' \
              --files0-from=/dev/null; do
    same_as_gnu /usr/bin/wc mwc operand '' $args || return
  done
  # A dash in a list read from a file means the standard input.
  same_as_gnu /usr/bin/wc mwc redirect corpus/many --files0-from=dash || return
}

# Usage errors: --total is 9.2's, not 9.1's; unknown options; a bad
# argument for --io, which GNU wc does not have.
test_usage_errors ()
{
  for args in --total --total=always -x --files0-from --bytes=3; do
    same_as_gnu /usr/bin/wc mwc operand '' $args corpus/nonl || return
  done
  mwc --io=bad corpus/nonl > out 2> err
  assertEquals "--io=bad status" 1 $?
  grep -q "^mwc: invalid argument 'bad' for '--io'$" err ||
    fail "--io=bad: $(cat err)"
}

# --help and --version succeed and print what they should.
test_help_version ()
{
  mwc --help > out || fail "--help failed"
  grep -q '^Usage: mwc \[OPTION\]\.\.\. \[FILE\]\.\.\.$' out || fail "--help"
  grep -q -- '--files0-from=F' out || fail "--help: --files0-from"
  grep -q -- '--io=METHOD' out || fail "--help: --io"
  mwc --version > out || fail "--version failed"
  grep -q '^mwc (mmutils) ' out || fail "--version"
}

# The offset: counted from where the descriptor is; -c alone on a
# regular file leaves it there unless the size is a multiple of the
# page size; reading leaves it at the end.
test_offsets ()
{
  for f in paged unpaged corpus/many corpus/empty; do
    for opts in -c -m -l '' -cm -L; do
      for skip in 0 1 100 9000; do
        exp_out=$( (dd bs=64K iflag=count_bytes count=$skip of=/dev/null status=none
                    /usr/bin/wc $opts; /usr/bin/cat | /usr/bin/wc -c) < $f)
        for s in $io_settings; do
          out=$( (dd bs=64K iflag=count_bytes count=$skip of=/dev/null status=none
                  with_io $s mwc $opts; /usr/bin/cat | /usr/bin/wc -c) < $f)
          assertEquals "offset $f $opts skip $skip $s" "$exp_out" "$out" ||
            return
        done
      done
    done
  done
}

# Output errors: a full device, a closed standard output.
test_output_errors ()
{
  [ -w /dev/full ] || { startSkipping; return; }
  for opts in '' -c; do
    /usr/bin/wc $opts corpus/many > /dev/full 2> exp.err
    echo $? > exp.rc
    mwc $opts corpus/many > /dev/full 2> out.err
    echo $? > out.rc
    normalize_err /usr/bin/wc mwc < exp.err > exp.err2
    compare exp.rc out.rc || return
    compare exp.err2 out.err || return
    (/usr/bin/wc $opts corpus/many >&-) 2> exp.err
    echo $? > exp.rc
    (mwc $opts corpus/many >&-) 2> out.err
    echo $? > out.rc
    normalize_err /usr/bin/wc mwc < exp.err > exp.err2
    compare exp.rc out.rc || return
    compare exp.err2 out.err || return
  done
}

# A FIFO, /proc files (st_size 0) and a character device.
test_special_files ()
{
  mkfifo fifo || framework_failure
  for opts in '' -c -l; do
    (cat corpus/many > fifo &)
    /usr/bin/wc $opts fifo > exp
    (cat corpus/many > fifo &)
    mwc $opts fifo > out
    compare exp out || return
  done
  if [ -r /proc/self/status ]; then
    for opts in -c -l; do
      same_as_gnu /usr/bin/wc mwc operand '' $opts /proc/cpuinfo || return
    done
  fi
  same_as_gnu /usr/bin/wc mwc operand '' -c /dev/null corpus/nonl || return
}

# Files cut while mapped: tests/faults/cut.sh.

. shunit2
