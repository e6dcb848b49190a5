# tests/lib.sh -- helpers shared by the mmutils shunit2 tests.
# Copyright (C) 2026 The mmutils authors.
# License GPLv3+: GNU GPL version 3 or later.
#
# A test file sets its own test_ functions, sources this file, then
# sources shunit2 last:   . "${0%/*}/../lib.sh"  ...  . shunit2

: "${abs_top_builddir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${abs_top_srcdir:=$abs_top_builddir}"
# shunit2 reads the test functions from the script, after the tests
# have changed directory: give it an absolute name.
SHUNIT_PARENT=$(cd "${0%/*}" && pwd)/${0##*/}
SHUNIT_COLOR=none
export SHUNIT_COLOR
PATH=$abs_top_builddir/src:$PATH
export PATH
LC_ALL=${LC_ALL-C}
export LC_ALL
unset MMUTILS_WINDOW

# One page: the smallest window, so that window edges show on small files.
page_size=$(getconf PAGESIZE)

# The three I/O settings every test that reads files runs in (see
# io_settings_for).
io_settings='mmap read window'

# Inputs at least this big are also run in the default setting,
# --io=auto, which maps only windows of 2 MiB or more.
auto_min=$((2 * 1024 * 1024))

# The GNU versions whose behaviour the differential tests encode.
gnu_versions='cat:9.1 wc:9.1 cmp:3.8 grep:3.8'

# framework_failure MESSAGE: the test could not be set up.  Exit 99
# (ERROR under the automake harness); shunit2 would turn it into a FAIL.
framework_failure ()
{
  echo "framework failure: $*" >&2
  trap - 0
  exit 99
}

# skip_file MESSAGE: a precondition is missing; skip the whole file.
# Call before sourcing shunit2 (its startSkipping exits 0).
skip_file ()
{
  echo "SKIP: $*" >&2
  exit 77
}

# require_gnu TOOL...: skip the whole file unless each GNU TOOL in
# /usr/bin is the version the tests encode: another version may differ
# by design (options, messages), which is no bug of ours.
require_gnu ()
{
  for _t; do
    for _tv in $gnu_versions; do
      test "${_tv%:*}" = "$_t" || continue
      _v=$(/usr/bin/$_t --version 2>/dev/null | sed -n '1s/.* //p')
      test "$_v" = "${_tv#*:}" ||
        skip_file "/usr/bin/$_t is ${_v:+version }${_v:-missing or not GNU}, not ${_tv#*:}, whose behaviour these tests encode"
    done
  done
}

# compare EXP OUT: assert that the files EXP and OUT are identical,
# showing the difference.
compare ()
{
  if cmp -s "$1" "$2"; then
    return 0
  fi
  diff -u "$1" "$2" | head -40 >&2 || :
  fail "$2 differs from $1${compare_what:+ ($compare_what)}"
  return 1
}

# expensive: true if RUN_EXPENSIVE_TESTS=yes asks for the big matrices
# and inputs (CI sets it; plain 'make check' keeps to the quick set).
expensive ()
{
  test "$RUN_EXPENSIVE_TESTS" = yes
}

# with_io SETTING TOOL ARGS...: run TOOL with ARGS in the I/O SETTING
# (auto: the default; mmap, read, or window: one-page windows).
with_io ()
{
  _setting=$1; shift
  _tool=$1; shift
  case $_setting in
    auto) "$_tool" "$@" ;;
    mmap) "$_tool" --io=mmap "$@" ;;
    read) "$_tool" --io=read "$@" ;;
    window) MMUTILS_WINDOW=$page_size "$_tool" --io=mmap "$@" ;;
  esac
}

# normalize_err GNU OURS < ERR: GNU's diagnostics with its name made
# ours, whether GNU is a path or a base name.
normalize_err ()
{
  sed -e "s|^$1:|$2:|" -e "s|^${1##*/}:|$2:|" \
      -e "s|'$1 --help'|'$2 --help'|" -e "s|'${1##*/} --help'|'$2 --help'|" \
      -e "s|^Usage: $1 |Usage: $2 |" -e "s|^Usage: ${1##*/} |Usage: $2 |"
}

