#!/bin/sh
# mgrep against GNU grep 3.8 on generated cases: patterns x options x
# inputs, in LC_ALL=C and C.UTF-8, each in every I/O setting (1,044
# cases).  Each pattern and option set runs on two of the inputs, and
# inputs and arrivals rotate so that every combination comes up.

. "${0%/*}/../lib.sh"
require_gnu grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  awk 'BEGIN {
      split("the quick brown fox jumps over lazy dog Alpha BETA gamma 42 x7 caf\303\251 \316\261\316\262 na\303\257ve end", w, " ")
      srand(7)
      for (i = 0; i < 3000; i++) {
        n = int(rand() * 9); line = ""
        for (j = 0; j < n; j++) line = line (j ? " " : "") w[1 + int(rand() * 18)]
        if (i % 97 == 0) line = line "\r"
        print line
      }
    }' > text || framework_failure
  printf 'the end\nno newline at the end' > nonl || framework_failure
  inputs='text corpus/many corpus/crlf corpus/badutf8 nonl corpus/blanks'
}

# The generated cases for the current locale.
run_generated ()
{
  n=0
  for pat in the a '^t' 'e$' 'x*' 'o.e' '[0-9]' 'alpha' 'end'; do
    for opts in '' -n -c -v -o -b -l -L -i -w -x -vn -on -ob -A1 -B1 -C1 \
                -m3 -m2\ -A1 -nH -T\ -n -cv -iw -wo -io --color=always \
                --color=always\ -n -z -Zl; do
      set -- $inputs
      shift $((n % 5))
      for f in "$1" "$2"; do
        case $((n % 3)) in
          0) how=operand ;;
          1) how=redirect ;;
          2) how=pipe ;;
        esac
        n=$((n + 1))
        same_as_gnu grep mgrep $how $f $opts "$pat" || return
      done
    done
  done
  echo "$n generated cases in LC_ALL=$LC_ALL" >&2
}

test_generated_C ()
{
  LC_ALL=C run_generated
}

test_generated_utf8 ()
{
  LC_ALL=C.UTF-8 run_generated
}

. shunit2
