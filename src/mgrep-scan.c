/* mgrep-scan.c -- the buffer loop: an input searched chunk by chunk,
   its lines counted and its leading context kept.
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
#include "count.h"
#include "ignore-value.h"
#include "intprops.h"
#include "inttostr.h"
#include "xalloc.h"

/* Return the number of end-of-line bytes in [P, LIM).  */
static intmax_t
count_eols (char const *p, char const *lim)
{
  if (match_opts.eol == '\n')
    return count_newlines (p, lim - p);
  intmax_t n = 0;
  for (; p < lim && (p = memchr (p, match_opts.eol, lim - p)); p++)
    n++;
  return n;
}

/* Return the number of lines of S before P in the current chunk:
   s->totalnl is the number before s->lastnl.  */
intmax_t
lines_before (struct scan const *s, char const *p)
{
  return (s->lastnl <= p ? s->totalnl + count_eols (s->lastnl, p)
          : s->totalnl - count_eols (p, s->lastnl));
}

/* Move the line count of S from s->lastnl to LIM, forwards or
   backwards.  */
static void
nlscan (struct scan *s, char const *lim)
{
  s->totalnl = lines_before (s, lim);
  s->lastnl = lim;
}

/* Return the offset from the start of S of P in its current chunk.  */
off_t
chunk_off (struct scan const *s, char const *p)
{
  return s->buf_off + (p - s->bufbeg);
}

/* Record that S's last output ends at offset OFF.  */
void
set_lastout (struct scan *s, off_t off)
{
  s->lastout_off = off;
  s->lastout = s->buf_off <= off ? s->bufbeg + (off - s->buf_off) : NULL;
}

/* Return the offset of S before which GNU grep prints no leading
   context, and from which it prints trailing context after a selected
   line it did not print: its last output, or its buffer start.  */
off_t
context_floor (struct scan const *s)
{
  return s->lastout_off < 0 ? s->gnu_beg : s->lastout_off;
}

/* True if the kept context of S holds the lines just before its
   current chunk.  */
static bool
ctx_valid (struct scan const *s)
{
  return s->ctx && s->ctx_off + s->ctx_len == s->buf_off;
}

/* Return the offset of the start of the line N lines before offset X
   of S (a line start in its current chunk or its end), going back into
   the kept context but not past offset FLOOR, as GNU grep goes back
   for leading context.  */
off_t
back_lines (struct scan const *s, off_t x, intmax_t n, off_t floor)
{
  char eol = match_opts.eol;
  for (intmax_t i = 0; i < n && floor < x; i++)
    {
      char const *base;
      off_t base_off;
      if (s->buf_off < x)
        base = s->bufbeg, base_off = s->buf_off;
      else if (ctx_valid (s) && s->ctx_off < x)
        base = s->ctx + 1, base_off = s->ctx_off;
      else
        break;
      /* BASE[-1] is an end-of-line byte.  */
      char const *p = base + (x - base_off);
      do
        --p;
      while (p[-1] != eol);
      x = base_off + (p - base);
    }
  return x;
}

/* Find the line at offset X of S, before its current chunk, in the
   kept context or the resume lines: set *BEG and *LIM (just after its
   end-of-line byte) and, with -n, *LINENO to its number.  Return false
   if neither holds it.  */
bool
line_before_chunk (struct scan const *s, off_t x, char **beg, char **lim,
                   intmax_t *lineno)
{
  char *base;
  off_t base_off;
  intmax_t nl;
  if (ctx_valid (s) && s->ctx_off <= x && x < s->buf_off)
    base = s->ctx + 1, base_off = s->ctx_off, nl = s->ctx_nl;
  else if (0 <= s->resume_off && s->resume_off <= x
           && x < s->resume_off + s->resume_len)
    base = s->resume + 1, base_off = s->resume_off, nl = s->resume_nl;
  else
    return false;
  *beg = base + (x - base_off);
  *lim = (char *) rawmemchr (*beg, match_opts.eol) + 1;
  *lineno = out_line ? nl + count_eols (base, *beg) + 1 : 0;
  return true;
}

/* Stop reading input S where GNU grep stops: standard input's offset
   is left at the end of GNU's current buffer.  Return true if OK.  */
