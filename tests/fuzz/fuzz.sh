#!/bin/sh
# The differential fuzzer (tests/fuzz/fuzz.py) for a fixed set of seeds:
# each tool against the GNU tool on random inputs, options, locales,
# arrivals, --io settings and windows.  'make fuzz' runs it for longer.
#
# The seeds below passed when they were chosen; a failure here prints
# the shrunk case and the reproducer script it wrote.

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

command -v python3 > /dev/null ||
  skip_file "python3 not installed (Debian: python3); the fuzzer needs it"
for g in cat wc cmp grep; do
  [ -x /usr/bin/$g ] || skip_file "/usr/bin/$g missing: nothing to compare with"
done

tmp=$(mktemp -d) || framework_failure "mktemp"
trap 'rm -rf "$tmp"' 0

# fuzz TOOL SEED CASES: run the cases; leave fuzz.py's status in rc.
fuzz ()
{
  rm -rf "$tmp/findings"
  python3 "$abs_top_srcdir/tests/fuzz/fuzz.py" --quiet \
    --bindir "$abs_top_builddir/src" --findings "$tmp/findings" \
    --tools "$1" --seed "$2" --cases "$3" \
    --shrink-seconds 20
  rc=$?
}

# TOOL SEED CASES: about 0.1 s per case on an idle machine.  Cases fed
# through pipes depend on how reads fall, for GNU grep too, so a seed
# that fails is run once more: only a difference that comes back fails.
status=0
while read -r tool seed cases; do
  fuzz "$tool" "$seed" "$cases"
  if [ $rc = 1 ]; then
    echo "note: $tool seed $seed differed; running it again" >&2
    fuzz "$tool" "$seed" "$cases"
  fi
  case $rc in
    0) ;;
    1) status=1
       for d in "$tmp"/findings/*/; do
         [ -f "$d/repro.sh" ] || continue
         echo "--- $d"; cat "$d/report.txt" "$d/repro.sh"
       done ;;
    77) exit 77 ;;
    *) framework_failure "fuzz.py exited with $rc" ;;
  esac
done <<'END'
mcat 2 50
mwc 1 80
mcmp 12 70
mgrep 1 100
END
exit $status
