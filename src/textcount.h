/* textcount -- count lines, words, characters and line widths as GNU wc.
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

/* The counts are those of GNU wc 9.1 in the current locale.  A word
   starts at a printable character that is not white space after white
   space (or at the start); nonprintable characters and invalid bytes
   neither start nor end a word.  The width of a line is the sum of the
   printable characters' widths, with tabs to the next multiple of 8;
   carriage return and form feed start a new width as newline does.
   Input arrives in chunks of any size: a character split between two
   chunks counts as if it had not been.  */

#ifndef TEXTCOUNT_H
#define TEXTCOUNT_H

#include <stdbool.h>
#include <stdint.h>
#include "idx.h"

/* What a caller wants counted; anything else may be left wrong.  */
enum
{
  TC_LINES = 1 << 0,
  TC_WORDS = 1 << 1,
  TC_CHARS = 1 << 2,            /* meaningless in a unibyte locale */
  TC_WIDTH = 1 << 3
};

/* The longest multibyte character tc_scan may have to carry.  */
enum { TC_CARRY_MAX = 16 };

/* The counts of one input.  */
struct tc_state
{
  uintmax_t lines;              /* newlines */
  uintmax_t words;              /* words begun */
  uintmax_t chars;              /* valid characters */
  uintmax_t width;              /* widest line ended so far */
  uintmax_t linepos;            /* width of the current line */
  bool in_word;                 /* the last character that counts for
                                   words was part of one */
  int what;                     /* TC_* flags */
  int ncarry;                   /* bytes in CARRY */
  unsigned char carry[TC_CARRY_MAX]; /* start of a split character */
};

/* Prepare for the current locale; call after setlocale.  */
extern void tc_init (void);

/* True if the current locale has multibyte characters.  */
extern bool tc_multibyte (void);

/* Start counting WHAT (TC_* flags) into ST.  */
extern void tc_start (struct tc_state *st, int what);

/* Count the N bytes at P into ST.  */
extern void tc_scan (struct tc_state *st, char const *p, idx_t n);

/* Finish ST at the end of its input: the last line's width counts.  */
extern void tc_finish (struct tc_state *st);

#endif
