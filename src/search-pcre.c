/* search-pcre.c -- the -P matcher of mgrep, through PCRE2.
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

/* As GNU grep 3.8's -P: one pattern, PCRE2_UTF in UTF-8 locales, -x
   through PCRE2_EXTRA_MATCH_LINE, -w by lookarounds, and each line
   searched on its own, encoding errors being data that cannot
   match.  */

#include <config.h>

#include "system.h"
#include "search-int.h"
#include "xalloc.h"

#if !HAVE_LIBPCRE

/* Fail as GNU grep built without PCRE does.  */
struct pmatcher *
pcre_matcher_compile (char const *pattern, idx_t size,
                      struct match_options const *options,
                      struct localeinfo const *li)
{
  error (EXIT_TROUBLE, 0,
         _("Perl matching not supported in a --disable-perl-regexp build"));
  abort ();
}

/* Never called: nothing compiles.  */
ptrdiff_t
pcre_matcher_execute (struct pmatcher *p, char *buf, idx_t size,
                      idx_t *match_size, char const *start_ptr,
                      char const *input_name)
{
  abort ();
}

#else

# include <stdckdint.h>
# include <stdint.h>
# define PCRE2_CODE_UNIT_WIDTH 8
# include <pcre2.h>

/* A compiled -P pattern.  */
struct pmatcher
{
  pcre2_code *code;                 /* the pattern */
  pcre2_match_context *mcontext;    /* limits, or null */
  pcre2_match_data *data;           /* the ovector */
  pcre2_jit_stack *jit_stack;       /* a grown JIT stack, or null */
  idx_t jit_stack_size;             /* its size */
  int empty_match[2];               /* matching "" with [!NOTBOL] */
  char eol;                         /* the end-of-line byte */
  struct localeinfo const *li;      /* the locale */
};

/* Match P's pattern against the SIZE bytes at SUBJECT from OFFSET with
   OPTIONS, growing the JIT stack and the depth limit as GNU grep does.
   Return PCRE2's result.  */
static int
jit_exec (struct pmatcher *p, char const *subject, idx_t size,
          idx_t offset, int options)
{
  while (true)
    {
      int e = pcre2_match (p->code, (PCRE2_SPTR) subject, size, offset,
                           options, p->data, p->mcontext);
      if (e == PCRE2_ERROR_JIT_STACKLIMIT
          && p->jit_stack_size <= IDX_MAX / 4)
        {
          idx_t old_size = p->jit_stack_size;
          p->jit_stack_size *= 2;
          if (p->jit_stack)
            pcre2_jit_stack_free (p->jit_stack);
          p->jit_stack = pcre2_jit_stack_create (old_size, p->jit_stack_size,
                                                 NULL);
          if (!p->jit_stack)
            xalloc_die ();
          if (!p->mcontext)
            p->mcontext = pcre2_match_context_create (NULL);
          pcre2_jit_stack_assign (p->mcontext, NULL, p->jit_stack);
        }
      else if (e == PCRE2_ERROR_DEPTHLIMIT)
        {
          uint32_t lim;
          pcre2_config (PCRE2_CONFIG_DEPTHLIMIT, &lim);
          if (ckd_mul (&lim, lim, 2))
            return e;
          if (!p->mcontext)
            p->mcontext = pcre2_match_context_create (NULL);
          pcre2_set_depth_limit (p->mcontext, lim);
        }
      else
        return e;
    }
}

/* Return PATTERN (SIZE bytes) wrapped for -w, setting *WSIZE.  */
static char *
wrap_words (char const *pattern, idx_t size, idx_t *wsize)
{
  static char const pre[] = "(?<!\\w)(?:";
  static char const post[] = ")(?!\\w)";
  char *w = ximalloc (sizeof pre - 1 + size + sizeof post - 1);
  memcpy (w, pre, sizeof pre - 1);
  memcpy (w + sizeof pre - 1, pattern, size);
  memcpy (w + sizeof pre - 1 + size, post, sizeof post - 1);
  *wsize = sizeof pre - 1 + size + sizeof post - 1;
  return w;
}

/* Compile the -P pattern; see search-int.h.  */
struct pmatcher *
pcre_matcher_compile (char const *pattern, idx_t size,
                      struct match_options const *options,
                      struct localeinfo const *li)
{
  uint32_t flags = (PCRE2_DOLLAR_ENDONLY
                    | (options->ignore_case ? PCRE2_CASELESS : 0));
  if (li->multibyte)
    {
      if (!li->using_utf8)
        error (EXIT_TROUBLE, 0,
               _("-P supports only unibyte and UTF-8 locales"));
      flags |= PCRE2_UTF;
# ifdef PCRE2_MATCH_INVALID_UTF
      /* An encoding error is a barrier no match crosses.  */
      flags |= PCRE2_MATCH_INVALID_UTF;
# endif
    }
  if (memchr (pattern, '\n', size))
    error (EXIT_TROUBLE, 0,
           _("the -P option only supports a single pattern"));

  pcre2_compile_context *ccontext = pcre2_compile_context_create (NULL);
  if (options->match_lines)
    pcre2_set_compile_extra_options (ccontext, PCRE2_EXTRA_MATCH_LINE);
  char *wrapped = NULL;
  if (options->match_words && !options->match_lines)
    pattern = wrapped = wrap_words (pattern, size, &size);
  /* The current locale's tables, in every locale, as GNU grep.  */
  pcre2_set_character_tables (ccontext, pcre2_maketables (NULL));

