# bench/corpus.sh -- deterministic corpora for bench/run (sourced).
# Copyright (C) 2026 The mmutils authors.
# License GPLv3+: GNU GPL version 3 or later.
#
# Needs: scratch, text_mib, side_mib, small_mib.  Sets and exports the
# variables the cases use (bench/README lists them).  Files are made once
# per mode and reused; a stamp records that a file is complete.

corpus_vars='TEXT TEXT2 TEXTZ SMALL SMALLD UTF8 LONG PAT100 TREE TEXTW'

# made NAME: true if corpus file NAME is complete from an earlier run.
made () { [ -e "$scratch/.$1.done" ]; }
done_ () { : > "$scratch/.$1.done"; }

# gen_words SEED MIB UTF8: English-like text, lines of 0 to 200 columns
# (about 60 on average), words drawn from a Zipf-like vocabulary; with
# UTF8 set, one word in four is Greek, CJK, accented Latin or an emoji.
gen_words ()
{
  perl -e '
    use strict; my ($seed, $mib, $utf8) = @ARGV; srand($seed);
    my @w = qw(the of and to in is was that for it with as his on be at by
      had are but from or have an they which one you were all we her she
      there would their will when who him been has more if no out so said
      what up its about than into them can only other time new some could
      these two may first then do any like my now over such our man me even
      most made after also did many off before must well back through years
      much where your way down should because each just those people how too
      little state good very make world still see own men work long here get
      both between life being under never day same another know while last
      might us great old year come since against go came right used take
      three states himself few house use during without again place around
      however home small found thought went say part once general high upon
      school every does got united left number course war until always away
      something fact water though less public put think almost hand enough
      far took head yet government system better set told nothing night end
      why called did eyes find going look asked later knew point next program
      city business give group toward young days let room president side
      social given present several order national possible rather second face
      per among form important often things looked early white case large
      become john big need four within felt along children saw best church
      ever least power development light thing seemed family interest want
      members mind country area others done turned although open god service
      certain kind problem began different door thus help sense means whole
      matter perhaps itself york times law human line above name example
      action company hands local show whether five history gave today either
      act feet across taken past quite anything seen having death experience
      body word half really field am car words already themselves information
      tell together college shall money period held keep sure free probably
      real seems behind cannot miss political air question making office
      brought whose special heard major problems ago became federal moment
      study available known result street economic boy position reason change
      south board individual job areas society west close turn love community
      true court force full seem am front nature cost policy effect run);
    my @u = ("caf\x{e9}", "na\x{ef}ve", "\x{3b1}\x{3bb}\x{3c6}\x{3b1}",
      "\x{3bb}\x{3cc}\x{3b3}\x{3bf}\x{3c2}", "\x{6f22}\x{5b57}",
      "\x{65e5}\x{672c}\x{8a9e}", "\x{1f600}", "stra\x{df}e",
      "\x{c5}ngstr\x{f6}m", "\x{444}\x{430}\x{439}\x{43b}");
    # Work in bytes: length() of a character string is linear in Perl.
    utf8::encode($_) for @u;
    my $n = @w; my $target = $mib * 1048576; my $size = 0; my $out = "";
    while ($size < $target) {
      my $len = int(rand(1) ** 2 * 200); my $line = "";
      while (length($line) < $len) {
        my $word = $utf8 && rand(4) < 1 ? $u[int rand @u]
                   : $w[int($n * rand(1) ** 3)];
        $line .= ($line eq "" ? "" : " ") . $word;
      }
      $line .= "\n"; $out .= $line;
      if (length($out) > 1 << 20) { print $out; $size += length($out); $out = ""; }
    }
    print $out;' "$@"
}

# make_bench_corpus: make every corpus file this mode needs.
make_bench_corpus ()
{
  TEXT=$scratch/text.txt TEXT2=$scratch/text2.txt TEXTZ=$scratch/textz.txt
  SMALL=$scratch/small.txt SMALLD=$scratch/smalld.txt UTF8=$scratch/utf8.txt
  LONG=$scratch/long.txt PAT100=$scratch/pat100.txt TREE=$scratch/tree
  TEXTW=$scratch/written.txt
  export TEXT TEXT2 TEXTZ SMALL SMALLD UTF8 LONG PAT100 TREE TEXTW
  echo "bench: corpus in $scratch" >&2
  if ! made text; then
    gen_words 1 "$text_mib" '' | head -c $((text_mib * 1048576)) > "$TEXT"
    done_ text
  fi
  made text2 || { cp "$TEXT" "$TEXT2" && done_ text2; }
  if ! made textz; then
    cp "$TEXT" "$TEXTZ"
    printf 'Z' | dd of="$TEXTZ" bs=1 seek=$((text_mib * 1048576 - 2)) \
      conv=notrunc status=none
    done_ textz
  fi
  made small || { head -c $((small_mib * 1048576)) "$TEXT" > "$SMALL" && done_ small; }
  if ! made smalld; then
    perl -e '$/ = \100; while (<STDIN>) { substr($_, 50, 1) = "#"
               if length > 50; print }' < "$SMALL" > "$SMALLD"
    done_ smalld
  fi
  if ! made utf8; then
    gen_words 2 "$side_mib" 1 | head -c $((side_mib * 1048576)) > "$UTF8"
    done_ utf8
  fi
  if ! made long; then
    head -c $((side_mib * 1048576)) "$TEXT" |
      perl -pe 'chomp unless $. % 16000 == 0; $_ .= " " unless /\n/' > "$LONG"
    done_ long
  fi
  if ! made pat100; then
    tr ' ' '\n' < "$SMALL" | head -n 200000 | sort | uniq -c | sort -rn |
      awk 'length($2) > 3 { print $2 }' | sed -n '20,119p' > "$PAT100"
    done_ pat100
  fi
  if ! made tree; then
    mkdir -p "$TREE"
    head -c $((small_mib * 1048576 / 8)) "$TEXT" |
      split -a 5 -C 400 - "$TREE/f" 2>/dev/null || :
    ( cd "$TREE" && ls | head -n 20000 > ../tree.list )
    done_ tree
  fi
}

# settle_bench_corpus: leave the corpus in the page cache as a first read
# from disk leaves it (read ahead in large folios), not as writing it left
# it (small folios, which map at one fault per 4 KiB page): flush and drop
# each file (posix_fadvise DONTNEED through dd), then read it once.  The
# "just written" cases rewrite $TEXTW before every run for the other state.
settle_bench_corpus ()
{
  echo "bench: dropping the corpus from the cache and reading it back" >&2
  for _v in TEXT TEXT2 TEXTZ SMALL SMALLD UTF8 LONG; do
    eval "_f=\$$_v"
    sync "$_f"
    dd if="$_f" iflag=nocache count=0 status=none
    cat "$_f" > /dev/null
  done
}

# The command that rewrites $TEXTW as an editor or compiler would: a copy
# of $SMALL in 8 KiB writes, so its page cache is in small folios.
write_textw='dd if="$SMALL" of="$TEXTW" bs=8k status=none'
