/* search-lit.c -- find the first of a set of literal strings.
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

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search-lit.h"
#include "xalloc.h"

/* A trie node of the Aho-Corasick automaton is an int32_t index.  */
typedef int32_t node_t;

struct litset
{
  unsigned char const *fold;    /* byte folding table, or null */
  idx_t count;                  /* strings added */
  char *first;                  /* the first string (folded) */
  idx_t first_len;              /* its length */
  idx_t rare;                   /* offset in FIRST of its rarest byte */
  unsigned char rare_alt;       /* the other case of that byte, if any */

  /* The automaton, used when COUNT > 1.  */
  unsigned char cls[UCHAR_MAX + 1];  /* byte -> class; 0: in no string */
  int ncls;                     /* number of classes */
  node_t nodes;                 /* number of trie nodes */
  node_t alloc;                 /* nodes allocated */
  node_t *next;                 /* NODES x NCLS transitions */
  node_t *fail;                 /* failure links */
  idx_t *depth;                 /* length of the string a node spells */
  idx_t *out_len;               /* longest string ending at a node, or 0 */
  idx_t *out_index;             /* its number */
  bool use_automaton;           /* search with the automaton */
};

/* Return the byte C as an unsigned char.  */
static inline unsigned char
to_uchar_lit (char c)
{
  return c;
}

/* Return the byte B as SET compares it.  */
static inline unsigned char
fold_byte (struct litset const *set, unsigned char b)
{
  return set->fold ? set->fold[b] : b;
}

/* Return a guess at how common byte B is in text; higher is commoner.  */
static int
byte_rank (unsigned char b)
{
  static char const by_freq[] = "etaoinshrdlcumwfgypbvkjxqz";
  if (b == ' ')
    return 255;
  if ('a' <= b && b <= 'z')
    return 250 - (int) (strchr (by_freq, b) - by_freq) * 4;
  if ('A' <= b && b <= 'Z')
    return 120 - (int) (strchr (by_freq, b - 'A' + 'a') - by_freq) * 2;
  if ('0' <= b && b <= '9')
    return 90;
  if (b == '\n' || b == '\t' || b == '.' || b == ',')
    return 100;
  return b < 0x80 ? 40 : 20;
}

/* Return a new, empty set comparing through FOLD (or exactly).  */
struct litset *
litset_alloc (unsigned char const *fold)
{
  struct litset *set = xzalloc (sizeof *set);
  set->fold = fold;
  set->ncls = 1;
  set->alloc = 64;
  set->nodes = 1;
  return set;
}

/* Return the number of strings in SET.  */
idx_t
litset_count (struct litset const *set)
{
  return set->count;
}

/* Give the trie of SET room for LEN more nodes.  */
static void
grow_trie (struct litset *set, idx_t len)
{
  if (set->nodes + len <= set->alloc && set->depth)
    return;
  while (set->alloc < set->nodes + len)
    set->alloc *= 2;
  set->depth = xirealloc (set->depth, set->alloc * sizeof *set->depth);
  set->out_len = xirealloc (set->out_len, set->alloc * sizeof *set->out_len);
  set->out_index = xirealloc (set->out_index,
                              set->alloc * sizeof *set->out_index);
  if (set->nodes == 1)
    set->depth[0] = set->out_len[0] = set->out_index[0] = 0;
}

/* The trie is built with sparse edges first: EDGES[i] lists the child
   of a node for a byte; the dense table comes in litset_prep.  */
struct edge
{
  node_t from;
  node_t to;
  unsigned char byte;
};

/* The edges of the trie being built (one set is built at a time).  */
static struct edge *edges;
static idx_t n_edges, edges_alloc;

/* Return the child of node FROM for byte B in SET's trie, or 0.  */
static node_t
find_edge (node_t from, unsigned char b)
{
  for (idx_t i = n_edges; 0 < i; i--)
    if (edges[i - 1].from == from && edges[i - 1].byte == b)
      return edges[i - 1].to;
  return 0;
}