  int ec;
  PCRE2_SIZE eo;
  struct pmatcher *p = xzalloc (sizeof *p);
  p->code = pcre2_compile ((PCRE2_SPTR) pattern, size, flags, &ec, &eo,
                           ccontext);
  if (!p->code)
    {
      PCRE2_UCHAR msg[256];
      pcre2_get_error_message (ec, msg, sizeof msg);
      error (EXIT_TROUBLE, 0, "%s", (char *) msg);
    }
  free (wrapped);
  pcre2_compile_context_free (ccontext);
  p->data = pcre2_match_data_create_from_pattern (p->code, NULL);
  pcre2_jit_compile (p->code, PCRE2_JIT_COMPLETE);
  p->jit_stack_size = 32 << 10;
  p->eol = options->eol;
  p->li = li;
  p->empty_match[false] = jit_exec (p, "", 0, 0, PCRE2_NOTBOL);
  p->empty_match[true] = jit_exec (p, "", 0, 0, 0);
  return p;
}

/* Report the PCRE2 failure E in the input named NAME and exit.  */
static _Noreturn void
pcre_failure (int e, char const *name)
{
  switch (e)
    {
    case PCRE2_ERROR_NOMEMORY:
      error (EXIT_TROUBLE, 0, _("%s: memory exhausted"), name);
      break;
    case PCRE2_ERROR_JIT_STACKLIMIT:
      error (EXIT_TROUBLE, 0, _("%s: exhausted PCRE JIT stack"), name);
      break;
    case PCRE2_ERROR_MATCHLIMIT:
      error (EXIT_TROUBLE, 0, _("%s: exceeded PCRE's backtracking limit"),
             name);
      break;
    case PCRE2_ERROR_DEPTHLIMIT:
      error (EXIT_TROUBLE, 0,
             _("%s: exceeded PCRE's nested backtracking limit"), name);
      break;
    case PCRE2_ERROR_RECURSELOOP:
      error (EXIT_TROUBLE, 0, _("%s: PCRE detected recurse loop"), name);
      break;
    case PCRE2_ERROR_HEAPLIMIT:
      error (EXIT_TROUBLE, 0, _("%s: exceeded PCRE's heap limit"), name);
      break;
    default:
      error (EXIT_TROUBLE, 0, _("%s: internal PCRE error: %d"), name, e);
      break;
    }
  abort ();
}

/* Return true if E is PCRE2's report of an encoding error, which it
   gives only if it lacks PCRE2_MATCH_INVALID_UTF.  */
static bool
bad_utf8 (int e)
{
# ifdef PCRE2_MATCH_INVALID_UTF
  return false;
# else
  return PCRE2_ERROR_UTF8_ERR21 <= e && e <= PCRE2_ERROR_UTF8_ERR1;
# endif
}

/* Search with PM the line that starts at SUBJ and ends at LINE_END (its
   eol byte), from P on; BOL says whether P may match ^.  The subject
   PCRE2 sees starts at SUBJ, not at P, so that look-behind, \b and the
   like see the bytes before P, as in GNU grep 3.8.  Return PCRE2's
   result, and set *SUBJECT to the start of the subject the ovector is
   relative to: SUBJ, or just past an encoding error.  Encoding errors
   are data that cannot match.  */
static int
search_line (struct pmatcher *pm, char const *subj, char const *p,
             char const *line_end, bool bol, char const **subject)
{
  PCRE2_SIZE *sub = pcre2_get_ovector_pointer (pm->data);
  int e;
  for (;;)
    {
      while (pm->li->sbclen[(unsigned char) *p] == -1)
        {
          p++;
          subj = p;
          bol = false;
        }
      idx_t offset = p - subj;
      if (p == line_end)
        {
          sub[0] = sub[1] = offset;
          e = pm->empty_match[bol];
          break;
        }
      int options = bol ? 0 : PCRE2_NOTBOL;
      e = jit_exec (pm, subj, line_end - subj, offset, options);
      if (!bad_utf8 (e))
        break;
      idx_t valid = pcre2_get_startchar (pm->data);
      if (offset <= valid)
        {
          if (valid == 0)
            {
              sub[0] = sub[1] = 0;
              e = pm->empty_match[bol];
            }
          else
            e = jit_exec (pm, subj, valid, offset,
                          options | PCRE2_NO_UTF_CHECK | PCRE2_NOTEOL);
          if (e != PCRE2_ERROR_NOMATCH)
            break;
          p = subj + valid + 1;
          bol = false;
        }
      subj += valid + 1;
    }
  *subject = subj;
  return e;
}

/* Search with PM; see matcher_execute in search.h.  */
ptrdiff_t
pcre_matcher_execute (struct pmatcher *pm, char *buf, idx_t size,
                      idx_t *match_size, char const *start_ptr,
                      char const *input_name)
{
  char eol = pm->eol;
  char *lim = buf + size;
  /* The scans for line ends need an eol byte at or before LIM: write
     one only where none is (see search.h).  */
  if (start_ptr ? *lim != eol : size && lim[-1] != eol)
    *lim = eol;
  char const *p = start_ptr ? start_ptr : buf;
  char const *line = buf;
  bool bol = p[-1] == eol;
  PCRE2_SIZE *sub = pcre2_get_ovector_pointer (pm->data);
  while (p < lim || (start_ptr && p == lim))
    {
      char const *line_end = rawmemchr (p, eol);
      char const *subject;
      int e = search_line (pm, line, p, line_end, bol, &subject);
      if (0 < e)
        {
          if (start_ptr)
            {
              *match_size = sub[1] - sub[0];
              return subject + sub[0] - buf;
            }
          char const *end = line_end < lim ? line_end + 1 : lim;
          *match_size = end - line;
          return line - buf;
        }
      if (e != PCRE2_ERROR_NOMATCH)
        pcre_failure (e, input_name);
      if (start_ptr)
        break;
      bol = true;
      p = line = line_end + 1;
    }
  return -1;
}

#endif
