/* mgrep -- print lines that match patterns.
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

/* A drop-in GNU grep 3.8 (without recursion) that searches the input
   helper's chunks of whole lines at once.  The matchers in search.c find matching lines; this
   file decides what to read and prints exactly what GNU grep prints.

   GNU grep decides that a file is binary per read buffer, so which
   lines it prints before a late NUL depends on its buffer boundaries.
   mgrep computes those boundaries (see struct gnu_buffers) and, where a
   chunk ends inside such a buffer, holds the output for the rest of
   it until the next chunk tells whether the buffer had a NUL.  */

#include <config.h>

#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <wchar.h>

#include "system.h"
#include "argmatch.h"
#include "count.h"
#include "c-ctype.h"
#include "getprogname.h"
#include "ignore-value.h"
#include "intprops.h"
#include "inttostr.h"
#include "mapping.h"
#include "same-inode.h"
#include "search.h"
#include "xalloc.h"
#include "xstrtol.h"

#define PROGRAM_NAME "mgrep"

/* Separators after the file name, line number and byte offset.  */
enum { SEP_CHAR_SELECTED = ':', SEP_CHAR_REJECTED = '-' };

/* What -l and -L ask for.  */
enum list_files { LISTFILES_NONE, LISTFILES_MATCHING, LISTFILES_NONMATCHING };

/* --binary-files.  */
enum binary_files { BINARY_BINARY_FILES, TEXT_BINARY_FILES,
                    WITHOUT_MATCH_BINARY_FILES };

/* -d and -D.  */
enum directories { READ_DIRECTORIES, SKIP_DIRECTORIES, RECURSE_DIRECTORIES };
enum devices { READ_COMMAND_LINE_DEVICES, READ_DEVICES, SKIP_DEVICES };

/* Options, named as in GNU grep.  */
static struct match_options match_opts = { .eol = '\n' }; /* -i -w -x -z */
static enum match_kind match_kind;       /* -G -E -F -P */
static bool match_kind_set;              /* one of them was given */
static bool out_invert;                  /* -v */
static bool skip_empty_lines;            /* no empty line is selected */
static bool out_line;                    /* -n */
static bool out_byte;                    /* -b */
static bool count_matches;               /* -c */
static bool only_matching;               /* -o */
static bool align_tabs;                  /* -T */
static bool line_buffered;               /* --line-buffered */
static bool suppress_errors;             /* -s */
static bool exit_on_match;               /* -q */
static bool out_file;                    /* print file names */
static char filename_mask = ~0;          /* 0 with -Z: NUL after names */
static enum list_files list_files;       /* -l, -L */
static enum binary_files binary_files;   /* -a, -I, --binary-files */
static enum directories directories;     /* -d */
static enum devices devices;             /* -D */
static intmax_t out_before = -1;         /* -B */
static intmax_t out_after = -1;          /* -A */
static intmax_t max_count = INTMAX_MAX;  /* -m */
static char const *group_separator = "--"; /* --group-separator */
static char const *label;                /* --label */
static int color_option;                 /* 0 never, 1 always, 2 auto */

/* Derived settings.  */
static bool out_quiet;          /* print no lines */
static bool done_on_match;      /* stop reading a file at its first match */
static bool dev_null_output;    /* standard output is /dev/null */
/* The size of standard output's buffer: fewer, larger writes.  */
enum { STDOUT_BUFSIZE = 128 * 1024 };
static struct stat out_stat;    /* standard output, if a regular file */
static struct matcher *matcher; /* the compiled patterns */
static bool errseen;            /* some file could not be searched */

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

/* GNU grep 3.8's input buffer, which decides binary-ness: the first
   read is 96 KiB; each later one reads into the same buffer after the
   bytes it keeps (the last partial line and leading context), page
   aligned, so it is 96 KiB plus a page less the keep rounded up with
   the buffer's offset in its page.  That offset comes from malloc; it
   is 1952 for the default matcher here, and 16 once the buffer has
   grown into its own mapping for a long line.  */
enum { GNU_INITIAL_BUFSIZE = 96 * 1024, GNU_HEAP_OFFSET = 1952,
       GNU_MMAP_OFFSET = 16 };

/* Where GNU grep's buffers fall in the input being searched: offsets
   are from where searching began.  */
struct gnu_buffers
{
  off_t next;                   /* end of the current buffer's data */
  idx_t size;                   /* GNU's buffer size, without slop */
  idx_t offset;                 /* the buffer's offset in its page */
};

/* State of the search of one input.  */
struct scan
{
  struct mm_input *in;          /* the input */
  char const *name;             /* its name for output */
  bool is_stdin;                /* it is standard input */
  off_t start;                  /* its offset when searching began */
  intmax_t nlines;              /* selected lines so far */
  intmax_t outleft;             /* selected lines still allowed (-m) */
  intmax_t pending;             /* trailing context lines to print */
  intmax_t totalnl;             /* lines before LASTNL */
  intmax_t nlines_first_null;   /* NLINES when it turned binary, or -1 */
  bool encoding_error_output;   /* a line was not printed for that */
  bool quiet;                   /* OUT_QUIET for this input */
  bool done_on_match;           /* DONE_ON_MATCH for this input */
  bool ineof;                   /* read to its end */
  off_t after_last_match;       /* offset just after the last selected
                                   line, from START */
  off_t lastout_off;            /* offset after the last line output,
                                   or -1 */

  /* The chunk being searched.  */
  char *bufbeg;                 /* its start */
  char *buflim;                 /* its end */
  off_t buf_off;                /* its offset from START */
  char const *lastnl;           /* lines are counted up to here */
  char *lastout;                /* end of the last line output in this
                                   chunk, or null */
  char *nul;                    /* its first NUL found, or null */
  char *nul_scanned;            /* it is scanned for NULs up to here */

