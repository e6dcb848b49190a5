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

/* A property byte says what a character does to the counts, as GNU
   wc's switch does.  A nonprintable character other than those below
   has none of the bits but P_KNOWN: it neither begins nor ends a word.  */
enum
{
  P_WORD = 1 << 0,              /* printable, not space: in a word */
  P_SEP = 1 << 1,               /* white space: ends a word */
  P_TAB = 1 << 2,               /* tab: width to the next multiple of 8 */
  P_END = 1 << 3,               /* newline, carriage return, form feed:
                                   ends the line's width */
  P_NEWLINE = 1 << 4,           /* newline: counts a line */
  WIDTH_SHIFT = 5,              /* the width of a printable character, */
  WIDTH_MASK = 3,               /* 0 to 3, in bits 5 and 6 */
  P_KNOWN = 1 << 7              /* set in every computed property byte */
};

/* The counts that the scalar loops keep in local variables.  */
struct tally
{
  uintmax_t lines, words, chars, width, linepos;
  unsigned int in_word;         /* 0 or 1 */
};

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

/* True in a unibyte locale whose bytes of 0x80 and above are all
   nonprintable, as in the C locale.  */
static bool high_neutral;

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
    case '\n': return P_KNOWN | P_SEP | P_END | P_NEWLINE;
    case '\r': case '\f': return P_KNOWN | P_SEP | P_END;
    case '\t': return P_KNOWN | P_SEP | P_TAB;
    case '\v': return P_KNOWN | P_SEP;
    case ' ': return P_KNOWN | P_SEP | 1 << WIDTH_SHIFT;
    default:
      if (!printable)
        return P_KNOWN;
      return (P_KNOWN | (space ? P_SEP : P_WORD)
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
  high_neutral = encoding == UNIBYTE;
  for (int c = 0x80; c < 0x100; c++)
    high_neutral &= byte_props[c] == P_KNOWN;
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

/* Return the counts of ST in a tally.  */
static struct tally
load_tally (struct tc_state const *st)
{
  struct tally t = { st->lines, st->words, st->chars, st->width,
                     st->linepos, st->in_word };
  return t;
}

/* Put the counts of tally T back into ST.  */
static void
store_tally (struct tc_state *st, struct tally const *t)
{
  st->lines = t->lines;
  st->words = t->words;
  st->chars = t->chars;
  st->width = t->width;
  st->linepos = t->linepos;
  st->in_word = t->in_word;
}

/* Count into T one character whose property byte is PROPS: a word if
   it is a word character after anything but one, the width, and the
   rare tabs and line ends.  */
static inline void
account (struct tally *t, unsigned int props)
{
  t->words += props & ~t->in_word & P_WORD;
  t->in_word = (props & P_WORD) | (t->in_word & ~(props >> 1) & 1);
  t->linepos += props >> WIDTH_SHIFT & WIDTH_MASK;
  if (props & (P_TAB | P_END))
    {
      if (props & P_TAB)
        t->linepos += 8 - t->linepos % 8;
      else
        {
          t->width = MAX (t->width, t->linepos);
          t->linepos = 0;
          t->lines += (props & P_NEWLINE) != 0;
        }
    }
}

/* Decode the UTF-8 character at P, of which AVAIL bytes are at hand,
   accepting what glibc's mbrtowc accepts: no overlong forms and no
   surrogates, but the old five- and six-byte forms and values past
   0x10FFFF.  Set *PWC and return its length; return 0 if the byte at P
   does not start a character, -1 if the bytes at hand start one but do
   not finish it.  */
static int
decode_utf8_slow (unsigned char const *p, idx_t avail, wint_t *pwc)
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

/* Decode the UTF-8 character at P as decode_utf8_slow does, the
   common two- and three-byte characters without a call.  */
static inline int
decode_utf8 (unsigned char const *p, idx_t avail, wint_t *pwc)
{
  unsigned int c = p[0];
  if (0xc2 <= c && c < 0xe0 && 2 <= avail)
    {
      unsigned int b1 = p[1] ^ 0x80;
      *pwc = (c & 0x1f) << 6 | b1;
      return b1 < 0x40 ? 2 : 0;
    }
  if (0xe0 <= c && c < 0xf0 && 3 <= avail)
    {
      unsigned int b1 = p[1] ^ 0x80, b2 = p[2] ^ 0x80;
      wint_t wc = (c & 0x0f) << 12 | b1 << 6 | b2;
      *pwc = wc;
      /* No overlong forms, no surrogates.  */
      return ((b1 | b2) < 0x40 && 0x800 <= wc
              && ! (0xd800 <= wc && wc < 0xe000)) ? 3 : 0;
    }
  return decode_utf8_slow (p, avail, pwc);
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
  struct tally t = load_tally (st);
  for (; i < limit; i++)
    account (&t, byte_props[p[i]]);
  store_tally (st, &t);
  return i;
}

/* The scalar loop for UTF-8.  */
static idx_t
scalar_utf8 (struct tc_state *st, unsigned char const *p,
             idx_t i, idx_t limit, idx_t n)
{
  struct tally t = load_tally (st);
  while (i < limit)
    {
      unsigned int c = p[i];
      unsigned int props;
      if (c < 0x80)
        {
          props = byte_props[c];
          i++;
        }
      else
        {
          wint_t wc;
          int len = decode_utf8 (p + i, n - i, &wc);
          if (len <= 0)
            {
              if (len < 0)
                break;
              /* An invalid byte: not a character, and nothing else.  */
              i++;
              continue;
            }
          props = wide_props_of (wc);
          i += len;
        }
      t.chars++;
      account (&t, props);
    }
  store_tally (st, &t);
  return i;
}

/* The scalar loop for other multibyte locales, with mbrtowc.  */
static idx_t
scalar_mbrtowc (struct tc_state *st, unsigned char const *p,
                idx_t i, idx_t limit, idx_t n)
{
  struct tally t = load_tally (st);
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
      t.chars++;
      account (&t, wide_props_of (wc));
      i += MAX (len, 1);
    }
  store_tally (st, &t);
  return i;
}

