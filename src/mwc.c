/* mwc -- print newline, word, and byte counts for each file.
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

/* A drop-in GNU wc 9.1 that reads regular files through mappings.
   Counting bytes alone answers from the file's size; counting lines
   (and bytes) uses the vectorized newline count; anything else goes
   through textcount, whose ASCII blocks are counted in bulk.  */

#include <config.h>

#include <getopt.h>

#include "system.h"
#include "argv-iter.h"
#include "count.h"
#include "mapping.h"
#include "physmem.h"
#include "readtokens0.h"
#include "stat-size.h"
#include "textcount.h"
#include "xalloc.h"
#include "xbinary-io.h"

#define PROGRAM_NAME "mwc"

/* Quote a name always, as coreutils' quoteaf does.  */
#define quoteaf(arg) \
  quotearg_style (shell_escape_always_quoting_style, arg)

/* The counts to print, named after their letters.  */
static bool print_lines;        /* -l */
static bool print_words;        /* -w */
static bool print_chars;        /* -m */
static bool print_bytes;        /* -c */
static bool print_linelength;   /* -L */

/* The width of each count's column.  */
static int number_width;

/* The counts summed over all inputs, and the longest line of any.  */
static uintmax_t total_lines;
static uintmax_t total_words;
static uintmax_t total_chars;
static uintmax_t total_bytes;
static uintmax_t max_line_length;

/* --debug: say which way newlines are counted, as GNU wc 9.1 does.  */
static bool debug;

/* True if standard input was read, and must be closed at the end.  */
static bool have_read_stdin;

/* The counts of one input.  */
struct counts
{
  uintmax_t lines, words, chars, bytes, linelength;
};

/* For long options that have no equivalent short option.  */
enum
{
  DEBUG_PROGRAM_OPTION = CHAR_MAX + 1,
  FILES0_FROM_OPTION
};

static char const short_options[] = "clLmw";

static struct option const long_options[] =
{
  {"bytes", no_argument, NULL, 'c'},
  {"chars", no_argument, NULL, 'm'},
  {"lines", no_argument, NULL, 'l'},
  {"words", no_argument, NULL, 'w'},
  {"debug", no_argument, NULL, DEBUG_PROGRAM_OPTION},
  {"files0-from", required_argument, NULL, FILES0_FROM_OPTION},
  {"max-line-length", no_argument, NULL, 'L'},
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
      printf (_("\
Usage: %s [OPTION]... [FILE]...\n\
  or:  %s [OPTION]... --files0-from=F\n\
"),
              program_name, program_name);
      fputs (_("\
Print newline, word, and byte counts for each FILE, and a total line if\n\
more than one FILE is specified.  A word is a non-zero-length sequence of\n\
printable characters delimited by white space.\n\
"), stdout);
      fputs (_("\
\n\
With no FILE, or when FILE is -, read standard input.\n\
"), stdout);
      fputs (_("\
\n\
The options below may be used to select which counts are printed, always in\n\
the following order: newline, word, character, byte, maximum line length.\n\
  -c, --bytes            print the byte counts\n\
  -m, --chars            print the character counts\n\
  -l, --lines            print the newline counts\n\
"), stdout);
      fputs (_("\
      --files0-from=F    read input from the files specified by\n\
                           NUL-terminated names in file F;\n\
                           If F is - then read names from standard input\n\
  -L, --max-line-length  print the maximum display width\n\
  -w, --words            print the word counts\n\
"), stdout);
      fputs (MM_IO_OPTION_DESCRIPTION, stdout);
      fputs (HELP_OPTION_DESCRIPTION, stdout);
      fputs (VERSION_OPTION_DESCRIPTION, stdout);
      emit_ancillary_info (PROGRAM_NAME);
    }
  exit (status);
}

/* Print the counts C that were asked for, in columns of number_width,
   then FILE unless it is null.  */
static void
write_counts (struct counts const *c, char const *file)
{
  uintmax_t const values[] = { c->lines, c->words, c->chars, c->bytes,
                               c->linelength };
  bool const wanted[] = { print_lines, print_words, print_chars,
                          print_bytes, print_linelength };
  char const *sep = "";
  for (int i = 0; i < 5; i++)
    if (wanted[i])
      {
        printf ("%s%*ju", sep, number_width, values[i]);
        sep = " ";
      }
  if (file)
    printf (" %s", strchr (file, '\n') ? quotef (file) : file);
  putchar ('\n');
}