  /* Leading context kept from the previous chunk.  */
  char *ctx;                    /* its lines, after a spare byte */
  idx_t ctx_len;                /* their length */
  off_t ctx_off;                /* offset of the first one */
  intmax_t ctx_nl;              /* lines before the first one */

  /* GNU grep's buffer start: where the leading context it kept from
     its previous buffer starts, as an offset from START.  With no
     output since then, it prints trailing context from there.  */
  off_t gnu_beg;

  /* Lines that GNU grep may print as trailing context and that are
     before the current chunk: those from its last output (or gnu_beg)
     on, when a selected line may not be printed (see keep_resume).
     They are in GNU's current buffer, so they take no more memory
     than GNU grep's buffer does.  */
  char *resume;                 /* the lines, after a spare byte */
  idx_t resume_len;             /* their length */
  idx_t resume_alloc;           /* the allocated size */
  off_t resume_off;             /* offset of the first, or -1 */
  intmax_t resume_nl;           /* lines before the first */

  /* Binary detection like GNU's.  */
  struct gnu_buffers gb;        /* GNU's buffers */
  bool binary;                  /* a NUL was seen: zap NULs, be quiet */
  bool run_continues;           /* the last lines searched ended in a run
                                   of non-matching lines (-v) that goes
                                   on in the next lines */
  bool held;                    /* output is being held */
  off_t held_until;             /* until this offset is known NUL-free */
  intmax_t held_nlines;         /* NLINES when holding began */
  intmax_t held_outleft;        /* OUTLEFT when holding began */
};

/* Where the patterns came from, for the matchers' diagnostics: each
   -e, -f or pattern operand starts an entry at its first pattern.  */
struct patloc
{
  idx_t lineno;                 /* number of its first pattern, from 0 */
  char const *filename;         /* the -f file, or "" */
  idx_t fileline;               /* that pattern's line there, from 1 */
};
static struct patloc *patlocs;
static idx_t patlocs_used, patlocs_alloc;
static idx_t n_patterns;        /* patterns so far */

/* The patterns kept so far, as a hash set of their offsets in the
   pattern buffer plus one (0 marks a free slot): GNU grep 3.8 drops a
   pattern it has seen before, and its diagnostics name the first.  */
static idx_t *pattern_set;
static idx_t pattern_set_size;  /* slots, a power of 2 or 0 */
static idx_t pattern_set_used;  /* slots in use */

/* Output held back while it is not known whether GNU grep would have
   printed it.  */
static char *held_buf;
static idx_t held_len, held_alloc;
static bool holding;

/* Whether the lines GNU grep may print as trailing context from before
   the current chunk are to be kept (struct scan's resume).  */
static bool keep_resume;

/* Whether a group separator may be printed: something was output.  */
static bool used;

/* -V was given.  */
static bool show_version;

/* The last of --include, --exclude, --exclude-from and --exclude-dir
   given, or null: GNU grep's file selection is not supported, but its
   options are known, so that their abbreviations mean what they do in
   GNU grep.  */
static char const *selecting_files;

/* Width of line numbers and byte offsets with -T, else 0.  */
static int offset_width;

static char const short_options[] =
  "0123456789A:B:C:D:EFGHIPTUVX:abcd:e:f:hiLlm:noqRrsuvwxyZz";

/* Long options without short equivalents.  */
enum
{
  BINARY_FILES_OPTION = CHAR_MAX + 1,
  COLOR_OPTION,
  GROUP_SEPARATOR_OPTION,
  NO_GROUP_SEPARATOR_OPTION,
  LINE_BUFFERED_OPTION,
  LABEL_OPTION,
  NO_IGNORE_CASE_OPTION,
  EXCLUDE_OPTION,
  EXCLUDE_FROM_OPTION,
  EXCLUDE_DIRECTORY_OPTION,
  INCLUDE_OPTION
};

static struct option const long_options[] =
{
  {"basic-regexp", no_argument, NULL, 'G'},
  {"extended-regexp", no_argument, NULL, 'E'},
  {"fixed-regexp", no_argument, NULL, 'F'},
  {"fixed-strings", no_argument, NULL, 'F'},
  {"perl-regexp", no_argument, NULL, 'P'},
  {"after-context", required_argument, NULL, 'A'},
  {"before-context", required_argument, NULL, 'B'},
  {"binary-files", required_argument, NULL, BINARY_FILES_OPTION},
  {"byte-offset", no_argument, NULL, 'b'},
  {"context", required_argument, NULL, 'C'},
  {"color", optional_argument, NULL, COLOR_OPTION},
  {"colour", optional_argument, NULL, COLOR_OPTION},
  {"count", no_argument, NULL, 'c'},
  {"devices", required_argument, NULL, 'D'},
  {"directories", required_argument, NULL, 'd'},
  {"exclude", required_argument, NULL, EXCLUDE_OPTION},
  {"exclude-from", required_argument, NULL, EXCLUDE_FROM_OPTION},
  {"exclude-dir", required_argument, NULL, EXCLUDE_DIRECTORY_OPTION},
  {"file", required_argument, NULL, 'f'},
  {"files-with-matches", no_argument, NULL, 'l'},
  {"files-without-match", no_argument, NULL, 'L'},
  {"group-separator", required_argument, NULL, GROUP_SEPARATOR_OPTION},
  {"help", no_argument, NULL, GETOPT_HELP_CHAR},
  {"include", required_argument, NULL, INCLUDE_OPTION},
  {"ignore-case", no_argument, NULL, 'i'},
  {"no-ignore-case", no_argument, NULL, NO_IGNORE_CASE_OPTION},
  {"initial-tab", no_argument, NULL, 'T'},
  {"label", required_argument, NULL, LABEL_OPTION},
  {"line-buffered", no_argument, NULL, LINE_BUFFERED_OPTION},
  {"line-number", no_argument, NULL, 'n'},
  {"line-regexp", no_argument, NULL, 'x'},
  {"max-count", required_argument, NULL, 'm'},
  {"no-filename", no_argument, NULL, 'h'},
  {"no-group-separator", no_argument, NULL, NO_GROUP_SEPARATOR_OPTION},
  {"no-messages", no_argument, NULL, 's'},
  {"null", no_argument, NULL, 'Z'},
  {"null-data", no_argument, NULL, 'z'},
  {"only-matching", no_argument, NULL, 'o'},
  {"quiet", no_argument, NULL, 'q'},
  {"recursive", no_argument, NULL, 'r'},
  {"dereference-recursive", no_argument, NULL, 'R'},
  {"regexp", required_argument, NULL, 'e'},
  {"invert-match", no_argument, NULL, 'v'},
  {"silent", no_argument, NULL, 'q'},
  {"text", no_argument, NULL, 'a'},
  {"binary", no_argument, NULL, 'U'},
  {"unix-byte-offsets", no_argument, NULL, 'u'},
  {"version", no_argument, NULL, 'V'},
  {"with-filename", no_argument, NULL, 'H'},
  {"word-regexp", no_argument, NULL, 'w'},
  MM_IO_LONG_OPTION,
  MM_AMBIGUOUS_LONG_OPTION,
  {NULL, 0, NULL, 0}
};

