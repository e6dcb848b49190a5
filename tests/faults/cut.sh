#!/bin/sh
# Files cut while a tool has them mapped (issue: "never less safe than
# read()").  The LD_PRELOAD shim cutmap.so truncates the input right
# after its Nth window is mapped, at sizes page-aligned or not, inside
# that window or before it.  Every tool must then print nothing the
# file did not hold: its output is exactly what the GNU tool prints for
# the bytes the file still holds (for mgrep, up to its last whole line),
# followed by one "PROG: FILE: file truncated", the error status, and
# the next operand's output.

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

shim=$abs_top_builddir/tests/faults/cutmap.so
test -r "$shim" || skip_file "tests/faults/cutmap.so was not built"
# An ASan build loads its runtime after the shim: allow that.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ASAN_OPTIONS

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  # 8.3 MB of numbered lines: over 8 MiB, so that --io=auto may map it.
  seq 1 1200000 > orig || framework_failure "seq"
  printf 'next operand 7\nlast line, no newline 5' > g
  mkdir ref || framework_failure "mkdir"
}

# The cuts, as SETTING:AT:SIZE.  SETTING is the window: default (64 MiB,
# one window for the whole file), 1M or page (one page); AT the mapping
# after which the file is cut; SIZE its new size.  Per window: cut
# inside it unaligned and page-aligned, exactly at its start, and
# before it (every page of it gone).
cuts="default:1:1500000 default:1:4194304 default:1:0 default:1:8388608
1M:3:2500000 1M:3:2105344 1M:3:2097152 1M:3:1500000
page:5:18000 page:5:16384 page:5:20480 page:5:10000"

# run_cut SETTING AT SIZE IO TOOL ARGS...: copy orig to f, run TOOL with
# ARGS (operands included) with f cut as told; leave out, err, rc,
# cut=yes if the cut happened (--io=auto may read instead of map), and
# kept: how many bytes of f the tool can have seen, those it still
# holds or those before the window it was cut under.
run_cut ()
{
  _set=$1 _at=$2 _size=$3 _io=$4
  shift 4
  cp orig f || framework_failure "cp"
  case $_set in
    default) _w= _start=0 ;;
    page) _w=$page_size _start=$(( (_at - 1) * page_size )) ;;
    1M) _w=1M _start=$(( (_at - 1) * 1048576 )) ;;
  esac
  env ${_w:+MMUTILS_WINDOW=$_w} CUTMAP_FILE=f CUTMAP_AT=$_at \
    CUTMAP_SIZE=$_size LD_PRELOAD=$shim "$@" --io=$_io > out 2> err
  rc=$?
  cut=no
  test "$(wc -c < f)" -eq "$_size" && cut=yes
  kept=$_size
  test $kept -lt $_start && kept=$_start
  # --io=auto may map the file and then read it: the cut is then
  # before the first read, and the file just ends early, as with GNU.
  if test $_io = auto && test $cut = yes && ! test -s err; then
    cut=read kept=$_size
  fi
  return 0
}

# expect STATUS GNU ARGS...: build exp, exp.err and exp.rc: what the
# GNU tool prints for what f still holds (ref/f, prepared by the
# caller), and the diagnostic and STATUS ours must add, if f was cut.
expect ()
{
  _st=$1 _gnu=$2
  shift 2
  (cd ref && "$_gnu" "$@" > ../exp 2> ../exp.err; echo $? > ../exp.rc)
  if test $cut = yes; then
    echo "$_ours: f: file truncated" > exp.err
    echo "$_st" > exp.rc
  fi
}

# check WHAT: compare out, err and rc with exp, exp.err and exp.rc.
# wc's column width comes from the sizes at the start, which differ
# between f and ref/f: spaces are squeezed for mwc.
check ()
{
  echo $rc > out.rc
  if test $_ours = mwc; then
    sed 's/^ *//; s/  */ /g' exp > exp2 && mv exp2 exp &&
      sed 's/^ *//; s/  */ /g' out > out2 && mv out2 out
  fi
  compare_what=$1
  compare exp out && compare exp.err err && compare exp.rc out.rc
  compare_what=
}

# ref_bytes: ref/f is what the tool may show of f: its first $kept
# bytes if it was cut, else all of it; ref/g is the next operand.
ref_bytes ()
{
  if test $cut = no; then cat orig; else head -c $kept orig; fi > ref/f
  cp g ref/g
}

# ref_lines: as ref_bytes, without a last partial line.
ref_lines ()
{
  ref_bytes
  _n=$(tr -cd '\n' < ref/f | wc -c)
  head -n $_n ref/f > ref/f2 && mv ref/f2 ref/f
}