# gnu_err GNU OURS PREFIX: PREFIX.err2, the GNU tool's stderr PREFIX.err
# with its name made ours.  Forks and system calls are most of a
# differential test's time on this kind of machine (a VM shadowing page
# tables), so this and same_result run nothing for empty files.
gnu_err ()
{
  if test -s "$3.err"; then
    normalize_err "$1" "$2" < "$3.err" > "$3.err2"
  else
    : > "$3.err2"
  fi
}

# same_bytes EXP OUT: compare EXP and OUT unless both are empty.
same_bytes ()
{
  if test -s "$1" || test -s "$2"; then
    compare "$1" "$2"
  fi
}

# same_result EXP OUT: assert that the runs captured by run_capture as
# EXP.* and OUT.* had the same stdout and status, and that EXP.err2 (see
# gnu_err) is OUT.err.
same_result ()
{
  read -r _rc1 < "$1.rc"
  read -r _rc2 < "$2.rc"
  if test "$_rc1" != "$_rc2"; then
    compare "$1.rc" "$2.rc"
    return 1
  fi
  same_bytes "$1.out" "$2.out" && same_bytes "$1.err2" "$2.err"
}

# under_asan: true if the tools are built with ASan, which reserves
# terabytes of address space (so ulimit -v cannot apply) and opens files
# at start-up (so closed descriptors do not stay closed).
under_asan ()
{
  ldd "$abs_top_builddir/src/mcat" 2>/dev/null | grep -q libasan
}

# help_or_version OUT: replace the output OUT by "help" or "version" if
# it is a --help text or a --version text, which differ by design.
help_or_version ()
{
  _first=
  read -r _first < "$1"
  case $_first in
    'Usage: '*) echo help > "$1" ;;
    *' (GNU '*|*' (mmutils) '*) echo version > "$1" ;;
  esac
}

# io_settings_for WORD...: set io_list to the I/O settings worth
# running on inputs that include the WORDs that name regular files (the
# others are ignored, so a command's arguments may be passed as they
# are).  Only regular files can be mapped: with none, --io changes
# nothing and one run in the default setting is enough.  With a file of
# auto_min bytes or more the default setting, whose probing maps only
# such files, runs as well; one-page windows over such a file cost tens
# of thousands of mmap calls a run, so they wait for expensive tests
# (small files show window edges as well).
io_settings_for ()
{
  _n=$#
  for _a in "$@"; do
    test -f "$_a" && set -- "$@" "$_a"
  done
  shift $_n
  if test $# = 0; then
    io_list=auto
    return
  fi
  io_list=$io_settings
  if test -n "$(find -L "$@" -prune -size +$((auto_min - 1))c -print)"; then
    io_list="mmap read auto"
    expensive && io_list="$io_list window"
  fi
}

# run_capture PREFIX CMD...: run CMD, leaving PREFIX.out, PREFIX.err and
# PREFIX.rc.
run_capture ()
{
  _p=$1; shift
  "$@" > "$_p.out" 2> "$_p.err"
  echo $? > "$_p.rc"
}

# same_as_gnu GNU OURS HOW FILE ARGS...: run the GNU tool and ours on
# FILE (HOW: operand, redirect or pipe; FILE may be empty for none)
# with ARGS in every I/O setting, and assert identical stdout bytes,
# exit status and stderr (program name aside).
same_as_gnu ()
{
  _gnu=$1 _ours=$2 _how=$3 _file=$4
  shift 4
  arrive "$_how" "$_file" exp "$_gnu" "$@"
  gnu_err "$_gnu" "$_ours" exp
  test "$_how" = pipe && _mapped= || _mapped=$_file
  io_settings_for "$_mapped" "$@"
  for _s in $io_list; do
    compare_what="$_ours $* ($_how $_file, $_s)"
    arrive "$_how" "$_file" out with_io "$_s" "$_ours" "$@"
    same_result exp out || return 1
  done
  compare_what=
}

