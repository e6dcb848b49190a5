#!/bin/sh
# mwc against GNU wc in more locales: en_US.UTF-8, Latin-1, EUC-JP and
# GB18030, with and without POSIXLY_CORRECT, and every Unicode
# character's class and width in C.UTF-8 and en_US.UTF-8.

. "${0%/*}/../lib.sh"
require_gnu wc

for l in en_US.UTF-8 en_US.ISO-8859-1 ja_JP.eucJP zh_CN.GB18030; do
  [ "$(LC_ALL=$l locale charmap 2>/dev/null)" != ANSI_X3.4-1968 ] ||
    skip_file "locale $l is not installed (Debian: locales-all)"
done

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  make_corpus corpus
  make_text_corpus corpus
  iconv -f UTF-8 -t EUC-JP > corpus/EUC-JP <<'END' || framework_failure iconv
日本語の文章　全角スペース	タブ ｶﾀｶﾅ half-width
漢字とかな ascii words	tab
END
  iconv -f UTF-8 -t GB18030 > corpus/GB18030 <<'END' || framework_failure iconv
中文字符 测试 ascii words	tab　全角 😀 é
END
  for enc in EUC-JP GB18030; do
    # Cut a two-byte character in half at the end, and add a stray byte.
    { cat corpus/$enc; printf '\244\n\377 x \244'; } > corpus/$enc-bad ||
      framework_failure
  done
}

# counts_in LOCALE FILES...: the differential test over FILES in
# LOCALE's LC_CTYPE, as operands all at once, and each through a pipe.
# Messages stay in English: GNU wc would print "total" in Japanese in
# ja_JP, and mmutils has no message catalogs.
counts_in ()
{
  LC_ALL=
  LC_CTYPE=$1
  export LC_ALL LC_CTYPE
  shift
  files=
  for f in "$@"; do
    files="$files corpus/$f"
  done
  for opts in '' -m -w -L -lwmcL -mL -wL; do
    same_as_gnu /usr/bin/wc mwc operand '' $opts $files || return
  done
  for f in "$@"; do
    for opts in -w -lwmcL; do
      same_as_gnu /usr/bin/wc mwc pipe corpus/$f $opts || return
    done
  done
}

test_en_us_utf8 ()
{
  counts_in en_US.UTF-8 $text_corpus_files badutf8 allbytes
}

test_latin1 ()
{
  counts_in en_US.ISO-8859-1 $text_corpus_files badutf8 allbytes
}

test_eucjp ()
{
  counts_in ja_JP.eucJP EUC-JP EUC-JP-bad mixline asciimix allbytes
}

test_gb18030 ()
{
  counts_in zh_CN.GB18030 GB18030 GB18030-bad mixline asciimix allbytes
}

# POSIXLY_CORRECT makes no-break spaces part of words.
test_posixly_correct ()
{
  POSIXLY_CORRECT=1
  export POSIXLY_CORRECT
  counts_in C.UTF-8 mixline utf8mix latin1 || return
  counts_in en_US.ISO-8859-1 latin1
  unset POSIXLY_CORRECT
}

# make_unicode DIR: for each block of 256 code points, a file with each
# character between two letters on a line of its own (for words) and
# one with all of them on one line (for widths), and DIR.list naming
# them all, NUL-terminated.
make_unicode ()
{
  mkdir -p "$1" && LC_ALL=C awk -v dir="$1" '
    function utf8(c) {
      if (c < 128) return sprintf("%c", c)
      if (c < 2048) return sprintf("%c%c", 192 + int(c / 64), 128 + c % 64)
      if (c < 65536) return sprintf("%c%c%c", 224 + int(c / 4096),
                                    128 + int(c / 64) % 64, 128 + c % 64)
      return sprintf("%c%c%c%c", 240 + int(c / 262144), 128 + int(c / 4096) % 64,
                     128 + int(c / 64) % 64, 128 + c % 64)
    }
    BEGIN {
      for (b = 0; b < 4352; b++) {
        w = sprintf("%s/w%04x", dir, b); l = sprintf("%s/l%04x", dir, b)
        for (c = b * 256; c < b * 256 + 256; c++) {
          ch = utf8(c)
          printf "a%sa\n", ch > w
          if (c != 10) printf "%s", ch > l
        }
        close(w); close(l)
        printf "%s%c%s%c", w, 0, l, 0 > (dir ".list")
      }
    }' || framework_failure "cannot make $1"
}

# Every code point's class (word, space, neither) and width.
test_all_code_points ()
{
  make_unicode uni
  for LC_ALL in C.UTF-8 en_US.UTF-8; do
    export LC_ALL
    same_as_gnu /usr/bin/wc mwc operand '' -lwmcL --files0-from=uni.list ||
      return
  done
}

. shunit2
