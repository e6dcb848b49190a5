/* mcmp -- compare two files byte by byte.
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

/* A drop-in GNU cmp (diffutils 3.8) that reads regular files through
   mappings.  The chunks of the two inputs are paired up whatever their
   lengths and compared with memcmp in blocks small enough to stay in
   the cache; newlines are counted only where a line number can still be
   printed, and only up to the first difference.  */

#include <config.h>

#include <ctype.h>
#include <getopt.h>
#include <locale.h>

#include "system.h"
#include "count.h"
#include "hard-locale.h"
#include "intprops.h"
#include "mapping.h"
#include "same-inode.h"
#include "stat-size.h"
#include "ignore-value.h"
#include "stdckdint.h"
#include "xalloc.h"
#include "xstdopen.h"
#include "xstrtol.h"

#define PROGRAM_NAME "mcmp"

/* Exit statuses, as GNU cmp's; EXIT_TROUBLE is in system.h.  */
enum { EXIT_SAME = 0, EXIT_DIFFERENT = 1 };

/* What is to be printed, from the most to the least.  */
enum comparison_type
{
  TYPE_FIRST_DIFF,              /* the first difference, with its line */
  TYPE_ALL_DIFFS,               /* -l: every differing byte */
  TYPE_NO_STDOUT,               /* output is /dev/null: only diagnostics */
  TYPE_STATUS                   /* -s: nothing at all */
};
static enum comparison_type comparison_type;

/* -b: print the differing bytes too.  */
static bool print_bytes;

/* -n: compare at most this many bytes.  */
static intmax_t bytes_limit = INTMAX_MAX;

/* -i and the SKIP operands: bytes to skip at the start of each input.  */
static intmax_t ignore_initial[2];

/* Blocks compared at a time: both inputs' blocks stay in the L2 cache
   while the newlines of one are counted after memcmp found them equal
   (bench/cases/mcmp.sh).  */
enum { BLOCK = 64 * 1024 };

/* One of the two inputs.  */
struct side
{
  char const *name;             /* the operand, "-" for standard input */
  int fd;                       /* its descriptor */
  struct mm_input *in;          /* the input helper's state, shared
                                   by both sides for "- -" */
  off_t start;                  /* offset where the comparison starts,
                                   -1 if it cannot seek */
  bool shared;                  /* reads IN in blocks, turn about with
                                   the other side (see stdin_twice) */
  char *block;                  /* the last block, if shared */
  char *p;                      /* next byte of the current chunk */
  idx_t n;                      /* bytes left in the current chunk */
};

/* Standard input named twice with different skips, "mcmp - - 0 1": as
   in GNU cmp, one descriptor that the two sides read in turn, a block
   of BLOCK_SIZE bytes each.  P and N are what is left of the chunk the
   input helper last handed out.  */
static struct
{
  char *p;
  idx_t n;
  idx_t block_size;
} stdin_twice;

/* The comparison so far.  */
static intmax_t compared;       /* bytes compared */
static intmax_t newlines;       /* newlines among them, first-diff mode */
static bool at_line_start = true; /* the last byte compared was a newline */
static bool differing;          /* a difference was found */
static int offset_width;        /* -l: width of the byte number column */

/* The suffixes diffutils accepts on sizes: '0' admits "kB" and "KiB".  */
static char const valid_suffixes[] = "kKMGTPEZY0";

static char const short_options[] = "bci:ln:sv";

static struct option const long_options[] =
{
  {"print-bytes", no_argument, NULL, 'b'},
  {"print-chars", no_argument, NULL, 'c'}, /* obsolescent in diffutils */
  {"ignore-initial", required_argument, NULL, 'i'},
  {"verbose", no_argument, NULL, 'l'},
  {"bytes", required_argument, NULL, 'n'},
  {"silent", no_argument, NULL, 's'},
  {"quiet", no_argument, NULL, 's'},
  {"version", no_argument, NULL, 'v'},
  MM_IO_LONG_OPTION,
  MM_AMBIGUOUS_LONG_OPTION,
  {GETOPT_HELP_OPTION_DECL},
  {NULL, 0, NULL, 0}
};

/* Print "Try 'mcmp --help'" as GNU cmp does, with the program name in
   front, and exit with status 2.  */