# arrive HOW FILE PREFIX CMD...: run CMD with FILE as an operand, as
# redirected stdin or through a pipe; capture into PREFIX.*.
arrive ()
{
  _h=$1 _f=$2 _p=$3
  shift 3
  case $_h in
    operand) run_capture "$_p" "$@" ${_f:+"$_f"} ;;
    redirect) run_capture "$_p" "$@" < "$_f" ;;
    pipe) /usr/bin/cat "$_f" | run_capture "$_p" "$@" ;;
  esac
}

# make_corpus DIR: the generated inputs every differential test uses.
make_corpus ()
{
  mkdir -p "$1" && (
    cd "$1" || exit 1
    : > empty
    printf 'no trailing newline' > nonl
    printf 'a\0b\0\nc\0\n' > nul
    printf 'dos\r\nlines\r\n\r\nend\r\n' > crlf
    printf 'caf\303\251 \377\376 \200x\n\xe2\x82\n' > badutf8
    printf '\n\n\n\ta\tb\n\n\n x  y \n\n' > blanks
    awk 'BEGIN { for (i = 0; i < 3000; i++) printf "%c", 97 + i % 26; print "" }' > longline
    head -c "$page_size" /dev/zero | tr '\0' 'x' > page
    { head -c $((page_size - 1)) /dev/zero | tr '\0' 'y'; echo; } > page_nl
    { cat page; echo; } > page_plus1
    awk 'BEGIN { for (i = 0; i < 20000; i++) print i, "the quick brown fox", i % 7 ? "" : "\t\001jumps" }' > many
    truncate -s 20000 sparse && printf 'tail\n' >> sparse
    awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i; print "" }' > allbytes
  ) || framework_failure "cannot make corpus in $1"
}

corpus_files='empty nonl nul crlf badutf8 blanks longline page page_nl page_plus1 many sparse allbytes'

# make_text_corpus DIR: text inputs for locale-dependent counting,
# `$text_corpus_files`: UTF-8 from several scripts with wide, combining,
# zero-width and no-break-space characters, invalid and cut-off
# sequences, characters that straddle page boundaries, Latin-1 bytes,
# and ASCII with tabs, control characters and long lines.
make_text_corpus ()
{
  mkdir -p "$1" && (
    cd "$1" || exit 1
    printf 'caf\303\251 \316\261\316\262\316\263 \344\270\255\346\226\207\tx\360\237\230\200y e\314\201 a\302\240b c\342\200\207d e\342\200\257f g\342\201\240h\n' > mixline
    printf 'i\343\200\200j k\342\200\213l m\342\200\250n o\357\273\277p q\302\205r\r\f\v\001s\177t \302 \355\240\200 \364\220\200\200 \300\200 \340\237\277 \360\217\277\277 \364\217\277\277 \365\200\200\200 \370\210\200\200\200 \374\204\200\200\200\200 \370\200\200\200\200 \355\277\277 \342\202\n' >> mixline
    LC_ALL=C awk '{ l[NR] = $0 } END { pad = "             ";
           for (i = 0; i < 300; i++) for (j = 1; j <= NR; j++)
             print substr(pad, 1, i % 13) l[j] }' mixline > utf8mix
    for k in 1 2 3; do
      { head -c $((page_size - k)) /dev/zero | tr '\0' x
        printf '\360\237\230\200 \344\270\255 end\n'; } > straddle$k
    done
    printf 'caf\351 na\357ve \240x\240y \327 \367 \255 \205z\n\377\376 w\n' > latin1
    LC_ALL=C awk 'BEGIN { for (i = 0; i < 3000; i++) {
           for (j = 0; j < i % 23; j++) printf "w%d%s", j, (j % 5 ? " " : "\t")
           if (i % 7 == 0) printf "%c", 1
           if (i % 11 == 0) printf "x\ry"
           if (i % 13 == 0) printf "\f\v%c", 127
           print "" } }' > asciimix
    LC_ALL=C awk 'BEGIN { for (i = 0; i < 2000; i++) printf "\344\270\255\t%s", i % 3 ? "ab" : "\314\201"; print "" }' > widecjk
    # A file of only ASCII words, long enough for the 64-byte blocks.
    LC_ALL=C awk 'BEGIN { for (i = 0; i < 2000; i++) print "the quick", i, "brown fox jumps over the lazy dog" }' > words
  ) || framework_failure "cannot make text corpus in $1"
}

