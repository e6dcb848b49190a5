/* mgrep-output.c -- what mgrep prints: lines, context, separators,
   file names, numbers and GREP_COLORS' SGR sequences.
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
#include "c-ctype.h"
#include "intprops.h"
#include "inttostr.h"
#include "xalloc.h"

/* GREP_COLORS capabilities, as GNU grep names them.  */
static char const *selected_match_color = "01;31"; /* ms */
static char const *context_match_color = "01;31";  /* mc */
static char const *filename_color = "35";          /* fn */
static char const *line_num_color = "32";          /* ln */
static char const *byte_num_color = "32";          /* bn */
static char const *sep_color = "36";               /* se */
static char const *selected_line_color = "";       /* sl */
static char const *context_line_color = "";        /* cx */
static char const *sgr_start = "\33[%sm\33[K";     /* ne drops the \33[K */
static char const *sgr_end = "\33[m\33[K";

/* Output held back while it is not known whether GNU grep would have
   printed it.  */
static char *held_buf;
static idx_t held_len, held_alloc; /* bytes held, bytes allocated */
static bool holding;            /* output goes to held_buf */

/* Whether a group separator may be printed: something was output.  */
static bool used;

/* Output the N bytes at P, or hold them back while HOLDING.  */
static void
out_bytes (char const *p, idx_t n)
{
  if (n == 0)
    return;
  if (holding)
    {
      if (held_alloc - held_len < n)
        held_buf = xpalloc (held_buf, &held_alloc, n - (held_alloc - held_len),
                            -1, 1);
      memcpy (held_buf + held_len, p, n);
      held_len += n;
    }
  else if (fwrite (p, 1, n, stdout) != n)
    die_write_error (errno);
}

/* Output the string S.  */
void
out_str (char const *s)
{
  out_bytes (s, strlen (s));
}

/* Output the byte C.  */
void
out_char (char c)
{
  out_bytes (&c, 1);
}

/* Start colorizing with the SGR attribute S, if nonempty.  */
static void
pr_sgr_start (char const *s)
{
  if (*s)
    {
      char buf[256];
      int n = snprintf (buf, sizeof buf, sgr_start, s);
      if (n < sizeof buf)
        out_bytes (buf, n);
      else
        {
          char *big = xmalloc (n + 1);
          sprintf (big, sgr_start, s);
          out_bytes (big, n);
          free (big);
        }
    }
}

/* Stop colorizing after attribute S, if nonempty.  */
static void
pr_sgr_end (char const *s)
{
  if (*s)
    out_str (sgr_end);
}

/* Like pr_sgr_start and pr_sgr_end, but only with --color.  */
static void
pr_sgr_start_if (char const *s)
{
  if (color_option)
    pr_sgr_start (s);
}
static void
pr_sgr_end_if (char const *s)
{
  if (color_option)
    pr_sgr_end (s);
}

/* Print the name of the input S.  */
void
print_filename (struct scan const *s)
{
  pr_sgr_start_if (filename_color);
  out_str (s->name);
  pr_sgr_end_if (filename_color);
}

/* Print the separator SEP.  */
void
print_sep (char sep)
{
  pr_sgr_start_if (sep_color);
  out_char (sep);
  pr_sgr_end_if (sep_color);
}

/* Print the number N (a line number or byte offset) in COLOR, right
   aligned to WIDTH columns.  */
static void
print_offset (intmax_t n, int width, char const *color)
{
  char buf[INT_BUFSIZE_BOUND (intmax_t)];
  char const *p = imaxtostr (n, buf);
  idx_t len = buf + sizeof buf - 1 - p;
  pr_sgr_start_if (color);
  for (idx_t i = len; i < width; i++)
    out_char (' ');
  out_bytes (p, len);
  pr_sgr_end_if (color);
}

/* Print the head of an output line of S (file name, line number
   LINENO, byte offset POS) whose data are the LEN bytes at BEG, with
   separator SEP.  Return false, printing nothing, if the data have an
   encoding error.  */
