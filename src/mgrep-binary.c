/* mgrep-binary.c -- GNU grep's binary-file decisions: encoding errors,
   NUL bytes, where its read buffers end, and the output held until
   those are known.
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

#include <config.h>

#include <stdint.h>
#include <wchar.h>

#include "system.h"
#include "mgrep.h"

/* A byte mask that is zero in every byte that is a character by itself
   in the current locale, as GNU grep's unibyte_mask: a byte B that
   has B & MASK nonzero may start an encoding error.  0x80 in UTF-8 and
   in most multibyte charsets; in a unibyte charset with bytes that are
   not characters (TIS-620's \240, ISO-8859-7's \377) the high bits of
   those bytes; zero where every byte is a character.  */
static unsigned char encoding_mask;
static bool encoding_mask_set;  /* encoding_mask is computed */

/* Compute encoding_mask for the current locale.  */
static void
init_encoding_mask (void)
{
  unsigned char mask = 0;
  int ms1b = 1;
  for (int b = 1; b <= UCHAR_MAX; b++)
    {
      char c = b;
      mbstate_t mbs = { 0 };
      if (mbrlen (&c, 1, &mbs) != 1 && ! (mask & b))
        {
          while (ms1b * 2 <= b)
            ms1b *= 2;
          mask |= ms1b;
        }
    }
  encoding_mask = mask;
  encoding_mask_set = true;
}

/* Return the first byte at or after P and before LIM that has a bit of
   encoding_mask, or LIM; a word at a time, as GNU grep's
   skip_easy_bytes.  */
static char const *
skip_easy_bytes (char const *p, char const *lim)
{
  uint64_t const mask = UINT64_MAX / UCHAR_MAX * encoding_mask;
  for (; 8 <= lim - p; p += 8)
    {
      uint64_t w;
      memcpy (&w, p, 8);
      if (w & mask)
        break;
    }
  while (p < lim && ! (*p & encoding_mask))
    p++;
  return p;
}

/* True if the current locale has encoding errors: byte sequences that
   are not characters.  */
bool
may_have_encoding_errors (void)
{
  if (!encoding_mask_set)
    init_encoding_mask ();
  return encoding_mask != 0;
}

/* True if the SIZE bytes at BUF hold a byte sequence that is not a
   character in the current locale, in a multibyte or a unibyte
   charset.  */
bool
buf_has_encoding_errors (char const *buf, idx_t size)
{
  if (!may_have_encoding_errors ())
    return false;
  mbstate_t mbs = { 0 };
  char const *lim = buf + size;
  for (char const *p = buf; (p = skip_easy_bytes (p, lim)) < lim; )
    {
      size_t len = mbrlen (p, lim - p, &mbs);
      if ((size_t) -2 <= len)
        return true;
      p += len + !len;
    }
  return false;
}

/* Return how many bytes GNU grep reads into its buffer B after keeping
   SAVE bytes, when REMAINING bytes of the file are left to read (-1 if
   unknown).  */
static idx_t
gnu_readsize (struct gnu_buffers *b, idx_t save, off_t remaining)
{
  idx_t page = getpagesize ();
  idx_t minsize = save + page;
  if (b->size < minsize)
    {
      idx_t size = b->size;
      while (size < minsize)
        size *= 2;
      if (0 <= remaining && minsize <= save + remaining
          && save + remaining < size)
        size = save + remaining;
      b->size = size;
      b->offset = GNU_MMAP_OFFSET;
    }
  idx_t keep = b->offset + 1 + save;
  keep += (page - keep % page) % page;
  idx_t room = b->size + page + b->offset - keep;
  return room - room % page;
}

/* If GNU's current buffer for S ends inside the current chunk, return
   the start of the line holding that end: GNU searches the lines
   before it with this buffer.  Otherwise return LIM, the chunk's end.  */
char *
gnu_buffer_end (struct scan const *s, char *lim)
{
  if (s->buf_off + (lim - s->bufbeg) <= s->gb.next)
    return lim;
  char *r = s->bufbeg + (s->gb.next - s->buf_off);
  while (s->bufbeg < r && r[-1] != match_opts.eol)
    r--;
  return r;
}

/* GNU grep moves S to a new buffer whose first new line starts at L
   in the current chunk: it keeps up to out_before lines before L as
   leading context, not going back past its last output or its buffer
   start, and forgets its last output unless they start there.  Return
   the offset where the kept lines start.  */
off_t
gnu_transition (struct scan *s, char const *l)
{
  off_t keep = back_lines (s, chunk_off (s, l), out_before,
                           context_floor (s));
  s->run_continues = false;
  if (keep != s->lastout_off)
    set_lastout (s, -1);
  s->gnu_beg = keep;
  return keep;
}

/* Step GNU's buffers of S to the next one, whose first line starts at
   L in the current chunk: GNU keeps that partial line and the lines of
   leading context before it.  */
void
gnu_next_buffer (struct scan *s, char *l)
{
  off_t keep = gnu_transition (s, l);
  off_t remaining = mm_remaining (s->in);
  if (0 <= remaining)
    remaining += s->buf_off + (s->buflim - s->bufbeg) - s->gb.next;
  s->gb.next += gnu_readsize (&s->gb, s->gb.next - keep, remaining);
}

