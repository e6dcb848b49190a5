/* common.c -- start-up, --help and --version pieces every tool shares.
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

#include <getopt.h>
#include <locale.h>

#include "system.h"
#include "c-stack.h"
#include "closeout.h"
#include "mapping.h"
#include "progname.h"
#include "verify.h"
#include "xalloc.h"

/* mmutils' own options are told from GNU's by their values.  */
verify ((int) MM_OWN_OPTION <= (int) MM_IO_OPTION);
verify ((int) MM_AMBIGUOUS_OPTION != (int) MM_IO_OPTION);

/* The authors named by --version.  */
#define AUTHORS "the mmutils authors"

void
emit_try_help (void)
{
  fprintf (stderr, _("Try '%s --help' for more information.\n"),
           program_name);
}

void
emit_ancillary_info (char const *program)
{
  printf (_("\nReport bugs: see REPORTING BUGS in 'man %s', or the README\n\
file of mmutils.\n"), program);
  printf (_("Full documentation: man %s\n"), program);
}

void
print_version (char const *program)
{
  printf ("%s (%s) %s\n", program, PACKAGE_NAME, PACKAGE_VERSION);
  fputs (_("Copyright (C) 2026 The mmutils authors.\n"), stdout);
  fputs (_("\
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n\
This is free software: you are free to change and redistribute it.\n\
There is NO WARRANTY, to the extent permitted by law.\n\
\n"), stdout);
  printf (_("Written by %s.\n"), AUTHORS);
  exit (EXIT_SUCCESS);
}

void
die_write_error (int err)
{
  fpurge (stdout);
  clearerr (stdout);
  error (exit_failure, err, _("write error"));
  abort ();
}

void
write_error (void)
{
  int err = errno;
  fflush (stdout);
  die_write_error (err);
}

char *
put_caret_notation (char *p, unsigned char c)
{
  if (128 <= c)
    {
      *p++ = 'M';
      *p++ = '-';
      c -= 128;
    }
  if (c < 32)
    {
      *p++ = '^';
      c += 64;
    }
  else if (c == 127)
    {
      *p++ = '^';
      c = '?';
    }
  *p++ = c;
  return p;
}

/* The pipe size widen_output_pipe asks for: 1 MiB, the most an
   unprivileged process gets by default (/proc/sys/fs/pipe-max-size).  */
enum { PIPE_WIDTH = 1024 * 1024 };

void
widen_output_pipe (void)
{
#ifdef F_SETPIPE_SZ
  struct stat st;
  if (fstat (STDOUT_FILENO, &st) == 0 && S_ISFIFO (st.st_mode))
    {
      int size = fcntl (STDOUT_FILENO, F_GETPIPE_SZ);
      if (0 <= size && size < PIPE_WIDTH)
        fcntl (STDOUT_FILENO, F_SETPIPE_SZ, PIPE_WIDTH);
    }
#endif
}

void
handle_stack_overflow (void)
{
  c_stack_action (NULL);
}

void
initialize_main_tool (int *argc, char ***argv, int exit_status)
{
  set_program_name ((*argv)[0]);
  setlocale (LC_ALL, "");
  exit_failure = exit_status;
  atexit (close_stdout);
}

/* Long options: GNU's abbreviations whatever mmutils adds.

   getopt_long takes a unique prefix of a long option's name for the
   option; mmutils adds options of its own (--io) to each GNU tool's,
   and a prefix that named one GNU option may then name two: 'cmp --i'
   is --ignore-initial, but would be ambiguous with --io.  Before
   getopt_long sees them, gnu_abbreviations rewrites such prefixes to
   the GNU option's full name, walking the arguments as getopt_long
   will, so that it does not take an option's argument for an option.
   A prefix ambiguous among GNU's options that also names one of ours
   becomes a hidden option whose case reports it as GNU's getopt_long
   would, with GNU's possibilities only.  */

/* True if O is one of mmutils' own options, not the GNU tool's.  */
static bool
own_option (struct option const *o)
{
  return MM_OWN_OPTION <= o->val;
}

/* True if the option names A and B would be taken for each other by
   getopt_long: it does not call a prefix of both ambiguous then.  */
static bool
same_option (struct option const *a, struct option const *b)
{
  return a->has_arg == b->has_arg && a->flag == b->flag && a->val == b->val;
}

/* Return the option of LONGOPTS named exactly by the LEN bytes at
   NAME, or null.  */
static struct option const *
exact_option (struct option const *longopts, char const *name, idx_t len)
{
  for (struct option const *o = longopts; o->name; o++)
    if (strlen (o->name) == len && memcmp (o->name, name, len) == 0)
      return o;
  return NULL;
}

/* Return the first option of LONGOPTS that is one of mmutils' own if
   OWN, else one of the GNU tool's, and whose name starts with the LEN
   bytes at NAME; null if none.  Set *AMBIGUOUS if another such option
   is not the same as the first.  */