static bool
print_line_head (struct scan *s, char const *beg, idx_t len, intmax_t lineno,
                 off_t pos, char sep)
{
  if (binary_files != TEXT_BINARY_FILES && buf_has_encoding_errors (beg, len))
    {
      s->encoding_error_output = true;
      return false;
    }
  if (out_file)
    {
      print_filename (s);
      if (filename_mask)
        print_sep (sep);
      else
        out_char ('\0');
    }
  if (out_line)
    {
      print_offset (lineno, s->offset_width, line_num_color);
      print_sep (sep);
    }
  if (out_byte)
    {
      print_offset (pos, s->offset_width, byte_num_color);
      print_sep (sep);
    }
  if (align_tabs && (out_file | out_line | out_byte) && len != 0)
    out_char ('\t');
  return true;
}

/* Find the next match at or after CUR in the line [BEG, LIM), LIM
   just past its end-of-line byte; set *SIZE to its size.  Return its
   offset from BEG, or -1.  */
static ptrdiff_t
next_match (char *beg, char *lim, char const *cur, idx_t *size)
{
  char *end = lim - 1;
  char saved = *end;
  ptrdiff_t off = matcher_execute (matcher, beg, end - beg, size, cur);
  if (*end != saved)
    *end = saved;
  return off;
}

/* Print the matches in the line [BEG, LIM) of S, colored, or alone
   with -o; the line's number is LINENO and its offset POS.  Return
   where the rest of the line starts, or null if a match could not be
   printed.  */
static char *
print_line_middle (struct scan *s, char *beg, char *lim, intmax_t lineno,
                   off_t pos, char const *line_color, char const *match_color)
{
  char *cur;
  char *mid = NULL;
  char *b;
  idx_t match_size;
  ptrdiff_t match_offset;
  for (cur = beg;
       (cur < lim
        && 0 <= (match_offset = next_match (beg, lim, cur, &match_size)));
       cur = b + match_size)
    {
      b = beg + match_offset;
      if (match_size == 0)
        {
          /* Step over an empty match; there may be nonempty ones.  */
          match_size = 1;
          if (!mid)
            mid = cur;
          continue;
        }
      if (only_matching)
        {
          char sep = out_invert ? SEP_CHAR_REJECTED : SEP_CHAR_SELECTED;
          if (! print_line_head (s, b, match_size, lineno, pos + (b - beg),
                                 sep))
            return NULL;
        }
      else
        {
          pr_sgr_start (line_color);
          if (mid)
            {
              cur = mid;
              mid = NULL;
            }
          out_bytes (cur, b - cur);
        }
      pr_sgr_start_if (match_color);
      out_bytes (b, match_size);
      pr_sgr_end_if (match_color);
      if (only_matching)
        out_char (match_opts.eol);
    }
  return only_matching ? lim : mid ? mid : cur;
}

/* Print the rest [BEG, LIM) of a line in LINE_COLOR, but not its
   end-of-line byte or a CR before it.  Return where printing stopped.  */
static char *
print_line_tail (char *beg, char const *lim, char const *line_color)
{
  idx_t eol_size = (lim > beg && lim[-1] == match_opts.eol);
  eol_size += (lim - eol_size > beg && lim[-(1 + eol_size)] == '\r');
  idx_t tail_size = lim - eol_size - beg;
  if (tail_size > 0)
    {
      pr_sgr_start (line_color);
      out_bytes (beg, tail_size);
      beg += tail_size;
      pr_sgr_end (line_color);
    }
  return beg;
}

/* Print the line [BEG, LIM) of S, numbered LINENO at offset POS, as a
   selected line (SEP ':') or context line (SEP '-').  Return false if
   an encoding error suppressed it.  */
static bool
print_line (struct scan *s, char *beg, char *lim, intmax_t lineno, off_t pos,
            char sep)
{
  if (!only_matching
      && ! print_line_head (s, beg, lim - beg - 1, lineno, pos, sep))
    return false;
  bool matching = (sep == SEP_CHAR_SELECTED) ^ out_invert;
  char const *line_color = "";
  char const *match_color = "";
  if (color_option)
    {
      line_color = (((sep == SEP_CHAR_SELECTED)
                     ^ (out_invert && (color_option < 0)))
                    ? selected_line_color : context_line_color);
      match_color = (sep == SEP_CHAR_SELECTED
                     ? selected_match_color : context_match_color);
    }
  if ((only_matching && matching)
      || (color_option && (*line_color || *match_color)))
    {
      if (matching && (only_matching || *match_color))
        {
          beg = print_line_middle (s, beg, lim, lineno, pos, line_color,
                                   match_color);
          if (!beg)
            return false;
        }
      if (!only_matching && *line_color)
        beg = print_line_tail (beg, lim, line_color);
    }
  if (!only_matching && lim > beg)
    out_bytes (beg, lim - beg);
  if (line_buffered && !holding && fflush (stdout) != 0)
    die_write_error (errno);
  return true;
}