static char const *const directories_args[] =
  { "read", "recurse", "skip", NULL };
static enum directories const directories_types[] =
  { READ_DIRECTORIES, RECURSE_DIRECTORIES, SKIP_DIRECTORIES };
ARGMATCH_VERIFY (directories_args, directories_types);

void
usage (int status)
{
  /* GNU grep names itself by the last part of its name here.  */
  char const *name = getprogname ();
  if (status != EXIT_SUCCESS)
    {
      fprintf (stderr, _("Usage: %s [OPTION]... PATTERNS [FILE]...\n"),
               name);
      fprintf (stderr, _("Try '%s --help' for more information.\n"), name);
    }
  else
    {
      printf (_("Usage: %s [OPTION]... PATTERNS [FILE]...\n"), name);
      printf (_("Search for PATTERNS in each FILE.\n"));
      printf (_("\
Example: %s -i 'hello world' menu.h main.c\n\
PATTERNS can contain multiple patterns separated by newlines.\n\
\n\
Pattern selection and interpretation:\n"), name);
      fputs (_("\
  -E, --extended-regexp     PATTERNS are extended regular expressions\n\
  -F, --fixed-strings       PATTERNS are strings\n\
  -G, --basic-regexp        PATTERNS are basic regular expressions\n\
  -P, --perl-regexp         PATTERNS are Perl regular expressions\n\
  -e, --regexp=PATTERNS     use PATTERNS for matching\n\
  -f, --file=FILE           take PATTERNS from FILE\n\
  -i, --ignore-case         ignore case distinctions in patterns and data\n\
      --no-ignore-case      do not ignore case distinctions (default)\n\
  -w, --word-regexp         match only whole words\n\
  -x, --line-regexp         match only whole lines\n\
  -z, --null-data           a data line ends in 0 byte, not newline\n\
"), stdout);
      fputs (_("\
\n\
Miscellaneous:\n\
  -s, --no-messages         suppress error messages\n\
  -v, --invert-match        select non-matching lines\n\
  -V, --version             display version information and exit\n\
      --help                display this help text and exit\n\
"), stdout);
      fputs (_("\
\n\
Output control:\n\
  -m, --max-count=NUM       stop after NUM selected lines\n\
  -b, --byte-offset         print the byte offset with output lines\n\
  -n, --line-number         print line number with output lines\n\
      --line-buffered       flush output on every line\n\
  -H, --with-filename       print file name with output lines\n\
  -h, --no-filename         suppress the file name prefix on output\n\
      --label=LABEL         use LABEL as the standard input file name prefix\n\
  -o, --only-matching       show only nonempty parts of lines that match\n\
  -q, --quiet, --silent     suppress all normal output\n\
      --binary-files=TYPE   assume that binary files are TYPE;\n\
                            TYPE is 'binary', 'text', or 'without-match'\n\
  -a, --text                equivalent to --binary-files=text\n\
  -I                        equivalent to --binary-files=without-match\n\
  -d, --directories=ACTION  how to handle directories;\n\
                            ACTION is 'read' or 'skip'\n\
  -D, --devices=ACTION      how to handle devices, FIFOs and sockets;\n\
                            ACTION is 'read' or 'skip'\n\
"), stdout);
      fputs (_("\
  -L, --files-without-match  print only names of FILEs with no selected lines\n\
  -l, --files-with-matches  print only names of FILEs with selected lines\n\
  -c, --count               print only a count of selected lines per FILE\n\
  -T, --initial-tab         make tabs line up (if needed)\n\
  -Z, --null                print 0 byte after FILE name\n\
"), stdout);
      fputs (_("\
\n\
Context control:\n\
  -B, --before-context=NUM  print NUM lines of leading context\n\
  -A, --after-context=NUM   print NUM lines of trailing context\n\
  -C, --context=NUM         print NUM lines of output context\n\
  -NUM                      same as --context=NUM\n\
      --group-separator=SEP  print SEP on line between matches with context\n\
      --no-group-separator  do not print separator for matches with context\n\
      --color[=WHEN],\n\
      --colour[=WHEN]       use markers to highlight the matching strings;\n\
                            WHEN is 'always', 'never', or 'auto'\n\
  -U, --binary              do not strip CR characters at EOL (MSDOS/Windows)\n\
\n"), stdout);
      fputs (MM_IO_OPTION_DESCRIPTION, stdout);
      fputs (_("\
\n\
When FILE is '-', read standard input.  With no FILE, read '-'.\n\
With fewer than two FILEs, assume -h.\n\
Exit status is 0 if any line is selected, 1 otherwise;\n\
if any error occurs and -q is not given, the exit status is 2.\n\
"), stdout);
      emit_ancillary_info (PROGRAM_NAME);
    }
  exit (status);
}

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
static void
out_str (char const *s)
{
  out_bytes (s, strlen (s));
}

