#!/bin/sh
# Limits, against the GNU tools: memory bounded on huge files under a
# small address-space limit, offsets past 4 GiB, many operands, lines
# longer than many windows, characters and CRLFs across window edges.

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
}

# A sparse file larger than the address-space limit, for every tool and
# every way of reading: 8 GiB with RUN_EXPENSIVE_TESTS=yes, else 384 MiB
# (reading holes costs a second of kernel time a GiB here).
# The GNU tools run under the same limit: where GNU needs a whole line
# (grep -a on a file of NULs), both run out of memory alike.
test_huge_sparse_bounded_memory ()
{
  if under_asan; then
    echo "SKIP test_huge_sparse_bounded_memory: ASan reserves terabytes of address space; ulimit -v cannot apply" >&2
    return 0
  fi
  size=384M
  expensive && size=8G
  truncate -s $size huge && printf 'x\n' >> huge && cp --sparse=always huge huge2 ||
    framework_failure "truncate"
  cases='cat:wc -lc:cmp huge2:grep -c x:grep -c -a x:grep -n x'
  IFS=:
  set -- $cases
  unset IFS
  for t; do
    g=${t%% *}
    (ulimit -v 262144 && /usr/bin/$t huge 2> exp.err; echo $? > exp.rc) |
      { if test $g = cat; then /usr/bin/wc -c; else /usr/bin/cat; fi; } > exp
    normalize_err /usr/bin/$g m$g < exp.err > exp.err2
    for s in mmap read auto; do
      (ulimit -v 262144 && m$t huge --io=$s 2> out.err; echo $? > out.rc) |
        { if test $g = cat; then /usr/bin/wc -c; else /usr/bin/cat; fi; } > out
      compare_what="m$t $size --io=$s, ulimit -v 262144"
      compare exp out && compare exp.rc out.rc && compare exp.err2 out.err
    done
  done
  compare_what=
  rm -f huge huge2
}

# Standard input positioned past 4 GiB, and the offset left after.
test_offset_past_4G ()
{
  truncate -s 5G big && printf 'tail line 1\ntail line 2\n' >> big ||
    framework_failure "truncate"
  skip=$((5 * 1024 * 1024 * 1024 - 10))
  for s in mmap read window; do
    for t in "cat -n" "wc -lc" "grep -a tail"; do
      (dd bs=1 skip=$skip count=0 2>/dev/null; ${t%% *} ${t#* }) < big > exp
      (dd bs=1 skip=$skip count=0 2>/dev/null; with_io $s m$t) < big > out
      compare_what="m$t from offset $skip ($s)" compare exp out
    done
  done
  compare_what=
  rm -f big
}

test_many_operands ()
{
  printf 'a line\n' > one
  printf 'no newline' > two
  set --
  i=0
  while [ $i -lt 5000 ]; do
    set -- "$@" one two
    i=$((i + 1))
  done
  for s in mmap read window; do
    /usr/bin/cat -n "$@" > exp; with_io $s mcat -n "$@" > out
    compare_what="mcat -n ($s)" compare exp out
    /usr/bin/wc "$@" > exp; with_io $s mwc "$@" > out
    compare_what="mwc ($s)" compare exp out
    /usr/bin/grep -c line "$@" > exp; with_io $s mgrep -c line "$@" > out
    compare_what="mgrep -c ($s)" compare exp out
  done
  compare_what=
}

# A line eleven windows long, for every tool, with one-page windows.
test_line_longer_than_ten_windows ()
{
  awk -v n=$((11 * page_size)) 'BEGIN { for (i = 0; i < n; i++) printf "%c", 97 + i % 26; print ""; print "short" }' > long
  { cat long; printf 'x'; } > long2
  same_as_gnu /usr/bin/cat mcat operand long -A
  same_as_gnu /usr/bin/wc mwc operand long -lcL
  same_as_gnu /usr/bin/grep mgrep operand long -c abc
  same_as_gnu /usr/bin/grep mgrep operand long -o 'xyz.bcd'
  same_as_gnu /usr/bin/cmp mcmp operand long long2
}

# A multibyte character and a CRLF split by a page edge.
test_across_page_edge ()
{
  for k in 1 2 3; do
    { head -c $((page_size - k)) /dev/zero | tr '\0' x
      printf '\360\237\230\200\r\n\303\251\r\nend\n'; } > edge$k
    { head -c $((2 * page_size - k)) /dev/zero | tr '\0' y
      printf '\r\n\342\202\254 \r\nend\n'; } >> edge$k
    for loc in C.UTF-8 en_US.UTF-8 C; do
      LC_ALL=$loc same_as_gnu /usr/bin/wc mwc operand edge$k -mwlL
      LC_ALL=$loc same_as_gnu /usr/bin/grep mgrep operand edge$k -c "$(printf '\303\251\r$')"
      LC_ALL=$loc same_as_gnu /usr/bin/grep mgrep operand edge$k -o "$(printf 'x.\r')"
      LC_ALL=$loc same_as_gnu /usr/bin/cat mcat operand edge$k -A
    done
  done
}

. shunit2
