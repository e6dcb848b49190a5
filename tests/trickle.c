/* trickle -- copy a file to standard output a few bytes at a time.
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

/* Usage: trickle SEED [FILE]

   A slow producer for the tests: write FILE (or standard input) to
   standard output in pieces of 1 to 5 bytes, drawn from SEED, with a
   short sleep after each, so that a reader at the other end of a pipe
   gets its input in short reads that cut characters, words and lines
   anywhere.  The same SEED cuts the same file the same way (the reader
   may still join pieces that arrive while it is busy).  Exit 0 if all
   went well, 1 on an error (a closed pipe is not one: the reader may
   stop early).  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* The next number of the xorshift generator whose state is *S.  */
static unsigned long
next_random (unsigned long long *s)
{
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s >> 11;
}

/* Write the N bytes at P to standard output; return 0 if OK, -1 if
   the reader has gone, 1 on another error.  */
static int
write_all (char const *p, size_t n)
{
  while (n)
    {
      ssize_t w = write (STDOUT_FILENO, p, n);
      if (w < 0)
        {
          if (errno == EINTR)
            continue;
          return errno == EPIPE ? -1 : 1;
        }
      p += w;
      n -= w;
    }
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc < 2 || 3 < argc)
    {
      fputs ("Usage: trickle SEED [FILE]\n", stderr);
      return 1;
    }
  unsigned long long state = strtoull (argv[1], NULL, 10) * 2654435761u + 1;
  int fd = argc == 3 ? open (argv[2], O_RDONLY) : STDIN_FILENO;
  if (fd < 0)
    {
      perror (argv[2]);
      return 1;
    }
  signal (SIGPIPE, SIG_IGN);

  char buf[5];
  for (;;)
    {
      size_t want = 1 + next_random (&state) % sizeof buf;
      ssize_t n = read (fd, buf, want);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          perror ("trickle: read");
          return 1;
        }
      if (n == 0)
        return 0;
      int r = write_all (buf, n);
      if (r)
        return r < 0 ? 0 : (perror ("trickle: write"), 1);
      struct timespec nap = { 0, 1000 * (20 + next_random (&state) % 80) };
      nanosleep (&nap, NULL);
    }
}
