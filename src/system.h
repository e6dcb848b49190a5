/* system.h -- declarations shared by the mmutils tools.
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

#ifndef SYSTEM_H
#define SYSTEM_H

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "error.h"
#include "exitfail.h"
#include "idx.h"
#include "minmax.h"
#include "progname.h"
#include "quote.h"
#include "quotearg.h"
#include "unlocked-io.h"

/* No message catalogs yet; keep the markers so that strings read as in
   the GNU tools.  */
#define _(msgid) (msgid)
#define N_(msgid) msgid

/* Quote a file name for a diagnostic, as coreutils does.  */
#define quotef(arg) \
  quotearg_n_style_colon (0, shell_escape_quoting_style, arg)

/* The GNU-style --help and --version descriptions.  */
#define HELP_OPTION_DESCRIPTION \
  _("      --help        display this help and exit\n")
#define VERSION_OPTION_DESCRIPTION \
  _("      --version     output version information and exit\n")

enum
{
  GETOPT_HELP_CHAR = (CHAR_MIN - 2),
  GETOPT_VERSION_CHAR = (CHAR_MIN - 3)
};

#define GETOPT_HELP_OPTION_DECL \
  "help", no_argument, NULL, GETOPT_HELP_CHAR
#define GETOPT_VERSION_OPTION_DECL \
  "version", no_argument, NULL, GETOPT_VERSION_CHAR

/* The getopt_long values of the long options mmutils adds to a GNU
   tool's (--io and the like) are at least MM_OWN_OPTION; those of the
   GNU tool's own options are below.  */
enum { MM_OWN_OPTION = 0x4d00, MM_AMBIGUOUS_OPTION };

/* A hidden long option in every tool's table: gnu_abbreviations puts
   it in place of a prefix that is ambiguous among the GNU tool's
   options and also names one of mmutils', so that getopt_long meets
   the error where the GNU tool would; its case calls
   report_ambiguous_option.  */
#define MM_AMBIGUOUS_LONG_OPTION \
  { "\177", no_argument, NULL, MM_AMBIGUOUS_OPTION }

/* The exit status of trouble for mgrep and mcmp, as GNU grep's and
   cmp's.  */
enum { EXIT_TROUBLE = 2 };

/* Return the byte C as an unsigned char.  */
static inline unsigned char
to_uchar (char c)
{
  return c;
}

/* True if strings A and B are equal.  */
#define STREQ(a, b) (strcmp (a, b) == 0)

/* Print a usage message and exit with STATUS; each tool defines it.  */
extern _Noreturn void usage (int status);

/* Print "Try 'PROG --help' for more information." to stderr.  */
extern void emit_try_help (void);

/* Print the mmutils bug-report and home-page lines, as coreutils'
   emit_ancillary_info does, for PROGRAM.  */
extern void emit_ancillary_info (char const *program);

/* Print the --version text for PROGRAM (as its GNU counterpart's
   name COUNTERPART) and exit successfully.  */
extern _Noreturn void print_version (char const *program);

/* Report a write error on standard output, with errno ERR, and exit
   with the exit_failure status.  Drop what standard output holds, so
   that close_stdout says nothing more.  */
extern _Noreturn void die_write_error (int err);

/* Flush standard output one last time, then report the write error
   that errno tells, as die_write_error does.  */
extern _Noreturn void write_error (void);

/* Put at P the caret notation of byte C that cat -v and cmp -b show:
   M- for the high half, then ^X for controls and ^? for DEL, else the
   byte itself.  Return the end of what was put: at most 4 bytes.  */
extern char *put_caret_notation (char *p, unsigned char c);

/* If standard output is a pipe, widen it to 1 MiB where the system
   allows (failures are ignored: it only costs speed).  A wide pipe
   takes a tool's output in fewer, larger writes and wakes the reader
   less often (mcat into a pipe, 1 GiB: 540 ms -> 392 ms).  */
extern void widen_output_pipe (void);

/* Set up a tool's start: program name, locale, atexit (close_stdout),
   EXIT_STATUS for trouble.  */
extern void initialize_main_tool (int *argc, char ***argv, int exit_status);

/* Die with "PROG: stack overflow" and the exit_failure status, as GNU
   grep and cmp do (gnulib c-stack), rather than of SIGSEGV.  On
   GNU/Linux c-stack takes SIGSEGV only, on an alternate signal stack;
   SIGBUS stays with the input helper's truncation guard.  */
extern void handle_stack_overflow (void);

/* Before getopt_long parses ARGC and ARGV with SHORTOPTS and LONGOPTS,
   rewrite each long option that is a unique prefix of one of the GNU
   tool's long options (those in LONGOPTS below MM_OWN_OPTION) to that
   option's full name: the options mmutils adds must not make GNU's
   abbreviations ambiguous.  Option arguments are skipped, "--" and
   (with POSIXLY_CORRECT or a SHORTOPTS starting with '+') the first
   operand end the options, as for getopt_long.  */
struct option;
extern void gnu_abbreviations (int argc, char **argv, char const *shortopts,
                               struct option const *longopts);

/* Report the ambiguous option that gnu_abbreviations replaced by
   MM_AMBIGUOUS_LONG_OPTION as getopt_long would have, naming only the
   GNU tool's options, and exit as with a usage error.  */
extern _Noreturn void report_ambiguous_option (void);

#endif