static _Noreturn void
try_help_exit (void)
{
  error (EXIT_TROUBLE, 0, _("Try '%s --help' for more information."),
         program_name);
  abort ();
}

void
usage (int status)
{
  if (status != EXIT_SUCCESS)
    try_help_exit ();
  printf (_("Usage: %s [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]\n"),
          program_name);
  fputs (_("\
Compare two files byte by byte.\n\
\n\
The optional SKIP1 and SKIP2 specify the number of bytes to skip\n\
at the beginning of each file (zero by default).\n\
\n\
Mandatory arguments to long options are mandatory for short options too.\n\
"), stdout);
  fputs (_("\
  -b, --print-bytes          print differing bytes\n\
  -i, --ignore-initial=SKIP         skip first SKIP bytes of both inputs\n\
  -i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and\n\
                                      first SKIP2 bytes of FILE2\n\
  -l, --verbose              output byte numbers and differing byte values\n\
  -n, --bytes=LIMIT          compare at most LIMIT bytes\n\
  -s, --quiet, --silent      suppress all normal output\n\
"), stdout);
  fputs (MM_IO_OPTION_DESCRIPTION, stdout);
  fputs (_("\
      --help                 display this help and exit\n\
  -v, --version              output version information and exit\n\
\n\
SKIP values may be followed by the following multiplicative suffixes:\n\
kB 1000, K 1024, MB 1,000,000, M 1,048,576,\n\
GB 1,000,000,000, G 1,073,741,824, and so on for T, P, E, Z, Y.\n\
\n\
If a FILE is '-' or missing, read standard input.\n\
Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.\n\
"), stdout);
  emit_ancillary_info (PROGRAM_NAME);
  exit (status);
}

/* Diagnose a bad command line: REASON, a format with one %s for
   OPERAND, then the hint to try --help; exit with status 2.  */
static _Noreturn void
bad_usage (char const *reason, char const *operand)
{
  error (0, 0, reason, operand);
  try_help_exit ();
}

/* Parse a skip at *ARGPTR into ignore_initial[F], keeping the larger
   of it and any earlier skip, and leave *ARGPTR after it.  The skip
   may end at DELIMITER.  Exit with a diagnostic if it is invalid.  */
static void
specify_ignore_initial (int f, char **argptr, char delimiter)
{
  intmax_t val;
  char const *arg = *argptr;
  strtol_error e = xstrtoimax (arg, argptr, 0, &val, valid_suffixes);
  if (! (e == LONGINT_OK
         || (e == LONGINT_INVALID_SUFFIX_CHAR && **argptr == delimiter))
      || val < 0)
    bad_usage (_("invalid --ignore-initial value '%s'"), arg);
  if (ignore_initial[f] < val)
    ignore_initial[f] = val;
}

/* Parse the argument ARG of -i: SKIP or SKIP1:SKIP2.  */
static void
parse_ignore_option (char *arg)
{
  specify_ignore_initial (0, &arg, ':');
  if (*arg++ == ':')
    specify_ignore_initial (1, &arg, '\0');
  else if (ignore_initial[1] < ignore_initial[0])
    ignore_initial[1] = ignore_initial[0];
}

/* Parse the argument ARG of -n, keeping the smallest limit given.  */
static void
parse_bytes_option (char const *arg)
{
  intmax_t n;
  if (xstrtoimax (arg, NULL, 0, &n, valid_suffixes) != LONGINT_OK || n < 0)
    bad_usage (_("invalid --bytes value '%s'"), arg);
  if (n < bytes_limit)
    bytes_limit = n;
}

/* Put into BUF, as a string, the rendering of byte C that -b shows:
   C itself if printable, else its caret notation.  */
static void
sprintc (char *buf, unsigned char c)
{
  if (isprint (c))
    *buf++ = c;
  else
    buf = put_caret_notation (buf, c);
  *buf = '\0';
}

/* Store byte C at P in octal, right-aligned in three columns, as %3o
   would, and return the end of what was stored.  */
static char *
put_octal (char *p, unsigned char c)
{
  int hi = c >> 6, mid = c >> 3 & 7;
  *p++ = hi ? '0' + hi : ' ';
  *p++ = hi | mid ? '0' + mid : ' ';
  *p++ = '0' + (c & 7);
  return p;
}