/* Count the bytes of IN into C->bytes, as GNU wc 9.1 does when bytes
   are all it counts.  A regular file whose size is not a multiple of
   the page size is not read: its size less the offset is the count,
   and the offset stays.  One whose size is such a multiple might be a
   /proc-like file whose size is approximate: GNU wc then skips forward
   by the size rounded down to a multiple of st_blksize + 1 (from the
   current offset, not from the start: 9.1 counts short after an
   offset, and so does mwc) and reads the rest.  Other inputs are read.
   Return true if OK; report and return false on a failure.  */
static bool
count_bytes_only (struct mm_input *in, struct counts *c)
{
  off_t remaining = mm_remaining (in);
  if (0 <= remaining)
    {
      struct stat const *st = mm_stat (in);
      off_t size = st->st_size;
      if (size % getpagesize () != 0)
        {
          c->bytes = remaining;
          return true;
        }
      off_t hi = size - size % (ST_BLKSIZE (*st) + 1);
      off_t pos = size - remaining;
      if (pos < hi)
        {
          if (!mm_skip (in, hi))
            {
              mm_report (in);
              return false;
            }
          c->bytes = hi - pos;
        }
    }

  char *p;
  idx_t n;
  int r;
  while (0 < (r = mm_next (in, &p, &n)))
    if (mm_verify (in))
      c->bytes += n;
  if (r < 0)
    mm_report (in);
  return r == 0;
}

/* Count the lines and bytes of IN into C.  Return true if OK; report
   and return false on a failure.  */
static bool
count_lines (struct mm_input *in, struct counts *c)
{
  char *p;
  idx_t n;
  int r;
  while (0 < (r = mm_next (in, &p, &n)))
    {
      intmax_t lines = count_newlines (p, n);
      if (mm_verify (in))
        {
          c->lines += lines;
          c->bytes += n;
        }
    }
  if (r < 0)
    mm_report (in);
  return r == 0;
}

/* Count IN into C: the counts that WHAT (TC_* flags) asks for, and its
   bytes.  Return true if OK; report and return false on a failure.  */
static bool
count_text (struct mm_input *in, int what, struct counts *c)
{
  struct tc_state st;
  tc_start (&st, what);
  char *p;
  idx_t n;
  int r;
  while (0 < (r = mm_next (in, &p, &n)))
    {
      /* A chunk found cut is counted again from what is left of it.  */
      struct tc_state before = st;
      tc_scan (&st, p, n);
      if (mm_verify (in))
        c->bytes += n;
      else
        st = before;
    }
  tc_finish (&st);
  c->lines = st.lines;
  c->words = st.words;
  c->chars = st.chars;
  c->linelength = st.width;
  if (r < 0)
    mm_report (in);
  return r == 0;
}

/* Count the counts asked for from IN into C, choosing the cheapest way.
   Return true if OK; report and return false on a failure.  */
static bool
count_input (struct mm_input *in, struct counts *c)
{
  bool multibyte = tc_multibyte ();
  bool count_chars = print_chars && multibyte;
  bool count_bytes = print_bytes || (print_chars && !multibyte);
  bool complicated = print_words || print_linelength;
  bool ok;
  if (count_bytes && !count_chars && !print_lines && !complicated)
    ok = count_bytes_only (in, c);
  else if (!count_chars && !complicated)
    {
      /* GNU wc 9.1 says this each time it counts lines alone.  */
      if (debug)
        error (0, 0, (count_have_avx2 () ? _("using avx2 hardware support")
                      : _("avx2 support not detected")));
      ok = count_lines (in, c);
    }
  else
    ok = count_text (in, ((print_lines ? TC_LINES : 0)
                          | (print_words ? TC_WORDS : 0)
                          | (count_chars ? TC_CHARS : 0)
                          | (print_linelength ? TC_WIDTH : 0)), c);
  if (!count_chars)
    c->chars = c->bytes;
  return ok;
}

/* Count the input open on FD, named FILE (null for the standard input
   given by no operand), print its counts and add them to the totals.
   Return true if OK; report and return false on a failure.  */
