/* textcount -- count lines, words, characters and line widths as GNU wc.
   Copyright (C) 2026 The mmutils authors.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* Written by the mmutils authors.

   Every character is reduced to a property byte (its class and width),
   computed once from the locale's isprint/iswprint, isspace/iswspace
   and wcwidth, so that the counting loops only look things up.  Runs of
   64 bytes that hold nothing but ASCII the requested counts can take in
   bulk are counted with AVX2 masks; everything else goes through a
   scalar loop that decodes UTF-8 itself (exactly as glibc's mbrtowc
   accepts it), or calls mbrtowc in other multibyte locales.  */

#include <config.h>

#include "textcount.h"

#include <ctype.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "count.h"
#include "count-one-bits.h"
#include "minmax.h"
#include "system.h"

#if defined __x86_64__ && defined __GNUC__
# define TC_X86 1
# include <immintrin.h>
#else
# define TC_X86 0
#endif

/* What a character does to the counts, as in GNU wc's switch.  */
enum
{
  C_NEUTRAL,                    /* nonprintable: nothing at all */
  C_WORD,                       /* printable, not space: in a word */
  C_SPACE,                      /* printable white space: ends a word */
  C_VTAB,                       /* vertical tab: ends a word, no width */
  C_TAB,                        /* tab: ends a word, width to a tab stop */
  C_RETURN,                     /* carriage return, form feed: ends a
                                   word and the line's width */
  C_NEWLINE                     /* newline: that, and counts a line */
};

/* A property byte: the class in its low bits, the width (0..3) above
   them, and KNOWN so that no computed byte is zero.  */
enum { CLASS_MASK = 7, WIDTH_SHIFT = 3, WIDTH_MASK = 3, KNOWN = 0x80 };

/* The Unicode code space, whose properties are cached.  */
enum { WIDE_LIMIT = 0x110000, WIDE_BLOCK = 256 };

/* Bytes per block of the vector loop.  */
enum { BLOCK = 64 };

/* How the current locale's characters are decoded.  */
static enum { UNIBYTE, UTF8, MULTIBYTE } encoding;

/* True if POSIXLY_CORRECT is set: no-break spaces are then not word
   separators (GNU wc 9.1).  */
static bool posixly_correct;

/* True if 64-byte ASCII blocks may be counted with AVX2: the processor
   can, and the locale's ASCII characters have their usual classes.  */
static bool use_vector;

/* The property byte of each byte: in a unibyte locale of every byte,
   in a multibyte one of the ASCII characters.  */
static unsigned char byte_props[256];

/* The property bytes of the Unicode characters, filled in blocks of
   WIDE_BLOCK on first use; zero where not yet known.  */
static unsigned char wide_props[WIDE_LIMIT];

bool
tc_multibyte (void)
{
  return encoding != UNIBYTE;
}

/* True if WC is one of the no-break spaces GNU wc 9.1 treats as word
   separators.  */
static bool
is_nbspace (wint_t wc)
{
  return (!posixly_correct
          && (wc == 0x00A0 || wc == 0x2007 || wc == 0x202F || wc == 0x2060));
}

/* Return the property byte of character C, whether it is PRINTABLE
   and SPACE (white or no-break space), and its WIDTH if printable.  */
static unsigned char
make_props (wint_t c, bool printable, bool space, int width)
{
  switch (c)
    {
    case '\n': return KNOWN | C_NEWLINE;
    case '\r': case '\f': return KNOWN | C_RETURN;
    case '\t': return KNOWN | C_TAB;
    case '\v': return KNOWN | C_VTAB;
    case ' ': return KNOWN | C_SPACE | 1 << WIDTH_SHIFT;
    default:
      if (!printable)
        return KNOWN | C_NEUTRAL;
      return (KNOWN | (space ? C_SPACE : C_WORD)
              | MIN (MAX (width, 0), WIDTH_MASK) << WIDTH_SHIFT);
    }
}

/* Return the property byte of wide character WC.  */
static unsigned char
compute_wide_props (wint_t wc)
{
  bool printable = iswprint (wc);
  return make_props (wc, printable, iswspace (wc) || is_nbspace (wc),
                     printable ? wcwidth (wc) : 0);
}

/* Fill in the properties of the WIDE_BLOCK characters from FIRST.  */
static void
fill_wide_block (wint_t first)
{
  for (wint_t wc = first; wc < first + WIDE_BLOCK; wc++)
    wide_props[wc] = compute_wide_props (wc);
}

/* Return the property byte of wide character WC, any value.  */
static inline unsigned int
wide_props_of (wint_t wc)
{
  if (WIDE_LIMIT <= wc)
    return compute_wide_props (wc);
  if (!wide_props[wc])
    fill_wide_block (wc - wc % WIDE_BLOCK);
  return wide_props[wc];
}

