#!/bin/sh
# 'make install' puts every tool and its man page in place; the man
# pages are clean under mandoc -Tlint and groff -ww, and man -l renders
# them.

. "${0%/*}/lib.sh"

for p in mandoc groff man; do
  command -v $p > /dev/null ||
    skip_file "$p is not installed (Debian: apt-get install mandoc groff-base man-db)"
done

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  tools=$(cd "$abs_top_srcdir/man" && ls *.1 | sed 's/\.1$//')
  [ -n "$tools" ] || framework_failure "no man pages"
}

test_man_pages_lint_clean ()
{
  for t in $tools; do
    page=$abs_top_srcdir/man/$t.1
    mandoc -Tlint -W warning "$page" > lint 2>&1
    : > empty
    compare_what="mandoc $t" compare empty lint
    groff -man -ww -z "$page" > lint 2>&1
    compare_what="groff $t" compare empty lint
  done
}

test_make_install ()
{
  dest=$SHUNIT_TMPDIR/inst
  make -C "$abs_top_builddir" install DESTDIR="$dest" prefix=/usr/local \
    > install.log 2>&1 || { cat install.log >&2; fail "make install"; return; }
  for t in $tools; do
    assertTrue "bin/$t installed" "[ -x '$dest/usr/local/bin/$t' ]"
    page=$dest/usr/local/share/man/man1/$t.1
    assertTrue "$t.1 installed" "[ -f '$page' ]"
    MANWIDTH=80 man -l "$page" > rendered 2> err
    assertEquals "man -l $t status" 0 $?
    grep -q "^NAME" rendered || fail "man -l $t: no NAME section"
  done
}

. shunit2
