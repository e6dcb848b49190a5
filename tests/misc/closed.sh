#!/bin/sh
# Every tool against GNU's with standard input, standard output or
# standard error closed, and combinations (issue 12: mcat did not say
# "closing standard input: Bad file descriptor", mcmp compared '- - 1'
# wrongly, mgrep -q ended with status 2 where GNU grep ends with 0 when
# it cannot write a diagnostic, and named itself by its full name).

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

# The ways to close descriptors.  An ASan build's runtime opens files
# at start-up, which take a closed standard input and error in turn, so
# there the tool cannot see them closed.
modes='in out both inerr'
if under_asan; then
  echo "SKIP mode inerr: ASan's runtime takes closed descriptors 0 and 2" >&2
  modes='in out both'
fi

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  printf 'a\tb\nx\n\n\ny\n' > in || framework_failure
  printf 'in\0in\0' > list || framework_failure
}

# closed GNU OURS ARGS...: run GNU and ours (in every I/O setting) with
# ARGS and standard input closed; with standard output closed (input
# from the file in); with both closed; and with standard input and
# standard error closed.  Assert the same output, diagnostics and
# status.
closed ()
{
  _g=$1 _o=$2
  shift 2
  _n=${_g##*/}
  for _mode in $modes; do
    for _s in gnu $io_settings; do
      if test $_s = gnu; then set -- "$_g" "$@"; _p=exp
      else set -- with_io $_s "$_o" "$@"; _p=out
      fi
      : > $_p.out
      : > $_p.err
      case $_mode in
        in) "$@" <&- > $_p.out 2> $_p.err ;;
        out) "$@" >&- 2> $_p.err < in ;;
        both) "$@" <&- >&- 2> $_p.err ;;
        inerr) "$@" <&- 2>&- > $_p.out ;;
      esac
      echo $? > $_p.rc
      if test $_s = gnu; then
        shift
        sed -e "s|^$_g:|$_o:|" -e "s|^$_n:|$_o:|" \
            -e "s|'$_g --help'|'$_o --help'|" \
            -e "s|'$_n --help'|'$_o --help'|" \
            -e "s|^Usage: $_n |Usage: $_o |" exp.err > exp.err2
      else
        shift 3
        compare_what="$_o $* ($_mode, $_s)"
        compare exp.out out.out && compare exp.rc out.rc &&
          compare exp.err2 out.err || return
      fi
    done
  done
}

test_mcat ()
{
  for args in '' - '- in' 'in -' in -n '-n -' '-A in' '- -' '-s - -'; do
    closed /usr/bin/cat mcat $args || return
  done
}

test_mwc ()
{
  for args in '' - in '- in' -l -c '-m -' --files0-from=- 'in in' '-L -' \
              --files0-from=list; do
    closed /usr/bin/wc mwc $args || return
  done
}

test_mcmp ()
{
  for args in - '- -' 'in -' '- in' '-l -' '-b - in' '-s - -' 'in in' \
              '- - 1' '- - 0 1' '-i 1 - in' '-i 0:1 in -' '-n 0 - in' \
              '-n 0 in -' '-s -n 0 - in' '-s - in' '-l - - 0 5'; do
    closed /usr/bin/cmp mcmp $args || return
  done
}

test_mgrep ()
{
  for args in x 'x -' 'x in' 'x - in' 'x in -' '-c x' '-q x' \
              '-q x nonexist' '-sq x nonexist' '-q x in nonexist' \
              '-l x -' '-L x' '-f - in' '-f -' '-s x - nonexist' \
              '-m1 y -' 'x nonexist' '-q -m x' '-q --foo'; do
    closed /usr/bin/grep mgrep $args || return
  done
}

. shunit2