/* Store the string S at P, padded with spaces to WIDTH columns, and
   return the end of what was stored.  */
static char *
put_padded (char *p, char const *s, int width)
{
  idx_t len = strlen (s);
  memcpy (p, s, len);
  p += len;
  for (; len < width; len++)
    *p++ = ' ';
  return p;
}

/* Print the -l line for bytes C0 and C1 that differ at BYTE_NUMBER:
   "%*jd %3o %3o", or with -b "%*jd %3o %-4s %3o %s".  A hand-made
   printf, since files can differ at every byte.  */
static void
print_verbose_line (intmax_t byte_number, unsigned char c0, unsigned char c1)
{
  char line[INT_BUFSIZE_BOUND (intmax_t) + 32];
  char digits[INT_BUFSIZE_BOUND (intmax_t)];
  char *d = digits + sizeof digits;
  do
    *--d = '0' + byte_number % 10;
  while ((byte_number /= 10) != 0);
  int len = digits + sizeof digits - d;
  char *p = line;
  for (; len < offset_width; len++)
    *p++ = ' ';
  p = mempcpy (p, d, digits + sizeof digits - d);
  *p++ = ' ';
  p = put_octal (p, c0);
  *p++ = ' ';
  if (print_bytes)
    {
      char s[5];
      sprintc (s, c0);
      p = put_padded (p, s, 4);
      *p++ = ' ';
    }
  p = put_octal (p, c1);
  if (print_bytes)
    {
      char s[5];
      sprintc (s, c1);
      *p++ = ' ';
      p = stpcpy (p, s);
    }
  *p++ = '\n';
  fwrite (line, 1, p - line, stdout);
}

/* Print the message for the first difference, between bytes C0 and C1
   of the files named NAME0 and NAME1.  */
static void
print_first_difference (char const *name0, char const *name1,
                        unsigned char c0, unsigned char c1)
{
  intmax_t byte_number = compared + 1;
  intmax_t line_number = newlines + 1;
  if (print_bytes)
    {
      char s0[5], s1[5];
      sprintc (s0, c0);
      sprintc (s1, c1);
      printf (_("%s %s differ: byte %jd, line %jd is %3o %s %3o %s\n"),
              name0, name1, byte_number, line_number, c0, s0, c1, s1);
    }
  else
    /* POSIX asks for "char" in the POSIX locale; GNU says "byte"
       elsewhere.  */
    printf (hard_locale (LC_MESSAGES)
            ? _("%s %s differ: byte %jd, line %jd\n")
            : "%s %s differ: char %jd, line %jd\n",
            name0, name1, byte_number, line_number);
}

/* Return the offset of the first byte that differs between the N
   bytes at A and those at B, or N if they are equal.  */
static idx_t
first_difference (char const *a, char const *b, idx_t n)
{
  idx_t i = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t x, y;
      memcpy (&x, a + i, 8);
      memcpy (&y, b + i, 8);
      if (x != y)
        break;
    }
  while (i < n && a[i] == b[i])
    i++;
  return i;
}

/* Consume the next N bytes of both inputs S[0] and S[1].  */
static void
advance (struct side s[2], idx_t n)
{
  for (int f = 0; f < 2; f++)
    {
      s[f].p += n;
      s[f].n -= n;
    }
}

/* Compare the next N bytes of S[0] and S[1], counting newlines up to
   the first difference.  If there is one, print it, consume the bytes
   up to it and it, and return true.  */
static bool
compare_first (struct side s[2], idx_t n)
{
  char const *a = s[0].p, *b = s[1].p;
  for (idx_t done = 0; done < n; )
    {
      idx_t len = MIN (BLOCK, n - done);
      idx_t d = (memcmp (a + done, b + done, len) == 0 ? len
                 : first_difference (a + done, b + done, len));
      newlines += count_newlines (a + done, d);
      compared += d;
      if (d)
        at_line_start = a[done + d - 1] == '\n';
      if (d < len)
        {
          print_first_difference (s[0].name, s[1].name,
                                  a[done + d], b[done + d]);
          advance (s, done + d + 1);
          return true;
        }
      done += len;
    }
  return false;
}

/* Compare the next N bytes of S[0] and S[1] for -l, printing a line
   for each byte that differs.  */
