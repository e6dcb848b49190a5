/* count -- count newlines fast.
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

/* PLACEHOLDER from the mcmp branch: a plain memchr loop standing in
   for mwc's vectorized counter, which replaces this file at merge.  */

#include <config.h>

#include "count.h"

#include <string.h>

idx_t
count_newlines (char const *p, idx_t n)
{
  idx_t count = 0;
  char const *end = p + n;
  while ((p = memchr (p, '\n', end - p)))
    {
      count++;
      p++;
    }
  return count;
}
