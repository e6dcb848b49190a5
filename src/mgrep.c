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
   helper's chunks of whole lines at once.  The matchers in search.c
   find matching lines; this file parses the options, gathers the
   patterns and decides which inputs to search and how; mgrep-scan.c
   searches them and mgrep-output.c prints exactly what GNU grep
   prints.

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

#include "mgrep.h"

#define PROGRAM_NAME "mgrep"

/* Options, named as in GNU grep.  */
struct match_options match_opts = { .eol = '\n' }; /* -i -w -x -z */
static enum match_kind match_kind;       /* -G -E -F -P */
static bool match_kind_set;              /* one of them was given */
bool out_invert;                  /* -v */
bool skip_empty_lines;            /* no empty line is selected */
bool out_line;                    /* -n */
bool out_byte;                    /* -b */
bool count_matches;               /* -c */
bool only_matching;               /* -o */
bool align_tabs;                  /* -T */
bool line_buffered;               /* --line-buffered */
bool suppress_errors;             /* -s */
bool exit_on_match;               /* -q */
bool out_file;                    /* print file names */
char filename_mask = ~0;          /* 0 with -Z: NUL after names */
enum list_files list_files;       /* -l, -L */
enum binary_files binary_files;   /* -a, -I, --binary-files */
static enum directories directories;     /* -d */
static enum devices devices;             /* -D */
intmax_t out_before = -1;         /* -B */
intmax_t out_after = -1;          /* -A */
intmax_t max_count = INTMAX_MAX;  /* -m */
char const *group_separator = "--"; /* --group-separator */
static char const *label;                /* --label */
int color_option;                 /* 0 never, 1 always, 2 auto */

/* Derived settings.  */
bool out_quiet;          /* print no lines */
bool done_on_match;      /* stop reading a file at its first match */
static bool dev_null_output;    /* standard output is /dev/null */
/* The size of standard output's buffer: fewer, larger writes.  */
enum { STDOUT_BUFSIZE = 128 * 1024 };
static struct stat out_stat;    /* standard output, if a regular file */
struct matcher *matcher; /* the compiled patterns */
bool errseen;            /* some file could not be searched */

/* -V was given.  */
static bool show_version;

/* The last of --include, --exclude, --exclude-from and --exclude-dir
   given, or null: GNU grep's file selection is not supported, but its
   options are known, so that their abbreviations mean what they do in
   GNU grep.  */
static char const *selecting_files;

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

/* The --help text, in GNU grep's sections.  */
static void
help_selection (char const *name)
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
}

static void
help_miscellaneous_and_output (void)
{
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
}

static void
help_context_and_more (void)
{
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
}

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
      help_selection (name);
      help_miscellaneous_and_output ();
      help_context_and_more ();
      emit_ancillary_info (PROGRAM_NAME);
    }
  exit (status);
}

/* Report a problem with input S, errno ERR, unless -s.  */
void
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
