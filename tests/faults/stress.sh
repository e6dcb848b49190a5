#!/bin/sh
# Many tools at once over files that another process appends to and
# truncates: for about ten seconds, 40 processes of all four tools in
# every I/O setting.  None may die of a signal, and every status must be
# one the tool documents (0 or 1 for mcat and mwc; 0, 1 or 2 for mcmp
# and mgrep); a diagnostic may only name a cut or the file.

. "${0%/*}/../lib.sh"

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
}

# churn FILE SECONDS: append to FILE and cut it, again and again.
churn ()
{
  _end=$(($(date +%s) + $2))
  while [ "$(date +%s)" -lt $_end ]; do
    seq 1 200000 >> "$1"
    truncate -s $(( $(od -An -N2 -tu2 /dev/urandom) * 64 )) "$1"
    seq 1 50000 >> "$1"
    truncate -s 0 "$1"
    seq 1 100000 >> "$1"
  done
}

# worker N SECONDS: run the tools over the churned files until the time
# is up; append "STATUS TOOL" lines to status.N and diagnostics to err.N.
worker ()
{
  _end=$(($(date +%s) + $2))
  _i=0
  while [ "$(date +%s)" -lt $_end ]; do
    for _io in mmap read auto; do
      for _w in "$page_size" 65536 ""; do
        for _cmd in "mcat a b" "mcat -n a" "mwc a b" "mwc -m a" "mcmp a b" \
                    "mcmp -l a b" "mgrep -c 7 a b" "mgrep -n -C1 99 a"; do
          env ${_w:+MMUTILS_WINDOW=$_w} $_cmd --io=$_io > /dev/null 2>> err.$1
          echo "$? ${_cmd%% *}" >> status.$1
        done
      done
    done
    _i=$((_i + 1))
  done
}

test_concurrent_churn ()
{
  seq 1 100000 > a && seq 1 100000 > b || framework_failure "seq"
  churn a 10 &
  churner_a=$!
  churn b 10 &
  churner_b=$!
  pids=
  for n in $(seq 1 40); do
    worker $n 10 &
    pids="$pids $!"
  done
  for p in $pids; do wait $p; done
  wait $churner_a $churner_b
  cat status.* > statuses
  runs=$(wc -l < statuses)
  echo "note: $runs runs, $(cat err.* | grep -c 'file truncated') cuts seen" >&2
  test "$runs" -gt 100 || fail "only $runs runs"
  # Statuses over 128 are deaths by a signal.
  grep -v -E '^([01] (mcat|mwc)|[012] (mcmp|mgrep))$' statuses | sort | uniq -c > bad
  : > none
  compare none bad
  # Diagnostics: cuts, and mcmp's EOF; nothing else.
  # (A cut to a larger size adds NULs: mgrep finds a binary file.)
  cat err.* | sed -e 's/^\(m[a-z]*\): [ab]: file truncated$/\1: cut/' \
    -e 's/^mcmp: EOF on [ab] .*/mcmp: EOF/' \
    -e 's/^mgrep: [ab]: binary file matches$/mgrep: binary/' | sort -u \
    | grep -v -E '^(m(cat|wc|cmp|grep): cut|mcmp: EOF|mgrep: binary)$' > odd
  compare none odd
}

. shunit2