static void
compare_all (struct side s[2], idx_t n)
{
  char const *a = s[0].p, *b = s[1].p;
  for (idx_t done = 0; done < n; )
    {
      idx_t len = MIN (BLOCK, n - done);
      if (memcmp (a + done, b + done, len) != 0)
        {
          differing = true;
          for (idx_t i = first_difference (a + done, b + done, len);
               i < len;
               i += 1 + first_difference (a + done + i + 1, b + done + i + 1,
                                          len - i - 1))
            print_verbose_line (compared + i + 1, a[done + i], b[done + i]);
        }
      compared += len;
      done += len;
    }
}

/* Set S's chunk to the next block of at most WANT bytes of the input
   it shares with the other side, read until full or the end, as GNU
   cmp's block_read does.  Return true if the block is not empty.  Exit
   with a diagnostic if reading fails.  */
static bool
fill_block (struct side *s, intmax_t want)
{
  want = MIN (want, stdin_twice.block_size);
  idx_t got = 0;
  while (got < want)
    {
      if (stdin_twice.n == 0)
        {
          int r = mm_next (s->in, &stdin_twice.p, &stdin_twice.n);
          if (r < 0)
            {
              mm_report_unquoted (s->in);
              exit (EXIT_TROUBLE);
            }
          if (r == 0)
            break;
        }
      idx_t take = MIN (stdin_twice.n, want - got);
      memcpy (s->block + got, stdin_twice.p, take);
      stdin_twice.p += take;
      stdin_twice.n -= take;
      got += take;
    }
  s->p = s->block;
  s->n = got;
  return 0 < got;
}

/* Make sure S has bytes in hand unless its input is exhausted; return
   true if it has.  REMAINING bytes are left to compare.  Exit with a
   diagnostic if reading fails.  */
static bool
fill (struct side *s, intmax_t remaining)
{
  if (s->n == 0)
    {
      if (s->shared)
        return fill_block (s, remaining);
      int r = mm_next (s->in, &s->p, &s->n);
      if (r < 0)
        {
          mm_report_unquoted (s->in);
          exit (EXIT_TROUBLE);
        }
    }
  return 0 < s->n;
}

/* Report that the input named SHORTER ended before the other, unless
   nothing is to be printed.  */
static void
report_eof (char const *shorter)
{
  if (comparison_type == TYPE_STATUS)
    return;
  if (compared == 0)
    fprintf (stderr, _("mcmp: EOF on %s which is empty\n"), shorter);
  else if (comparison_type != TYPE_FIRST_DIFF)
    fprintf (stderr, _("mcmp: EOF on %s after byte %jd\n"), shorter,
             compared);
  else
    fprintf (stderr, (at_line_start
                      ? _("mcmp: EOF on %s after byte %jd, line %jd\n")
                      : _("mcmp: EOF on %s after byte %jd, in line %jd\n")),
             shorter, compared, newlines + !at_line_start);
}

/* Compare the inputs S[0] and S[1], pairing their chunks whatever
   their lengths, and print what the options ask.  Return the exit
   status.  */
static int
compare_inputs (struct side s[2])
{
  intmax_t remaining = bytes_limit;
  while (0 < remaining)
    {
      bool more0 = fill (&s[0], remaining);
      bool more1 = fill (&s[1], remaining);
      if (more0 != more1)
        {
          report_eof (s[more0].name);
          return EXIT_DIFFERENT;
        }
      if (!more0)
        break;
      idx_t n = MIN (MIN (s[0].n, s[1].n), remaining);
      if (comparison_type == TYPE_ALL_DIFFS)
        compare_all (s, n);
      else if (comparison_type == TYPE_FIRST_DIFF)
        {
          if (compare_first (s, n))
            return EXIT_DIFFERENT;
        }
      else
        {
          /* COMPARED says where GNU cmp stops reading, and makes "EOF
             on FILE after byte N" on /dev/null.  */
          if (memcmp (s[0].p, s[1].p, n) != 0)
            {
              compared += first_difference (s[0].p, s[1].p, n);
              return EXIT_DIFFERENT;
            }
          compared += n;
        }
      advance (s, n);
      remaining -= n;
    }
  return differing ? EXIT_DIFFERENT : EXIT_SAME;
}

/* Open S's operand ("-" is standard input) and start reading it.  Exit
   with status 2 on failure: silently with -s if it cannot be opened,
   as GNU cmp does.  */