bool
stop_reading (struct scan *s)
{
  if (s->is_stdin && !s->ineof)
    {
      struct stat const *st = mm_stat (s->in);
      off_t end = s->start + s->gb.next;
      if (S_ISREG (st->st_mode))
        end = MIN (end, st->st_size);
      mm_leave_at (s->in, end);
    }
  return mm_close (s->in);
}

/* Leave the program at once for -q: a line was selected in input S.  */
static _Noreturn void
exit_matched (struct scan *s)
{
  stop_reading (s);
  exit (EXIT_SUCCESS);
}

/* Search the lines [BEG, LIM) of the current chunk of S, all ended by
   end-of-line bytes, and print what the options ask for.  Return the
   number of lines selected.  */
static intmax_t
grepbuf (struct scan *s, char *beg, char *lim)
{
  intmax_t outleft0 = s->outleft;
  for (char *p = beg; p < lim; )
    {
      idx_t match_size;
      ptrdiff_t off = matcher_execute (matcher, p, lim - p, &match_size, NULL);
      char *b = off < 0 ? lim : p + off;
      char *endp = off < 0 ? lim : b + match_size;
      if (!out_invert && off < 0)
        break;
      bool more = out_invert && p == beg && s->run_continues;
      if (!out_invert || p < b)
        {
          prtext (s, out_invert ? p : b, out_invert ? b : endp, more);
          if (!s->outleft || s->done_on_match)
            {
              if (exit_on_match)
                exit_matched (s);
              break;
            }
        }
      s->run_continues = out_invert && b == lim && p < b;
      p = endp;
    }
  return outleft0 - s->outleft;
}

/* Search the lines [P, LIM) of the current chunk of S, all in one of
   GNU's buffers.  Return false if the search of S is over.  */
static bool
search_lines (struct scan *s, char *p, char *lim)
{
  if (s->outleft)
    s->nlines += grepbuf (s, p, lim);
  if (s->pending)
    prpending (s, lim);
  return ! ((!s->outleft && !s->pending)
            || (s->done_on_match
                && MAX (0, s->nlines_first_null) < s->nlines));
}

/* Make the N bytes at BUF the current chunk of S.  The last line of
   the input, if it lacks its end-of-line byte, is searched alone, as
   GNU grep searches it after its last read: give it one, add it to *N,
   set *APPENDED and return where that line starts; else return the
   chunk's end.  A chunk may also end with a NUL, which will be a line
   end.  */
static char *
begin_chunk (struct scan *s, char *buf, idx_t *n, bool *appended)
{
  char eol = match_opts.eol;
  buf[-1] = eol;
  char *last = buf + *n;
  *appended = (*n && buf[*n - 1] != eol
               && ! (nuls_end_lines () && !buf[*n - 1]));
  if (*appended)
    {
      buf[(*n)++] = eol;
      while (buf < last && last[-1] != eol)
        last--;
    }
  s->bufbeg = buf;
  s->lastnl = buf;
  s->buflim = buf + *n;
  s->lastout = s->lastout_off == s->buf_off ? buf : NULL;
  s->nul = NULL;
  s->nul_scanned = nuls_end_lines () && !s->binary ? buf : s->buflim;
  return last;
}

/* Search the chunk [BUF, BUF + N) of S.  Return false if the search of
   S is over.  */
static bool
search_chunk (struct scan *s, char *buf, idx_t n)
{
  bool appended;
  char *last = begin_chunk (s, buf, &n, &appended);
  char *lim = buf + n;
  bool nuls_matter = nuls_end_lines () && !s->binary;
  if (output_is_held ())
    {
      char *nul = find_nul (s, s->held_until);
      if (!settle_held (s, nul ? s->buf_off + (nul - buf) : -1,
                        s->buf_off + n))
        return false;
    }
  /* A run of NULs in a binary file is a run of empty lines: skip it
     if none can be selected, as GNU grep does, unless the offset where
     standard input is left depends on GNU's buffers.  */
  if (s->binary && skip_empty_lines && !s->is_stdin && all_nuls (buf, n))
    return true;
  if (s->binary)
    zap_nuls_at_end (s, buf, &lim, &last, &appended);

  for (char *p = buf; p < lim; )
    {
      char *l = gnu_buffer_end (s, lim);
      if (!s->binary && find_nul (s, s->gb.next))
        {
          if (!go_binary (s))
            return false;
          zap_nuls_at_end (s, p, &lim, &last, &appended);
        }
      else if (l == lim && nuls_matter && !s->binary && !s->quiet
               && !output_is_held ()
               && s->buf_off + n < s->gb.next && !mm_at_end (s->in))
        hold_output (s);
      if (last < l)
        {
          if (p < last && !search_lines (s, p, last))
            return false;
          gnu_transition (s, last);
          return search_lines (s, last, lim);
        }
      if (p < l && !search_lines (s, p, l))
        return false;
      if (l == lim)
        break;
      gnu_next_buffer (s, l);
      p = MAX (p, l);
    }
  return true;
}

