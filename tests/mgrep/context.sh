#!/bin/sh
# mgrep against GNU grep 3.8: context, -m, -n and -z next to lines
# that are not printed (encoding errors) and across window edges.
# Output must not depend on --io or on the window: each case runs with
# --io=mmap, --io=read and one-page windows (same_as_gnu), and the
# window matrix also with two-page and default windows on inputs a
# little larger than a window.
#
# RUN_EXPENSIVE_TESTS=yes runs the larger matrices.

. "${0%/*}/../lib.sh"
require_gnu grep

# Untranslated messages: see locales.sh.
LANGUAGE=en
export LANGUAGE

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  # Lines with encoding errors (in UTF-8 and EUC-JP) among good ones.
  printf '\240\n\304\n\n' > bad3 || framework_failure
  printf 'a\n\240\nb\n\304\n\nc\n\303\nd\ne\n\240x\n\n\nf\n\304\n' \
    > badmix || framework_failure
  printf 'a\0\240\0b\0\304\0\0c\0\303\0d\0e\0\240x\0\0\0f\0\304\0' \
    > badmixz || framework_failure
  printf '\n\277\n\307' > eucend || framework_failure
  printf 'x\n\377b\n\377b\n' > supp || framework_failure
  # Two context lines that end the first window exactly, then a line
  # not printed for its encoding error.
  LC_ALL=C awk -v n=$((page_size / 8 - 1)) 'BEGIN {
      for (i = 0; i < n; i++) print "xxxxxxx"
      printf "c11\nc22\n\377m\ntail\nm2\n" }' > edge || framework_failure
  # Inputs a little larger than one and two windows of a page: words,
  # some x, NULs (@), encoding errors (\377), empty lines and long ones.
  LC_ALL=C awk -v seed=7 'BEGIN {
      split("x ab abc y zz foo @ \377 x@ a\377b", w, " ")
      r = seed
      for (n = 0; n < 40 * 1024; ) {
        r = (r * 1103515245 + 12345) % 2147483648
        k = int(r / 65536) % 12
        line = ""
        for (i = 0; i < (k == 11 ? 300 : k); i++) {
          r = (r * 1103515245 + 12345) % 2147483648
          line = line w[1 + int(r / 65536) % 10] " "
        }
        print line
        n += length(line) + 1
      } }' > words || framework_failure
  for k in 1 2; do
    size=$((k * page_size))
    head -c $((size + 1)) words | tr -d '@\377' > text$k
    head -c $((size + 37)) words | tr '@' '\000' > nul$k
    head -c $((size + 5)) words | tr -d '@' > bad$k
    head -c $((size + 11)) words | tr '@\n' '\000\n' > zdata$k
  done || framework_failure
  # A line that ends just past the first window, then more lines.
  { head -c $((page_size - 3)) /dev/zero | tr '\0' a; printf 'x\nnext\nlast\n'; } \
    > past || framework_failure
  # A NUL after the first window, in GNU grep's first buffer.
  { echo a; yes yyyyyyy | head -$((page_size / 8 + 10)); printf 'z\0\n'; } \
    > latenul || framework_failure
}

# Line numbers after lines not printed for encoding errors: each line
# is counted once (mgrep 0.1 counted lines again when it went back for
# leading context, and printed 4: for the third line of bad3).
test_line_numbers_after_suppressed ()
{
  for loc in C.UTF-8 ja_JP.eucJP; do
    for args in '-n -e "" -2' '-n -e "" -C3' '-n -e "" -A1' '-n -e "" -B1' \
                '-n x -C2' '-n -v x -B2' '-nb -e "" -1' '-n -o . -C1' \
                '-nc -e ""' '-n -m3 -e "" -A3'; do
      for f in bad3 badmix; do
        eval "LC_ALL=$loc same_as_gnu grep mgrep operand $f $args" \
          || return
      done
      eval "LC_ALL=$loc same_as_gnu grep mgrep pipe badmixz -z $args" \
        || return
    done
  done
}

# Lines not printed, then counted when printed as trailing context.
test_pending_after_suppressed ()
{
  for args in '-n -A1 b$' '-n -C1 b$' '-nb -A2 b$' '-c -A1 b$'; do
    LC_ALL=C.UTF-8 same_as_gnu grep mgrep operand supp $args || return
  done
}

# Leading context kept from the previous window is output: a line after
# it is adjacent (mgrep 0.1 printed a group separator before "tail").
test_kept_context_is_output ()
{
  for args in '-B2 m' '-nB2 m' '-B3 m' '-C2 m' '-bB2 m'; do
    LC_ALL=C.UTF-8 same_as_gnu grep mgrep operand edge $args || return
  done
}