/* Add the LEN bytes at STR to SET.  */
void
litset_add (struct litset *set, char const *str, idx_t len)
{
  if (set->count == 0)
    {
      set->first = ximalloc (len);
      for (idx_t i = 0; i < len; i++)
        set->first[i] = fold_byte (set, str[i]);
      set->first_len = len;
    }
  grow_trie (set, len);
  node_t n = 0;
  for (idx_t i = 0; i < len; i++)
    {
      unsigned char b = fold_byte (set, str[i]);
      node_t c = find_edge (n, b);
      if (!c)
        {
          if (n_edges == edges_alloc)
            edges = xpalloc (edges, &edges_alloc, 1, -1, sizeof *edges);
          c = set->nodes++;
          set->depth[c] = i + 1;
          set->out_len[c] = 0;
          edges[n_edges++] = (struct edge) { n, c, b };
        }
      n = c;
    }
  if (!set->out_len[n])
    {
      set->out_len[n] = len;
      set->out_index[n] = set->count;
    }
  set->count++;
}

/* Choose the byte of SET's first string that a memchr scan looks for.  */
static void
choose_rare_byte (struct litset *set)
{
  int best = INT_MAX;
  for (idx_t i = 0; i < set->first_len; i++)
    {
      int r = byte_rank (set->first[i]);
      if (r < best)
        best = r, set->rare = i;
    }
  unsigned char b = set->first[set->rare];
  int variants = 0;
  set->rare_alt = b;
  if (set->fold)
    for (int c = 0; c <= UCHAR_MAX; c++)
      if (set->fold[c] == b)
        {
          variants++;
          if (c != b)
            set->rare_alt = c;
        }
  if (2 < variants)
    set->use_automaton = true;
}

/* Build the dense transition table of SET from its edges, with the
   failure links folded in, breadth first.  */
static void
build_automaton (struct litset *set)
{
  for (idx_t i = 0; i < n_edges; i++)
    if (!set->cls[edges[i].byte])
      set->cls[edges[i].byte] = set->ncls++;
  if (set->fold)
    for (int c = 0; c <= UCHAR_MAX; c++)
      set->cls[c] = set->cls[set->fold[c]];
  idx_t w = set->ncls;
  set->next = xicalloc (set->nodes * w, sizeof *set->next);
  set->fail = xicalloc (set->nodes, sizeof *set->fail);
  for (idx_t i = 0; i < n_edges; i++)
    set->next[edges[i].from * w + set->cls[edges[i].byte]] = edges[i].to;

  /* Breadth-first order: the trie nodes sorted by depth.  */
  node_t *queue = xinmalloc (set->nodes, sizeof *queue);
  idx_t qn = 0;
  for (idx_t d = 1, found = 1; found; d++)
    {
      found = 0;
      for (node_t n = 1; n < set->nodes; n++)
        if (set->depth[n] == d)
          queue[qn++] = n, found = 1;
    }
  for (idx_t q = 0; q < qn; q++)
    {
      node_t n = queue[q];
      node_t f = set->fail[n];
      if (set->out_len[n] == 0 && set->out_len[f])
        {
          set->out_len[n] = set->out_len[f];
          set->out_index[n] = set->out_index[f];
        }
      for (idx_t c = 1; c < w; c++)
        {
          node_t child = set->next[n * w + c];
          node_t via_fail = n ? set->next[f * w + c] : 0;
          if (child)
            set->fail[child] = via_fail;
          else
            set->next[n * w + c] = via_fail;
        }
    }
  free (queue);
}

/* Prepare SET for searching.  */
void
litset_prep (struct litset *set)
{
  choose_rare_byte (set);
  if (1 < set->count)
    set->use_automaton = true;
  if (set->use_automaton)
    build_automaton (set);
  n_edges = 0;
}