/* Keep the last lines of the current chunk of S that may be needed as
   leading context for the next, with older kept lines if the chunk
   has too few.  */
static void
keep_context (struct scan *s)
{
  off_t end = chunk_off (s, s->buflim);
  off_t beg = back_lines (s, end, out_before, context_floor (s));
  char *ctx = ximalloc (end - beg + 2);
  ctx[0] = match_opts.eol;
  char *q = ctx + 1;
  intmax_t nl = 0;
  if (beg < s->buf_off)
    {
      char const *old = s->ctx + 1 + (beg - s->ctx_off);
      if (out_line)
        nl = s->ctx_nl + count_eols (s->ctx + 1, old);
      q = mempcpy (q, old, s->buf_off - beg);
      memcpy (q, s->bufbeg, s->buflim - s->bufbeg);
    }
  else
    {
      char *b = s->bufbeg + (beg - s->buf_off);
      if (out_line)
        {
          nlscan (s, b);
          nl = s->totalnl;
        }
      memcpy (q, b, s->buflim - b);
    }
  free (s->ctx);
  s->ctx = ctx;
  s->ctx_len = end - beg;
  s->ctx_off = beg;
  s->ctx_nl = nl;
  if (out_line)
    nlscan (s, s->buflim);
}

/* Append to the resume lines of S the lines from P to LIM.  */
static void
resume_append (struct scan *s, char const *p, char const *lim)
{
  idx_t n = lim - p;
  if (s->resume_alloc - s->resume_len < n + 2)
    s->resume = xpalloc (s->resume, &s->resume_alloc,
                         n + 2 - (s->resume_alloc - s->resume_len), -1, 1);
  s->resume[0] = match_opts.eol;
  memcpy (s->resume + 1 + s->resume_len, p, n);
  s->resume_len += n;
}

/* Start the resume lines of S at offset OFF, NL lines from the start,
   with the lines from P to LIM.  */
static void
resume_start (struct scan *s, off_t off, intmax_t nl, char const *p,
              char const *lim)
{
  s->resume_off = off;
  s->resume_nl = nl;
  s->resume_len = 0;
  resume_append (s, p, lim);
}

/* Before the current chunk of S goes, copy the lines GNU grep might
   still print as trailing context from before the next chunk: those
   from context_floor on.  */
static void
save_resume (struct scan *s)
{
  off_t r = context_floor (s);
  char *beg, *lim;
  intmax_t lineno;
  if (s->buf_off <= r)
    {
      char *p = s->bufbeg + (r - s->buf_off);
      if (out_line)
        nlscan (s, p);
      resume_start (s, r, s->totalnl, p, s->buflim);
      return;
    }
  if (!line_before_chunk (s, r, &beg, &lim, &lineno))
    {
      s->resume_off = -1;
      return;
    }
  if (0 <= s->resume_off && s->resume_off <= r
      && r < s->resume_off + s->resume_len)
    {
      /* Drop the lines before R.  */
      idx_t drop = r - s->resume_off;
      memmove (s->resume + 1, s->resume + 1 + drop, s->resume_len - drop);
      s->resume_len -= drop;
      s->resume_off = r;
      s->resume_nl = lineno - 1;
    }
  else
    resume_start (s, r, lineno - 1, beg,
                  s->ctx + 1 + (s->buf_off - s->ctx_off));
  if (s->resume_off + s->resume_len == s->buf_off)
    resume_append (s, s->bufbeg, s->buflim);
}

