#!/bin/sh
# mgrep against GNU grep 3.8: output options, their precedence, context,
# exit statuses and diagnostics, in every I/O setting and arrival.

. "${0%/*}/../lib.sh"
require_gnu grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  {
    printf 'alpha beta\ngamma\n\nbeta alpha beta\n\tdelta\nepsilon beta\n'
    printf 'zeta\neta\ntheta beta\niota\nkappa\nlambda beta\nmu\n'
  } > words || framework_failure
}

# Each output option alone and in common combinations, every arrival.
test_output_options ()
{
  for opts in '' -n -b -c -l -L -q -o -v -H -h -Z -T -nb -nT -bT -on -ob \
              -vn -vc -cv -lv -Lv -Hc -HZ -HZc -HZl -m1 -m2 -m0 -vm3 \
              -s -x -w -i -y -nbHT -ov --label=LBL -Hn\ --label=x; do
    for how in operand redirect pipe; do
      same_as_gnu grep mgrep $how words $opts beta || return
    done
  done
}

# Context: -A, -B, -C, -NUM, separators, overlaps and -m with context.
test_context ()
{
  for opts in -A1 -B1 -C1 -2 -A0 -B0 -C0 -A1\ -B3 -C1\ -n -C1\ -b -C2\ -v \
              -A2\ -m1 -B2\ -m2 -C1\ -c -A1\ --group-separator=XX \
              -B1\ --no-group-separator -C1\ --group-separator= -1\ -o \
              -A1\ -T\ -n -C1\ -HZ -12; do
    for how in operand pipe; do
      same_as_gnu grep mgrep $how words $opts beta || return
      same_as_gnu grep mgrep $how corpus/many $opts jumps || return
    done
  done
}

# The corpus: every file, every arrival.
test_corpus ()
{
  for f in $corpus_files; do
    for opts in '' -c -n -v -o -b -a -ac -ab -z -zc -I -Ic -l -L; do
      same_as_gnu grep mgrep operand corpus/$f $opts 'x' || return
    done
    for how in redirect pipe; do
      same_as_gnu grep mgrep $how corpus/$f -n 'x' || return
    done
  done
}

# Several operands: file names, missing files, directories, -s, -d.
test_operands ()
{
  same_as_gnu grep mgrep operand '' beta words nosuch corpus/nul . words || return
  same_as_gnu grep mgrep operand '' -s beta words nosuch . || return
  same_as_gnu grep mgrep operand '' -c beta words corpus/many nosuch || return
  same_as_gnu grep mgrep operand '' -l beta words corpus/many corpus/empty || return
  same_as_gnu grep mgrep operand '' -L beta words corpus/many corpus/empty || return
  same_as_gnu grep mgrep operand '' -h beta words words || return
  same_as_gnu grep mgrep operand '' -d skip beta . words || return
  same_as_gnu grep mgrep operand '' -D skip beta words || return
  same_as_gnu grep mgrep redirect words beta - words - || return
  same_as_gnu grep mgrep pipe words -c beta - words || return
  same_as_gnu grep mgrep redirect words -q nosuch beta || return
  same_as_gnu grep mgrep operand '' -q zzz nosuch words || return
  same_as_gnu grep mgrep operand '' -sq zzz nosuch words || return
}

# Patterns from -e and -f, empty patterns and files, -f -.
test_pattern_sources ()
{
  printf 'beta\ngamma\n' > pats
  : > nopats
  printf 'eta' > nonl_pats
  same_as_gnu grep mgrep operand words -e alpha -e mu || return
  same_as_gnu grep mgrep operand words -f pats || return
  same_as_gnu grep mgrep operand words -f pats -e mu -c || return
  same_as_gnu grep mgrep operand words -f nopats || return
  same_as_gnu grep mgrep operand words -v -f nopats || return
  same_as_gnu grep mgrep operand words -c -f nopats -f nonl_pats || return
  same_as_gnu grep mgrep operand words -e '' -c || return
  same_as_gnu grep mgrep operand words -v -e '' || return
  same_as_gnu grep mgrep operand words -f nosuchfile || return
  same_as_gnu grep mgrep operand words "$(printf 'mu\niota')" || return
  same_as_gnu grep mgrep operand words -F '\-x' || return
  same_as_gnu grep mgrep operand words '\-x' || return
  same_as_gnu grep mgrep operand words -L -f nopats || return
  compare_what='-f -'
  printf 'mu\n' | grep -f - words > exp 2>&1
  printf 'mu\n' | mgrep -f - words > out 2>&1
  compare exp out
}

# Colors: --color with every GREP_COLORS capability, GREP_COLOR.
test_colors ()
{
  for c in '' 'ms=01;32' 'mc=01;33:cx=2' 'sl=1:cx=2' 'sl=1:cx=2:rv' 'fn=1:ln=2:bn=3:se=4' \
           'ne' 'mt=7' 'ms=:mc=' 'bad' 'ms=1x:fn=5' 'sl=:ne:ms=4'; do
    for opts in '' -n -v -o -vC1 -Hnb -T\ -n; do
      GREP_COLORS=$c
      export GREP_COLORS
      same_as_gnu grep mgrep operand words --color=always $opts beta || return
    done
  done
  unset GREP_COLORS
  GREP_COLOR='1;32' same_as_gnu grep mgrep operand words --color=always beta || return
  GREP_COLOR='1;32' same_as_gnu grep mgrep operand words --color=never beta || return
  GREP_COLOR='x1' same_as_gnu grep mgrep operand words --colour=always beta || return
  for w in always yes force never no none auto tty if-tty ALWAYS Never; do
    same_as_gnu grep mgrep operand words --color=$w beta || return
  done
  same_as_gnu grep mgrep operand words --color beta || return
}

