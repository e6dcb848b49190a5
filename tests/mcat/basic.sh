#!/bin/sh
# mcat against GNU cat: every option over the corpus, every I/O setting,
# every way an input arrives.

. "${0%/*}/../lib.sh"
require_gnu cat

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
}

# Each option and common combinations, on each corpus file, each arrival.
test_options_differential ()
{
  for opts in '' -A -b -e -E -n -s -t -T -u -v -bn -ns -bs -sE -nT -vE -An -bA; do
    for f in $corpus_files; do
      for how in operand redirect pipe; do
        same_as_gnu /usr/bin/cat mcat $how corpus/$f $opts || return
      done
    done
  done
}

# Line numbers and -s/-b state carry across operands.
test_state_across_operands ()
{
  for opts in -n -b -s -sn -bs -E; do
    same_as_gnu /usr/bin/cat mcat operand '' $opts corpus/blanks corpus/nonl corpus/blanks corpus/many || return
  done
}

# Missing files, directories and stdin among the operands.
test_bad_operands ()
{
  same_as_gnu /usr/bin/cat mcat operand '' corpus/nonl nosuch corpus/many . corpus/nul || return
  same_as_gnu /usr/bin/cat mcat redirect corpus/many -n corpus/nonl - nosuch - || return
}

# Line numbers past six digits.
test_number_wide ()
{
  seq 1100000 | sed 's/.*//' > wide || framework_failure
  same_as_gnu /usr/bin/cat mcat operand wide -n || return
}

. shunit2