/* Set the -T width for input S.  */
static void
set_offset_width (struct scan *s)
{
  s->offset_width = 0;
  if (align_tabs)
    {
      struct stat const *st = mm_stat (s->in);
      intmax_t num = S_ISREG (st->st_mode) ? st->st_size : INTMAX_MAX;
      num += out_line && num < INTMAX_MAX;
      do
        s->offset_width++;
      while ((num /= 10) != 0);
    }
}

/* Search input S, already opened.  Return the number of selected
   lines; set s->ineof if the whole input was read.  */
intmax_t
grep (struct scan *s)
{
  s->outleft = max_count;
  s->lastout_off = -1;
  s->gnu_beg = 0;
  s->resume_off = -1;
  /* GNU grep prints trailing context from before a selected line only
     after one it did not print: one with an encoding error, or none
     at all for -v with a negative -m.  */
  bool keep_resume = (0 < out_after
                      && ((binary_files != TEXT_BINARY_FILES
                           && may_have_encoding_errors ())
                          || (out_invert && max_count < 0)));
  s->nlines_first_null = -1;
  s->quiet = out_quiet;
  s->done_on_match = done_on_match;
  s->gb = (struct gnu_buffers) { GNU_INITIAL_BUFSIZE, GNU_INITIAL_BUFSIZE,
                                 GNU_HEAP_OFFSET };
  set_offset_width (s);
  if (nuls_end_lines () && has_hole (s)
      && !go_binary (s))
    return 0;
  char *p;
  idx_t n;
  int r;
  while (0 < (r = mm_next (s->in, &p, &n)))
    {
      if (!search_chunk (s, p, n))
        {
          if (output_is_held ())
            settle_at_stop (s);
          break;
        }
      if (keep_resume && !s->quiet)
        save_resume (s);
      if (!s->quiet && 0 < out_before)
        keep_context (s);
      else if (out_line && !s->quiet)
        nlscan (s, s->buflim);
      s->buf_off += s->buflim - s->bufbeg;
    }
  if (r < 0)
    {
      if (!suppress_errors)
        mm_report_unquoted (s->in);
      errseen = true;
    }
  s->ineof = r == 0;
  if (output_is_held ())
    release_held (s, true);
  if (binary_files == BINARY_BINARY_FILES && !out_quiet
      && (s->encoding_error_output
          || (0 <= s->nlines_first_null && s->nlines_first_null < s->nlines)))
    {
      if (fflush (stdout) != 0)
        die_write_error (errno);
      error (0, 0, _("%s: binary file matches"), s->name);
    }
  return s->nlines;
}

/* Leave standard input S where GNU grep leaves it when it stops
   reading: after the last selected line with -m, at the end
   otherwise.  */
void
finalize_input (struct scan *s)
{
  if (!s->is_stdin)
    {
      /* Where a named file's offset is left does not matter.  */
      ignore_value (mm_close (s->in));
      return;
    }
  if (s->outleft)
    {
      if (!s->ineof)
        mm_leave_at_end (s->in);
    }
  else if (0 <= s->after_last_match)
    {
      /* Not past the end: a last line that lacks its end-of-line byte
         was searched with one.  */
      off_t end = s->start + s->after_last_match;
      off_t read_to = mm_offset (s->in);
      mm_leave_at (s->in, 0 <= read_to ? MIN (end, read_to) : end);
    }
  if (!mm_close (s->in))
    suppressible_error (s->name, errno);
}

/* Print the per-file result of S with SELECTED lines: -c's count and
   -l/-L's name.  */
void
print_file_result (struct scan *s, intmax_t selected)
{
  if (count_matches)
    {
      char buf[INT_BUFSIZE_BOUND (intmax_t)];
      if (out_file)
        {
          print_filename (s);
          if (filename_mask)
            print_sep (SEP_CHAR_SELECTED);
          else
            out_char ('\0');
        }
      out_str (imaxtostr (selected, buf));
      out_char ('\n');
    }
  if (list_files == (selected ? LISTFILES_MATCHING : LISTFILES_NONMATCHING))
    {
      print_filename (s);
      out_char ('\n' & filename_mask);
    }
  if (line_buffered && (count_matches || list_files)
      && fflush (stdout) != 0)
    die_write_error (errno);
}