/* Output the byte C.  */
static void
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
static void
print_filename (struct scan const *s)
{
  pr_sgr_start_if (filename_color);
  out_str (s->name);
  pr_sgr_end_if (filename_color);
}

/* Print the separator SEP.  */
static void
print_sep (char sep)
{
  pr_sgr_start_if (sep_color);
  out_char (sep);
  pr_sgr_end_if (sep_color);
}

/* Print the number N (a line number or byte offset) in COLOR, right
   aligned to the -T width.  */
static void
print_offset (intmax_t n, char const *color)
{
  char buf[INT_BUFSIZE_BOUND (intmax_t)];
  char const *p = imaxtostr (n, buf);
  idx_t len = buf + sizeof buf - 1 - p;
  pr_sgr_start_if (color);
  for (idx_t i = len; i < offset_width; i++)
    out_char (' ');
  out_bytes (p, len);
  pr_sgr_end_if (color);
}

/* A byte mask that is zero in every byte that is a character by itself
   in the current locale, as GNU grep's unibyte_mask: a byte B that
   has B & MASK nonzero may start an encoding error.  0x80 in UTF-8 and
   in most multibyte charsets; in a unibyte charset with bytes that are
   not characters (TIS-620's \240, ISO-8859-7's \377) the high bits of
   those bytes; zero where every byte is a character.  */
static unsigned char encoding_mask;
static bool encoding_mask_set;

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
static bool
may_have_encoding_errors (void)
{
  if (!encoding_mask_set)
    init_encoding_mask ();
  return encoding_mask != 0;
}

/* True if the SIZE bytes at BUF hold a byte sequence that is not a
   character in the current locale, in a multibyte or a unibyte
   charset.  */
static bool
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
static intmax_t
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
static off_t
chunk_off (struct scan const *s, char const *p)
{
  return s->buf_off + (p - s->bufbeg);
}

/* Record that S's last output ends at offset OFF.  */
static void
set_lastout (struct scan *s, off_t off)
{
  s->lastout_off = off;
  s->lastout = s->buf_off <= off ? s->bufbeg + (off - s->buf_off) : NULL;
}

/* Return the offset of S before which GNU grep prints no leading
   context, and from which it prints trailing context after a selected
   line it did not print: its last output, or its buffer start.  */
