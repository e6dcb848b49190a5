#!/bin/sh
# mwc against GNU wc: every combination of the count options over the
# corpus, in the C and C.UTF-8 locales, every I/O setting, every way an
# input arrives.

. "${0%/*}/../lib.sh"
require_gnu wc

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  make_text_corpus corpus
  # Every combination of -c -l -L -m -w, and none.
  combos=$(for i in $(seq 0 31); do
             o=
             for b in 1:c 2:l 4:L 8:m 16:w; do
               [ $((i & ${b%:*})) -ne 0 ] && o=$o${b#*:}
             done
             echo "${o:+-$o}"
           done)
}

# options_in_locale LOCALE: the differential test in LOCALE: every
# combination with all the files as operands; with each file as the
# redirected standard input and through a pipe, the default and the
# options that choose another way of counting (-c from the size, -l
# with the newline count, all of them with the text count).
options_in_locale ()
{
  LC_ALL=$1
  export LC_ALL
  files=
  for f in $corpus_files $text_corpus_files; do
    files="$files corpus/$f"
  done
  for opts in $combos ''; do
    same_as_gnu /usr/bin/wc mwc operand '' $opts $files || return
  done
  for f in $corpus_files $text_corpus_files; do
    for opts in '' -c -lwmcL; do
      same_as_gnu /usr/bin/wc mwc redirect corpus/$f $opts || return
    done
    for opts in '' -l -lwmcL; do
      same_as_gnu /usr/bin/wc mwc pipe corpus/$f $opts || return
    done
  done
}

test_options_c ()
{
  options_in_locale C
}

test_options_c_utf8 ()
{
  options_in_locale C.UTF-8
}

# Long options, and the last of them wins nothing: counts only add.
test_long_options ()
{
  for opts in --bytes --chars --lines --words --max-line-length \
              '--lines --words' '--by --cha -L' '-l --lines'; do
    same_as_gnu /usr/bin/wc mwc operand corpus/many $opts || return
  done
}

. shunit2
