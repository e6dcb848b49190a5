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

/* Written by the mmutils authors.  */

#include <config.h>

#include "count.h"

#include <stdint.h>
#include <string.h>

#include "count-one-bits.h"
#include "minmax.h"

#if defined __x86_64__ && defined __GNUC__
# define COUNT_X86 1
# include <immintrin.h>
#else
# define COUNT_X86 0
#endif

/* Below this many bytes the vector loops do not pay.  */
enum { VECTOR_MIN = 64 };

/* Return the number of newlines among the N bytes at P, eight bytes at
   a time: a byte of W ^ 0x0a0a... is zero exactly where W has a
   newline, and the sum below sets a byte's top bit exactly where that
   byte is nonzero, with no carry between bytes.  */
static idx_t
count_newlines_words (char const *p, idx_t n)
{
  uint64_t const low7 = 0x7f7f7f7f7f7f7f7f;
  uint64_t const newlines = 0x0a0a0a0a0a0a0a0a;
  idx_t count = 0;
  idx_t i = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w;
      memcpy (&w, p + i, sizeof w);
      uint64_t x = w ^ newlines;
      uint64_t nonzero = (((x & low7) + low7) | x) & ~low7;
      count += 8 - count_one_bits_ll (nonzero);
    }
  for (; i < n; i++)
    count += p[i] == '\n';
  return count;
}

#if COUNT_X86
/* Unaligned loads of the vector at byte address P.  */
# define LOAD256(p) _mm256_loadu_si256 ((void const *) (p))
# define LOAD128(p) _mm_loadu_si128 ((void const *) (p))

bool
count_have_avx2 (void)
{
  /* 0 unknown, 1 no, 2 yes.  */
  static int have;
  if (!have)
    have = (__builtin_cpu_supports ("avx2")
            && __builtin_cpu_supports ("popcnt")
            && __builtin_cpu_supports ("bmi")) ? 2 : 1;
  return have == 2;
}

/* Return the number of newlines among the N bytes at P with AVX2.
   Each compare adds 1 (by subtracting -1) to a byte counter; the
   counters are summed into 64-bit lanes before they can overflow:
   four compares per round, at most 63 rounds.  */
__attribute__ ((target ("avx2")))
static idx_t
count_newlines_avx2 (char const *p, idx_t n)
{
  __m256i const nl = _mm256_set1_epi8 ('\n');
  __m256i const zero = _mm256_setzero_si256 ();
  __m256i total = zero;
  idx_t i = 0;
  while (128 <= n - i)
    {
      idx_t rounds = MIN ((n - i) / 128, 63);
      __m256i acc = zero;
      for (; 0 < rounds; rounds--, i += 128)
        {
          char const *v = p + i;
          __m256i a = _mm256_cmpeq_epi8 (LOAD256 (v), nl);
          __m256i b = _mm256_cmpeq_epi8 (LOAD256 (v + 32), nl);
          __m256i c = _mm256_cmpeq_epi8 (LOAD256 (v + 64), nl);
          __m256i d = _mm256_cmpeq_epi8 (LOAD256 (v + 96), nl);
          acc = _mm256_sub_epi8 (acc, _mm256_add_epi8 (_mm256_add_epi8 (a, b),
                                                       _mm256_add_epi8 (c, d)));
        }
      total = _mm256_add_epi64 (total, _mm256_sad_epu8 (acc, zero));
    }
  idx_t count = (_mm256_extract_epi64 (total, 0)
                 + _mm256_extract_epi64 (total, 1)
                 + _mm256_extract_epi64 (total, 2)
                 + _mm256_extract_epi64 (total, 3));
  return count + count_newlines_words (p + i, n - i);
}

/* Return the number of newlines among the N bytes at P with SSE2,
   which every x86-64 has; the same scheme as with AVX2.  */
static idx_t
count_newlines_sse2 (char const *p, idx_t n)
{
  __m128i const nl = _mm_set1_epi8 ('\n');
  __m128i const zero = _mm_setzero_si128 ();
  __m128i total = zero;
  idx_t i = 0;
  while (64 <= n - i)
    {
      idx_t rounds = MIN ((n - i) / 64, 63);
      __m128i acc = zero;
      for (; 0 < rounds; rounds--, i += 64)
        {
          char const *v = p + i;
          __m128i a = _mm_cmpeq_epi8 (LOAD128 (v), nl);
          __m128i b = _mm_cmpeq_epi8 (LOAD128 (v + 16), nl);
          __m128i c = _mm_cmpeq_epi8 (LOAD128 (v + 32), nl);
          __m128i d = _mm_cmpeq_epi8 (LOAD128 (v + 48), nl);
          acc = _mm_sub_epi8 (acc, _mm_add_epi8 (_mm_add_epi8 (a, b),
                                                 _mm_add_epi8 (c, d)));
        }
      total = _mm_add_epi64 (total, _mm_sad_epu8 (acc, zero));
    }
  idx_t count = _mm_cvtsi128_si64 (total)
                + _mm_cvtsi128_si64 (_mm_unpackhi_epi64 (total, total));
  return count + count_newlines_words (p + i, n - i);
}

idx_t
count_newlines (char const *p, idx_t n)
{
  if (n < VECTOR_MIN)
    return count_newlines_words (p, n);
  return (count_have_avx2 ()
          ? count_newlines_avx2 (p, n)
          : count_newlines_sse2 (p, n));
}
#else
bool
count_have_avx2 (void)
{
  return false;
}

idx_t
count_newlines (char const *p, idx_t n)
{
  return count_newlines_words (p, n);
}
#endif
