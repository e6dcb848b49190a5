/* cutmap -- cut a file right after a tool maps it, for the fault tests.
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

/* Loaded with LD_PRELOAD, this wraps mmap.  Right after the mapping
   number CUTMAP_AT (1 for the first) of the file CUTMAP_FILE is made,
   the file is truncated (or extended) to CUTMAP_SIZE bytes, so a tool
   meets a cut at a place the test chooses: inside the window just
   mapped, or before it.  Only mappings of that file count.  */

#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Mappings of CUTMAP_FILE made so far.  */
static long mappings;

/* True if descriptor FD is open on CUTMAP_FILE.  */
static int
is_target (int fd, char const *file)
{
  struct stat a, b;
  return (0 <= fd && fstat (fd, &a) == 0 && stat (file, &b) == 0
          && a.st_dev == b.st_dev && a.st_ino == b.st_ino);
}

void *
mmap (void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
  static void *(*real_mmap) (void *, size_t, int, int, int, off_t);
  if (!real_mmap)
    real_mmap = (void *(*) (void *, size_t, int, int, int, off_t))
                dlsym (RTLD_NEXT, "mmap");
  void *p = real_mmap (addr, len, prot, flags, fd, off);
  char const *file = getenv ("CUTMAP_FILE");
  char const *at = getenv ("CUTMAP_AT");
  char const *size = getenv ("CUTMAP_SIZE");
  if (p != MAP_FAILED && file && at && size && is_target (fd, file)
      && ++mappings == atol (at)
      && truncate (file, atoll (size)) != 0)
    abort ();
  return p;
}