text_corpus_files='mixline utf8mix straddle1 straddle2 straddle3 latin1 asciimix widecjk words'

# two_operand HOW FILE N: set _o to the operand that names FILE, input
# number N, when it arrives by HOW (see same_as_gnu2); none: empty.
two_operand ()
{
  case $1 in
    operand) _o=$2 ;;
    stdin|pipe) _o=- ;;
    fifo) _o=fifo$3 ;;
    none) _o= ;;
  esac
}

# run_two PREFIX CMD ARGS...: run CMD with ARGS and the two inputs
# described by $_h1 $_f1 $_h2 $_f2 (see same_as_gnu2); capture into
# PREFIX.*.
run_two ()
{
  _p=$1; shift
  two_operand "$_h1" "$_f1" 1
  _o1=$_o
  two_operand "$_h2" "$_f2" 2
  _o2=$_o
  _n=$# _seen=
  for _a in "$@"; do
    case $_a in
      @1) _a=$_o1 _seen=1 ;;
      @2) _a=$_o2 _seen=1 ;;
    esac
    set -- "$@" "$_a"
  done
  shift $_n
  if test -z "$_seen"; then
    test "$_h1" = none || set -- "$@" "$_o1"
    test "$_h2" = none || set -- "$@" "$_o2"
  fi
  _stdin=/dev/null _pipe= _pids=
  for _i in 1 2; do
    eval "_h=\$_h$_i _f=\$_f$_i"
    case $_h in
      stdin) _stdin=$_f ;;
      pipe) _pipe=$_f ;;
      fifo)
        rm -f "fifo$_i" && mkfifo "fifo$_i" || framework_failure "mkfifo"
        /usr/bin/cat "$_f" > "fifo$_i" 2>/dev/null &
        _pids="$_pids $!" ;;
    esac
  done
  if test -n "$_pipe"; then
    /usr/bin/cat "$_pipe" 2>/dev/null | run_capture "$_p" "$@"
  else
    run_capture "$_p" "$@" < "$_stdin"
  fi
  # A writer whose fifo was never opened is still blocked in open.
  for _pid in $_pids; do
    kill "$_pid" 2>/dev/null
    wait "$_pid" 2>/dev/null
  done
  return 0
}

# same_as_gnu2 GNU OURS HOW1 FILE1 HOW2 FILE2 ARGS...: run the GNU tool
# and ours on two inputs in every I/O setting, and assert identical
# stdout bytes, exit status and stderr (program name aside).  Input N
# is FILE<N> arriving by HOW<N>: operand (a file operand), stdin
# (redirected standard input, operand -), pipe (a pipe on standard
# input, operand -), fifo (a named pipe operand) or none (no operand:
# ARGS name the files).  The operands take the place of the words @1
# and @2 in ARGS, or follow ARGS.
same_as_gnu2 ()
{
  _gnu=$1 _ours=$2 _h1=$3 _f1=$4 _h2=$5 _f2=$6
  shift 6
  run_two exp "$_gnu" "$@"
  gnu_err "$_gnu" "$_ours" exp
  _mapped1= _mapped2=
  case $_h1 in operand|stdin) _mapped1=$_f1 ;; esac
  case $_h2 in operand|stdin) _mapped2=$_f2 ;; esac
  io_settings_for "$_mapped1" "$_mapped2" "$@"
  for _s in $io_list; do
    compare_what="$_ours $* ($_h1 $_f1, $_h2 $_f2, $_s)"
    run_two out with_io "$_s" "$_ours" "$@"
    same_result exp out || return 1
  done
  compare_what=
}
