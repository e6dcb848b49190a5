#!/bin/sh
# The benchmark harness itself works: bench/run on tiny inputs writes a
# well-formed results.md (no timing is asserted).

. "${0%/*}/lib.sh"

for p in hyperfine /usr/bin/time perl gnuplot; do
  command -v $p > /dev/null ||
    skip_file "$p is not installed (Debian: apt-get install hyperfine time perl gnuplot-nox)"
done

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  BENCH_BUILDDIR=$abs_top_builddir BENCH_SCRATCH=$SHUNIT_TMPDIR/scratch \
    sh "$abs_top_srcdir/bench/run" --tiny --out "$SHUNIT_TMPDIR/res" \
    > run.log 2>&1 || { cat run.log >&2; framework_failure "bench/run failed"; }
  results=$SHUNIT_TMPDIR/res/results.md
}

test_results_header ()
{
  head -n 1 "$results" > got
  echo '# mmutils benchmark results' > exp
  compare exp got
  grep -q '^- CPU: ' "$results" || fail "no machine line"
  grep -q '^- Cold cache: ' "$results" || fail "no eviction method"
}

# Every tool with cases has a table whose rows have eleven numeric-or-dash
# cells after the case name.
test_tables_well_formed ()
{
  for t in $(cd "$abs_top_srcdir/bench/cases" && ls *.sh | sed 's/\.sh$//'); do
    command -v "$t" > /dev/null || continue
    grep -q "^## $t\$" "$results" || fail "no table for $t"
  done
  awk '/^\| case \|/ { t = 1; next } /^\|---/ { next }
       t && /^\| / { n++; line = $0; gsub(/\\\|/, "", line)
         k = split(line, c, / \| /)
         if (k != 12) { bad++; print "bad row: " $0 }
         for (i = 2; i <= 12; i++) {
           x = c[i]; gsub(/[*| ]/, "", x)
           if (x !~ /^([0-9]+(\.[0-9]+)?|-)$/) { bad++; print "bad cell " i ": " $0 } } }
       /^$/ { t = 0 }
       END { if (!n) { print "no rows"; exit 1 } exit bad > 0 }' "$results" >&2 ||
    fail "malformed table rows"
}

test_sweep_recorded ()
{
  grep -q '^## Window sweep' "$results" || fail "no window sweep"
  grep -q '^## Small files' "$results" || fail "no small-file table"
}

test_chart ()
{
  if ! command -v gnuplot > /dev/null; then
    echo "SKIP test_chart: gnuplot not installed" >&2
    return 0
  fi
  grep -q '<svg' "$SHUNIT_TMPDIR/res/ratios.svg" || fail "no chart"
}

. shunit2