static off_t
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
static off_t
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
static bool
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
      print_offset (lineno, line_num_color);
      print_sep (sep);
    }
  if (out_byte)
    {
      print_offset (pos, byte_num_color);
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
static void
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
static void
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

/* Stop reading input S where GNU grep stops: standard input's offset
   is left at the end of GNU's current buffer.  Return true if OK.  */
static bool
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
static char *
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
static off_t
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
static void
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
static bool
nuls_end_lines (void)
{
  return match_opts.eol && binary_files != TEXT_BINARY_FILES;
}

/* Turn S binary from its current position: from now on its NULs are
   line ends for matching and nothing is printed, as in GNU grep.
   Return false if the search of S is over (-I).  */
static bool
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
static bool
all_nuls (char const *p, idx_t n)
{
  return n && !p[0] && memcmp (p, p + 1, n - 1) == 0;
}

/* Set skip_empty_lines for the compiled matcher.  */
static void
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
static void
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

/* Start holding the output of S: what follows is printed only if
   GNU's current buffer turns out to have no NUL.  */
static void
hold_output (struct scan *s)
{
  s->held = holding = true;
  s->held_until = s->gb.next;
  s->held_nlines = s->nlines;
  s->held_outleft = s->outleft;
}

/* Print or drop the output held for S.  */
static void
release_held (struct scan *s, bool print)
{
  holding = s->held = false;
  if (print)
    out_bytes (held_buf, held_len);
  held_len = 0;
}

/* Settle the held output of S now that the input is known up to
   offset END, its first NUL there being at NUL_OFF (-1 if none).
   Return false if the search of S is over.  */
static bool
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
static void
settle_at_stop (struct scan *s)
{
  off_t off = s->buf_off + (s->buflim - s->bufbeg);
  char *p;
  idx_t n;
  while (s->held && 0 < mm_next (s->in, &p, &n))
    {
      char const *nul = memchr (p, '\0', n);
      settle_held (s, nul ? off + (nul - p) : -1, off + n);
      off += n;
    }
  if (s->held)
    release_held (s, true);
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

/* Return the first NUL of the current chunk of S before file offset
   UNTIL, or null.  The chunk is scanned as far as asked, GNU buffer by
   GNU buffer, so that a chunk is read from memory once, for
   NULs and matches while it is in the cache, not once for each.  */
static char *
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

/* Search the chunk [BUF, BUF + N) of S.  Return false if the search of
   S is over.  */
static bool
search_chunk (struct scan *s, char *buf, idx_t n)
{
  char eol = match_opts.eol;
  buf[-1] = eol;
  /* The last line of the input, if it lacks its end-of-line byte, is
     searched alone, as GNU grep searches it after its last read.  A
     chunk may also end with a NUL, which will be a line end.  */
  char *last = buf + n;
  bool appended = (n && buf[n - 1] != eol
                   && ! (nuls_end_lines () && !buf[n - 1]));
  if (appended)
    {
      buf[n++] = eol;
      while (buf < last && last[-1] != eol)
        last--;
    }
  s->bufbeg = buf;
  s->lastnl = buf;
  s->buflim = buf + n;
  s->lastout = s->lastout_off == s->buf_off ? buf : NULL;
  char *lim = buf + n;
  bool nuls_matter = nuls_end_lines () && !s->binary;
  s->nul = NULL;
  s->nul_scanned = nuls_matter ? buf : lim;
  if (s->held)
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
      else if (l == lim && nuls_matter && !s->binary && !s->quiet && !s->held
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
set_offset_width (struct scan const *s)
{
  offset_width = 0;
  if (align_tabs)
    {
      struct stat const *st = mm_stat (s->in);
      intmax_t num = S_ISREG (st->st_mode) ? st->st_size : INTMAX_MAX;
      num += out_line && num < INTMAX_MAX;
      do
        offset_width++;
      while ((num /= 10) != 0);
    }
}

/* True if input S must have NULs because it has a hole after its
   first GNU buffer, as GNU grep checks.  */
static bool
has_hole (struct scan *s)
{
  struct stat const *st = mm_stat (s->in);
  off_t size = st->st_size;
  if (!S_ISREG (st->st_mode) || size <= s->start)
    return false;
  off_t first = MIN (GNU_INITIAL_BUFSIZE, size - s->start);
  return first < size && mm_has_hole (s->in, s->start + first);
}

/* Search input S, already opened.  Return the number of selected
   lines; set s->ineof if the whole input was read.  */
static intmax_t
grep (struct scan *s)
{
  s->outleft = max_count;
  s->lastout_off = -1;
  s->gnu_beg = 0;
  s->resume_off = -1;
  /* GNU grep prints trailing context from before a selected line only
     after one it did not print: one with an encoding error, or none
     at all for -v with a negative -m.  */
  keep_resume = (0 < out_after && !s->quiet
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
          if (s->held)
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
  if (s->held)
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

/* Report a problem with input S, errno ERR, unless -s.  */
static void
suppressible_error (char const *name, int err)
{
  if (!suppress_errors)
    error (0, err, "%s", name);
  errseen = true;
}

/* True if files of mode M are devices for -D.  */
static bool
is_device_mode (mode_t m)
{
  return S_ISCHR (m) || S_ISBLK (m) || S_ISSOCK (m) || S_ISFIFO (m);
}

/* Leave standard input S where GNU grep leaves it when it stops
   reading: after the last selected line with -m, at the end
   otherwise.  */
static void
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
static void
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

/* Search the open descriptor FD named NAME (for output and
   diagnostics).  Return true if no line was selected.  */
static bool
grepdesc (int fd, char const *name, bool is_stdin)
{
  struct scan s;
  memset (&s, 0, sizeof s);
  s.name = name;
  s.is_stdin = is_stdin;
  matcher_set_input_name (matcher, name);
  s.after_last_match = -1;
  s.in = mm_open (fd, name,
                  MM_LINES | (nuls_end_lines () ? MM_NUL_LINES : 0),
                  match_opts.eol);
  if (!s.in)
    {
      suppressible_error (name, errno);
      return true;
    }
  bool status = true;
  struct stat const *st = mm_stat (s.in);
  mode_t mode = st->st_mode;
  if (!is_stdin
      && ((directories == SKIP_DIRECTORIES && S_ISDIR (mode))
          || (devices == SKIP_DEVICES && is_device_mode (mode))))
    ;
  else if (!out_quiet && list_files == LISTFILES_NONE && 1 < max_count
           && S_ISREG (mode) && SAME_INODE (*st, out_stat))
    {
      if (!suppress_errors)
        error (0, 0, _("%s: input file is also the output"), name);
      errseen = true;
    }
  else
    {
      s.start = MAX (0, mm_offset (s.in));
      intmax_t count = grep (&s);
      print_file_result (&s, count);
      status = !count;
      if (list_files == LISTFILES_NONE)
        finalize_input (&s);
      else if (!stop_reading (&s))
        suppressible_error (name, errno);
      free (s.ctx);
      free (s.resume);
      return status;
    }
  ignore_value (mm_close (s.in));
  return status;
}

/* Search the operand ARG ("-" for standard input).  Return true if no
   line was selected.  */
static bool
grep_command_line_arg (char const *arg)
{
  if (STREQ (arg, "-"))
    return grepdesc (STDIN_FILENO, label ? label : _("(standard input)"),
                     true);
  int oflag = O_RDONLY | O_NOCTTY | (devices == SKIP_DEVICES ? O_NONBLOCK : 0);
  int fd = open (arg, oflag);
  if (fd < 0)
    {
      suppressible_error (arg, errno);
      return true;
    }
  bool status = grepdesc (fd, arg, false);
  if (close (fd) != 0)
    suppressible_error (arg, errno);
  return status;
}

/* Parse the context length STR into *OUT, or die as GNU grep does.  */
static void
context_length_arg (char const *str, intmax_t *out)
{
  strtol_error e = xstrtoimax (str, NULL, 10, out, "");
  if (! ((e == LONGINT_OK || e == LONGINT_OVERFLOW) && 0 <= *out))
    error (EXIT_TROUBLE, 0, "%s: %s", str,
           _("invalid context length argument"));
}

/* Return the name of the file that the pattern numbered LINENO (from
   0) came from, "" if none, and set *LINE to its line there.  */
static char const *
locate_pattern (idx_t lineno, idx_t *line)
{
  idx_t i = patlocs_used;
  while (0 < i && lineno < patlocs[i - 1].lineno)
    i--;
  if (i == 0)
    {
      *line = lineno + 1;
      return "";
    }
  *line = lineno - patlocs[i - 1].lineno + patlocs[i - 1].fileline;
  return patlocs[i - 1].filename;
}

/* Return a hash of the pattern at P, up to and with its newline.  */
static size_t
hash_pattern (char const *p)
{
  size_t h = 0;
  for (; *p != '\n'; p++)
    h = h * 31 + (unsigned char) *p;
  return h;
}

/* Return the slot of pattern_set that holds the pattern at KEYS + OFF
   (up to its newline), or the free slot where it would go.  */
static idx_t *
pattern_slot (char const *keys, idx_t off)
{
  char const *pat = keys + off;
  idx_t len = (char const *) rawmemchr (pat, '\n') - pat + 1;
  idx_t mask = pattern_set_size - 1;
  for (idx_t i = hash_pattern (pat) & mask; ; i = (i + 1) & mask)
    {
      idx_t *slot = &pattern_set[i];
      if (!*slot || memcmp (keys + *slot - 1, pat, len) == 0)
        return slot;
    }
}

/* Add the pattern at KEYS + OFF to pattern_set, unless an equal one is
   there.  Return true if it was added.  */
static bool
insert_pattern (char const *keys, idx_t off)
{
  if (pattern_set_size <= 2 * pattern_set_used)
    {
      idx_t *old = pattern_set, oldsize = pattern_set_size;
      pattern_set_size = MAX (64, 2 * oldsize);
      pattern_set = xicalloc (pattern_set_size, sizeof *pattern_set);
      for (idx_t i = 0; i < oldsize; i++)
        if (old[i])
          *pattern_slot (keys, old[i] - 1) = old[i];
      free (old);
    }
  idx_t *slot = pattern_slot (keys, off);
  if (*slot)
    return false;
  *slot = off + 1;
  pattern_set_used++;
  return true;
}

/* Append the SIZE bytes at PAT and a newline to the patterns *KEYS of
   *KEYCC bytes, *KEYALLOC allocated; they came from the file FILENAME
   ("" for the command line).  Drop each pattern seen before, as GNU
   grep 3.8's update_patterns does, and note where the others came
   from: a new entry in patlocs whenever a pattern was dropped.  */
static void
add_keys (char **keys, idx_t *keycc, idx_t *keyalloc, char const *pat,
          idx_t size, char const *filename)
{
  if (*keyalloc - *keycc < size + 1)
    *keys = xpalloc (*keys, keyalloc, size + 1 - (*keyalloc - *keycc), -1, 1);
  char *dst = *keys + *keycc;
  memcpy (dst, pat, size);
  dst[size] = '\n';
  char const *lim = dst + size + 1;
  idx_t fileline = 1;
  bool prev_inserted = false;
  for (char const *src = dst; src < lim; fileline++)
    {
      idx_t patsize = (char const *) rawmemchr (src, '\n') + 1 - src;
      memmove (dst, src, patsize);
      src += patsize;
      bool inserted = insert_pattern (*keys, dst - *keys);
      if (inserted)
        {
          dst += patsize;
          if (!prev_inserted)
            {
              if (patlocs_used == patlocs_alloc)
                patlocs = xpalloc (patlocs, &patlocs_alloc, 1, -1,
                                   sizeof *patlocs);
              patlocs[patlocs_used++]
                = (struct patloc) { n_patterns, filename, fileline };
            }
          n_patterns++;
        }
      prev_inserted = inserted;
    }
  *keycc = dst - *keys;
}

/* Append the patterns in the file NAME ("-" for standard input) to
   *KEYS, as -f does: an empty file adds none, and a last line without
   a newline gets one.  */
static void
read_pattern_file (char **keys, idx_t *keycc, idx_t *keyalloc,
                   char const *name)
{
  FILE *fp = STREQ (name, "-") ? stdin : fopen (name, "r");
  if (!fp)
    error (EXIT_TROUBLE, errno, "%s", name);
  idx_t size = 0, alloc = 0;
  char *buf = NULL;
  for (;;)
    {
      if (alloc - size < BUFSIZ)
        buf = xpalloc (buf, &alloc, BUFSIZ, -1, 1);
      size_t cc = fread (buf + size, 1, alloc - size, fp);
      if (cc == 0)
        break;
      size += cc;
    }
  int err = ferror (fp) ? errno : 0;
  if (!err)
    {
      if (fp == stdin)
        clearerr (fp);
      else if (fclose (fp) != 0)
        err = errno;
    }
  if (err)
    error (EXIT_TROUBLE, err, "%s", name);
  if (size)
    add_keys (keys, keycc, keyalloc, buf,
              size - (buf[size - 1] == '\n'), name);
  else if (!*keys)
    *keys = xpalloc (NULL, keyalloc, 1, -1, 1);
  free (buf);
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
static void
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

/* Return the --color value for ARG, or -1 if it is not one.  */
static int
color_arg (char const *arg)
{
  static char const *const args[] =
    { "always", "yes", "force", "never", "no", "none",
      "auto", "tty", "if-tty", NULL };
  static int const values[] = { 1, 1, 1, 0, 0, 0, 2, 2, 2 };
  char *lower = xstrdup (arg);
  for (char *p = lower; *p; p++)
    *p = c_tolower (*p);
  ptrdiff_t i = argmatch_exact (lower, args);
  free (lower);
  return i < 0 ? -1 : values[i];
}

/* Set the pattern syntax to KIND, or die if another was chosen.  */
static void
set_matcher (enum match_kind kind)
{
  if (match_kind_set && match_kind != kind)
    error (EXIT_TROUBLE, 0, _("conflicting matchers specified"));
#if !HAVE_LIBPCRE
  if (kind == MATCH_PERL)
    error (EXIT_TROUBLE, 0,
           _("Perl matching not supported in a --disable-perl-regexp build"));
#endif
  match_kind = kind;
  match_kind_set = true;
}

/* Set the matcher from -X NAME.  */
static void
set_matcher_name (char const *name)
{
  static char const *const names[] = { "grep", "egrep", "fgrep", "perl",
                                       NULL };
  static enum match_kind const kinds[] = { MATCH_BASIC, MATCH_EXTENDED,
                                           MATCH_FIXED, MATCH_PERL };
  ptrdiff_t i = argmatch_exact (name, names);
  if (i < 0)
    error (EXIT_TROUBLE, 0, _("invalid matcher %s"), name);
  set_matcher (kinds[i]);
}

/* Get the next option that is not a digit, as GNU grep does: digits
   (-NUM) accumulate into *DEFAULT_CONTEXT.  */
static int
get_nondigit_option (int argc, char **argv, intmax_t *default_context)
{
  static int prev_digit_optind = -1;
  int this_digit_optind = optind;
  bool was_digit = false;
  char buf[INT_BUFSIZE_BOUND (intmax_t) + 4];
  char *p = buf;
  int opt;
  for (;;)
    {
      opt = getopt_long (argc, argv, short_options, long_options, NULL);
      if (! c_isdigit (opt))
        break;
      if (prev_digit_optind != this_digit_optind || !was_digit)
        p = buf;
      else
        p -= buf[0] == '0';
      if (p == buf + sizeof buf - 4)
        {
          strcpy (p, "...");
          p += 3;
          break;
        }
      *p++ = opt;
      was_digit = true;
      prev_digit_optind = this_digit_optind;
      this_digit_optind = optind;
    }
  if (p != buf)
    {
      *p = '\0';
      context_length_arg (buf, default_context);
    }
  return opt;
}

/* Handle option OPT if it says how to match or what input is text.
   Return false if it is not such an option.  */
static bool
parse_matching_option (int opt)
{
  switch (opt)
    {
    case 'E': set_matcher (MATCH_EXTENDED); break;
    case 'F': set_matcher (MATCH_FIXED); break;
    case 'G': set_matcher (MATCH_BASIC); break;
    case 'P': set_matcher (MATCH_PERL); break;
    case 'X': set_matcher_name (optarg); break;
    case 'i': case 'y': match_opts.ignore_case = true; break;
    case NO_IGNORE_CASE_OPTION: match_opts.ignore_case = false; break;
    case 'v': out_invert = true; break;
    case 'w': match_opts.match_words = true; break;
    case 'x': match_opts.match_lines = true; break;
    case 'z': match_opts.eol = '\0'; break;
    case 'I': binary_files = WITHOUT_MATCH_BINARY_FILES; break;
    case 'a': binary_files = TEXT_BINARY_FILES; break;
    case 'U': break;            /* Text and binary I/O are the same here.  */
    case BINARY_FILES_OPTION:
      if (STREQ (optarg, "binary"))
        binary_files = BINARY_BINARY_FILES;
      else if (STREQ (optarg, "text"))
        binary_files = TEXT_BINARY_FILES;
      else if (STREQ (optarg, "without-match"))
        binary_files = WITHOUT_MATCH_BINARY_FILES;
      else
        error (EXIT_TROUBLE, 0, _("unknown binary-files type"));
      break;
    default: return false;
    }
  return true;
}

/* Set -D's action from ARG, or die.  */
static void
devices_arg (char const *arg)
{
  if (STREQ (arg, "read"))
    devices = READ_DEVICES;
  else if (STREQ (arg, "skip"))
    devices = SKIP_DEVICES;
  else
    error (EXIT_TROUBLE, 0, _("unknown devices method"));
}

/* Set -d's action from ARG, or die as GNU grep does: its argmatch
   failures end with the usage message and status 1.  */
static void
directories_arg (char const *arg)
{
  ptrdiff_t i = argmatch (arg, directories_args, NULL, 0);
  if (i < 0)
    {
      argmatch_invalid ("--directories", arg, i);
      argmatch_valid (directories_args, directories_types,
                      sizeof *directories_types);
      usage (EXIT_FAILURE);
    }
  directories = directories_types[i];
}

/* Set -m's count from ARG, or die.  */
static void
max_count_arg (char const *arg)
{
  strtol_error e = xstrtoimax (arg, NULL, 10, &max_count, "");
  if (! (e == LONGINT_OK || e == LONGINT_OVERFLOW))
    error (EXIT_TROUBLE, 0, _("invalid max count"));
}

/* Handle option OPT (argument OPTARG) other than the pattern options;
   *DEFAULT_CONTEXT, *FILENAME_OPTION and *SHOW_HELP collect -C, -H/-h
   and a bad --color.  */
static void
parse_option (int opt, intmax_t *default_context, int *filename_option,
              bool *show_help)
{
  if (parse_matching_option (opt))
    return;
  switch (opt)
    {
    case 'A': context_length_arg (optarg, &out_after); break;
    case 'B': context_length_arg (optarg, &out_before); break;
    case 'C': context_length_arg (optarg, default_context); break;
    case 'D': devices_arg (optarg); break;
    case 'H': *filename_option = 1; break;
    case 'h': *filename_option = -1; break;
    case 'T': align_tabs = true; break;
    case 'u':
      error (0, 0, _("warning: --unix-byte-offsets (-u) is obsolete"));
      break;
    case 'b': out_byte = true; break;
    case 'c': count_matches = true; break;
    case 'd': directories_arg (optarg); break;
    case 'L': list_files = LISTFILES_NONMATCHING; break;
    case 'l': list_files = LISTFILES_MATCHING; break;
    case 'm': max_count_arg (optarg); break;
    case 'n': out_line = true; break;
    case 'o': only_matching = true; break;
    case 'q':
      /* As GNU grep 3.8: failing to write a diagnostic (stderr
         closed) then ends with status 0, not 2.  */
      exit_on_match = true;
      exit_failure = EXIT_SUCCESS;
      break;
    case 'R': case 'r': directories = RECURSE_DIRECTORIES; break;
    case 's': suppress_errors = true; break;
    case 'Z': filename_mask = 0; break;
    case COLOR_OPTION:
      {
        int c = optarg ? color_arg (optarg) : 2;
        if (c < 0)
          *show_help = true;
        else
          color_option = c;
      }
      break;
    case GROUP_SEPARATOR_OPTION: group_separator = optarg; break;
    case NO_GROUP_SEPARATOR_OPTION: group_separator = NULL; break;
    case LINE_BUFFERED_OPTION: line_buffered = true; break;
    case LABEL_OPTION: label = optarg; break;
    case MM_IO_OPTION: mm_set_io (optarg); break;
    case MM_AMBIGUOUS_OPTION: report_ambiguous_option ();
    case EXCLUDE_OPTION: selecting_files = "--exclude"; break;
    case EXCLUDE_FROM_OPTION: selecting_files = "--exclude-from"; break;
    case EXCLUDE_DIRECTORY_OPTION: selecting_files = "--exclude-dir"; break;
    case INCLUDE_OPTION: selecting_files = "--include"; break;
    case 'V': show_version = true; break;
    case GETOPT_HELP_CHAR: *show_help = true; break;
    default: usage (EXIT_TROUBLE);
    }
}

/* Look at standard output: note a regular file (for input == output)
   and /dev/null (which acts like -q).  Return true if it may be a
   terminal.  */
static bool
examine_output (void)
{
  struct stat st;
  if (exit_on_match || fstat (STDOUT_FILENO, &st) != 0)
    return false;
  if (S_ISREG (st.st_mode))
    out_stat = st;
  else if (S_ISCHR (st.st_mode))
    {
      struct stat null_st;
      if (stat ("/dev/null", &null_st) == 0 && SAME_INODE (st, null_st))
        dev_null_output = true;
      else
        return true;
    }
  return false;
}

/* Settle the options that depend on each other, as GNU grep does: -q
   over -l/-L over -c; a silent output stops at the first match.  */
static void
settle_options (intmax_t default_context, int filename_option,
                int num_operands)
{
  if (exit_on_match | dev_null_output)
    list_files = LISTFILES_NONE;
  if ((exit_on_match | dev_null_output) || list_files != LISTFILES_NONE)
    {
      count_matches = false;
      done_on_match = true;
    }
  out_quiet = count_matches | done_on_match;
  if (out_after < 0)
    out_after = default_context;
  if (out_before < 0)
    out_before = default_context;
  out_file = (filename_option == 0 && num_operands <= 1
              ? false : 0 <= filename_option);
}

int
main (int argc, char **argv)
{
  initialize_main_tool (&argc, &argv, EXIT_TROUBLE);
  handle_stack_overflow ();
  char *keys = NULL;
  idx_t keycc = 0, keyalloc = 0;
  intmax_t default_context = -1;
  int filename_option = 0;
  bool show_help = false;
  int opt;
  gnu_abbreviations (argc, argv, short_options, long_options);
  while ((opt = get_nondigit_option (argc, argv, &default_context)) != -1)
    if (opt == 'e')
      add_keys (&keys, &keycc, &keyalloc, optarg, strlen (optarg), "");
    else if (opt == 'f')
      read_pattern_file (&keys, &keycc, &keyalloc, optarg);
    else
      parse_option (opt, &default_context, &filename_option, &show_help);
  /* As GNU grep 3.8, act on -V and --help only once every option is
     parsed: a bad option is reported instead, and -V wins.  */
  if (show_version)
    print_version (PROGRAM_NAME);
  if (show_help)
    usage (EXIT_SUCCESS);
  if (directories == RECURSE_DIRECTORIES)
    error (EXIT_TROUBLE, 0, _("recursive search is not supported"));
  if (selecting_files)
    error (EXIT_TROUBLE, 0, _("%s is not supported"), selecting_files);

  if (keys)
    {
      if (keycc == 0)
        {
          /* No patterns (e.g. -f /dev/null): match nothing.  */
          out_invert ^= true;
          match_opts.match_lines = match_opts.match_words = false;
        }
      else
        keycc--;                /* Drop the last pattern's newline.  */
    }
  else if (optind < argc)
    {
      char const *pat = argv[optind++];
      bool skip_bs = match_kind != MATCH_FIXED && pat[0] == '\\'
                     && pat[1] == '-';
      add_keys (&keys, &keycc, &keyalloc, pat + skip_bs,
                strlen (pat + skip_bs), "");
      keycc--;
    }
  else
    usage (EXIT_TROUBLE);

  bool possibly_tty = examine_output ();
  settle_options (default_context, filename_option, argc - optind);
  if ((max_count == 0
       || (keycc == 0 && out_invert && !match_opts.match_lines
           && !match_opts.match_words))
      && list_files != LISTFILES_NONMATCHING)
    {
      free (keys);
      return EXIT_FAILURE;
    }
  init_colors (possibly_tty);

  matcher_set_locator (locate_pattern);
  matcher = matcher_compile (match_kind, keys, keycc, &match_opts);
  free (keys);
  set_skip_empty_lines ();
  mm_init ();
  /* glibc ignores the size given with a null buffer: give it one.
     Diagnostics go through error, which flushes standard output first,
     so lines and diagnostics keep their order.  */
  static char stdout_buf[STDOUT_BUFSIZE];
  if (!line_buffered)
    setvbuf (stdout, stdout_buf, _IOFBF, sizeof stdout_buf);
  widen_output_pipe ();

  bool status = true;
  if (optind == argc)
    status = grep_command_line_arg ("-");
  for (; optind < argc; optind++)
    status &= grep_command_line_arg (argv[optind]);
  return errseen ? EXIT_TROUBLE : status;
}