# Option errors and usage: same messages and status 2.
test_bad_usage ()
{
  for opts in '-A x' '-B -1' '-C 1x' '-m x' '--binary-files=foo' '-d foo' \
              '-D foo' '-E -F' '--nosuch' '-u' '-X foo'; do
    same_as_gnu grep mgrep operand words $opts beta || return
  done
  same_as_gnu grep mgrep operand '' || return
  # A bad --color value shows the help text, which names mgrep's own
  # options: compare its status and first line only.
  compare_what='--color=foo'
  grep --color=foo beta words | head -1 > exp; echo $? >> exp
  mgrep --color=foo beta words | head -1 | sed 's/mgrep/grep/' > out
  echo $? >> out
  compare exp out
}

# stdout on /dev/null acts like -q; input == output is refused.
test_special_outputs ()
{
  for opts in '' -c -l -L -v; do
    compare_what="/dev/null $opts"
    grep $opts beta words nosuch > /dev/null 2> exp.err; echo $? > exp.rc
    mgrep $opts beta words nosuch > /dev/null 2> out.err; echo $? > out.rc
    sed 's/^grep:/mgrep:/' exp.err > exp.err2
    compare exp.rc out.rc || return
    compare exp.err2 out.err || return
  done
  for opts in '' -m1 -m2 -q -l -c; do
    compare_what="input is output $opts"
    cp words w1; cp words w2
    grep $opts beta w1 words >> w1 2> exp.err; echo $? > exp.rc
    mgrep $opts beta w2 words >> w2 2> out.err; echo $? > out.rc
    sed 's/^grep:/mgrep:/' exp.err | sed 's/w1/w2/' > exp.err2
    sed 's/^w1\(:\|$\)/w2\1/' w1 > w1.renamed
    compare w1.renamed w2 || return
    compare exp.rc out.rc || return
    compare exp.err2 out.err || return
  done
  compare_what='/dev/full'
  grep beta words > /dev/full 2> exp.err; echo $? > exp.rc
  mgrep beta words > /dev/full 2> out.err; echo $? > out.rc
  sed 's/^grep:/mgrep:/' exp.err > exp.err2
  compare exp.rc out.rc && compare exp.err2 out.err
}

# Where -m and -q leave standard input's offset.
test_stdin_offset ()
{
  seq 100000 > nums
  for opts in '-m1 5' '-m2 -A3 5' '-m3 -v 1' '-q 7' '-q 99999' '-l 5' '-c 5' \
              '-m1 -c 9' '5'; do
    for s in $io_settings; do
      compare_what="offset $opts $s"
      (grep $opts; echo ---; head -c 20) < nums > exp 2>&1
      (with_io $s mgrep $opts; echo ---; head -c 20) < nums > out 2>&1
      compare exp out || return
    done
  done
}

# A late NUL: GNU decides binary-ness per 96 KiB buffer; the lines it
# prints before must not depend on the window or the I/O method.
test_late_nul ()
{
  for at in 50000 98303 98400 196700 400000; do
    awk -v n="$at" 'BEGIN { s = 0; i = 0
        while (s < n) { l = sprintf("line %d beta %s", i++, substr("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 1, i % 50)); print l; s += length(l) + 1 }
        printf "nul\0here beta\n"; for (j = 0; j < 3000; j++) print "after beta", j }' > late
    for opts in '' -n -c -o -v -A2 -B3 -m5000 -l -a -I -Ic; do
      same_as_gnu grep mgrep operand late $opts beta || return
    done
    same_as_gnu grep mgrep redirect late -n beta || return
  done
}

# Long lines across GNU's buffer boundaries before a NUL.
test_late_nul_long_lines ()
{
  awk 'BEGIN { for (i = 0; i < 40; i++) { for (j = 0; j < 3000 + i * 97; j++) printf "%c", 97 + j % 26; print " beta" }
       printf "\0\n"; print "beta after" }' > longnul
  for opts in '' -c -n -B2; do
    same_as_gnu grep mgrep operand longnul $opts beta || return
  done
}

# Sparse files: a hole after the first buffer makes a file binary.
test_holes ()
{
  { seq 30000; } > holey && truncate -s 2M holey && seq 10 >> holey \
    || framework_failure
  truncate -s 200K holey2 && seq 10 >> holey2 || framework_failure
  for f in holey holey2; do
    for opts in '' -c -a -I; do
      same_as_gnu grep mgrep operand $f $opts 5 || return
      same_as_gnu grep mgrep redirect $f $opts 5 || return
    done
  done
}

# Encoding errors in a UTF-8 locale suppress those output lines.
test_encoding_errors ()
{
  printf 'a1\na\377\na2\ncaf\303\251\nb\200\n' > enc
  for loc in C C.UTF-8; do
    for opts in '' -c -o -v -n -A1 -a -l 'a.' '-o a.'; do
      LC_ALL=$loc same_as_gnu grep mgrep operand enc $opts a || return
    done
  done
}

. shunit2