#if TC_X86
/* The functions below are compiled for AVX2; count_have_avx2 checks
   that the processor has it before any is called.  */
# define AVX2 __attribute__ ((target ("avx2,popcnt,bmi")))

/* The 64-bit mask of the sign bits of the 64 bytes in A and B.  */
# define MASK64(a, b) \
  ((uint32_t) _mm256_movemask_epi8 (a) \
   | (uint64_t) (uint32_t) _mm256_movemask_epi8 (b) << 32)

/* What the bytes of one 64-byte block are, a bit per byte.  The bytes
   of a multibyte character all have the bits of its class.  */
struct block
{
  uint64_t newlines;            /* '\n' */
  uint64_t ends;                /* '\n', '\r', '\f' */
  uint64_t word;                /* in characters that are in words */
  uint64_t space;               /* in white space */
  uint64_t printable;           /* in printable characters */
  uint64_t known;               /* classified: ASCII, or in a multibyte
                                   character, or invalid (and neutral) */
  uint64_t width1;              /* the first byte of a character of
                                   width 1 (or 3) */
  uint64_t width2;              /* the first byte of one of width 2 */
  idx_t chars;                  /* characters that start in the block */
};

/* Return the mask of the bits below bit N, 0 <= N <= 64.  */
static inline uint64_t
bits_below (int n)
{
  return n < 64 ? ((uint64_t) 1 << n) - 1 : (uint64_t) -1;
}

/* Return the mask of the bytes of A and B equal to C.  */
AVX2 static inline uint64_t
equal_mask (__m256i a, __m256i b, char c)
{
  __m256i v = _mm256_set1_epi8 (c);
  return MASK64 (_mm256_cmpeq_epi8 (a, v), _mm256_cmpeq_epi8 (b, v));
}