/* True if NUL bytes end lines once a file is found binary, as in GNU
   grep: unless -a or -z.  */
bool
nuls_end_lines (void)
{
  return match_opts.eol && binary_files != TEXT_BINARY_FILES;
}

/* Turn S binary from its current position: from now on its NULs are
   line ends for matching and nothing is printed, as in GNU grep.
   Return false if the search of S is over (-I).  */
bool
go_binary (struct scan *s)
{
  if (binary_files == WITHOUT_MATCH_BINARY_FILES)
    {
      s->nlines = 0;
      return false;
    }
  s->binary = true;
  s->nlines_first_null = s->nlines;
  if (!count_matches)
    s->quiet = s->done_on_match = true;
  return true;
}

/* Replace the NULs in [P, LIM) with end-of-line bytes.  */
static void
zap_nuls (char *p, char const *lim)
{
  while ((p = memchr (p, '\0', lim - p)))
    do
      *p++ = match_opts.eol;
    while (p < lim && !*p);
}

/* True if the N bytes at P are all NULs.  */
bool
all_nuls (char const *p, idx_t n)
{
  return n && !p[0] && memcmp (p, p + 1, n - 1) == 0;
}

/* Set skip_empty_lines for the compiled matcher.  */
void
set_skip_empty_lines (void)
{
  char eolbytes[3] = { 0, match_opts.eol, 0 };
  idx_t size;
  skip_empty_lines = ((matcher_execute (matcher, eolbytes + 1, 1, &size, NULL)
                       == 0)
                      == out_invert);
}

/* Replace the NULs in [P, *LIM) of the current chunk of S with
   end-of-line bytes.  If *APPENDED, the chunk ends in the last line of
   the input, which lacked an end-of-line byte and got one: if the
   input ends in a NUL, drop it (and clear *APPENDED), as GNU grep,
   which looks for the last line end after replacing NULs, does not add
   one; *LAST is where the last line starts.  */
void
zap_nuls_at_end (struct scan *s, char *p, char **lim, char **last,
                 bool *appended)
{
  zap_nuls (p, *lim);
  if (*appended && (*lim)[-2] == match_opts.eol)
    {
      --*lim;
      s->buflim = *lim;
      *last = *lim;
      *appended = false;
    }
}

/* Settle the held output of S now that the input is known up to
   offset END, its first NUL there being at NUL_OFF (-1 if none).
   Return false if the search of S is over.  */
bool
settle_held (struct scan *s, off_t nul_off, off_t end)
{
  if (0 <= nul_off && nul_off < s->held_until)
    {
      /* GNU prints trailing context in that buffer only if no line
         there is selected: surely so after -m's last line.  Otherwise
         the lines held are gone, so print none (a known difference
         when the buffer has no selected line either).  */
      bool matched = s->held_nlines < s->nlines;
      bool context_only = !matched && !s->held_outleft;
      release_held (s, context_only);
      if (!context_only)
        s->pending = 0;
      s->nlines = s->held_nlines;
      s->outleft = s->held_outleft;
      if (!go_binary (s))
        return false;
      s->nlines += matched;
      return !(matched && s->done_on_match);
    }
  if (s->held_until <= end)
    release_held (s, true);
  return true;
}

/* The search of S stopped with output held: read on until it is known
   whether GNU would have printed it.  */
void
settle_at_stop (struct scan *s)
{
  off_t off = s->buf_off + (s->buflim - s->bufbeg);
  char *p;
  idx_t n;
  while (output_is_held () && 0 < mm_next (s->in, &p, &n))
    {
      char const *nul = memchr (p, '\0', n);
      settle_held (s, nul ? off + (nul - p) : -1, off + n);
      off += n;
    }
  if (output_is_held ())
    release_held (s, true);
}

/* Return the first NUL of the current chunk of S before file offset
   UNTIL, or null.  The chunk is scanned as far as asked, GNU buffer by
   GNU buffer, so that a chunk is read from memory once, for
   NULs and matches while it is in the cache, not once for each.  */
char *
find_nul (struct scan *s, off_t until)
{
  char *lim = s->bufbeg + MAX (0, MIN (until - s->buf_off,
                                       s->buflim - s->bufbeg));
  if (!s->nul && s->nul_scanned < lim)
    {
      s->nul = memchr (s->nul_scanned, '\0', lim - s->nul_scanned);
      s->nul_scanned = s->nul ? s->nul : lim;
    }
  return s->nul && s->nul < lim ? s->nul : NULL;
}

/* True if input S must have NULs because it has a hole after its
   first GNU buffer, as GNU grep checks.  */
bool
has_hole (struct scan *s)
{
  struct stat const *st = mm_stat (s->in);
  off_t size = st->st_size;
  if (!S_ISREG (st->st_mode) || size <= s->start)
    return false;
  off_t first = MIN (GNU_INITIAL_BUFSIZE, size - s->start);
  return first < size && mm_has_hole (s->in, s->start + first);
}
