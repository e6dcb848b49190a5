#!/bin/sh
# --help and --version of every tool: where they point users, and when
# they act, against GNU's tools (issue 12).

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  printf 'a\nb\n' > a && printf 'a\nc\n' > b || framework_failure
}

# mmutils 0.1 ended --help with a placeholder address at example.org.
# Each tool now points at its man page's REPORTING BUGS and the README,
# which exist.
test_help_points_at_something_real ()
{
  for t in mcat mwc mcmp mgrep; do
    $t --help > out || fail "$t --help status"
    if grep -i -e 'example\.\(org\|com\)' -e '@' out; then
      fail "$t --help names a placeholder address"
    fi
    printf "%s\n" "Report bugs: see REPORTING BUGS in 'man $t', or the README" \
      "file of mmutils." "Full documentation: man $t" > exp
    tail -n 3 out > got
    compare exp got || return
    grep -q '^\.SH "REPORTING BUGS"' "$abs_top_srcdir/man/$t.1" ||
      fail "man/$t.1 has no REPORTING BUGS"
  done
  grep -q '^Reporting bugs' "$abs_top_srcdir/README" ||
    fail "README says nothing of reporting bugs"
}

# run_kind PREFIX CMD...: run CMD on a and b, capturing into PREFIX.*,
# a --help or --version text reduced to "help" or "version".
run_kind ()
{
  _p=$1
  shift
  run_capture "$_p" "$@" a b
  help_or_version "$_p.out"
}

# GNU cat, wc and cmp act on --help and --version (cmp -v) as soon as
# they meet them; GNU grep parses every option first, reports a bad one
# instead, and prefers -V to --help (mgrep 0.1 printed its version at
# once: 'mgrep -V --foo').  Options whose arguments are checked as they
# are parsed come before or after, as in GNU.
test_when_help_and_version_act ()
{
  for t in cat wc cmp grep; do
    for args in '--help --foo' '--foo --help' '--version --foo' \
                '--foo --version' '--help --version' '--version --help' \
                '-V --foo' '--foo -V' '-v --foo' '-x --help' '--help -x' \
                '--help -n x' '-n x --help' '-V -m x' '-m x -V' \
                '-V --color=bad' '--color=bad -V' '--help --color=bad' \
                '-V -E -F' '-V -f nonexist' '-f nonexist -V' '-V -A x' \
                '--help --binary-files=x' '-V -d bad' '--help -d bad' \
                '-d bad --help' '-V -l -s' '-l -s -V' '--help -i x' \
                '-i x --help' '-V --files0-from' '--help --files0-from=x' \
                '--version -r' '--help --include=x' '--help -X bad' \
                '-X bad --help' '-V -P -E' '--help -C -1' '-V --context=x'; do
      run_kind exp /usr/bin/$t $args
      gnu_err /usr/bin/$t m$t exp
      for s in $io_settings; do
        run_kind out with_io $s m$t $args
        compare_what="m$t $args ($s)"
        compare exp.out out.out && compare exp.rc out.rc &&
          compare exp.err2 out.err || return
      done
    done
  done
}

. shunit2
