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

#include <locale.h>

#include "system.h"
#include "closeout.h"
#include "progname.h"

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
  printf (_("\nReport bugs to: <%s>\n"), PACKAGE_BUGREPORT);
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
write_error (void)
{
  int saved_errno = errno;
  fflush (stdout);     /* Last attempt to write any buffered data.  */
  fpurge (stdout);     /* Ensure nothing buffered that might induce an error.  */
  clearerr (stdout);   /* Avoid extraneous diagnostic from close_stdout.  */
  error (EXIT_FAILURE, saved_errno, _("write error"));
  abort ();
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
initialize_main_tool (int *argc, char ***argv, int exit_status)
{
  set_program_name ((*argv)[0]);
  setlocale (LC_ALL, "");
  exit_failure = exit_status;
  atexit (close_stdout);
}
