/* search-int.h -- what the matcher modules share among themselves.
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

#ifndef SEARCH_INT_H
#define SEARCH_INT_H

#include "localeinfo.h"
#include "search.h"

/* The -P matcher (search-pcre.c).  */
struct pmatcher;

/* Compile the single -P pattern of SIZE bytes at PATTERN with OPTIONS
   in the locale described by LI; diagnose errors and exit 2.  */
extern struct pmatcher *pcre_matcher_compile (char const *pattern,
                                              idx_t size,
                                              struct match_options const *
                                              options,
                                              struct localeinfo const *li);

/* Search with P as matcher_execute does; INPUT_NAME names the input
   in the diagnostic of a run-time error.  */
extern ptrdiff_t pcre_matcher_execute (struct pmatcher *p, char *buf,
                                       idx_t size, idx_t *match_size,
                                       char const *start_ptr,
                                       char const *input_name);

#endif
