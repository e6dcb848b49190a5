/* count -- fast byte counting shared by the mmutils tools.
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

#ifndef COUNT_H
#define COUNT_H

#include <stdbool.h>
#include "idx.h"

/* Return the number of newline bytes among the N bytes at P.  Uses
   AVX2 or SSE2 where the processor has them, else a word-at-a-time
   loop.  */
extern idx_t count_newlines (char const *p, idx_t n);

/* True if the processor has what the AVX2 loops of the mmutils tools
   need (AVX2, POPCNT, BMI1).  Checked once.  */
extern bool count_have_avx2 (void);

#endif