# With -a or -z, a NUL after the window does not make the output held
# for it be dropped (mgrep 0.1 printed nothing for -a -m1 a latenul).
test_text_output_not_held ()
{
  for args in '-a -m1 a' '-a -m1 -A1 a' '-z -m1 a' '-a -c -m1 a' '-m1 a'; do
    same_as_gnu grep mgrep operand latenul $args || return
    same_as_gnu grep mgrep pipe latenul $args || return
  done
}

# run_windows FILE ARGS...: GNU grep and mgrep with ARGS and FILE as
# an operand, mgrep with windows of one page, two pages and the default
# size, each with --io=auto, mmap and read: the same bytes, status and
# diagnostics every time.
run_windows ()
{
  _f=$1; shift
  run_capture exp grep "$@" "$_f"
  sed 's/^grep:/mgrep:/' exp.err > exp.err2
  for _w in $page_size $((2 * page_size)) default; do
    for _io in auto mmap read; do
      compare_what="mgrep $* $_f (MMUTILS_WINDOW=$_w, --io=$_io)"
      if test $_w = default; then
        run_capture out mgrep --io=$_io "$@" "$_f"
      else
        MMUTILS_WINDOW=$_w run_capture out mgrep --io=$_io "$@" "$_f"
      fi
      compare exp.out out.out && compare exp.rc out.rc \
        && compare exp.err2 out.err || return 1
    done
  done
  compare_what=
}

# The cases reported: the last line without its newline with -v -C1 and
# a negative -m (mgrep 0.1 dropped it when mapped); trailing context
# that GNU grep starts at its buffer start after a line it did not
# print (ja_JP.eucJP; mgrep 0.1 printed another line); -A1 after a line
# that ends just past a window.
test_window_reported ()
{
  printf '\nl' > nl_l || framework_failure
  same_as_gnu grep mgrep operand nl_l -v -C1 -m -1 x || return
  same_as_gnu grep mgrep pipe nl_l -v -C1 -m -1 x || return
  LC_ALL=ja_JP.eucJP same_as_gnu grep mgrep operand eucend -C1 "$(printf '\307')" \
    || return
  LC_ALL=ja_JP.eucJP same_as_gnu grep mgrep operand eucend -nA2 "$(printf '\307')" \
    || return
  for args in '-A1 x' '-nA1 x' '-A2 -m1 x' '-B1 last' '-C1 next'; do
    run_windows past $args || return
  done
  echo x > pat || framework_failure
  for k in 1 2; do
    run_capture exp grep -f - -A 1 text$k < pat
    MMUTILS_WINDOW=$page_size run_capture out mgrep --io=mmap -f - -A 1 \
      text$k < pat
    compare exp.out out.out || return
    run_capture out mgrep --io=mmap -f - -A 1 text$k < pat
    compare exp.out out.out || return
  done
}

# Context, -m, -v and -z on inputs a little larger than one or two
# windows, with NULs and encoding errors: the output must not depend
# on --io or on the window.
test_window_matrix ()
{
  for loc in C C.UTF-8; do
    for args in '-A1 x' '-B1 x' '-C1 -m2 x' '-v -C1 -m3 x' '-n -C2 ab' \
                '-v -C1 -m -1 x' '-c -A1 x' '-v -A1 x'; do
      for f in text1 nul2 bad1; do
        LC_ALL=$loc run_windows $f $args || return
      done
    done
    for args in '-z -B1 x' '-z -A1 -m2 ab' '-z -v -C1 x' '-zn -C1 y'; do
      LC_ALL=$loc run_windows zdata2 $args || return
    done
  done
  for args in '-v -e x --context 1 -m 2' '-v -e x --context 1 -m 5' \
              '-e ab -C1 -m1' '-v -e y -A1 -m -1'; do
    LC_ALL=C.UTF-8 run_windows text1 $args nul1 bad2 text2 || return
  done
}

# The same, with more options, sizes and windows.
test_window_matrix_expensive ()
{
  expensive || return 0
  for loc in C C.UTF-8; do
    for args in '' '-v' '-n' '-b' '-c' '-o' '-A1' '-A2' '-B1' '-B2' '-C1' \
                '-C3' '-m1' '-m3' '-m -1' '-A1 -m2' '-B2 -m2' '-C1 -m -1' \
                '-v -A1' '-v -B2' '-v -C1 -m2' '-v -C2 -m -1' '-nb -C1' \
                '-o -C1' '-a -C1' '-a -v -A1 -m -1' '-z' '-z -C1' \
                '-z -v -B1' '-z -A2 -m2' '-c -z -v'; do
      for f in text1 text2 nul1 nul2 bad1 bad2 zdata1 zdata2; do
        for pat in x ab 'y$' '^$'; do
          LC_ALL=$loc run_windows $f $args -e "$pat" || return
        done
      done
    done
  done
}

. shunit2
