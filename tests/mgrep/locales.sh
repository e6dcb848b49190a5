#!/bin/sh
# mgrep against GNU grep 3.8 in every charset that `locale -a` offers:
# which bytes are encoding errors (a line with one is not printed, and
# the file "matches" as binary), unibyte charsets with holes (TIS-620's
# \240, ISO-8859-7's \377), and word boundaries where a trail byte of a
# multibyte character is an ASCII byte (GB18030, GBK, Big5).
#
# Messages are compared untranslated (LANGUAGE=en): GNU grep's are
# translated where Debian ships a catalog, mgrep's are not yet.
#
# RUN_EXPENSIVE_TESTS=yes runs every option against every charset.

. "${0%/*}/../lib.sh"
require_gnu grep

LANGUAGE=en
export LANGUAGE

# One locale per charset, unibyte ones and multibyte ones.
unibyte_locales=
multibyte_locales=
for l in $(locale -a 2>/dev/null | sort); do
  cs=$(LC_ALL=$l locale charmap 2>/dev/null) || continue
  case " $seen " in *" $cs "*) continue ;; esac
  seen="$seen $cs"
  mb=$(LC_ALL=$l locale -k ctype-mb-cur-max 2>/dev/null)
  case $mb in
    *=1) unibyte_locales="$unibyte_locales $l" ;;
    *) multibyte_locales="$multibyte_locales $l" ;;
  esac
done
test -n "$multibyte_locales" || skip_file "no multibyte locales"

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  # Every byte but the newline alone, before an x and after one.
  LC_ALL=C awk 'BEGIN { for (i = 1; i < 256; i++) if (i != 10)
                         printf "%c\n%cx\nx%c\n", i, i, i }' > allbytes \
    || framework_failure
  # Every byte that may lead a multibyte character, before each
  # printable ASCII byte, before and after a word.
  LC_ALL=C awk 'BEGIN { for (i = 128; i < 256; i++) for (j = 33; j < 127; j++)
                         printf "%c%cx\nx%c%c\nx %c%c\n", i, j, i, j, i, j }' \
    > pairs || framework_failure
  printf '\201@x\nx\201@\n\201@x y\n\201x\n@x\n' > gb || framework_failure
}

# Lines with bytes that are not characters of a unibyte charset are
# binary data, as in a multibyte one (mgrep 0.1 printed them).
test_unibyte_encoding_errors ()
{
  for l in $unibyte_locales; do
    for args in 'x' '-n .' "-P -e ()" '-o .' '-c -v x'; do
      LC_ALL=$l same_as_gnu grep mgrep operand allbytes $args || return
    done
  done
}

# -w and -x in multibyte charsets: an ASCII byte that ends a two-byte
# character of GB18030, GBK or Big5 is not a character of its own, and
# the character it ends may be a word constituent (mgrep 0.1 took the
# @ of \201@ for a non-word character before x).
test_multibyte_words ()
{
  for l in $multibyte_locales; do
    for args in '-w x' '-x x' '-wo x' '-wn @' '-w -E x|@' '-F @x'; do
      LC_ALL=$l same_as_gnu grep mgrep operand pairs $args || return
    done
    for args in '-w x' '-Fw x' '-Fw -e x -e y' '-w -e x -e y' '-Fwo x' \
                '-x @x' '-Fx @x'; do
      LC_ALL=$l same_as_gnu grep mgrep pipe gb $args || return
    done
  done
}

# The same, with every option that prints lines, in every charset.
test_encoding_errors_all_options ()
{
  expensive || return 0
  for l in C $unibyte_locales $multibyte_locales; do
    for args in '' '-c ""' '-n x' '-c -v x' '-o .' '-x x' '-w x' \
                '-P -e "()"' '-c -P -e "()"' '-P -e .' '-Fw x' '-i X' '-c -i .' \
                '-a x' '-A1 x' '-B1 -n x' '-z x' '-b -o x'; do
      eval "LC_ALL=$l same_as_gnu grep mgrep operand allbytes $args" \
        || return
    done
  done
}

. shunit2