static bool
wc (int fd, char const *file)
{
  char const *name = file ? file : _("standard input");
  struct counts c = { 0, 0, 0, 0, 0 };
  struct mm_input *in = mm_open (fd, name, MM_INPLACE, '\n');
  bool ok = in != NULL;
  if (!ok)
    error (0, errno, "%s", quotef (name));
  else
    {
      ok = count_input (in, &c);
      if (!mm_close (in))
        {
          error (0, errno, "%s", quotef (name));
          ok = false;
        }
    }
  write_counts (&c, file);
  total_lines += c.lines;
  total_words += c.words;
  total_chars += c.chars;
  total_bytes += c.bytes;
  max_line_length = MAX (max_line_length, c.linelength);
  return ok;
}

/* Count the file named FILE, "-" or null for the standard input.
   Return true if OK; report and return false on a failure.  */
static bool
wc_file (char const *file)
{
  if (!file || STREQ (file, "-"))
    {
      have_read_stdin = true;
      xset_binary_mode (STDIN_FILENO, O_BINARY);
      return wc (STDIN_FILENO, file);
    }
  int fd = open (file, O_RDONLY | O_BINARY);
  if (fd < 0)
    {
      error (0, errno, "%s", quotef (file));
      return false;
    }
  bool ok = wc (fd, file);
  if (close (fd) != 0)
    {
      error (0, errno, "%s", quotef (file));
      return false;
    }
  return ok;
}

/* Return the width of the count columns for the NFILES files named in
   FILES (null or "-" for the standard input), as GNU wc 9.1 sets it
   before counting: enough digits for the regular files' total size,
   at least 7 if any input is not a regular file, and 1 if no input is
   known in advance or one count of one input is printed alone.  */
static int
compute_number_width (idx_t nfiles, char *const *files)
{
  if (nfiles == 0
      || (nfiles == 1
          && (print_lines + print_words + print_chars + print_bytes
              + print_linelength) == 1))
    return 1;

  int minimum_width = 1;
  uintmax_t regular_total = 0;
  for (idx_t i = 0; i < nfiles; i++)
    {
      struct stat st;
      if ((!files[i] || STREQ (files[i], "-")
           ? fstat (STDIN_FILENO, &st) : stat (files[i], &st)) == 0)
        {
          if (S_ISREG (st.st_mode))
            regular_total += st.st_size;
          else
            minimum_width = 7;
        }
    }

  int width = 1;
  for (; 10 <= regular_total; regular_total /= 10)
    width++;
  return MAX (width, minimum_width);
}

/* Open the list of NUL-terminated file names FILES_FROM ("-" for the
   standard input).  If it is a regular file of reasonable size, read
   all its names into TOK now, set *READ_TOKENS, *NFILES and *FILES;
   otherwise set *NFILES to 0 and *FILES to null, to read the names one
   at a time.  Exit on failure to open or read the list.  Return an
   iterator over the names.  */
static struct argv_iterator *
open_files0 (char const *files_from, struct Tokens *tok, bool *read_tokens,
             idx_t *nfiles, char ***files)
{
  FILE *stream = stdin;
  if (!STREQ (files_from, "-"))
    {
      stream = fopen (files_from, "r");
      if (!stream)
        error (EXIT_FAILURE, errno, _("cannot open %s for reading"),
               quoteaf (files_from));
    }

  struct stat st;
  if (fstat (fileno (stream), &st) == 0
      && S_ISREG (st.st_mode)
      && st.st_size <= MIN (SIZE_MAX, physmem_available () / 2))
    {
      *read_tokens = true;
      readtokens0_init (tok);
      if (! readtokens0 (stream, tok) || fclose (stream) != 0)
        error (EXIT_FAILURE, 0, _("cannot read file names from %s"),
               quoteaf (files_from));
      *files = tok->tok;
      *nfiles = tok->n_tok;
      return argv_iter_init_argv (*files);
    }
  *files = NULL;
  *nfiles = 0;
  return argv_iter_init_stream (stream);
}

/* True if FILE, the name AI just handed out, can be counted; if not,
   say why.  FILES_FROM is the list of names AI reads, or null.  */
