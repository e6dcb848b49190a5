#!/bin/sh
# The default, --io=auto, on inputs big enough to be mapped: it maps a
# window only if the window is cached in large folios and reads the
# rest, so one input can switch from mapping to read().  Each tool runs
# on 10 MiB inputs cached in small folios, in large ones, in large ones
# but for a range in the middle, and not at all, with the default
# window and with 2 and 4 MiB windows, and must print what the GNU tool
# prints.

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

uncache=$abs_top_builddir/tests/uncache
test -x "$uncache" || skip_file "tests/uncache not built (make check builds it)"

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  LC_ALL=C awk 'BEGIN {
      for (i = 0; i < 200000; i++)
        printf "%06d the quick brown fox%s jumps caf\303\251 %s\n", i,
               i % 1000 ? "" : " zz" i, i % 7 ? "over" : "\tunder"
    }' > orig || framework_failure "awk"
  size=$(wc -c < orig)
  test "$size" -ge $((8 * 1024 * 1024)) || framework_failure "orig too small"
  { head -c $((size - 100)) orig; printf '#'; tail -c 99 orig; } > other ||
    framework_failure "other"
}

# cache_state STATE FILE: make FILE a copy of orig, and leave it in the
# page cache as STATE says: "small" (just written in 8 KiB writes: small
# folios), "large" (written in 2 MiB writes and read back: large
# folios), "holed" (large, but for 4 MiB from the 3rd MiB on) or "cold"
# (not cached).
cache_state ()
{
  case $1 in
    small) dd if=orig of="$2" bs=8k status=none ;;
    *) dd if=orig of="$2" bs=2M status=none ;;
  esac || framework_failure "dd"
  case $1 in
    large) /usr/bin/cat "$2" > /dev/null ;;
    holed) /usr/bin/cat "$2" > /dev/null && "$uncache" "$2" 3145728 4194304 ;;
    cold) "$uncache" "$2" ;;
  esac || framework_failure "cache_state $1"
}

# auto_as_gnu GNU OURS ARGS...: with the word F in ARGS naming the
# input as an operand, then F taken away and the input redirected to
# standard input, run the GNU tool, then ours in the default setting
# for each cache state and window, and assert the same stdout, status
# and stderr.
auto_as_gnu ()
{
  _gnu=$1 _ours=$2
  shift 2
  cp orig F || framework_failure "cp"
  auto_arrival operand "$@" || return 1
  _n=$#
  for _a in "$@"; do
    test "$_a" = F && _a=-
    set -- "$@" "$_a"
  done
  shift $_n
  auto_arrival redirect "$@"
}

# auto_arrival HOW ARGS...: the body of auto_as_gnu for one arrival.
auto_arrival ()
{
  _how=$1
  shift
  run_capture exp "$_gnu" "$@" < F
  gnu_err "$_gnu" "$_ours" exp
  for _state in small large holed cold; do
    for _w in '' 2M 4M; do
      cache_state $_state F
      compare_what="$_ours $* ($_how, $_state, window ${_w:-default})"
      if test -n "$_w"; then
        MMUTILS_WINDOW=$_w
        export MMUTILS_WINDOW
      fi
      run_capture out "$_ours" "$@" < F
      unset MMUTILS_WINDOW
      same_result exp out || return 1
    done
  done
  compare_what=
}

test_mcat ()
{
  auto_as_gnu /usr/bin/cat mcat F || return
  auto_as_gnu /usr/bin/cat mcat -n F || return
}

test_mwc ()
{
  auto_as_gnu /usr/bin/wc mwc F || return
  auto_as_gnu /usr/bin/wc mwc -l F || return
  LC_ALL=C.UTF-8 auto_as_gnu /usr/bin/wc mwc -mL F || return
}

test_mcmp ()
{
  auto_as_gnu /usr/bin/cmp mcmp F other || return
  auto_as_gnu /usr/bin/cmp mcmp -l F other || return
  auto_as_gnu /usr/bin/cmp mcmp other F || return
}

test_mgrep ()
{
  auto_as_gnu /usr/bin/grep mgrep -c the F || return
  auto_as_gnu /usr/bin/grep mgrep -n 'zz[0-9]*' F || return
  auto_as_gnu /usr/bin/grep mgrep -vc over F || return
  LC_ALL=C.UTF-8 auto_as_gnu /usr/bin/grep mgrep -ob 'caf. under' F || return
}

. shunit2
