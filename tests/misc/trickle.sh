#!/bin/sh
# Every tool against its GNU counterpart on input that a slow producer
# writes into a pipe a few bytes at a time (tests/trickle): the answer
# must not depend on where the reads cut characters, words and lines.
# mwc 0.1 lost a character cut into three reads or more (issue 12).

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

trickle=$abs_top_builddir/tests/trickle
test -x "$trickle" || skip_file "tests/trickle not built (make check builds it)"
for l in en_US.UTF-8 ja_JP.eucJP zh_CN.GB18030; do
  [ "$(LC_ALL=$l locale charmap 2>/dev/null)" != ANSI_X3.4-1968 ] ||
    skip_file "locale $l is not installed (Debian: locales-all)"
done

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_text_corpus corpus
  # The first two lines of mixline, then some blank lines, controls,
  # tabs and a last line with no newline: small, as trickling is slow.
  { cat corpus/mixline
    printf '\n\n\nx\ty\t\tz \001\177 \200\377 e\314\201\n\n\ndone\n\n\nlast'
  } > utf8 || framework_failure
  printf '日本語の文章　全角スペース\tタブ ｶﾀｶﾅ half-width\n\n\n漢字とかな ascii words\t\tend\n\n\n' \
    | iconv -f UTF-8 -t EUC-JP > eucjp || framework_failure iconv
  # A character cut in half, and a stray byte.
  printf '\244\n\377 x \244' >> eucjp || framework_failure
  printf '中文字符 测试 ascii words\ttab　全角 😀 é\n\n\n中文\t\t字符\n' \
    | iconv -f UTF-8 -t GB18030 > gb18030 || framework_failure iconv
  printf '\201\060\n\377 x \244' >> gb18030 || framework_failure
  # For mcmp: the same text changed on its last line.
  sed '$s/t/T/' utf8 > utf8-last || framework_failure
  sed '5s/x/X/' utf8 > utf8-mid || framework_failure
}

# trickled GNU OURS FILE ARGS...: run the GNU tool with FILE trickled
# into its standard input, then ours the same way in every I/O setting
# (each cut differently), and assert identical stdout, status and
# stderr (program name aside).
trickled ()
{
  _gnu=$1 _ours=$2 _file=$3
  shift 3
  "$trickle" 1 "$_file" | run_capture exp "$_gnu" "$@"
  gnu_err "$_gnu" "$_ours" exp
  _seed=1
  for _s in $io_settings; do
    _seed=$((_seed + 1))
    compare_what="$_ours $* (trickled $_file, seed $_seed, $_s)"
    "$trickle" $_seed "$_file" | run_capture out with_io "$_s" "$_ours" "$@"
    same_result exp out || return 1
  done
  compare_what=
}

# in_locale LOCALE: use LOCALE's character classes (messages stay in
# English: mmutils has no catalogs).
in_locale ()
{
  LC_ALL= LC_CTYPE=$1
  export LC_ALL LC_CTYPE
}

test_mwc ()
{
  for loc_file in C:utf8 C.UTF-8:utf8 en_US.UTF-8:utf8 \
                  ja_JP.eucJP:eucjp zh_CN.GB18030:gb18030; do
    in_locale "${loc_file%:*}"
    for opts in -m -w -L '' -c -l -lwmcL; do
      trickled /usr/bin/wc mwc "${loc_file#*:}" $opts || return
    done
  done
}

test_mcat ()
{
  in_locale C.UTF-8
  for opts in -n -b -s -v -A -E -T -ns -bs -vET -sn -et; do
    trickled /usr/bin/cat mcat utf8 $opts || return
  done
}

test_mcmp ()
{
  in_locale C
  for other in utf8 utf8-last utf8-mid eucjp; do
    for opts in '' -l -b -lb -s '-i 3' '-n 200'; do
      trickled /usr/bin/cmp mcmp utf8 $opts - "$other" || return
      trickled /usr/bin/cmp mcmp utf8 $opts "$other" - || return
    done
  done
}

test_mgrep ()
{
  for loc_file in C:utf8 C.UTF-8:utf8 en_US.UTF-8:utf8 ja_JP.eucJP:eucjp; do
    in_locale "${loc_file%:*}"
    for opts in '-c e' '-n e' '-o [^a-z]' '-w x' '-on .' '-c ^' '-nw .' \
                '-a -o ..' '-a -n ^$' '-a -c -v y'; do
      trickled /usr/bin/grep mgrep "${loc_file#*:}" $opts || return
    done
  done
}

. shunit2