static bool
acceptable_name (char const *file, struct argv_iterator const *ai,
                 char const *files_from)
{
  if (files_from && STREQ (files_from, "-") && STREQ (file, "-"))
    {
      /* Better than reading the list as a file: printf - | wc --files0-from=-  */
      error (0, 0, _("when reading file names from stdin, "
                     "no file name of %s allowed"),
             quoteaf (file));
      return false;
    }
  if (!file[0])
    {
      if (!files_from)
        error (0, 0, "%s", _("invalid zero-length file name"));
      else
        error (0, 0, "%s:%lu: %s", quotef (files_from),
               (unsigned long int) argv_iter_n_args (ai),
               _("invalid zero-length file name"));
      return false;
    }
  return true;
}

/* Count each input that AI hands out, read from FILES_FROM if not
   null; with no operands at all, count the standard input.  Return
   true if all went well.  */
static bool
wc_inputs (struct argv_iterator *ai, char const *files_from)
{
  bool ok = true;
  for (;;)
    {
      enum argv_iter_err err;
      char *file = argv_iter (ai, &err);
      if (!file)
        {
          if (err == AI_ERR_EOF)
            break;
          if (err != AI_ERR_READ)
            xalloc_die ();
          error (0, errno, _("%s: read error"), quotef (files_from));
          ok = false;
          break;
        }
      if (acceptable_name (file, ai, files_from))
        ok &= wc_file (file);
      else
        ok = false;
    }

  /* No operands means the standard input; an empty --files0-from list
     means nothing.  */
  if (ok && !files_from && argv_iter_n_args (ai) == 0)
    ok &= wc_file (NULL);
  return ok;
}

int
main (int argc, char **argv)
{
  initialize_main_tool (&argc, &argv, EXIT_FAILURE);

  char *files_from = NULL;
  int c;
  gnu_abbreviations (argc, argv, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options, NULL))
         != -1)
    switch (c)
      {
      case 'c': print_bytes = true; break;
      case 'm': print_chars = true; break;
      case 'l': print_lines = true; break;
      case 'w': print_words = true; break;
      case 'L': print_linelength = true; break;
      case DEBUG_PROGRAM_OPTION: debug = true; break;
      case FILES0_FROM_OPTION: files_from = optarg; break;
      case MM_IO_OPTION: mm_set_io (optarg); break;
      case MM_AMBIGUOUS_OPTION: report_ambiguous_option ();
      case GETOPT_HELP_CHAR: usage (EXIT_SUCCESS);
      case GETOPT_VERSION_CHAR: print_version (PROGRAM_NAME);
      default: usage (EXIT_FAILURE);
      }

  mm_init ();
  tc_init ();
  /* GNU wc's output is line buffered: each input's counts go out as soon
     as they are known, between its diagnostics, and a write error does
     not stop the counting.  */
  setvbuf (stdout, NULL, _IOLBF, 0);
  if (! (print_lines || print_words || print_chars || print_bytes
         || print_linelength))
    print_lines = print_words = print_bytes = true;

  struct Tokens tok;
  bool read_tokens = false;
  idx_t nfiles;
  char **files;
  struct argv_iterator *ai;
  if (files_from)
    {
      if (optind < argc)
        {
          error (0, 0, _("extra operand %s"), quoteaf (argv[optind]));
          fprintf (stderr, "%s\n",
                   _("file operands cannot be combined with --files0-from"));
          usage (EXIT_FAILURE);
        }
      ai = open_files0 (files_from, &tok, &read_tokens, &nfiles, &files);
    }
  else
    {
      static char *stdin_only[] = { NULL };
      files = optind < argc ? argv + optind : stdin_only;
      nfiles = optind < argc ? argc - optind : 1;
      ai = argv_iter_init_argv (files);
    }
  if (!ai)
    xalloc_die ();

  number_width = compute_number_width (nfiles, files);
  bool ok = wc_inputs (ai, files_from);
  if (read_tokens)
    readtokens0_free (&tok);

  if (1 < argv_iter_n_args (ai))
    {
      struct counts total = { total_lines, total_words, total_chars,
                              total_bytes, max_line_length };
      write_counts (&total, _("total"));
    }
  argv_iter_free (ai);

  if (have_read_stdin && close (STDIN_FILENO) != 0)
    error (EXIT_FAILURE, errno, "-");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
