#!/bin/sh
# Odd inputs and outputs for every tool, against the GNU tools: files
# that grow or are renamed over while read, /proc and /sys files,
# /dev/zero, FIFOs, directories, missing files, dangling symlinks,
# unreadable files, closed and full standard streams, readers that
# leave early.  Same stdout, status and diagnostics in every I/O
# setting.

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  seq 1 300000 > big || framework_failure "seq"
  seq 2 300001 > big2 || framework_failure "seq"
  mkdir dir || framework_failure "mkdir"
  ln -s nowhere dangling || framework_failure "ln"
}

# same_shell GNU OURS SCRIPT: run the shell SCRIPT with $T naming the
# GNU tool GNU, then our tool OURS in each I/O setting, and assert the
# same stdout, status and diagnostics (program name aside).
same_shell ()
{
  _g=/usr/bin/$1 _o=$2 _script=$3
  T=$_g sh -c "$_script" > exp.out 2> exp.err
  echo $? > exp.rc
  gnu_err "$_g" "$_o" exp
  for _s in mmap read window; do
    case $_s in
      mmap) _t="$_o --io=mmap" ;;
      read) _t="$_o --io=read" ;;
      window) _t="env MMUTILS_WINDOW=$page_size $_o --io=mmap" ;;
    esac
    T=$_t sh -c "$_script" > out.out 2> out.err
    echo $? > out.rc
    compare_what="$_o: $_script ($_s)"
    compare exp.out out.out && compare exp.rc out.rc &&
      compare exp.err2 out.err
  done
  compare_what=
}

# every_tool SCRIPT: same_shell for each tool.  In SCRIPT, $T is the
# tool, $A the arguments that make it read (a pattern for grep, the
# first file for cmp) and $N a next operand (none for cmp, which takes
# two files).
every_tool ()
{
  N=corpus/nonl
  A=; same_shell cat mcat "$1"
  A=-n; same_shell cat mcat "$1"
  A=; same_shell wc mwc "$1"
  A=-L; same_shell wc mwc "$1"
  A='-n 1'; same_shell grep mgrep "$1"
  A='-c -v 7'; same_shell grep mgrep "$1"
  N=
  A=corpus/many; same_shell cmp mcmp "$1"
  A='-l corpus/many'; same_shell cmp mcmp "$1"
}
A= N=
export A N

test_missing_and_directory ()
{
  every_tool '$T $A missing $N'
  every_tool '$T $A dir $N'
  every_tool '$T $A dangling $N'
  every_tool '$T $A $N dir'
}

test_unreadable ()
{
  command -v runuser > /dev/null || { echo "SKIP test_unreadable: no runuser to drop root" >&2; return 0; }
  chmod 755 . && cp corpus/many secret && chmod 000 secret ||
    framework_failure "chmod"
  if ! runuser -u nobody -- test -x "$abs_top_builddir/src/mcat"; then
    echo "SKIP test_unreadable: user nobody cannot run the built tools" >&2
    return 0
  fi
  every_tool 'runuser -u nobody -- $T $A secret $N'
}

test_proc_and_sys ()
{
  for f in /proc/version /proc/cpuinfo /sys/kernel/mm/transparent_hugepage/enabled; do
    if ! test -r $f; then
      echo "SKIP $f: not readable here" >&2
      continue
    fi
    every_tool "\$T \$A $f $N"
  done
}

test_fifo ()
{
  rm -f fifo && mkfifo fifo || framework_failure "mkfifo"
  every_tool '/usr/bin/cat big > fifo & $T $A fifo $N; wait'
  every_tool '/usr/bin/cat big | $T $A - $N'
}

test_dev_zero ()
{
  head -c 100000 /dev/zero > zeros
  same_shell cmp mcmp '$T -n 100000 /dev/zero zeros'
  same_shell cmp mcmp '$T -n 100001 zeros /dev/zero'
  same_shell grep mgrep '$T -q "" /dev/zero'
  same_shell grep mgrep '$T -c -m1 -z "" /dev/zero'
  same_shell grep mgrep '$T -m2 -a -z -n "" /dev/zero'
  same_shell cat mcat '$T /dev/zero | head -c 100000 | /usr/bin/wc -c'
}

test_renamed_over ()
{
  every_tool 'cp big f && cp corpus/nonl n2 && { mv n2 f; $T $A -; } < f'
}

test_grows ()
{
  # Appended to after the tool opened it: the new end is read too.
  every_tool 'cp big f && { printf "appended 1\n" >> f; $T $A -; } < f'
}

test_closed_streams ()
{
  every_tool '$T $A - <&-'
  every_tool '$T $A <&-'
  every_tool '$T $A corpus/many >&-'
  every_tool '$T $A corpus/many > /dev/full'
}

test_reader_leaves_early ()
{
  every_tool '{ $T $A big; echo $? >&2; } | head -c 10'
  every_tool '{ trap "" PIPE; $T $A big; echo $? >&2; } | head -c 10'
  same_shell cmp mcmp '{ $T -l big big2; echo $? >&2; } | head -c 10'
  same_shell cmp mcmp '{ trap "" PIPE; $T -l big big2; echo $? >&2; } | head -c 10'
}

. shunit2