/* Print the line [BEG, LIM) of the current chunk of S with SEP.  */
static void
prline (struct scan *s, char *beg, char *lim, char sep)
{
  /* As GNU grep, count a line when its head is first printed: a line
     whose head was suppressed for an encoding error may be printed as
     context later, but is never counted twice.  */
  intmax_t lineno = 0;
  bool count = out_line && s->lastnl < lim;
  if (count)
    lineno = lines_before (s, beg) + 1;
  else if (out_line)
    lineno = s->totalnl;
  if (print_line (s, beg, lim, lineno, s->buf_off + (beg - s->bufbeg), sep))
    {
      if (count)
        {
          s->totalnl = lineno;
          s->lastnl = lim;
        }
      s->lastout = lim;
      s->lastout_off = s->buf_off + (lim - s->bufbeg);
    }
}

/* Print the line at offset X of S, before its current chunk, as
   context.  Return its size, or 0 if it is not kept.  */
static idx_t
print_line_before_chunk (struct scan *s, off_t x)
{
  char *beg, *lim;
  intmax_t lineno;
  if (!line_before_chunk (s, x, &beg, &lim, &lineno))
    return 0;
  if (print_line (s, beg, lim, lineno, x, SEP_CHAR_REJECTED))
    set_lastout (s, x + (lim - beg));
  return lim - beg;
}

/* Print pending lines of trailing context of S before LIM.  They start
   after the last output, or where GNU grep's buffer starts if nothing
   was output since, as in GNU grep: after a selected line that was not
   printed for an encoding error, that may be before the line.  */
void
prpending (struct scan *s, char const *lim)
{
  char eol = match_opts.eol;
  if (s->lastout_off < 0)
    set_lastout (s, s->gnu_beg);
  off_t lim_off = chunk_off (s, lim);
  for (; 0 < s->pending && s->lastout_off < lim_off; s->pending--)
    if (s->buf_off <= s->lastout_off)
      {
        char *nl = rawmemchr (s->lastout, eol);
        prline (s, s->lastout, nl + 1, SEP_CHAR_REJECTED);
      }
    else if (!print_line_before_chunk (s, s->lastout_off))
      set_lastout (s, s->buf_off);
}

/* Print the group separator if needed and the lines of leading
   context of S before BEG, some perhaps kept from the previous chunk.
   Return where the context starts in this chunk.  */
static char *
print_leading_context (struct scan *s, char *beg)
{
  char eol = match_opts.eol;
  off_t first = back_lines (s, chunk_off (s, beg), out_before,
                            context_floor (s));
  if ((0 <= out_before || 0 <= out_after) && used
      && first != s->lastout_off && group_separator)
    {
      pr_sgr_start_if (sep_color);
      out_str (group_separator);
      pr_sgr_end_if (sep_color);
      out_char ('\n');
    }
  while (first < s->buf_off)
    {
      idx_t len = print_line_before_chunk (s, first);
      if (!len)
        break;
      first += len;
    }
  char *p = s->bufbeg + MAX (0, first - s->buf_off);
  while (p < beg)
    {
      char *nl = (char *) rawmemchr (p, eol) + 1;
      prline (s, p, nl, SEP_CHAR_REJECTED);
      p = nl;
    }
  return p;
}

/* Print the selected lines [BEG, LIM) of S with their context.  MORE
   says that they go on with -v's run of selected lines that the last
   call ended with, at the end of a chunk that was not the end of one
   of GNU grep's buffers: GNU grep had them in that call, so print no
   context before them, and leave the trailing context as it is if none
   of them is printed (a negative -m).  */