/* Return the mask of the bytes of A and B in LO..HI, both ASCII.  */
AVX2 static inline uint64_t
range_mask (__m256i a, __m256i b, char lo, char hi)
{
  __m256i below = _mm256_set1_epi8 (lo - 1), above = _mm256_set1_epi8 (hi + 1);
  return MASK64 (_mm256_and_si256 (_mm256_cmpgt_epi8 (a, below),
                                   _mm256_cmpgt_epi8 (above, a)),
                 _mm256_and_si256 (_mm256_cmpgt_epi8 (b, below),
                                   _mm256_cmpgt_epi8 (above, b)));
}

/* Classify the ASCII bytes of the block whose halves are A and B into
   K, as the C locale's classes say (usual_ascii checked that the
   locale agrees).  Bytes of multibyte characters get no bits.  */
AVX2 static inline void
classify_ascii (__m256i a, __m256i b, struct block *k)
{
  k->newlines = equal_mask (a, b, '\n');
  k->ends = k->newlines | equal_mask (a, b, '\r') | equal_mask (a, b, '\f');
  k->word = range_mask (a, b, '!', '~');
  k->space = equal_mask (a, b, ' ') | range_mask (a, b, '\t', '\r');
  k->printable = range_mask (a, b, ' ', '~');
  k->known = ~MASK64 (a, b);
  k->width1 = k->printable;
  k->width2 = 0;
  k->chars = count_one_bits_ll (k->known);
}

/* Give the bytes SPAN of block K the bits of a character whose
   property byte is PROPS.  */
static inline void
mark_span (struct block *k, uint64_t span, unsigned int props)
{
  k->known |= span;
  if (props & P_WORD)
    k->word |= span;
  if (props & P_SEP)
    k->space |= span;
  if (props & (P_WORD | P_SEP))
    k->printable |= span;
}

/* Classify into K the UTF-8 characters of the block at P, with AVAIL
   bytes at hand from P, whose bytes of 0x80 and above are HI; invalid
   bytes are neutral.  *OWED bytes at its start belong to a character of
   properties *OWED_PROPS begun in the previous block; set them for the
   next.  Return false if a character is cut off by the end of the
   bytes at hand, for the scalar loop.  */
static inline bool
classify_utf8 (unsigned char const *p, idx_t avail, uint64_t hi,
               struct block *k, int *owed, unsigned int *owed_props)
{
  uint64_t span = bits_below (*owed);
  mark_span (k, span, *owed_props);
  *owed = 0;
  for (uint64_t leads = hi & ~span; leads; leads &= ~span)
    {
      int pos = __builtin_ctzll (leads);
      wint_t wc;
      int len = decode_utf8 (p + pos, avail - pos, &wc);
      if (len < 0)
        return false;
      unsigned int props = len ? wide_props_of (wc) : P_KNOWN;
      span = bits_below (MIN (pos + MAX (len, 1), 64)) & ~bits_below (pos);
      mark_span (k, span, props);
      if (len == 0)
        continue;
      int width = props >> WIDTH_SHIFT & WIDTH_MASK;
      k->width1 |= (uint64_t) (width & 1) << pos;
      k->width2 |= (uint64_t) (width >> 1) << pos;
      k->chars++;
      if (64 < pos + len)
        {
          *owed = pos + len - 64;
          *owed_props = props;
        }
    }
  return true;
}

/* Count into *WORDS the words that begin in block K, and update
   *IN_WORD (0 or 1): a word begins at a word byte after white space
   with only neutral bytes between.  Adding the word bytes to the word
   and neutral bytes carries a one from each word byte through the
   neutral bytes after it, up to the next white space: what the carry
   clears, and the word bytes, are the bytes in a word.  */
static inline void
count_words (struct block const *k, uintmax_t *words, uint64_t *in_word)
{
  uint64_t word_or_neutral = ~k->space;
  uint64_t in = ((word_or_neutral & ~(word_or_neutral + (k->word | *in_word)))
                 | k->word);
  *words += count_one_bits_ll (k->word & ~(in << 1 | *in_word));
  *in_word = in >> 63;
}

