#!/bin/sh
# mgrep -P against GNU grep 3.8: where a search resumes in a line (-o,
# --color), look-behind, \b, \K and ^ see the bytes before it, as
# PCRE2 sees them with a start offset in the whole line; encoding
# errors are barriers no match crosses, and a line that is nothing but
# an invalid or incomplete sequence is not empty.

. "${0%/*}/../lib.sh"
require_gnu grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  printf 'a\n\n\nb\n\n\n\nc\n\n\n\n\nd\n\n\nee\n\n\n' > nl3 \
    || framework_failure
  printf 'bbb\nab ab abab\nfoo_bar foo bar\n\nx y  z\nabcabc\n' > words \
    || framework_failure
  printf 'ab\303\251b \303\251t\303\251\nb\364b a\303b\n\355\240\200b\n\364\n\303\n\355\240\200\n\n' \
    > utf8 || framework_failure
  printf 'line one\0line two\nstill two\0\0three\n' > nuls \
    || framework_failure
}

# Several matches per line, each one seeing the bytes before it
# (mgrep 0.1 searched a new subject from where the last match ended).
test_resume_in_line ()
{
  for pat in '(?<=b)b' '(?<=a)b' '(?<!a)b' 'a|\bb' '\bb' 'b\b' '\Bb' \
             '\Kb' 'a\Kb' 'b\K' '(?=b)' '(?=ab)a' 'x*' 'b*' '^.' '^b' \
             '(?m)^.' '\w+' '(?<=\w)\w' '(?<= )\w+' '$' '.$' 'c$' \
             '(?<=abc)abc' '\Gab' '(a)(?=b)' '(?i)B'; do
    for opts in -o -ob -c -v --color=always -ow -x; do
      same_as_gnu grep mgrep operand words $opts -P -e "$pat" || return
    done
  done
}

# The reported case: -z -o with look-behind over runs of newlines.
test_lookbehind_nul_data ()
{
  for pat in '(?<=\n\n\n).*' '(?<=\n\n)\n*.' '(?<=\n)\n' '(?m)^$' \
             '(?m)^.' '(?s)(?<=\n\n\n).*' '\n\K.' '(?<=\n)(?=\n)'; do
    for opts in -zo -zc -z -zv -zon -zob; do
      for how in operand pipe; do
        same_as_gnu grep mgrep $how nl3 $opts -P -e "$pat" || return
      done
    done
  done
  for pat in 'two' '(?<=line )\w+' '^\w' '(?m)^s' '(?<=\n)s'; do
    for opts in -zo -z -zc -a -ao; do
      same_as_gnu grep mgrep operand nuls $opts -P -e "$pat" || return
    done
  done
}

# Encoding errors in UTF-8: barriers for matching, and a line that is
# only an invalid or incomplete sequence is not empty (mgrep 0.1
# counted '\364' as matching '^$').
test_encoding_errors ()
{
  for loc in C.UTF-8 C; do
    for pat in '^$' '()' 'b' '.b' 'b.' '(?<=.)b' '\w+' '\bb\b' '^.*$' \
               '\x{e9}' '[^a]b' 'a.b'; do
      for opts in '' -c -o -x -xc -w -wc -v -a -ac -ao -ax -n; do
        LC_ALL=$loc same_as_gnu grep mgrep operand utf8 $opts -P -e "$pat" \
          || return
      done
    done
    LC_ALL=$loc same_as_gnu grep mgrep pipe utf8 -c -P -x '' \
      --binary-files=text || return
  done
  for seq in '\364' '\303' '\355\240\200' '\300\200' '\377' 'a\364'; do
    printf "$seq\\n" > seq || framework_failure
    for args in "-c -P ^\$" "-c -x ''" "-c -P -x ''" \
                "-c -P -x '' --binary-files=text" "-c -P -e '()'" \
                "-c -P -w ''" "-P -e ^ -o" "-c -e ^\$"; do
      eval "LC_ALL=C.UTF-8 same_as_gnu grep mgrep redirect seq $args" \
        || return
    done
  done
}

. shunit2