/* Return true if the LEN bytes at A equal those at B through FOLD.  */
static bool
equal_folded (unsigned char const *fold, char const *a, char const *b,
              idx_t len)
{
  if (!fold)
    return memcmp (a, b, len) == 0;
  for (idx_t i = 0; i < len; i++)
    if (fold[to_uchar_lit (a[i])] != to_uchar_lit (b[i]))
      return false;
  return true;
}

/* Return the first of the bytes B and ALT in [P, LIM), or null.  *NB
   and *NALT hold where each was last found (LIM if not at all, null
   if not yet looked for): a byte is looked for again only once P has
   passed it, so that scanning a buffer costs one pass for each byte,
   however often the other one occurs.  */
static char const *
next_of_two (char const *p, char const *lim, unsigned char b,
             unsigned char alt, char const **nb, char const **nalt)
{
  if (!*nb || *nb < p)
    {
      *nb = memchr (p, b, lim - p);
      if (!*nb)
        *nb = lim;
    }
  if (b != alt && (!*nalt || *nalt < p))
    {
      *nalt = memchr (p, alt, lim - p);
      if (!*nalt)
        *nalt = lim;
    }
  char const *hit = b == alt || *nb < *nalt ? *nb : *nalt;
  return hit < lim ? hit : NULL;
}

/* Search BUF (SIZE bytes) for SET's single string; return its offset
   or -1.  Scan with memchr for the rarest byte (in both cases when
   folding), verify around each hit, and leave the rest to memmem when
   hits are mostly false.  */
static ptrdiff_t
exec_one (struct litset const *set, char const *buf, idx_t size)
{
  idx_t len = set->first_len, rare = set->rare;
  if (size < len)
    return -1;
  char const *p = buf + rare;
  char const *lim = buf + size - len + rare + 1;
  unsigned char rb = set->first[rare];
  char const *nb = NULL;
  char const *nalt = NULL;
  idx_t misses = 0;
  while (p < lim)
    {
      char const *hit = next_of_two (p, lim, rb, set->rare_alt, &nb, &nalt);
      if (!hit)
        return -1;
      if (equal_folded (set->fold, hit - rare, set->first, len))
        return hit - rare - buf;
      p = hit + 1;
      if (!set->fold && 64 < ++misses && (p - buf) < misses * 32)
        {
          char const *m = memmem (p - rare, buf + size - (p - rare),
                                  set->first, len);
          return m ? m - buf : -1;
        }
    }
  return -1;
}

/* Search BUF (SIZE bytes) for the strings of SET with its automaton;
   return the offset of the leftmost-longest occurrence or -1, and set
   *LEN and *INDEX.  */
static ptrdiff_t
exec_many (struct litset const *set, char const *buf, idx_t size,
           idx_t *len, idx_t *index)
{
  idx_t w = set->ncls;
  node_t const *next = set->next;
  unsigned char const *cls = set->cls;
  ptrdiff_t best = -1;
  node_t n = 0;
  for (idx_t i = 0; i < size; i++)
    {
      n = next[n * w + cls[to_uchar_lit (buf[i])]];
      if (set->out_len[n])
        {
          idx_t l = set->out_len[n];
          ptrdiff_t start = i + 1 - l;
          if (best < 0 || start < best
              || (start == best && *len < l))
            {
              best = start;
              *len = l;
              *index = set->out_index[n];
            }
        }
      if (0 <= best && best < i + 1 - set->depth[n])
        break;
    }
  return best;
}

/* Search BUF for the strings of SET; see search-lit.h.  */
ptrdiff_t
litset_exec (struct litset *set, char const *buf, idx_t size, idx_t *len,
             idx_t *index)
{
  if (!set->use_automaton)
    {
      *len = set->first_len;
      *index = 0;
      return exec_one (set, buf, size);
    }
  return exec_many (set, buf, size, len, index);
}

/* Free SET.  */
void
litset_free (struct litset *set)
{
  free (set->first);
  free (set->depth);
  free (set->out_len);
  free (set->out_index);
  free (set->next);
  free (set->fail);
  free (set);
}
