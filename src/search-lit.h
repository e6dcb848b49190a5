/* search-lit.h -- find the first of a set of literal strings.
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

/* The matchers' prefilter, in the role of GNU grep's kwset: one string
   is found by a memchr scan for its rarest byte, several by an
   Aho-Corasick automaton entered from a memchr-like scan for the bytes
   that can start a string.  Bytes may be compared through a folding
   table (for -i in unibyte locales).  */

#ifndef SEARCH_LIT_H
#define SEARCH_LIT_H

#include <stddef.h>
#include "idx.h"

struct litset;

/* Sets of up to this many strings are searched with memchr scans for a
   rare byte of each, at memory speed; larger ones with an automaton
   that steps through every byte.  */
enum { LITSET_FEW = 4 };

/* Return a new, empty set whose bytes compare equal when FOLD maps
   them to the same byte; FOLD is null for exact comparison, else a
   256-byte table that must outlive the set.  */
extern struct litset *litset_alloc (unsigned char const *fold);

/* Add the LEN bytes at STR (LEN > 0) as string number N (counting
   from 0 in the order added) to SET.  */
extern void litset_add (struct litset *set, char const *str, idx_t len);

/* Prepare SET for searching, after its last litset_add.  */
extern void litset_prep (struct litset *set);

/* Return the offset in BUF (SIZE bytes) of the leftmost occurrence of
   a string of SET, choosing the longest of those that start there;
   set *LEN to its length and *INDEX to its number.  Return -1 if no
   string occurs.  */
extern ptrdiff_t litset_exec (struct litset *set, char const *buf,
                              idx_t size, idx_t *len, idx_t *index);

/* Return the number of strings in SET.  */
extern idx_t litset_count (struct litset const *set);

/* Free SET.  */
extern void litset_free (struct litset *set);

#endif