# each_cut TOOL STATUS REF ARGS...: for every cut, mapped and with
# --io=auto, run our TOOL with ARGS (its operands included) and check it
# against the GNU TOOL on what the file still holds, as REF (ref_bytes
# or ref_lines) makes it; STATUS is ours after a cut.  The function
# "unseen", if the caller defines it, sets cut=no where the tool stops
# before the cut.
each_cut ()
{
  _tool=$1 _st=$2 _ref=$3
  shift 3
  _ours=m$_tool
  for _c in $cuts; do
    IFS=: read -r _s _a _z <<EOF2
$_c
EOF2
    _ios=mmap
    test "$_s" = default && _ios="mmap auto"
    for _io in $_ios; do
      run_cut "$_s" "$_a" "$_z" $_io $_ours "$@"
      $_ref
      unseen "$@"
      expect "$_st" /usr/bin/$_tool "$@"
      check "$_ours $*, cut $_c, --io=$_io"
    done
  done
}

# The default: every tool reads to the end, and sees every cut.
unseen () { :; }

# cut_with_options TOOL STATUS REF QUICK MORE OPERANDS...: each_cut
# with each option set in QUICK (words quoted as for eval) and, with
# expensive tests, in MORE: the quick sets take the paths the others
# share.
cut_with_options ()
{
  cwo_tool=$1 cwo_status=$2 cwo_ref=$3 cwo_sets=$4
  expensive && cwo_sets="$cwo_sets $5"
  shift 5
  cwo_operands=$*
  eval "set -- $cwo_sets"
  for cwo_args; do
    # shellcheck disable=SC2086
    each_cut $cwo_tool $cwo_status $cwo_ref $cwo_args $cwo_operands
  done
}

test_mcat ()
{
  cut_with_options cat 1 ref_bytes "'' -n" "-A -s" f g
}

test_mwc ()
{
  cut_with_options wc 1 ref_bytes "'' -L" "-l -w -c" f g
}

test_mgrep ()
{
  cut_with_options grep 2 ref_lines "'-n 99' '-A1 -B2 777'" \
    "'-c 7' '-v 5' '-b -e 1234 -e 77\$'" f g
}

# mgrep -q stops at a match before the cut, unaware of it; a cut before
# its match is reported, and the status is the error's.
test_mgrep_quiet ()
{
  unseen () { (cd ref && /usr/bin/grep "$@") && cut=no; }
  each_cut grep 2 ref_lines -q 1199999 f
  each_cut grep 2 ref_lines -q '^1$' f
  unseen () { :; }
}

# mcmp compares f with a copy of it: the cut must not read as a
# difference, nor as a shorter file.  -n stops before a cut past it.
test_mcmp ()
{
  cp orig copy && cp orig ref/copy || framework_failure "cp"
  unseen () { test "$1" = -n && test "$2" -le $kept && cut=no; }
  cut_with_options cmp 2 ref_bytes "'' -l" "-s '-n 2000000'" copy f
  unseen () { :; }
}

# A file that grows right after its first window is mapped: mapped up
# to its size at open, then read on to its new end, as GNU reads it.
test_grows ()
{
  grown=$(( $(wc -c < orig) + 5000 ))
  for t in "cat -n" "wc" "grep -c 7" "cmp copy"; do
    cp orig copy
    for set in default:1 1M:2 page:3; do
      run_cut ${set%:*} ${set#*:} $grown mmap m$t f
      cp f ref/f && cp copy ref/copy
      (cd ref && /usr/bin/$t f > ../exp 2> ../exp.err; echo $? > ../exp.rc)
      gnu_err /usr/bin/${t%% *} m${t%% *} exp && mv exp.err2 exp.err
      _ours=m${t%% *}
      check "m$t, grown after mapping $set"
    done
  done
}

# A tool started with SIGBUS blocked (a blocked mask is inherited
# across exec) must still survive a cut.
test_sigbus_blocked ()
{
  command -v perl > /dev/null || { echo "SKIP test_sigbus_blocked: no perl to block SIGBUS" >&2; return 0; }
  for tool in mcat mwc; do
    run_cut default 1 1500000 mmap perl -MPOSIX -e \
      'sigprocmask (SIG_BLOCK, POSIX::SigSet->new (SIGBUS)); exec @ARGV or die' \
      $tool f
    assertEquals "$tool status with SIGBUS blocked" 1 "$rc"
    echo "$tool: f: file truncated" > exp.err
    compare exp.err err
  done
}

. shunit2
