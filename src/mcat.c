/* mcat -- concatenate files and print on the standard output.
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

/* A drop-in GNU cat 9.1 that reads regular files through mappings.
   Without formatting options it writes straight from the mapped
   window; with them, a byte loop formats into an output buffer.  */

#include <config.h>

#include <getopt.h>

#include "system.h"
#include "full-write.h"
#include "intprops.h"
#include "mapping.h"

#define PROGRAM_NAME "mcat"

/* Formatting options, named after their letters.  */
static bool number;             /* -n: number output lines */
static bool number_nonblank;    /* -b: number nonempty lines; beats -n */
static bool squeeze_blank;      /* -s: squeeze runs of empty lines */
static bool show_ends;          /* -E: $ at end of each line */
static bool show_tabs;          /* -T: TAB as ^I */
static bool show_nonprinting;   /* -v: ^ and M- notation */

/* The device and inode of standard output, if it is a regular file.  */
static bool out_isreg;
static dev_t out_dev;
static ino_t out_ino;

/* The next line number to print, as text: its digits end just before
   the tab at the end of LINE_NUM, spaces fill the rest, and it is
   printed from LINE_NUM_PRINT, at least six columns wide.  */
static char line_num[2 + INT_BUFSIZE_BOUND (uintmax_t)];
static char *line_num_first;    /* its first digit */
static char *line_num_print;    /* where its text starts */

/* Bytes that -v, -T and -E leave alone, so that runs of them are
   copied in bulk.  */
static bool verbatim[UCHAR_MAX + 1];

/* Consecutive newlines at the end of the output so far, as GNU cat
   counts them: -1 inside a line, 0 at the start of one, 1 after one
   empty line, 2 after more.  Kept across operands.  */
static int newlines;

/* With -E and without -v, a carriage return just read whose fate
   depends on the next byte: before a newline it shows as ^M.  Kept
   across chunks and operands.  */
static bool pending_cr;

/* The formatted output buffer, flushed when it fills past OUTBUF_FLUSH.
   The margin covers what one input byte and a line number can add.  */
enum { OUTBUF_FLUSH = 128 * 1024, OUTBUF_MARGIN = 64 };
static char outbuf[OUTBUF_FLUSH + OUTBUF_MARGIN];
static char *outp = outbuf;

static char const short_options[] = "benstuvAET";

static struct option const long_options[] =
{
  {"number-nonblank", no_argument, NULL, 'b'},
  {"number", no_argument, NULL, 'n'},
  {"squeeze-blank", no_argument, NULL, 's'},
  {"show-nonprinting", no_argument, NULL, 'v'},
  {"show-ends", no_argument, NULL, 'E'},
  {"show-tabs", no_argument, NULL, 'T'},
  {"show-all", no_argument, NULL, 'A'},
  MM_IO_LONG_OPTION,
  MM_AMBIGUOUS_LONG_OPTION,
  {GETOPT_HELP_OPTION_DECL},
  {GETOPT_VERSION_OPTION_DECL},
  {NULL, 0, NULL, 0}
};

void
usage (int status)
{
  if (status != EXIT_SUCCESS)
    emit_try_help ();
  else
    {
      printf (_("Usage: %s [OPTION]... [FILE]...\n"), program_name);
      fputs (_("\
Concatenate FILE(s) to standard output.\n\
\n\
With no FILE, or when FILE is -, read standard input.\n\
\n\
"), stdout);
      fputs (_("\
  -A, --show-all           equivalent to -vET\n\
  -b, --number-nonblank    number nonempty output lines, overrides -n\n\
  -e                       equivalent to -vE\n\
  -E, --show-ends          display $ at end of each line\n\
  -n, --number             number all output lines\n\
  -s, --squeeze-blank      suppress repeated empty output lines\n\
"), stdout);
      fputs (_("\
  -t                       equivalent to -vT\n\
  -T, --show-tabs          display TAB characters as ^I\n\
  -u                       (ignored)\n\
  -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB\n\
"), stdout);
      fputs (MM_IO_OPTION_DESCRIPTION, stdout);
      fputs (HELP_OPTION_DESCRIPTION, stdout);
      fputs (VERSION_OPTION_DESCRIPTION, stdout);
      printf (_("\
\n\
Examples:\n\
  %s f - g  Output f's contents, then standard input, then g's contents.\n\
  %s        Copy standard input to standard output.\n\
"),
              program_name, program_name);
      emit_ancillary_info (PROGRAM_NAME);
    }
  exit (status);
}

/* Write the N bytes at BUF to standard output, or die.  */
static void
write_out (char const *buf, idx_t n)
{
  if (full_write (STDOUT_FILENO, buf, n) != n)
    write_error ();
}

/* Write out the formatted output buffer.  */
static void
flush_outbuf (void)
{
  write_out (outbuf, outp - outbuf);
  outp = outbuf;
}

/* Copy IN to standard output unformatted: within the kernel into a
   regular file, as GNU cat does, else chunk by chunk.  Return true if
   OK; report and return false on a failure.  */