static void
open_side (struct side *s)
{
  s->n = 0;
  s->shared = false;
  s->fd = STREQ (s->name, "-") ? STDIN_FILENO : open (s->name, O_RDONLY);
  if (s->fd < 0)
    {
      if (comparison_type == TYPE_STATUS)
        exit (EXIT_TROUBLE);
      error (EXIT_TROUBLE, errno, "%s", s->name);
    }
  s->in = mm_open (s->fd, s->name, 0, '\n');
  if (!s->in)
    error (EXIT_TROUBLE, errno, "%s", s->name);
}

/* Set S->start for input number F: its offset now plus its skip, or -1
   if it cannot seek, as GNU cmp's file_position.  */
static void
set_start (struct side *s, int f)
{
  off_t pos = mm_offset (s->in);
  if (pos < 0 || ckd_add (&s->start, pos, ignore_initial[f]))
    s->start = -1;
}

/* Return the number of bytes regular file S holds past its start;
   negative if it starts past its end.  */
static off_t
bytes_after_start (struct side const *s)
{
  return mm_stat (s->in)->st_size - s->start;
}

/* If standard output is the null device, print diagnostics only.  */
static void
examine_output (void)
{
  struct stat out, null;
  if (comparison_type != TYPE_STATUS
      && fstat (STDOUT_FILENO, &out) == 0 && stat ("/dev/null", &null) == 0
      && SAME_INODE (out, null))
    comparison_type = TYPE_NO_STDOUT;
}

/* Return EXIT_SAME or EXIT_DIFFERENT if S[0] and S[1] can be told
   apart, or not, without reading them, -1 otherwise: the same file
   from the same offset is equal to itself, and when only the status
   matters, regular files with different sizes differ.  */
static int
early_answer (struct side const s[2])
{
  struct stat const *st0 = mm_stat (s[0].in), *st1 = mm_stat (s[1].in);
  if (SAME_INODE (*st0, *st1) && s[0].start == s[1].start)
    return EXIT_SAME;
  if (comparison_type == TYPE_STATUS
      && S_ISREG (st0->st_mode) && S_ISREG (st1->st_mode))
    {
      off_t size0 = MAX (0, bytes_after_start (&s[0]));
      off_t size1 = MAX (0, bytes_after_start (&s[1]));
      if (size0 != size1 && MIN (size0, size1) < bytes_limit)
        return EXIT_DIFFERENT;
    }
  return -1;
}

/* Set the width of -l's byte number column from the largest byte
   number that can be printed for inputs S.  */
static void
set_offset_width (struct side const s[2])
{
  intmax_t max = MIN (bytes_limit, TYPE_MAXIMUM (off_t));
  for (int f = 0; f < 2; f++)
    if (S_ISREG (mm_stat (s[f].in)->st_mode))
      max = MIN (max, bytes_after_start (&s[f]));
  for (offset_width = 1; (max /= 10) != 0; offset_width++)
    continue;
}

/* Skip the first ignore_initial[F] bytes of S, input number F.  Exit
   with a diagnostic on failure.  A directory is left alone: GNU cmp
   seeks in it and fails only when it reads.  */
static void
skip_initial (struct side *s, int f)
{
  if (S_ISDIR (mm_stat (s->in)->st_mode))
    return;
  off_t n = ignore_initial[f];
  off_t left = mm_remaining (s->in);
  if (0 <= left)
    n = MIN (n, left);
  if (n && !mm_skip (s->in, n))
    {
      mm_report_unquoted (s->in);
      exit (EXIT_TROUBLE);
    }
}

/* Stop reading S and leave its offset just after the bytes compared,
   as near as GNU cmp's read loop leaves it.  Exit with a diagnostic on
   failure.  */
static void
finish_side (struct side *s)
{
  mm_unread (s->in, s->n);
  if (!mm_close (s->in))
    error (EXIT_TROUBLE, errno, "%s", s->name);
}

/* Return how many bytes GNU cmp has read of each of S[0] and S[1] when
   it stops after COMPARED equal bytes: it reads both in blocks of the
   least common multiple of their block sizes, a whole block of each at
   a time, and never past -n's limit.  */
