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
#include "minmax.h"
#include "xalloc.h"

/* See LITSET_FEW.  */
enum { FEW_MAX = LITSET_FEW };

/* A trie node of the Aho-Corasick automaton is an int32_t index.  */
typedef int32_t node_t;

struct litset
{
  unsigned char const *fold;    /* byte folding table, or null */
  idx_t count;                  /* strings added */
  char **strs;                  /* the strings (folded) */
  idx_t *lens;                  /* their lengths */
  idx_t *rares;                 /* the offset of each one's rarest byte */
  idx_t strs_alloc;             /* room in STRS, LENS and RARES */
  unsigned char alts[FEW_MAX];  /* the other case of those bytes, or
                                   the byte itself (few strings) */

  /* The automaton, used for more than FEW_MAX strings.  */
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
  if (set->count == set->strs_alloc)
    {
      set->strs = xpalloc (set->strs, &set->strs_alloc, 1, -1,
                           sizeof *set->strs);
      set->lens = xireallocarray (set->lens, set->strs_alloc,
                                  sizeof *set->lens);
      set->rares = xireallocarray (set->rares, set->strs_alloc,
                                   sizeof *set->rares);
    }
  char *folded = ximalloc (len);
  for (idx_t i = 0; i < len; i++)
    folded[i] = fold_byte (set, str[i]);
  set->strs[set->count] = folded;
  set->lens[set->count] = len;
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

/* Return the offset of the rarest byte of the LEN bytes at STR.  */
static idx_t
rarest_byte (char const *str, idx_t len)
{
  int best = INT_MAX;
  idx_t rare = 0;
  for (idx_t i = 0; i < len; i++)
    {
      int r = byte_rank (to_uchar_lit (str[i]));
      if (r < best)
        best = r, rare = i;
    }
  return rare;
}

/* Return the other byte that folds to B in SET (B itself if none); set
   *VARIANTS to the number of bytes that fold to B.  */
static unsigned char
other_case (struct litset const *set, unsigned char b, int *variants)
{
  unsigned char alt = b;
  *variants = 1;
  if (set->fold)
    {
      *variants = 0;
      for (int c = 0; c <= UCHAR_MAX; c++)
        if (set->fold[c] == b)
          {
            ++*variants;
            if (c != b)
              alt = c;
          }
    }
  return alt;
}

/* Choose the byte of each of SET's strings that memchr scans look for,
   and whether the automaton must search instead.  */
static void
choose_rare_bytes (struct litset *set)
{
  for (idx_t i = 0; i < set->count; i++)
    {
      set->rares[i] = rarest_byte (set->strs[i], set->lens[i]);
      int variants;
      unsigned char b = set->strs[i][set->rares[i]];
      unsigned char alt = other_case (set, b, &variants);
      if (i < FEW_MAX)
        set->alts[i] = alt;
      /* memchr scans look for at most two bytes a string.  */
      if (2 < variants)
        set->use_automaton = true;
    }
  if (FEW_MAX < set->count)
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
  choose_rare_bytes (set);
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

/* Search BUF (SIZE bytes) for SET's single string, compared exactly;
   return its offset or -1.  Scan with memchr for its rarest byte,
   verify around each hit, and leave the rest to memmem when hits are
   mostly false.  */
static ptrdiff_t
exec_one (struct litset const *set, char const *buf, idx_t size)
{
  char const *str = set->strs[0];
  idx_t len = set->lens[0], rare = set->rares[0];
  if (size < len)
    return -1;
  char const *p = buf + rare;
  char const *lim = buf + size - len + rare + 1;
  unsigned char rb = str[rare];
  idx_t misses = 0;
  while (p < lim)
    {
      char const *hit = memchr (p, rb, lim - p);
      if (!hit)
        return -1;
      if (memcmp (hit - rare, str, len) == 0)
        return hit - rare - buf;
      p = hit + 1;
      if (64 < ++misses && (p - buf) < misses * 32)
        {
          char const *m = memmem (p - rare, buf + size - (p - rare), str, len);
          return m ? m - buf : -1;
        }
    }
  return -1;
}

/* The bytes exec_few looks for, and where it found each.  */
struct scan_bytes
{
  int n;                        /* how many */
  unsigned char byte[2 * FEW_MAX];
  char const *next[2 * FEW_MAX];  /* next hit in the block, or null */
};

/* Set S to the rare bytes of SET's strings, in both cases.  */
static void
collect_bytes (struct litset const *set, struct scan_bytes *s)
{
  s->n = 0;
  for (idx_t i = 0; i < set->count; i++)
    {
      unsigned char b[2] = { set->strs[i][set->rares[i]], set->alts[i] };
      for (int j = 0; j < 2; j++)
        if (!memchr (s->byte, b[j], s->n))
          s->byte[s->n++] = b[j];
    }
}

/* Return the nearest hit in S, or null.  */
static char const *
nearest (struct scan_bytes const *s)
{
  char const *hit = NULL;
  for (int j = 0; j < s->n; j++)
    if (s->next[j] && (!hit || s->next[j] < hit))
      hit = s->next[j];
  return hit;
}

/* Verify each string of SET whose rare byte is at HIT, in BUF..LIM, and
   make the leftmost-longest occurrence so far *BEST, *LEN and *INDEX.  */
static void
verify_at (struct litset const *set, char const *buf, char const *lim,
           char const *hit, ptrdiff_t *best, idx_t *len, idx_t *index)
{
  unsigned char b = *hit;
  for (idx_t i = 0; i < set->count; i++)
    {
      char const *start = hit - set->rares[i];
      idx_t l = set->lens[i];
      if ((b == to_uchar_lit (set->strs[i][set->rares[i]])
           || b == set->alts[i])
          && buf <= start && l <= lim - start
          && equal_folded (set->fold, start, set->strs[i], l)
          && (*best < 0 || start - buf < *best
              || (start - buf == *best && *len < l)))
        {
          *best = start - buf;
          *len = l;
          *index = i;
        }
    }
}

/* Search BUF (SIZE bytes) for SET's strings, at most FEW_MAX of them:
   each string's rarest byte (both cases) is looked for with memchr and
   each hit verified.  The bytes are looked for in blocks, each twice as
   long as the one before, so that a call costs time in proportion to
   how far it reads, however common or rare each byte is.  Return the
   offset of the leftmost occurrence, choosing the longest string there,
   and set *LEN and *INDEX; return -1 if none.  */
static ptrdiff_t
exec_few (struct litset const *set, char const *buf, idx_t size,
          idx_t *len, idx_t *index)
{
  char const *lim = buf + size;
  struct scan_bytes s;
  collect_bytes (set, &s);
  idx_t max_rare = 0;
  for (idx_t i = 0; i < set->count; i++)
    max_rare = MAX (max_rare, set->rares[i]);
  ptrdiff_t best = -1;
  idx_t step = 1024;
  for (char const *p = buf, *blim = buf; ; step *= 2)
    {
      /* Past the block, no string can start at or before BEST.  */
      if (blim == lim || (0 <= best && best + max_rare < blim - buf))
        return best;
      p = blim;
      blim = step < lim - p ? p + step : lim;
      for (int j = 0; j < s.n; j++)
        s.next[j] = memchr (p, s.byte[j], blim - p);
      for (char const *hit; (hit = nearest (&s)); )
        {
          if (0 <= best && best + max_rare < hit - buf)
            return best;
          verify_at (set, buf, lim, hit, &best, len, index);
          p = hit + 1;
          for (int j = 0; j < s.n; j++)
            if (s.next[j] == hit)
              s.next[j] = memchr (p, s.byte[j], blim - p);
        }
    }
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
  if (set->use_automaton)
    return exec_many (set, buf, size, len, index);
  if (1 < set->count || set->fold)
    return exec_few (set, buf, size, len, index);
  *len = set->lens[0];
  *index = 0;
  return exec_one (set, buf, size);
}

/* Free SET.  */
void
litset_free (struct litset *set)
{
  for (idx_t i = 0; i < set->count; i++)
    free (set->strs[i]);
  free (set->strs);
  free (set->lens);
  free (set->rares);
  free (set->depth);
  free (set->out_len);
  free (set->out_index);
  free (set->next);
  free (set->fail);
  free (set);
}