static bool
plain_cat (struct mm_input *in, char const *file)
{
  if (out_isreg)
    {
      int copied = mm_copy_to (in, STDOUT_FILENO);
      if (copied < 0)
        error (0, errno, "%s", quotef (file));
      if (copied)
        return 0 < copied;
    }
  char *p;
  idx_t n;
  int r;
  while (0 < (r = mm_next (in, &p, &n)))
    write_out (p, n);
  if (r < 0)
    mm_report (in);
  return r == 0;
}

/* Set up the line counter at 1 (printed as "     1\t").  */
static void
init_line_number (void)
{
  char *tab = line_num + sizeof line_num - 1;
  memset (line_num, ' ', sizeof line_num - 1);
  *tab = '\t';
  tab[-1] = '1';
  line_num_first = tab - 1;
  line_num_print = tab - 6;
}

/* Append the line number to the output buffer and count one more.  */
static void
put_line_number (void)
{
  char *end = line_num + sizeof line_num;
  idx_t len = end - line_num_print;
  memcpy (outp, line_num_print, len);
  outp += len;
  char *d = end - 2;
  while (*d == '9')
    *d-- = '0';
  *d = *d == ' ' ? '1' : *d + 1;
  if (d < line_num_first)
    line_num_first = d;
  if (d < line_num_print)
    line_num_print = d;
}

/* Append byte CH, a byte other than newline, to the output buffer as
   the formatting options say.  */
static void
put_byte (unsigned char ch)
{
  if (show_nonprinting)
    {
      /* TAB stays itself without -T; its high twin shows as M-^I.  */
      if (ch == '\t' && !show_tabs)
        *outp++ = ch;
      else
        outp = put_caret_notation (outp, ch);
    }
  else if (ch == '\t' && show_tabs)
    {
      *outp++ = '^';
      *outp++ = 'I';
    }
  else
    *outp++ = ch;
}

/* Append a newline that ends a line to the output buffer, unless -s
   squeezes it, with its line number if it ends an empty line.  */
static void
put_newline (void)
{
  if (0 < ++newlines)
    {
      if (2 <= newlines)
        {
          newlines = 2;
          if (squeeze_blank)
            return;
        }
      if (number && !number_nonblank)
        put_line_number ();
    }
  if (show_ends)
    *outp++ = '$';
  *outp++ = '\n';
}

/* Put out a pending carriage return, as ^M if NEXT is a newline.  */
static void
put_pending_cr (char next)
{
  if (next == '\n')
    {
      *outp++ = '^';
      *outp++ = 'M';
    }
  else
    *outp++ = '\r';
  pending_cr = false;
}

/* Decide which bytes the formatting options leave alone.  */
static void
init_verbatim (void)
{
  for (int b = 0; b <= UCHAR_MAX; b++)
    {
      char out[4] = { 0 };
      char *saved = outp;
      outp = out;
      put_byte (b);
      verbatim[b] = (outp == out + 1 && out[0] == b && b != '\n'
                     && ! (b == '\r' && show_ends));
      outp = saved;
    }
}

/* Return true if the 8 bytes of X are all printable ASCII (space to
   tilde), which no formatting option changes.  A byte below space
   borrows in the subtraction, one above tilde carries into the sign bit
   in the addition or has it already; neither happens otherwise.  */
static bool
printable_word (uint64_t x)
{
  uint64_t ones = 0x0101010101010101;
  return !(((x - 0x20 * ones) | (x + ones) | x) & (0x80 * ones));
}

/* Copy the verbatim bytes from P on, up to END, to O, but not past
   OLIM; set *OP to the end of what was copied and return where the
   copy stopped.  Printable text goes 8 bytes at a time.  (gcc
   -fanalyzer calls X uninitialised: it cannot see that read() or a
   copy from a mapping filled the buffer behind P.)  */
static char const *
copy_verbatim (char const *p, char const *end, char **op, char const *olim)
{
  char *o = *op;
  for (;;)
    {
      while (8 <= end - p && 8 <= olim - o)
        {
          uint64_t x;
          memcpy (&x, p, 8);
          if (!printable_word (x))
            break;
          memcpy (o, &x, 8);
          o += 8;
          p += 8;
        }
      if (! (p < end && o < olim && verbatim[(unsigned char) *p]))
        break;
      *o++ = *p++;
    }
  *op = o;
  return p;
}

/* Append the bytes from P up to the next newline or END, to the output
   buffer, formatted; return where they stop.  Verbatim bytes are
   copied in a tight loop, other bytes formatted one by one.  */
static char const *
format_run (char const *p, char const *end)
{
  while (p < end)
    {
      if (OUTBUF_FLUSH <= outp - outbuf)
        flush_outbuf ();
      char const *olim = outbuf + OUTBUF_FLUSH;
      p = copy_verbatim (p, end, &outp, olim);
      if (p == end || *p == '\n')
        break;
      if (outp == olim)
        continue;
      if (*p == '\r' && show_ends && !show_nonprinting)
        {
          if (p + 1 < end)
            put_pending_cr (p[1]);
          else
            pending_cr = true;
        }
      else
        put_byte (*p);
      p++;
    }
  return p;
}

