/* mgrep-patterns.c -- the patterns of -e, -f and the operand, with
   duplicates dropped and their origins kept for diagnostics.
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

#include <config.h>

#include <stdint.h>
#include <wchar.h>

#include "system.h"
#include "mgrep.h"
#include "xalloc.h"

/* Where the patterns came from, for the matchers' diagnostics: each
   -e, -f or pattern operand starts an entry at its first pattern.  */
struct patloc
{
  idx_t lineno;                 /* number of its first pattern, from 0 */
  char const *filename;         /* the -f file, or "" */
  idx_t fileline;               /* that pattern's line there, from 1 */
};
static struct patloc *patlocs;  /* the entries */
static idx_t patlocs_used, patlocs_alloc; /* entries used, allocated */
static idx_t n_patterns;        /* patterns so far */

/* The patterns kept so far, as a hash set of their offsets in the
   pattern buffer plus one (0 marks a free slot): GNU grep 3.8 drops a
   pattern it has seen before, and its diagnostics name the first.  */
static idx_t *pattern_set;
static idx_t pattern_set_size;  /* slots, a power of 2 or 0 */
static idx_t pattern_set_used;  /* slots in use */

/* Return the name of the file that the pattern numbered LINENO (from
   0) came from, "" if none, and set *LINE to its line there.  */
char const *
locate_pattern (idx_t lineno, idx_t *line)
{
  idx_t i = patlocs_used;
  while (0 < i && lineno < patlocs[i - 1].lineno)
    i--;
  if (i == 0)
    {
      *line = lineno + 1;
      return "";
    }
  *line = lineno - patlocs[i - 1].lineno + patlocs[i - 1].fileline;
  return patlocs[i - 1].filename;
}

/* Return a hash of the pattern at P, up to and with its newline.  */
static size_t
hash_pattern (char const *p)
{
  size_t h = 0;
  for (; *p != '\n'; p++)
    h = h * 31 + (unsigned char) *p;
  return h;
}

/* Return the slot of pattern_set that holds the pattern at KEYS + OFF
   (up to its newline), or the free slot where it would go.  */
static idx_t *
pattern_slot (char const *keys, idx_t off)
{
  char const *pat = keys + off;
  idx_t len = (char const *) rawmemchr (pat, '\n') - pat + 1;
  idx_t mask = pattern_set_size - 1;
  for (idx_t i = hash_pattern (pat) & mask; ; i = (i + 1) & mask)
    {
      idx_t *slot = &pattern_set[i];
      if (!*slot || memcmp (keys + *slot - 1, pat, len) == 0)
        return slot;
    }
}

/* Add the pattern at KEYS + OFF to pattern_set, unless an equal one is
   there.  Return true if it was added.  */
static bool
insert_pattern (char const *keys, idx_t off)
{
  if (pattern_set_size <= 2 * pattern_set_used)
    {
      idx_t *old = pattern_set, oldsize = pattern_set_size;
      pattern_set_size = MAX (64, 2 * oldsize);
      pattern_set = xicalloc (pattern_set_size, sizeof *pattern_set);
      for (idx_t i = 0; i < oldsize; i++)
        if (old[i])
          *pattern_slot (keys, old[i] - 1) = old[i];
      free (old);
    }
  idx_t *slot = pattern_slot (keys, off);
  if (*slot)
    return false;
  *slot = off + 1;
  pattern_set_used++;
  return true;
}

/* Append the SIZE bytes at PAT and a newline to the patterns *KEYS of
   *KEYCC bytes, *KEYALLOC allocated; they came from the file FILENAME
   ("" for the command line).  Drop each pattern seen before, as GNU
   grep 3.8's update_patterns does, and note where the others came
   from: a new entry in patlocs whenever a pattern was dropped.  */
void
add_keys (char **keys, idx_t *keycc, idx_t *keyalloc, char const *pat,
          idx_t size, char const *filename)
{
  if (*keyalloc - *keycc < size + 1)
    *keys = xpalloc (*keys, keyalloc, size + 1 - (*keyalloc - *keycc), -1, 1);
  char *dst = *keys + *keycc;
  memcpy (dst, pat, size);
  dst[size] = '\n';
  char const *lim = dst + size + 1;
  idx_t fileline = 1;
  bool prev_inserted = false;
  for (char const *src = dst; src < lim; fileline++)
    {
      idx_t patsize = (char const *) rawmemchr (src, '\n') + 1 - src;
      memmove (dst, src, patsize);
      src += patsize;
      bool inserted = insert_pattern (*keys, dst - *keys);
      if (inserted)
        {
          dst += patsize;
          if (!prev_inserted)
            {
              if (patlocs_used == patlocs_alloc)
                patlocs = xpalloc (patlocs, &patlocs_alloc, 1, -1,
                                   sizeof *patlocs);
              patlocs[patlocs_used++]
                = (struct patloc) { n_patterns, filename, fileline };
            }
          n_patterns++;
        }
      prev_inserted = inserted;
    }
  *keycc = dst - *keys;
}

/* Report the failure ERR to read the pattern file NAME and exit.  */
static _Noreturn void
pattern_file_error (char const *name, int err)
{
  error (EXIT_TROUBLE, err, "%s", name);
  abort ();
}

/* Append the patterns in the file NAME ("-" for standard input) to
   *KEYS, as -f does: an empty file adds none, and a last line without
   a newline gets one.  */
void
read_pattern_file (char **keys, idx_t *keycc, idx_t *keyalloc,
                   char const *name)
{
  bool is_stdin = STREQ (name, "-");
  FILE *fp = is_stdin ? stdin : fopen (name, "r");
  if (!fp)
    pattern_file_error (name, errno);
  idx_t size = 0, alloc = 0;
  char *buf = NULL;
  for (;;)
    {
      if (alloc - size < BUFSIZ)
        buf = xpalloc (buf, &alloc, BUFSIZ, -1, 1);
      size_t cc = fread (buf + size, 1, alloc - size, fp);
      if (cc == 0)
        break;
      size += cc;
    }
  int err = ferror (fp) ? errno : 0;
  if (is_stdin)
    clearerr (fp);
  else if (fclose (fp) != 0 && !err)
    err = errno;
  if (err)
    pattern_file_error (name, err);
  if (size)
    add_keys (keys, keycc, keyalloc, buf,
              size - (buf[size - 1] == '\n'), name);
  else if (!*keys)
    *keys = xpalloc (NULL, keyalloc, 1, -1, 1);
  free (buf);
}