static struct option const *
prefix_option (struct option const *longopts, bool own,
               char const *name, idx_t len, bool *ambiguous)
{
  struct option const *first = NULL;
  *ambiguous = false;
  for (struct option const *o = longopts; o->name; o++)
    if (own_option (o) == own && strncmp (o->name, name, len) == 0)
      {
        if (!first)
          first = o;
        else if (!same_option (first, o))
          *ambiguous = true;
      }
  return first;
}

/* The option gnu_abbreviations found ambiguous: argv[0], the option
   as given, the tool's options, and the length of the name given.  */
static struct
{
  char const *program;
  char const *arg;
  struct option const *longopts;
  idx_t len;
} pending_ambiguous;

void
report_ambiguous_option (void)
{
  char const *name = pending_ambiguous.arg + 2;
  fprintf (stderr, _("%s: option '%s' is ambiguous; possibilities:"),
           pending_ambiguous.program, pending_ambiguous.arg);
  struct option const *first = NULL;
  for (struct option const *o = pending_ambiguous.longopts; o->name; o++)
    if (!own_option (o) && strncmp (o->name, name, pending_ambiguous.len) == 0
        && ! (first && same_option (first, o)))
      {
        first = first ? first : o;
        fprintf (stderr, " '--%s'", o->name);
      }
  fputc ('\n', stderr);
  usage (exit_failure);
}

/* Note that *PARG, a long option whose name given is LEN bytes long,
   is ambiguous among the GNU tool's options in LONGOPTS, and put
   MM_AMBIGUOUS_LONG_OPTION in its place for getopt_long to meet; if
   the table lacks it, report the option now.  PROGRAM is argv[0].  */
static void
defer_ambiguous_option (char const *program, char **parg,
                        struct option const *longopts, idx_t len)
{
  static char sentinel[] = "--\177";
  pending_ambiguous.program = program;
  pending_ambiguous.arg = *parg;
  pending_ambiguous.longopts = longopts;
  pending_ambiguous.len = len;
  if (!exact_option (longopts, sentinel + 2, strlen (sentinel + 2)))
    report_ambiguous_option ();
  *parg = sentinel;
}

/* Return the option that the long option *PARG ("--NAME[=VALUE]")
   means in LONGOPTS, as GNU's tool would take it: an exact name, a
   unique prefix of a GNU option's name (then rewrite *PARG with the
   full name), or a unique prefix of one of mmutils' own.  Return null
   if it is none of these: getopt_long will report it.  A prefix that is
   ambiguous among the GNU options and also names one of mmutils' goes
   to defer_ambiguous_option, for getopt_long would name the latter
   too.  PROGRAM is argv[0].  */
static struct option const *
long_option (char const *program, char **parg,
             struct option const *longopts)
{
  char const *name = *parg + 2;
  idx_t len = strcspn (name, "=");
  struct option const *o = exact_option (longopts, name, len);
  if (o)
    return o;
  bool ambiguous, own_ambiguous;
  o = prefix_option (longopts, false, name, len, &ambiguous);
  struct option const *own = prefix_option (longopts, true, name, len,
                                            &own_ambiguous);
  if (o && ambiguous)
    {
      if (own)
        defer_ambiguous_option (program, parg, longopts, len);
      return NULL;
    }
  if (o)
    {
      if (own)
        {
          idx_t namelen = strlen (o->name);
          char *full = ximalloc (2 + namelen + strlen (name + len) + 1);
          stpcpy (stpcpy (stpcpy (full, "--"), o->name), name + len);
          *parg = full;
        }
      return o;
    }
  return own_ambiguous ? NULL : own;
}

/* Return how many of the following arguments the cluster of short
   options at OPTS (after its '-') takes as an option argument, 0 or 1,
   as SHORTOPTS says; -1 if it holds an unknown option.  */
static int
short_options_argument (char const *opts, char const *shortopts)
{
  for (; *opts; opts++)
    {
      char const *spec = *opts == ':' ? NULL : strchr (shortopts, *opts);
      if (!spec)
        return -1;
      if (spec[1] == ':')
        return spec[2] != ':' && !opts[1];
    }
  return 0;
}

void
gnu_abbreviations (int argc, char **argv, char const *shortopts,
                   struct option const *longopts)
{
  bool in_order = *shortopts == '+' || getenv ("POSIXLY_CORRECT");
  for (int i = 1; i < argc; i++)
    {
      char const *arg = argv[i];
      if (arg[0] != '-' || !arg[1])
        {
          /* An operand: the options end here, or getopt_long
             permutes it to the end.  */
          if (in_order)
            return;
          continue;
        }
      if (arg[1] != '-')
        {
          int n = short_options_argument (arg + 1, shortopts);
          if (n < 0)
            return;
          i += n;
          continue;
        }
      if (!arg[2])
        return;
      struct option const *o = long_option (argv[0], &argv[i], longopts);
      if (!o)
        return;
      if (o->has_arg == required_argument && !strchr (argv[i], '='))
        i++;
    }
}