/* Return the property byte of the single byte B in a multibyte locale,
   or 0 if B alone is not a character.  */
static unsigned char
ascii_props (unsigned char b)
{
  mbstate_t mbs;
  memset (&mbs, 0, sizeof mbs);
  wchar_t wc;
  char c = b;
  size_t len = mbrtowc (&wc, &c, 1, &mbs);
  if (len == 0)
    return compute_wide_props (0);
  return len == 1 ? compute_wide_props (wc) : 0;
}

/* True if byte_props gives every ASCII character the class and width it
   has in the C locale, as the vector loop assumes.  */
static bool
usual_ascii (void)
{
  for (int c = 0; c < 0x80; c++)
    {
      bool printable = 0x20 <= c && c < 0x7f;
      bool space = c == ' ' || ('\t' <= c && c <= '\r');
      if (byte_props[c] != make_props (c, printable, space, 1))
        return false;
    }
  return true;
}

void
tc_init (void)
{
  posixly_correct = getenv ("POSIXLY_CORRECT") != NULL;
  if (MB_CUR_MAX == 1)
    {
      encoding = UNIBYTE;
      for (int c = 0; c < 256; c++)
        byte_props[c] = make_props (c, isprint (c),
                                    isspace (c) || is_nbspace (btowc (c)), 1);
    }
  else
    {
      encoding = (STREQ (nl_langinfo (CODESET), "UTF-8")
                  ? UTF8 : MULTIBYTE);
      for (int c = 0; c < 0x80; c++)
        byte_props[c] = ascii_props (c);
    }
  use_vector = count_have_avx2 () && usual_ascii ();
}

void
tc_start (struct tc_state *st, int what)
{
  memset (st, 0, sizeof *st);
  st->what = what;
}

void
tc_finish (struct tc_state *st)
{
  st->width = MAX (st->width, st->linepos);
  st->ncarry = 0;
}

/* Count into S one character whose property byte is PROPS.  */
static inline void
account (struct tc_state *s, unsigned int props)
{
  switch (props & CLASS_MASK)
    {
    case C_WORD:
      s->words += !s->in_word;
      s->in_word = true;
      s->linepos += props >> WIDTH_SHIFT & WIDTH_MASK;
      break;
    case C_SPACE:
      s->linepos += props >> WIDTH_SHIFT & WIDTH_MASK;
      s->in_word = false;
      break;
    case C_VTAB:
      s->in_word = false;
      break;
    case C_TAB:
      s->linepos += 8 - s->linepos % 8;
      s->in_word = false;
      break;
    case C_NEWLINE:
    case C_RETURN:
      s->lines += (props & CLASS_MASK) == C_NEWLINE;
      s->width = MAX (s->width, s->linepos);
      s->linepos = 0;
      s->in_word = false;
      break;
    default:
      break;
    }
}

/* Decode the UTF-8 character at P, of which AVAIL bytes are at hand,
   accepting what glibc's mbrtowc accepts: no overlong forms and no
   surrogates, but the old five- and six-byte forms and values past
   0x10FFFF.  Set *PWC and return its length; return 0 if the byte at P
   does not start a character, -1 if the bytes at hand start one but do
   not finish it.  */
static inline int
decode_utf8 (unsigned char const *p, idx_t avail, wint_t *pwc)
{
  unsigned int c = p[0];
  unsigned int lo = 0x80, hi = 0xbf;   /* the range of the second byte */
  int len;
  if (c < 0xc2)
    return 0;
  else if (c < 0xe0)
    len = 2;
  else if (c < 0xf0)
    {
      len = 3;
      lo = c == 0xe0 ? 0xa0 : lo;
      hi = c == 0xed ? 0x9f : hi;
    }
  else if (c < 0xf8)
    {
      len = 4;
      lo = c == 0xf0 ? 0x90 : lo;
    }
  else if (c < 0xfc)
    {
      len = 5;
      lo = c == 0xf8 ? 0x88 : lo;
    }
  else if (c < 0xfe)
    {
      len = 6;
      lo = c == 0xfc ? 0x84 : lo;
    }
  else
    return 0;

  wint_t wc = c & (0x7f >> len);
  int have = MIN (avail, len);
  for (int i = 1; i < have; i++)
    {
      unsigned int b = p[i];
      if (i == 1 ? b < lo || hi < b : (b ^ 0x80) >= 0x40)
        return 0;
      wc = wc << 6 | (b & 0x3f);
    }
  if (have < len)
    return -1;
  *pwc = wc;
  return len;
}