/* Return the width of the bytes RANGE of block K.  */
static inline uintmax_t
range_width (struct block const *k, uint64_t range)
{
  return (count_one_bits_ll (k->width1 & range)
          + 2 * count_one_bits_ll (k->width2 & range));
}

/* Add the widths of the lines of block K to *WIDTH and *LINEPOS.  */
static inline void
count_widths (struct block const *k, uintmax_t *width, uintmax_t *linepos)
{
  int start = 0;
  for (uint64_t ends = k->ends; ends; ends &= ends - 1)
    {
      int end = __builtin_ctzll (ends);
      *linepos += range_width (k, bits_below (end) & ~bits_below (start));
      *width = MAX (*width, *linepos);
      *linepos = 0;
      start = end + 1;
    }
  *linepos += range_width (k, ~bits_below (start));
}

/* Count into *ST the 64-byte blocks at P, of the N bytes there, for as
   long as the counts asked for can take a block in bulk: not if it
   holds a multibyte character cut off by the end of the N bytes, or
   (in a unibyte locale) a byte of 0x80 or above that is not neutral,
   or (for widths) a tab.  Return the number of bytes counted: whole
   blocks, and the rest of a character that straddles the end of the
   last one.  */
AVX2 static idx_t
vector_run (struct tc_state *st, unsigned char const *p, idx_t n)
{
  bool words = st->what & TC_WORDS;
  bool widths = st->what & TC_WIDTH;
  struct tally t = load_tally (st);
  uint64_t in_word = t.in_word;
  int owed = 0;
  unsigned int owed_props = 0;
  idx_t i = 0;
  for (; BLOCK <= n - i; i += BLOCK)
    {
      __m256i a = _mm256_loadu_si256 ((void const *) (p + i));
      __m256i b = _mm256_loadu_si256 ((void const *) (p + i + 32));
      struct block k;
      classify_ascii (a, b, &k);
      uint64_t hi = ~k.known;
      int next_owed = owed;
      unsigned int next_props = owed_props;
      if (hi || owed)
        {
          if (encoding == UTF8
              ? !classify_utf8 (p + i, n - i, hi, &k, &next_owed, &next_props)
              : !high_neutral)
            break;
        }
      if (widths && equal_mask (a, b, '\t'))
        break;
      owed = next_owed;
      owed_props = next_props;

      t.lines += count_one_bits_ll (k.newlines);
      t.chars += k.chars;
      if (words)
        count_words (&k, &t.words, &in_word);
      if (widths)
        count_widths (&k, &t.width, &t.linepos);
    }
  t.in_word = in_word;
  store_tally (st, &t);
  return i + owed;
}
#else
static idx_t
vector_run (struct tc_state *st, unsigned char const *p, idx_t n)
{
  return 0;
}
#endif

/* After a block the vector loop could not take, it is not tried again
   for a while: for 64 bytes, then twice as long after each failure, up
   to this many bytes.  Text that is mostly not ASCII then costs one
   attempt per 4 KiB.  */
enum { BACKOFF_MAX = 4096 };

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
  idx_t backoff = BLOCK;
  while (i < n)
    {
      idx_t limit = use_vector ? i + BLOCK : n;
      if (use_vector && BLOCK <= n - i)
        {
          idx_t done = vector_run (st, p + i, n - i);
          i += done;
          backoff = done ? BLOCK : MIN (2 * backoff, BACKOFF_MAX);
          limit = i + backoff;
        }
      limit = MIN (n, limit);
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
      /* The split character may still be incomplete: then the whole
         chunk went into the carry, which must stay.  */
      if (st->ncarry)
        return;
      p += used;
      n -= used;
    }
  idx_t done = scan (st, p, n);
  st->ncarry = MIN (n - done, TC_CARRY_MAX);
  memcpy (st->carry, p + done, st->ncarry);
}