static intmax_t
gnu_bytes_read (struct side const s[2])
{
  intmax_t a = mm_stat (s[0].in)->st_blksize;
  intmax_t b = mm_stat (s[1].in)->st_blksize;
  intmax_t block = a <= 0 ? (b <= 0 ? 8 * 1024 : b) : a;
  if (0 < a && 0 < b)
    {
      intmax_t m = a, n = b, r;
      while ((r = m % n) != 0)
        m = n, n = r;
      if (ckd_mul (&block, a / n, b))
        block = a;
    }
  intmax_t read;
  if (ckd_mul (&read, compared / block + 1, block))
    read = INTMAX_MAX;
  return MIN (read, bytes_limit);
}

/* Return where GNU cmp leaves the offset of input S, if it is a
   regular file, after reading GNU_READ bytes from the comparison's
   start; -1 if the offset is left where mm_close leaves it.  Standard
   input may be read on by whoever runs mcmp.  */
static off_t
gnu_stop_offset (struct side const *s, intmax_t gnu_read)
{
  struct stat const *st = mm_stat (s->in);
  if (s->start < 0 || s->shared || !S_ISREG (st->st_mode))
    return -1;
  off_t left = MAX (0, st->st_size - s->start);
  return s->start + MIN (gnu_read, left);
}

/* Finish reading S: leave its offset just after the bytes compared, as
   near as GNU cmp's read loop leaves it, and close it.  Exit with a
   diagnostic on failure.  */
static void
close_side (struct side *s, intmax_t gnu_read)
{
  off_t stop = gnu_stop_offset (s, gnu_read);
  finish_side (s);
  /* A start past what lseek takes (-i 1P) fails here as GNU's skip
     failed: GNU says nothing then, nor does mcmp.  */
  if (0 <= stop)
    ignore_value (lseek (s->fd, stop, SEEK_SET));
  if (close (s->fd) != 0)
    error (EXIT_TROUBLE, errno, "%s", s->name);
}

/* Report a write error on standard output, as GNU cmp does when the
   files differ.  */
static void
check_stdout (void)
{
  bool failed = ferror (stdout);
  int err = failed || fflush (stdout) == 0 ? 0 : errno;
  if (failed || err)
    {
      /* Keep close_stdout quiet at exit.  */
      fpurge (stdout);
      clearerr (stdout);
      if (failed)
        error (EXIT_TROUBLE, 0, "%s", _("write failed"));
      error (EXIT_TROUBLE, err, "%s", _("standard output"));
    }
}

/* GNU cmp reads even with -n 0, zero bytes: exit with the diagnostic
   that read gives for S if it cannot be read, a directory or a
   descriptor open only for writing (xstdopen's stand-in for a closed
   standard input).  */
static void
check_readable (struct side const *s)
{
  if (S_ISDIR (mm_stat (s->in)->st_mode))
    error (EXIT_TROUBLE, EISDIR, "%s", s->name);
  int flags = fcntl (s->fd, F_GETFL);
  if (0 <= flags && (flags & O_ACCMODE) == O_WRONLY)
    error (EXIT_TROUBLE, EBADF, "%s", s->name);
}

/* Compare standard input, already open as S[1] and named by S[0] too,
   with different skips, as GNU cmp 3.8 does with its one descriptor:
   it seeks past the first skip and then past the second, so the two
   positions are equal only if the second skip is 0 (or if the input
   cannot seek: both are then unknown); if they are not, the two sides
   take blocks from the descriptor in turn, and closing it a second
   time fails.  Return the exit status, or exit.  */
