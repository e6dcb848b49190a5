#!/bin/sh
# mgrep's matchers against GNU grep 3.8: the Spencer-style cases of
# regex-cases (each checked for its stated result and against GNU),
# every regex diagnostic, multiple and empty patterns, -z, and
# generated inputs in every I/O setting and arrival.

. "${0%/*}/../lib.sh"
require_gnu grep

cases=$abs_top_srcdir/tests/mgrep/regex-cases

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  printf 'caf\303\251 na\303\257ve\n\303\211COLE \303\251cole\nstra\303\237e\n' \
    > utf8 || framework_failure
  printf 'foo\nbar\n\nfoo bar\nfoobar\nxfoo_bar\nba\\(r\n' > words \
    || framework_failure
}

# run_both PREFIX ARGS...: GNU grep and mgrep with ARGS on stdin,
# into PREFIX.{exp,out}: stdout, stderr (names normalized) and status.
run_both ()
{
  _p=$1; shift
  { grep "$@"; echo "rc=$?"; } > "$_p.exp" 2>&1 < "$_p.in"
  { mgrep "$@"; echo "rc=$?"; } 2>&1 < "$_p.in" \
    | sed 's/^mgrep:/grep:/' > "$_p.out"
}

# Each line of regex-cases, in C and C.UTF-8, with -o and -c too.
test_spencer_cases ()
{
  tab=$(printf '\t')
  grep -v '^#' "$cases" | while IFS=$tab read -r syn pat input want; do
    kind=-${syn%"${syn#?}"}
    opts=${syn#?}
    printf "$input\n" > case.in
    for loc in C C.UTF-8; do
      for more in '' -o; do
        LC_ALL=$loc run_both case $kind ${opts:+-$opts} $more -e "$pat"
        compare_what="LC_ALL=$loc grep $kind ${opts:+-$opts} $more -e '$pat'"
        compare case.exp case.out || return 1
      done
      # The stated results are those of a UTF-8 locale.
      test $loc = C && continue
      case $want in
        y) got=$(LC_ALL=$loc mgrep -q $kind ${opts:+-$opts} -e "$pat" \
                   < case.in 2>/dev/null; echo $?); want_rc=0 ;;
        n) got=$(LC_ALL=$loc mgrep -q $kind ${opts:+-$opts} -e "$pat" \
                   < case.in 2>/dev/null; echo $?); want_rc=1 ;;
        *) got=$(LC_ALL=$loc mgrep $kind ${opts:+-$opts} -e "$pat" \
                   < case.in 2>/dev/null; echo $?); want_rc=2 ;;
      esac
      assertEquals "$kind -$opts '$pat' on '$input' ($loc)" "$want_rc" "$got" \
        || return 1
    done
  done
}

# Several patterns, empty ones, -e and newlines, each error reported.
test_multiple_patterns ()
{
  cp words mp.in || framework_failure
  for args in "-e foo -e bar" "-e foo -e ''" "-e x -e \\(b\\)\\1" \
              "-E -e 'a|b' -e '(r)'" "-e '[' -e '\\('" \
              "-E -e 'a{1' -e '('" \
              "-F -e foo -e bar -e oba" "-Fw -e foo -e bar" "-Fx -e foo -e bar" \
              "-w -e foo -e foob" "-e 'foo
bar'"; do
    for loc in C C.UTF-8; do
      for more in '' -o -c -v -n; do
        eval "LC_ALL=$loc run_both mp $more $args"
        compare_what="grep $more $args"
        compare mp.exp mp.out || return 1
      done
    done
  done
}

# Null-terminated lines with -z.
test_nul_lines ()
{
  printf 'foo\nbar\0baz\0\nfoo\0' > z.in || framework_failure
  for args in "-z foo" "-z ^bar" "-z 'o\$'" "-zx foo" "-zc a" "-zo ba." \
              "-zP 'b\\na'" "-zE 'r.b'"; do
    eval "run_both z $args"
    compare_what="grep $args"
    compare z.exp z.out || return 1
  done
}

# Generated inputs, several syntaxes, every I/O setting and arrival.
test_corpus ()
{
  for args in "-e the" "-i QUICK" "-w fox" "-x ''" "-c 'j.*s'" \
              "-E '[0-9]+ the'" "-F -e 'x' -e 'quick b'" "-P '\\d{3} t'" \
              "-o 'b.'" "-v a" "-e '\\(o\\).*\\1'"; do
    for f in many allbytes badutf8 longline nul; do
      for how in operand pipe; do
        eval "same_as_gnu grep mgrep $how corpus/$f -a $args" || return 1
      done
    done
  done
}

# Case folding and word characters in the other locales.
test_locales ()
{
  cp utf8 loc.in || framework_failure
  for loc in en_US.UTF-8 en_US.ISO-8859-1; do
    locale -a 2>/dev/null | grep -qx "$(echo $loc | sed 's/UTF-8/utf8/;s/ISO-8859-1/iso88591/')" \
      || continue
    for args in "-i é" "-w na" "-io 'É[a-z]*'" "-c '^.\\{5\\}\$'" "-F -i ÉCOLE"; do
      eval "LC_ALL=$loc run_both loc -a $args"
      compare_what="LC_ALL=$loc grep $args"
      compare loc.exp loc.out || return 1
    done
  done
}

# PCRE run-time errors name the input, as GNU's do, and end the run
# with status 2 before the next operand.
test_pcre_runtime_errors ()
{
  mgrep -P x /dev/null 2> /dev/null
  if [ $? -eq 2 ]; then
    echo "SKIP test_pcre_runtime_errors: mgrep built without PCRE2" >&2
    return 0
  fi
  printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n' > limit
  for how in operand redirect pipe; do
    same_as_gnu grep mgrep $how limit -P '^(a+)+$(?<=b)' || return
  done
  same_as_gnu grep mgrep operand '' -P '^(a+)+$(?<=b)' limit limit || return
  same_as_gnu grep mgrep redirect limit --label=L -P '^(a+)+$(?<=b)'
}

. shunit2