void
prtext (struct scan *s, char *beg, char *lim, bool more)
{
  if (!s->quiet && s->pending > 0 && !more)
    prpending (s, beg);
  char *p = s->quiet || more ? beg : print_leading_context (s, beg);
  intmax_t n;
  if (out_invert)
    {
      for (n = 0; p < lim && n < s->outleft; n++)
        {
          char *nl = (char *) rawmemchr (p, match_opts.eol) + 1;
          if (!s->quiet)
            prline (s, p, nl, SEP_CHAR_SELECTED);
          p = nl;
        }
    }
  else
    {
      if (!s->quiet)
        prline (s, beg, lim, SEP_CHAR_SELECTED);
      n = 1;
      p = lim;
    }
  s->after_last_match = s->buf_off + (p - s->bufbeg);
  if (! (more && n == 0))
    s->pending = s->quiet ? 0 : MAX (0, out_after);
  used = true;
  s->outleft -= n;
}

/* Start holding the output of S: what follows is printed only if
   GNU's current buffer turns out to have no NUL.  */
void
hold_output (struct scan *s)
{
  holding = true;
  s->held_until = s->gb.next;
  s->held_nlines = s->nlines;
  s->held_outleft = s->outleft;
}

/* True if output is being held.  */
bool
output_is_held (void)
{
  return holding;
}

/* Print or drop the output held for S.  */
void
release_held (struct scan *s, bool print)
{
  holding = false;
  if (print)
    out_bytes (held_buf, held_len);
  held_len = 0;
}

/* Parse the GREP_COLORS value Q, which this overwrites, as GNU grep
   does; stop quietly at the first malformed entry.  Return true if a
   color now points into Q.  */
static bool
parse_grep_colors_in (char *q)
{
  static struct { char const *name; char const **var; } const caps[] = {
    { "mt", &selected_match_color }, { "ms", &selected_match_color },
    { "mc", &context_match_color }, { "fn", &filename_color },
    { "ln", &line_num_color }, { "bn", &byte_num_color },
    { "se", &sep_color }, { "sl", &selected_line_color },
    { "cx", &context_line_color }, { "rv", NULL }, { "ne", NULL }
  };
  bool points_in = false;
  char *name = q;
  char *val = NULL;
  for (;;)
    if (*q == ':' || *q == '\0')
      {
        char c = *q;
        *q++ = '\0';
        for (int i = 0; i < sizeof caps / sizeof *caps; i++)
          if (STREQ (caps[i].name, name))
            {
              if (caps[i].var && val)
                {
                  *caps[i].var = val;
                  points_in = true;
                }
              if (STREQ (name, "mt") && val)
                context_match_color = val;
              else if (STREQ (name, "rv"))
                color_option = -1;
              else if (STREQ (name, "ne"))
                {
                  sgr_start = "\33[%sm";
                  sgr_end = "\33[m";
                }
            }
        if (c == '\0')
          return points_in;
        name = q;
        val = NULL;
      }
    else if (*q == '=')
      {
        if (q == name || val)
          return points_in;
        *q++ = '\0';
        val = q;
      }
    else if (!val || *q == ';' || c_isdigit (*q))
      q++;
    else
      return points_in;
}

/* Parse GREP_COLORS, if set, into the color variables.  */
static void
parse_grep_colors (void)
{
  char const *p = getenv ("GREP_COLORS");
  if (!p || !*p)
    return;
  char *colors = xstrdup (p);
  if (!parse_grep_colors_in (colors))
    free (colors);
}

/* Set up colors after --color: decide "auto", then GREP_COLOR (with
   its deprecation warning) and GREP_COLORS.  POSSIBLY_TTY tells whether
   standard output may be a terminal.  */
void
init_colors (bool possibly_tty)
{
  if (color_option == 2)
    {
      char const *t = getenv ("TERM");
      color_option = (possibly_tty && t && !STREQ (t, "dumb")
                      && isatty (STDOUT_FILENO));
    }
  if (!color_option)
    return;
  char *userval = getenv ("GREP_COLOR");
  if (userval && *userval)
    for (char *q = userval; *q == ';' || c_isdigit (*q); q++)
      if (!q[1])
        {
          selected_match_color = context_match_color = userval;
          break;
        }
  parse_grep_colors ();
  if (selected_match_color == userval || context_match_color == userval)
    error (0, 0, _("warning: GREP_COLOR='%s' is deprecated;"
                   " use GREP_COLORS='mt=%s'"), userval, userval);
}