/* The scalar loops: count into *ST the characters that start at P + I
   before P + LIMIT, of the N bytes at P.  Return where they stopped:
   at LIMIT or just past it, or before LIMIT if a character there is
   cut off by the end of the N bytes.  */

/* The scalar loop for unibyte locales.  */
static idx_t
scalar_unibyte (struct tc_state *st, unsigned char const *p,
                idx_t i, idx_t limit, idx_t n)
{
  struct tc_state s = *st;
  for (; i < limit; i++)
    account (&s, byte_props[p[i]]);
  *st = s;
  return i;
}

/* The scalar loop for UTF-8.  */
static idx_t
scalar_utf8 (struct tc_state *st, unsigned char const *p,
             idx_t i, idx_t limit, idx_t n)
{
  struct tc_state s = *st;
  while (i < limit)
    {
      unsigned int c = p[i];
      if (c < 0x80)
        {
          s.chars++;
          account (&s, byte_props[c]);
          i++;
          continue;
        }
      wint_t wc;
      int len = decode_utf8 (p + i, n - i, &wc);
      if (len < 0)
        break;
      if (len == 0)
        {
          /* An invalid byte: not a character, and nothing else.  */
          i++;
          continue;
        }
      s.chars++;
      account (&s, wide_props_of (wc));
      i += len;
    }
  *st = s;
  return i;
}

/* The scalar loop for other multibyte locales, with mbrtowc.  */
static idx_t
scalar_mbrtowc (struct tc_state *st, unsigned char const *p,
                idx_t i, idx_t limit, idx_t n)
{
  struct tc_state s = *st;
  while (i < limit)
    {
      mbstate_t mbs;
      memset (&mbs, 0, sizeof mbs);
      wchar_t wc;
      size_t len = mbrtowc (&wc, (char const *) p + i, n - i, &mbs);
      if (len == (size_t) -2)
        break;
      if (len == (size_t) -1)
        {
          i++;
          continue;
        }
      s.chars++;
      account (&s, wide_props_of (wc));
      i += MAX (len, 1);
    }
  *st = s;
  return i;
}

#if TC_X86
/* The 64-bit mask of the sign bits of the 64 bytes in A and B.  */
# define MASK64(a, b) \
  ((uint32_t) _mm256_movemask_epi8 (a) \
   | (uint64_t) (uint32_t) _mm256_movemask_epi8 (b) << 32)

/* Count into *ST the 64-byte blocks at P, of the N bytes there, for as
   long as a block holds only ASCII characters that the counts asked
   for can take in bulk: for words, printable characters and white
   space; for widths, printable characters and line ends.  Return the
   number of bytes counted, a multiple of 64.  */