/* Format the LEN bytes at P into the output buffer, a line (or the
   part of one in this chunk) at a time.  */
static void
format_chunk (char const *p, idx_t len)
{
  char const *end = p + len;
  while (p < end)
    {
      if (pending_cr)
        put_pending_cr (*p);
      if (*p == '\n')
        {
          put_newline ();
          p++;
        }
      else
        {
          if (0 <= newlines && number)
            put_line_number ();
          newlines = -1;
          p = format_run (p, end);
        }
      if (OUTBUF_FLUSH <= outp - outbuf)
        flush_outbuf ();
    }
}

/* Copy IN to standard output with the formatting options.  Return true
   if OK; report and return false on a read failure.  */
static bool
cooked_cat (struct mm_input *in)
{
  char *p;
  idx_t n;
  int r;
  while (0 < (r = mm_next (in, &p, &n)))
    format_chunk (p, n);
  flush_outbuf ();
  if (r < 0)
    mm_report (in);
  return r == 0;
}

/* True if copying IN to standard output would read what it writes.  */
static bool
input_is_output (struct mm_input const *in)
{
  struct stat const *st = mm_stat (in);
  return (out_isreg && st->st_dev == out_dev && st->st_ino == out_ino
          && 0 < mm_remaining (in));
}

/* True if standard input was named, and must be closed at the end.  */
static bool have_read_stdin;

/* Copy the file named FILE ("-" for standard input) to standard
   output, plain or COOKED.  Return true if OK, false after reporting
   a failure.  */
static bool
cat_file (char const *file, bool cooked)
{
  bool is_stdin = STREQ (file, "-");
  have_read_stdin |= is_stdin;
  int fd = is_stdin ? STDIN_FILENO : open (file, O_RDONLY);
  if (fd < 0)
    {
      error (0, errno, "%s", quotef (file));
      return false;
    }

  struct mm_input *in = mm_open (fd, file, 0, '\n');
  bool ok = in != NULL;
  if (!ok)
    error (0, errno, "%s", quotef (file));
  else
    {
      if (input_is_output (in))
        {
          error (0, 0, _("%s: input file is output file"), quotef (file));
          ok = false;
        }
      else
        ok = cooked ? cooked_cat (in) : plain_cat (in, file);
      ok &= mm_close (in);
    }

  if (!is_stdin && close (fd) != 0)
    {
      error (0, errno, "%s", quotef (file));
      ok = false;
    }
  return ok;
}

/* Note the identity of standard output, to catch input == output.  */
static void
examine_output (void)
{
  struct stat st;
  if (fstat (STDOUT_FILENO, &st) != 0)
    error (EXIT_FAILURE, errno, _("standard output"));
  out_isreg = S_ISREG (st.st_mode);
  out_dev = st.st_dev;
  out_ino = st.st_ino;
}

int
main (int argc, char **argv)
{
  initialize_main_tool (&argc, &argv, EXIT_FAILURE);

  int c;
  gnu_abbreviations (argc, argv, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options, NULL))
         != -1)
    switch (c)
      {
      case 'b': number = number_nonblank = true; break;
      case 'e': show_ends = show_nonprinting = true; break;
      case 'n': number = true; break;
      case 's': squeeze_blank = true; break;
      case 't': show_tabs = show_nonprinting = true; break;
      case 'u': break;          /* GNU cat ignores -u too.  */
      case 'v': show_nonprinting = true; break;
      case 'A': show_nonprinting = show_ends = show_tabs = true; break;
      case 'E': show_ends = true; break;
      case 'T': show_tabs = true; break;
      case MM_IO_OPTION: mm_set_io (optarg); break;
      case MM_AMBIGUOUS_OPTION: report_ambiguous_option ();
      case GETOPT_HELP_CHAR: usage (EXIT_SUCCESS);
      case GETOPT_VERSION_CHAR: print_version (PROGRAM_NAME);
      default: usage (EXIT_FAILURE);
      }

  mm_init ();
  examine_output ();
  widen_output_pipe ();

  bool cooked = (number || squeeze_blank || show_ends || show_tabs
                 || show_nonprinting);
  init_line_number ();
  init_verbatim ();
  bool ok = true;
  if (optind == argc)
    ok = cat_file ("-", cooked);
  for (; optind < argc; optind++)
    ok &= cat_file (argv[optind], cooked);
  if (pending_cr)
    {
      put_pending_cr ('\0');
      flush_outbuf ();
    }

  /* As GNU cat, even when standard input was closed from the start.  */
  if (have_read_stdin && close (STDIN_FILENO) != 0)
    error (EXIT_FAILURE, errno, _("closing standard input"));
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
