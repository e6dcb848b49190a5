#!/bin/sh
# mcat's --help, --version and usage errors, against GNU cat's.

. "${0%/*}/../lib.sh"
require_gnu cat

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
}

# Every option line of GNU cat's --help is in ours, in the same order.
test_help_lists_gnu_options ()
{
  mcat --help > out || fail "--help status"
  /usr/bin/cat --help | grep '^  -' > exp
  grep '^  -' out | grep -v -e '--io=' > got
  sed -n '1p' out > usage
  echo 'Usage: mcat [OPTION]... [FILE]...' > exp_usage
  compare exp_usage usage
  sed 's/^\(      --[a-z]*\) */\1 /' exp > exp1
  sed 's/^\(      --[a-z]*\) */\1 /' got > got1
  compare exp1 got1
  grep -q -e '--io=METHOD' out || fail "--io not in --help"
}

test_version ()
{
  mcat --version > out || fail "--version status"
  head -n 1 out > first
  echo 'mcat (mmutils) 0.1' > exp
  compare exp first
  grep -q '^License GPLv3+' out || fail "no license line"
}

test_bad_usage ()
{
  for args in -x --nosuch '--show-al' '--io' '--io=bad' '--help=1'; do
    /usr/bin/cat $args < /dev/null > exp.out 2> exp.err
    echo $? > exp.rc
    mcat $args < /dev/null > out.out 2> out.err
    echo $? > out.rc
    compare exp.rc out.rc
    compare exp.out out.out
    case $args in
      --io*) grep -q "^mcat: .*--io" out.err || fail "$args message" ;;
      *) normalize_err /usr/bin/cat mcat < exp.err > exp.err2
         compare exp.err2 out.err ;;
    esac
  done
}

. shunit2
