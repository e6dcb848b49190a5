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

/* PLACEHOLDER from the mcmp branch: mwc's branch owns src/count.{c,h}
   and its vectorized version replaces this pair at merge time.  Only
   the interface below is relied on.  */

#ifndef COUNT_H
#define COUNT_H

#include "idx.h"

/* Return the number of newline bytes among the N bytes at P.  */
extern idx_t count_newlines (char const *p, idx_t n);

#endif