__attribute__ ((target ("avx2,popcnt,bmi")))
static idx_t
vector_run (struct tc_state *st, unsigned char const *p, idx_t n)
{
  bool words = st->what & TC_WORDS;
  bool widths = st->what & TC_WIDTH;
  uintmax_t lines = st->lines, nwords = st->words;
  uintmax_t width = st->width, linepos = st->linepos;
  uint64_t in_word = st->in_word;
  __m256i const nl = _mm256_set1_epi8 ('\n');
  __m256i const cr = _mm256_set1_epi8 ('\r');
  __m256i const ff = _mm256_set1_epi8 ('\f');
  __m256i const space = _mm256_set1_epi8 (' ');
  __m256i const del = _mm256_set1_epi8 (0x7f);
  __m256i const ctl = _mm256_set1_epi8 (0x1f);
  __m256i const tab = _mm256_set1_epi8 ('\t');
  __m256i const four = _mm256_set1_epi8 (4);
  idx_t i = 0;
  for (; BLOCK <= n - i; i += BLOCK)
    {
      __m256i a = _mm256_loadu_si256 ((void const *) (p + i));
      __m256i b = _mm256_loadu_si256 ((void const *) (p + i + 32));
      uint64_t newlines = MASK64 (_mm256_cmpeq_epi8 (a, nl),
                                  _mm256_cmpeq_epi8 (b, nl));
      uint64_t bad = MASK64 (a, b);
      uint64_t wordy = 0, ends = 0;
      if (words)
        {
          /* Word bytes are 0x21..0x7e; white space is ' ' and \t..\r.  */
          __m256i wa = _mm256_and_si256 (_mm256_cmpgt_epi8 (a, space),
                                         _mm256_cmpgt_epi8 (del, a));
          __m256i wb = _mm256_and_si256 (_mm256_cmpgt_epi8 (b, space),
                                         _mm256_cmpgt_epi8 (del, b));
          __m256i ta = _mm256_sub_epi8 (a, tab);
          __m256i tb = _mm256_sub_epi8 (b, tab);
          __m256i sa = _mm256_or_si256 (_mm256_cmpeq_epi8 (a, space),
                                        _mm256_cmpeq_epi8
                                        (_mm256_min_epu8 (ta, four), ta));
          __m256i sb = _mm256_or_si256 (_mm256_cmpeq_epi8 (b, space),
                                        _mm256_cmpeq_epi8
                                        (_mm256_min_epu8 (tb, four), tb));
          wordy = MASK64 (wa, wb);
          bad |= ~(wordy | MASK64 (sa, sb));
        }
      if (widths)
        {
          __m256i pa = _mm256_and_si256 (_mm256_cmpgt_epi8 (a, ctl),
                                         _mm256_cmpgt_epi8 (del, a));
          __m256i pb = _mm256_and_si256 (_mm256_cmpgt_epi8 (b, ctl),
                                         _mm256_cmpgt_epi8 (del, b));
          __m256i ea = _mm256_or_si256 (_mm256_cmpeq_epi8 (a, cr),
                                        _mm256_cmpeq_epi8 (a, ff));
          __m256i eb = _mm256_or_si256 (_mm256_cmpeq_epi8 (b, cr),
                                        _mm256_cmpeq_epi8 (b, ff));
          ends = newlines | MASK64 (ea, eb);
          bad |= ~(ends | MASK64 (pa, pb));
        }
      if (bad)
        break;

      lines += count_one_bits_ll (newlines);
      if (words)
        {
          uint64_t starts = wordy & ~(wordy << 1 | in_word);
          nwords += count_one_bits_ll (starts);
          in_word = wordy >> 63;
        }
      if (widths)
        {
          if (!ends)
            linepos += BLOCK;
          else
            {
              /* Each line end closes a line of the printable bytes
                 since the previous one.  */
              int k = __builtin_ctzll (ends);
              width = MAX (width, linepos + k);
              int prev = k;
              for (ends &= ends - 1; ends; ends &= ends - 1)
                {
                  k = __builtin_ctzll (ends);
                  width = MAX (width, (uintmax_t) (k - prev - 1));
                  prev = k;
                }
              linepos = BLOCK - 1 - prev;
            }
        }
    }
  st->lines = lines;
  st->words = nwords;
  st->chars += i;
  st->width = width;
  st->linepos = linepos;
  st->in_word = in_word;
  return i;
}
#else
static idx_t
vector_run (struct tc_state *st, unsigned char const *p, idx_t n)
{
  return 0;
}
#endif

/* Count the N bytes at P into ST, in vector runs where they can be and
   scalar runs elsewhere.  Return how many bytes were counted: all but a
   character cut off by the end.  */
static idx_t
scan (struct tc_state *st, unsigned char const *p, idx_t n)
{
  idx_t (*scalar) (struct tc_state *, unsigned char const *,
                   idx_t, idx_t, idx_t)
    = (encoding == UNIBYTE ? scalar_unibyte
       : encoding == UTF8 ? scalar_utf8 : scalar_mbrtowc);
  idx_t i = 0;
  while (i < n)
    {
      if (use_vector && BLOCK <= n - i)
        i += vector_run (st, p + i, n - i);
      idx_t limit = MIN (n, i + BLOCK);
      idx_t stop = scalar (st, p, i, limit, n);
      if (stop < limit)
        return stop;
      i = stop;
    }
  return n;
}

/* Count into ST the character cut off at the end of the previous
   chunk, completed by bytes from the N at P, and what follows it in the
   first few.  Return how many of the N bytes were counted.  */
static idx_t
join_carry (struct tc_state *st, unsigned char const *p, idx_t n)
{
  unsigned char buf[2 * TC_CARRY_MAX];
  idx_t old = st->ncarry;
  idx_t take = MIN (n, TC_CARRY_MAX);
  memcpy (buf, st->carry, old);
  memcpy (buf + old, p, take);
  idx_t total = old + take;
  st->ncarry = 0;
  idx_t done = scan (st, buf, total);
  if (old <= done)
    return done - old;
  /* Still cut off, by the end of this short chunk.  */
  st->ncarry = MIN (total - done, TC_CARRY_MAX);
  memcpy (st->carry, buf + done, st->ncarry);
  return n;
}

void
tc_scan (struct tc_state *st, char const *buf, idx_t n)
{
  unsigned char const *p = (unsigned char const *) buf;
  if (st->ncarry)
    {
      idx_t used = join_carry (st, p, n);
      p += used;
      n -= used;
    }
  idx_t done = scan (st, p, n);
  st->ncarry = MIN (n - done, TC_CARRY_MAX);
  memcpy (st->carry, p + done, st->ncarry);
}
