#!/bin/sh
# mcmp against GNU cmp on its command line: option and operand errors,
# size suffixes, missing and odd files, --help and --version.

. "${0%/*}/../lib.sh"
require_gnu cmp

GNU=/usr/bin/cmp

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  printf 'abc\ndef\n' > a || framework_failure
  printf 'abc\ndxf\n' > b || framework_failure
  printf 'x%.0s' $(seq 3000) > big || framework_failure
  printf 'y' >> big || framework_failure
  printf 'x%.0s' $(seq 3001) > big2 || framework_failure
  : > empty || framework_failure
  printf 'abc\ndxf\n' > 'sp ace' || framework_failure
}

# Each argument list (one per line; a b are the files) against GNU cmp,
# with the operands as given.
check_lines ()
{
  old_ifs=$IFS
  IFS='
'
  for args in $1; do
    IFS=$old_ifs
    # shellcheck disable=SC2086
    eval "set -- $args"
    same_as_gnu2 $GNU mcmp operand a operand b "$@" @1 @2 || return
  done
  IFS=$old_ifs
}

# Bad options, bad values, incompatible options.
test_bad_options ()
{
  check_lines '-x
--foo
-l -s
-s -l
--verbose --quiet
-i x
-i 1:x
-i 1:
-i :1
-i -1
-i 1:2:3
-n -1
-n x
-n 99999999999999999999999
-i 99999999999999999999999
-i 1Y
-n 1Y
-i 1e
-i 1b
-i 1B
-i 1kb
-i 1m
--bytes
--ignore-initial
-i'
}

# Sizes with every suffix form diffutils accepts, bases and signs.
test_sizes ()
{
  check_lines '-i 1k
-i 1K
-i 1KB
-i 1kB
-i 1KiB
-i 1MiB
-i 1M
-i 1G
-i 1T
-i 1P
-i 1E
-i 0x5
-i 010
-i 4
-i " 1"
-i +1
-i 1k:2
-i 2 -i 1
-i 1 -i 2
-n 5 -n 7
-n 7 -n 5
-n 1kB
-n 1KiB
-n 0x6
-n 06
-n 9223372036854775807
-i 9223372036854775807
-i 4:9223372036854775807'
}

# Operands: too many, too few, skips, "-".
test_operands ()
{
  for args in '@1 @2 1 2 3' '@1 @2 x' '@1 @2 1 x' '@1 @2 -1' "@1 @2 1 2 \"x'y\"" \
              '-i 1 @1 @2 0 4' '@1 @2 1 2 -i 3' '-l @1' '-- -s'; do
    eval "set -- $args"
    same_as_gnu2 $GNU mcmp operand a operand b "$@" || return
  done
  same_as_gnu2 $GNU mcmp none '' none '' -s || return
  same_as_gnu2 $GNU mcmp none '' none '' -l -- || return
  # No operand at all names the program itself.
  run_capture out mcmp
  printf '%s\n' "mcmp: missing operand after 'mcmp'" \
    "mcmp: Try 'mcmp --help' for more information." > exp.err
  compare exp.err out.err || return
  assertEquals 2 "$(cat out.rc)"
}

# Missing files, directories, odd names, with and without -s.
test_bad_files ()
{
  for args in 'nosuch a' 'a nosuch' '-s nosuch a' '-s a nosuch' \
              'nosuch nosuch' '. a' 'a .' '-s . a' '-l a .' '-n 0 . a' \
              '-n 0 a .' '. .' '. ./' '-i 1 . ./' '-i 0:1 . ./' \
              "'no such sp' a" "a 'sp ace'" "'sp ace' b" '-b a "sp ace"'; do
    eval "set -- $args"
    same_as_gnu2 $GNU mcmp none '' none '' "$@" || return
  done
}

# One operand compares with standard input; "-" twice is equal.
test_stdin ()
{
  same_as_gnu2 $GNU mcmp stdin b operand a @2 || return
  same_as_gnu2 $GNU mcmp stdin a operand a @2 || return
  same_as_gnu2 $GNU mcmp stdin a none '' @1 - || return
  same_as_gnu2 $GNU mcmp stdin empty operand a @2 || return
  same_as_gnu2 $GNU mcmp stdin a none '' -i 2 @1 - || return
  same_as_gnu2 $GNU mcmp pipe a none '' @1 - || return
  same_as_gnu2 $GNU mcmp stdin a operand a @1 @2 || return
  same_as_gnu2 $GNU mcmp stdin a operand a @2 @1 || return
  same_as_gnu2 $GNU mcmp stdin a operand a @2 @1 0 1 || return
}

# Standard output: the null device (diagnostics only), a full device,
# closed.
test_output ()
{
  for args in 'a b' '-l a b' '-b a b' 'a big' 'big a' '-l big big2' \
              'big2 big' 'a a' '-s a b'; do
    for out in '> /dev/null' '> /dev/full' '>&-'; do
      run_capture exp sh -c "$GNU $args $out" || return
      run_capture out sh -c "mcmp $args $out" || return
      gnu_err "$GNU" mcmp exp
      compare_what="$args $out"
      compare exp.err2 out.err || return
      compare exp.rc out.rc || return
    done
  done
  compare_what=
}

# A closed standard input reads as an error, as with GNU cmp.
test_closed_stdin ()
{
  for args in 'a -' '- a' '- -'; do
    run_capture exp sh -c "$GNU $args <&-"
    run_capture out sh -c "mcmp $args <&-"
    normalize_err "$GNU" mcmp < exp.err > exp.err2
    compare exp.err2 out.err || return
    compare exp.rc out.rc || return
  done
}

# --help is GNU's text with --io and mmutils' trailer; -v is --version.
test_help_version ()
{
  mcmp --help > out || fail "--help failed"
  (PATH=/usr/bin; cmp --help) | sed -e 's/cmp /mcmp /' -e '/^Report bugs/,$d' \
    -e '/^      --help/i\
      --io=METHOD          read inputs by METHOD: auto (default),\
                             mmap or read' > exp
  sed -e '/^Report bugs/,$d' out > out2
  compare exp out2 || return
  mcmp --version > out || fail "--version failed"
  mcmp -v > out2 || fail "-v failed"
  compare out out2 || return
  head -n 1 out | grep -q '^mcmp (mmutils) ' || fail "bad --version"
}

. shunit2
