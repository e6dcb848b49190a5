/* search.h -- the matchers mgrep searches with.
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

/* mgrep.c decides what to read and what to print; the matchers here
   only answer "where is the next matching line" and "where is the next
   match in this line", as GNU grep's execute functions do.  */

#ifndef SEARCH_H
#define SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include "idx.h"

/* The pattern syntaxes: -G, -E, -F and -P.  */
enum match_kind
{
  MATCH_BASIC,                  /* -G, the default */
  MATCH_EXTENDED,               /* -E */
  MATCH_FIXED,                  /* -F */
  MATCH_PERL                    /* -P */
};

/* How patterns match.  */
struct match_options
{
  bool ignore_case;             /* -i */
  bool match_words;             /* -w */
  bool match_lines;             /* -x */
  char eol;                     /* end-of-line byte: '\n', or '\0' with -z */
};

struct matcher;

/* Compile the patterns in KEYS, SIZE bytes of patterns separated by
   newlines (no newline after the last), of syntax KIND, with OPTIONS,
   for the current locale.  On a syntax error print GNU grep's
   diagnostic and exit with status 2.  */
extern struct matcher *matcher_compile (enum match_kind kind, char *keys,
                                        idx_t size,
                                        struct match_options const *options);

/* Search with M.

   If START_PTR is null: BUF holds SIZE bytes of whole lines, each ended
   by the eol byte except perhaps the last; BUF[-1] is an eol byte, and
   BUF[SIZE] is writable: it gets the last line's eol byte if that lacks
   one, or a sentinel.  Return the offset in BUF
   of the first line that matches, and set *MATCH_SIZE to its length
   including its eol byte (if it has one); return -1 if no line does.

   If START_PTR is not null: BUF holds one line of SIZE bytes without its
   eol byte; BUF[-1] is an eol byte and BUF[SIZE] is writable (it gets
   the eol byte if it is not that already).  Return the offset in
   BUF of the leftmost-longest match that starts at or after START_PTR,
   as GNU grep finds for -o and --color, and set *MATCH_SIZE to its
   length (possibly 0); return -1 if there is none.  */
extern ptrdiff_t matcher_execute (struct matcher *m, char *buf, idx_t size,
                                  idx_t *match_size, char const *start_ptr);

/* Set NAME, the name of the input M is searching as GNU grep prints it
   (a file name, unquoted, or the label of standard input), for the
   diagnostic of a run-time error such as PCRE's backtracking limit.  */
extern void matcher_set_input_name (struct matcher *m, char const *name);

/* Optional: set LOCATE, the function that names where a pattern came
   from for diagnostics, as GNU grep names "FILE:LINE:" for patterns
   read with -f.  LOCATE (LINENO, &LINE) gets the number of a pattern
   in KEYS, counting from 0; it returns the name of the file the
   pattern came from and sets LINE to its line number there (from 1),
   or returns "" for a pattern given with -e or as an operand.  Without
   a locator, diagnostics name no file.  Call before matcher_compile.  */
extern void matcher_set_locator (char const *(*locate) (idx_t lineno,
                                                        idx_t *line));

#endif
