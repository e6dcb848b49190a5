/* uncache -- drop part of a file from the page cache.
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

/* Usage: uncache FILE [OFFSET LENGTH]

   For the tests of --io=auto, which maps only what is cached: write
   FILE's dirty pages back (the kernel keeps those), then advise it to
   drop LENGTH bytes from OFFSET (all of FILE by default) from the page
   cache.  dd iflag=nocache does not drop a range here.  Exit 0 if the
   advice was taken, 1 otherwise.  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  if (argc != 2 && argc != 4)
    {
      fprintf (stderr, "usage: uncache FILE [OFFSET LENGTH]\n");
      return 1;
    }
  off_t offset = argc == 4 ? strtoll (argv[2], NULL, 10) : 0;
  off_t length = argc == 4 ? strtoll (argv[3], NULL, 10) : 0;
  int fd = open (argv[1], O_RDONLY);
  if (fd < 0 || fdatasync (fd) != 0)
    {
      perror (argv[1]);
      return 1;
    }
  int err = posix_fadvise (fd, offset, length, POSIX_FADV_DONTNEED);
  if (err != 0)
    {
      errno = err;
      perror (argv[1]);
      return 1;
    }
  return close (fd) != 0;
}