static int
cmp_stdin_twice (struct side s[2])
{
  s[0].fd = s[1].fd;
  s[0].in = s[1].in;
  s[0].n = 0;
  set_start (&s[0], 0);
  if (s[0].start < 0)
    return EXIT_SAME;
  if (ckd_add (&s[1].start, s[0].start, ignore_initial[1]))
    s[1].start = -1;
  /* A device that can seek, such as the /dev/null that xstdopen puts
     in place of a closed standard input, reports the same offset
     after any seek.  */
  if (s[1].start == s[0].start || !S_ISREG (mm_stat (s[0].in)->st_mode))
    {
      /* GNU cmp has sought past the first skip.  */
      if (S_ISREG (mm_stat (s[0].in)->st_mode))
        skip_initial (&s[0], 0);
      finish_side (&s[0]);
      return EXIT_SAME;
    }
  skip_initial (&s[0], 0);
  skip_initial (&s[1], 1);

  examine_output ();
  int status = early_answer (s);
  if (0 <= status)
    return status;
  stdin_twice.block_size = ST_BLKSIZE (*mm_stat (s[0].in));
  for (int f = 0; f < 2; f++)
    {
      s[f].shared = true;
      s[f].block = ximalloc (stdin_twice.block_size);
    }
  if (comparison_type == TYPE_ALL_DIFFS)
    set_offset_width (s);
  status = compare_inputs (s);
  s[0].n = stdin_twice.n;
  finish_side (&s[0]);
  for (int f = 0; f < 2; f++)
    if (close (s[f].fd) != 0)
      error (EXIT_TROUBLE, errno, "%s", s[f].name);
  return status;
}

/* Compare the inputs named in S[0] and S[1], as GNU cmp does once
   options are parsed.  Return the exit status.  */
static int
cmp_files (struct side s[2])
{
  /* Open "-" first, so that a closed standard input is not mistaken
     for the other file.  Equal names and skips need no more.  */
  int first = STREQ (s[1].name, "-");
  open_side (&s[first]);
  if (ignore_initial[0] == ignore_initial[1] && STREQ (s[0].name, s[1].name))
    return EXIT_SAME;
  if (first && STREQ (s[0].name, "-"))
    return cmp_stdin_twice (s);
  open_side (&s[!first]);
  for (int f = 0; f < 2; f++)
    set_start (&s[f], f);

  examine_output ();
  int status = early_answer (s);
  if (0 <= status)
    {
      /* GNU cmp has sought past the skips by now.  */
      for (int f = 0; f < 2; f++)
        if (0 <= mm_offset (s[f].in))
          {
            skip_initial (&s[f], f);
            close_side (&s[f], 0);
          }
      return status;
    }
  if (comparison_type == TYPE_ALL_DIFFS)
    set_offset_width (s);
  for (int f = 0; f < 2; f++)
    {
      skip_initial (&s[f], f);
      if (bytes_limit == 0)
        check_readable (&s[f]);
    }

  status = compare_inputs (s);
  intmax_t gnu_read = gnu_bytes_read (s);
  for (int f = 0; f < 2; f++)
    close_side (&s[f], gnu_read);
  if (status != EXIT_SAME && comparison_type < TYPE_NO_STDOUT)
    check_stdout ();
  return status;
}

int
main (int argc, char **argv)
{
  initialize_main_tool (&argc, &argv, EXIT_TROUBLE);
  handle_stack_overflow ();
  xstdopen ();

  int c;
  gnu_abbreviations (argc, argv, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options, NULL))
         != -1)
    switch (c)
      {
      case 'b':
      case 'c':
        print_bytes = true;
        break;
      case 'i':
        parse_ignore_option (optarg);
        break;
      case 'l':
        if (comparison_type == TYPE_STATUS)
          bad_usage (_("options -l and -s are incompatible"), NULL);
        comparison_type = TYPE_ALL_DIFFS;
        break;
      case 'n':
        parse_bytes_option (optarg);
        break;
      case 's':
        if (comparison_type == TYPE_ALL_DIFFS)
          bad_usage (_("options -l and -s are incompatible"), NULL);
        comparison_type = TYPE_STATUS;
        break;
      case 'v':
        print_version (PROGRAM_NAME);
      case MM_IO_OPTION:
        mm_set_io (optarg);
        break;
      case MM_AMBIGUOUS_OPTION:
        report_ambiguous_option ();
      case GETOPT_HELP_CHAR:
        usage (EXIT_SUCCESS);
      default:
        usage (EXIT_TROUBLE);
      }

  if (optind == argc)
    bad_usage (_("missing operand after '%s'"), argv[argc - 1]);
  struct side s[2];
  s[0].name = argv[optind++];
  s[1].name = optind < argc ? argv[optind++] : "-";
  for (int f = 0; f < 2 && optind < argc; f++)
    {
      char *arg = argv[optind++];
      specify_ignore_initial (f, &arg, '\0');
    }
  if (optind < argc)
    bad_usage (_("extra operand '%s'"), argv[optind]);

  mm_init ();
  return cmp_files (s);
}
