/* search.c -- the -G, -E and -F matchers of mgrep, and the dispatch.
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

/* Patterns are matched as GNU grep 3.8 matches them: gnulib's dfa
   decides most lines, gnulib's regex decides what the DFA cannot
   (back-references, and the exact extent of a match for -o and
   --color), with the same syntax bits and options, so syntax errors,
   warnings and semantics agree.  Before either runs, a literal that
   every match must contain (dfamust), or the whole -F pattern set, is
   searched over the whole buffer (search-lit.c); only the lines it
   finds go to the automata.  */

#include <config.h>

#include <ctype.h>
#include <limits.h>
#include <regex.h>
#include <stdckdint.h>
#include <stdint.h>
#include <wchar.h>
#include <wctype.h>

#include "system.h"
#include "dfa.h"
#include "intprops.h"
#include "search-int.h"
#include "search-lit.h"
#include "xalloc.h"

/* A compiled set of patterns.  */
struct matcher
{
  struct match_options opt;     /* -i, -w, -x and the eol byte */
  struct localeinfo li;         /* the locale's character set */
  bool sbword[UCHAR_MAX + 1];   /* single-byte word constituents */
  struct pmatcher *perl;        /* the -P matcher, or null */

  /* The DFA of all patterns (wrapped for -w or -x), its superset (or
     null) and whether it is fast.  */
  struct dfa *dfa;
  struct dfa *superset;
  bool dfa_fast;

  /* A literal every matching line contains, or null; whether finding
     it is a match; whether it starts with the eol byte.  */
  struct litset *must;
  bool must_exact;
  bool must_begline;
  bool must_literal;            /* the must is the whole pattern, with no
                                   anchor: it gives -o's extents too */
  unsigned char fold[UCHAR_MAX + 1];  /* toupper, for the must with -i */

  /* Every line matches (an exact empty must).  */
  bool match_all;

  /* The patterns for regex: the ones with back-references, compiled at
     once, then the others as one pattern (PLAIN, PLAIN_SIZE bytes),
     compiled when first needed.  */
  reg_syntax_t syntax;
  struct re_pattern_buffer *pats;
  idx_t npats, pats_alloc;
  char *plain;
  idx_t plain_size;
  bool plain_compiled;
  struct re_registers regs;

  /* The name of the input being searched (matcher_set_input_name).  */
  char const *input_name;

  /* Where lines are copied for the DFA; its size.  */
  char *scratch;
  idx_t scratch_alloc;
};

/* The locator of patterns that came from files, or null.  */
static char const *(*pattern_locator) (idx_t, idx_t *);

/* Set the function that names where pattern LINENO came from.  */
void
matcher_set_locator (char const *(*locate) (idx_t lineno, idx_t *line))
{
  pattern_locator = locate;
}

/* Report the dfa syntax error MESG and exit, as GNU grep does.  */
void
dfaerror (char const *mesg)
{
  error (EXIT_TROUBLE, 0, "%s", mesg);
  abort ();
}

/* Report the dfa warning MESG.  */
void
dfawarn (char const *mesg)
{
  error (0, 0, _("warning: %s"), mesg);
}

/* Return true if the wide character WC is a word constituent.  */
static bool
wordchar (wint_t wc)
{
  return wc == L'_' || iswalnum (wc);
}

/* Return the length of the character at P (before END) in M's locale,
   counting an encoding error or a truncated character as 1 byte.  */
static idx_t
char_len (struct matcher const *m, char const *p, char const *end)
{
  signed char n = m->li.sbclen[to_uchar (*p)];
  if (n != -2)
    return 1;
  mbstate_t mbs = { 0 };
  size_t len = mbrlen (p, end - p, &mbs);
  return len <= MB_LEN_MAX && len ? len : 1;
}

/* Return the start of the character that holds the byte at Q, a byte
   of the line that starts at BEG and ends before END.  Only in UTF-8
   is a byte that is a character by itself never part of another: in
   GB18030, GBK and Big5 an ASCII byte may end a two-byte character,
   so there the line is read from BEG, as GNU grep's mb_goback does.  */
static char const *
char_start (struct matcher const *m, char const *beg, char const *q,
            char const *end)
{
  if (!m->li.multibyte)
    return q;
  if (m->li.using_utf8)
    {
      if (m->li.sbclen[to_uchar (*q)] == 1)
        return q;
      if ((*q & 0xc0) != 0x80)
        return q;
      for (int i = 1; i <= 3 && beg <= q - i; i++)
        if ((q[-i] & 0xc0) != 0x80)
          return i < char_len (m, q - i, end) ? q - i : q;
      return q;
    }
  char const *p = beg;
  for (idx_t n; (n = char_len (m, p, end)) <= q - p; p += n)
    continue;
  return p;
}

/* Return true if the character at P (before END) is a word
   constituent; false at END.  */
static bool
wordchar_next (struct matcher const *m, char const *p, char const *end)
{
  if (p == end)
    return false;
  unsigned char b = *p;
  if (m->li.sbclen[b] != -2)
    return m->sbword[b];
  mbstate_t mbs = { 0 };
  wchar_t wc;
  size_t n = mbrtowc (&wc, p, end - p, &mbs);
  return n <= MB_LEN_MAX && wordchar (wc);
}

/* Return true if the character before CUR, in the line that starts at
   BEG and ends before END, is a word constituent; false at BEG.  */
static bool
wordchar_prev (struct matcher const *m, char const *beg, char const *cur,
               char const *end)
{
  if (cur == beg)
    return false;
  return wordchar_next (m, char_start (m, beg, cur - 1, end), end);
}

/* Return true if P is at a character boundary of the line that starts
   at BEG and ends before END, in M's multibyte locale.  */
static bool
at_char_boundary (struct matcher const *m, char const *beg, char const *p,
                  char const *end)
{
  while (beg < p)
    beg += char_len (m, beg, end);
  return beg == p;
}

/* Return true if the SIZE bytes at KEYS might hold a back-reference.
   BS_SAFE: no multibyte character ends in a backslash byte.  */
static bool
possible_backrefs (char const *keys, idx_t size, bool bs_safe)
{
  int second_backslash = bs_safe ? '\\' : CHAR_MAX + 1;
  char const *lim = keys + size - 1;
  for (char const *p = keys; p < lim && (p = memchr (p, '\\', lim - p)); p++)
    {
      if ('1' <= p[1] && p[1] <= '9')
        return true;
      if (p[1] == second_backslash)
        p++;
    }
  return false;
}

/* Report the regex error ERR in the pattern on line LINENO (from 0)
   of the keys, naming its file if it came from one.  */
static void
report_regex_error (char const *err, idx_t lineno)
{
  idx_t file_line;
  char const *file = (lineno < 0 || !pattern_locator ? ""
                      : pattern_locator (lineno, &file_line));
  if (!*file)
    error (0, 0, "%s", err);
  else
    error (0, 0, "%s:%td: %s", file, (ptrdiff_t) file_line, err);
}

/* Compile the LEN bytes at P (line LINENO of the keys, or -1) with M's
   syntax; with SYNTAX_ONLY just check it, else append it to M's
   patterns.  Return false after reporting an error.  */
static bool
regex_compile (struct matcher *m, char const *p, idx_t len, idx_t lineno,
               bool syntax_only)
{
  struct re_pattern_buffer pat = { 0 };
  /* No fastmap with -i, as GNU grep: glibc bug 20381.  */
  pat.fastmap = (syntax_only || m->opt.ignore_case
                 ? NULL : ximalloc (UCHAR_MAX + 1));
  re_set_syntax (m->syntax | (syntax_only ? RE_NO_SUB : 0));
  char const *err = re_compile_pattern (p, len, &pat);
  if (err)
    {
      free (pat.fastmap);
      report_regex_error (err, lineno);
      return false;
    }
  if (syntax_only)
    regfree (&pat);
  else
    {
      if (m->npats == m->pats_alloc)
        m->pats = xpalloc (m->pats, &m->pats_alloc, 1, -1, sizeof *m->pats);
      m->pats[m->npats++] = pat;
    }
  return true;
}

/* Check every pattern of the SIZE bytes of KEYS (each ended by a
   newline) with regex, compiling those with back-references and
   gathering the others into M->plain; exit 2 after reporting all
   errors.  */
static void
check_patterns (struct matcher *m, char const *keys, idx_t size)
{
  bool bs_safe = !m->li.multibyte || m->li.using_utf8;
  bool failed = false;
  char const *lim = keys + size;
  m->plain = ximalloc (size + 1);
  idx_t lineno = 0;
  for (char const *p = keys; p < lim; lineno++)
    {
      char const *sep = rawmemchr (p, '\n');
      idx_t len = sep - p;
      bool backref = possible_backrefs (p, len, bs_safe);
      if (!regex_compile (m, p, len, lineno, !backref))
        failed = true;
      else if (!backref)
        {
          memcpy (m->plain + m->plain_size, p, len + 1);
          m->plain_size += len + 1;
        }
      p = sep + 1;
    }
  if (failed)
    exit (EXIT_TROUBLE);
  if (m->plain_size)
    m->plain_size--;            /* the last newline */
  else
    m->plain_compiled = true;   /* nothing to compile */
}

/* Compile M->plain if that has not been done.  */
static void
compile_plain (struct matcher *m)
{
  if (m->plain_compiled)
    return;
  if (!regex_compile (m, m->plain, m->plain_size, -1, false))
    abort ();
  m->plain_compiled = true;
}

/* Return the SIZE bytes of KEYS wrapped for -x or -w as GNU grep wraps
   them for the DFA, in M's syntax; set *WSIZE to its size.  */
static char *
wrap_patterns (struct matcher const *m, char const *keys, idx_t size,
               idx_t *wsize)
{
  bool bk = !(m->syntax & RE_NO_BK_PARENS);
  char const *pre, *post;
  if (m->opt.match_lines)
    pre = bk ? "^\\(" : "^(", post = bk ? "\\)$" : ")$";
  else
    {
      pre = bk ? "\\(^\\|[^[:alnum:]_]\\)\\(" : "(^|[^[:alnum:]_])(";
      post = bk ? "\\)\\([^[:alnum:]_]\\|$\\)" : ")([^[:alnum:]_]|$)";
    }
  idx_t prelen = strlen (pre), postlen = strlen (post);
  char *w = ximalloc (prelen + size + postlen);
  memcpy (w, pre, prelen);
  memcpy (w + prelen, keys, size);
  memcpy (w + prelen + size, post, postlen);
  *wsize = prelen + size + postlen;
  return w;
}

/* Return true if the LEN bytes at S are all ASCII: in UTF-8, a byte
   search for them finds what a character search does (not so in
   GB18030, whose characters may end in ASCII bytes).  */
static bool
all_ascii (char const *s, idx_t len)
{
  for (idx_t i = 0; i < len; i++)
    if (!isascii (to_uchar (s[i])))
      return false;
  return true;
}

/* Return the table through which M's literals compare: with -i in a
   unibyte locale, toupper (filled in M's FOLD); otherwise null, for
   exact comparison.  */
static unsigned char const *
literal_fold (struct matcher *m)
{
  if (!m->opt.ignore_case || m->li.multibyte)
    return NULL;
  for (int b = 0; b <= UCHAR_MAX; b++)
    m->fold[b] = toupper (b);
  return m->fold;
}

/* Set up M's literal prefilter from the must-have string of its
   parsed DFA, as GNU grep's kwsmusts does.  */
static void
set_must (struct matcher *m)
{
  struct dfamust *dm = dfamust (m->dfa);
  if (!dm)
    return;
  unsigned char const *fold = literal_fold (m);
  idx_t len = strlen (dm->must);
  if (dm->exact)
    {
      char *s = ximalloc (len + 2);
      char *p = s;
      *p = m->opt.eol;
      p += dm->begline;
      memcpy (p, dm->must, len);
      p += len;
      if (dm->endline)
        *p++ = m->opt.eol;
      len = p - s;
      m->must_exact = true;
      m->must_begline = dm->begline;
      m->must_literal = (len && !dm->begline && !dm->endline
                         && !m->opt.match_words && !m->opt.match_lines
                         && (!m->li.multibyte
                             || (m->li.using_utf8 && all_ascii (s, len))));
      if (len == 0)
        m->match_all = true;
      else
        {
          m->must = litset_alloc (fold);
          litset_add (m->must, s, len);
        }
      free (s);
    }
  else if (len)
    {
      m->must = litset_alloc (fold);
      litset_add (m->must, dm->must, len);
    }
  if (m->must)
    litset_prep (m->must);
  dfamustfree (dm);
}

/* Add to SET the literals that the pattern P..LIM (one line of the
   keys) is made of, in the syntax of M, if it is nothing but literals
   and alternation operators; return false if it is anything else (then
   SET is of no use).  In multibyte locales the literals must be ASCII
   (see all_ascii).  Use BUF, of at least LIM - P bytes, as scratch.  */
static bool
add_alternatives (struct matcher const *m, struct litset *set, char *buf,
                  char const *p, char const *lim)
{
  bool extended = m->syntax & RE_NO_BK_VBAR;
  char const *special = extended ? "[]().*+?{}^$|\\" : "[].*^$\\";
  char const *escapable = extended ? ".[()*+?{}^$|\\" : ".[*^$\\";
  idx_t n = 0;
  for (;;)
    {
      bool alt = (p < lim
                  && (extended ? *p == '|'
                      : *p == '\\' && p + 1 < lim && p[1] == '|'));
      if (p == lim || alt)
        {
          if (n == 0)
            return false;
          litset_add (set, buf, n);
          n = 0;
          if (p == lim)
            return true;
          p += extended ? 1 : 2;
          continue;
        }
      char c = *p++;
      if (c == '\\')
        {
          if (p == lim || !*p || !strchr (escapable, *p))
            return false;
          c = *p++;
        }
      else if (!c || strchr (special, c))
        return false;
      if (m->li.multibyte && !isascii (to_uchar (c)))
        return false;
      buf[n++] = c;
    }
}

/* If the SIZE bytes of KEYS (patterns ended by newlines) are nothing but
   a few literals and alternation operators (-F patterns, -e a -e b,
   -E 'a|b'), search for all of them as M's prefilter instead of the one
   literal dfamust may have found (GNU grep 3.8 runs the DFA over every
   line for 'a|b').  A match of one of them is a match unless -w or -x
   says more.  */
static void
set_alternatives (struct matcher *m, char const *keys, idx_t size)
{
  if (m->li.multibyte && (m->opt.ignore_case || !m->li.using_utf8))
    return;
  struct litset *set = litset_alloc (literal_fold (m));
  char *buf = ximalloc (size);
  bool ok = true;
  for (char const *p = keys, *lim = keys + size; ok && p < lim; )
    {
      char const *sep = rawmemchr (p, '\n');
      ok = add_alternatives (m, set, buf, p, sep);
      p = sep + 1;
    }
  free (buf);
  if (!ok || litset_count (set) < 2 || LITSET_FEW < litset_count (set))
    {
      litset_free (set);
      return;
    }
  litset_prep (set);
  if (m->must)
    litset_free (m->must);
  m->must = set;
  m->must_exact = m->must_literal = (!m->opt.match_words
                                     && !m->opt.match_lines);
  m->must_begline = false;
}

/* Return true if the stray-backslash warnings are wanted: Debian's
   grep 3.8 gives them only when DEB_GREP_ENABLE_STRAY_BACKSLASH_WARN
   is set and not empty.  */
static bool
stray_backslash_warnings (void)
{
  char const *v = getenv ("DEB_GREP_ENABLE_STRAY_BACKSLASH_WARN");
  return v && *v;
}

/* Compile the SIZE bytes of KEYS (each pattern ended by a newline)
   into M with the regex SYNTAX, as GNU grep's GEAcompile.  */
static void
compile_regexp (struct matcher *m, char const *keys, idx_t size,
                reg_syntax_t syntax)
{
  if (m->opt.ignore_case)
    syntax |= RE_ICASE;
  m->syntax = syntax;
  int dfaopts = (DFA_CONFUSING_BRACKETS_ERROR | DFA_PLUS_WARN
                 | (stray_backslash_warnings ()
                    ? DFA_STRAY_BACKSLASH_WARN : 0)
                 | (syntax & RE_CONTEXT_INDEP_OPS ? DFA_STAR_WARN : 0)
                 | (m->opt.eol ? 0 : DFA_EOL_NUL));
  m->dfa = dfaalloc ();
  dfasyntax (m->dfa, &m->li, syntax, dfaopts);
  check_patterns (m, keys, size);

  /* The DFA gets the patterns without the last newline.  */
  idx_t psize = size - 1;
  char *wrapped = NULL;
  char const *dfakeys = keys;
  if (m->opt.match_words || m->opt.match_lines)
    dfakeys = wrapped = wrap_patterns (m, keys, psize, &psize);
  dfaparse (dfakeys, psize, m->dfa);
  set_must (m);
  set_alternatives (m, keys, size);
  dfacomp (NULL, 0, m->dfa, true);
  free (wrapped);
  m->superset = dfasuperset (m->dfa);
  m->dfa_fast = dfaisfast (m->dfa);
  if (!dfasupported (m->dfa))
    compile_plain (m);
}

/* Return the SIZE bytes of -F patterns at KEYS as -G patterns that
   match the same strings, as GNU grep's fgrep_to_grep_pattern; set
   *NEW_SIZE.  */
static char *
fixed_to_basic (struct matcher const *m, char const *keys, idx_t size,
                idx_t *new_size)
{
  char *r = xinmalloc (2, size);
  char *q = r;
  char const *lim = keys + size;
  for (char const *p = keys; p < lim; )
    {
      idx_t n = m->li.sbclen[to_uchar (*p)] == 1 ? 1 : char_len (m, p, lim);
      if (n == 1 && strchr ("$*.[\\^", *p) && *p)
        *q++ = '\\';
      memcpy (q, p, n);
      q += n;
      p += n;
    }
  *new_size = q - r;
  return r;
}

/* Fill in M's table of single-byte word constituents.  */
static void
init_words (struct matcher *m)
{
  for (int b = 0; b <= UCHAR_MAX; b++)
    m->sbword[b] = m->li.sbclen[b] == 1 && wordchar (m->li.sbctowc[b]);
}

/* Compile patterns; see search.h.  */
struct matcher *
matcher_compile (enum match_kind kind, char *keys, idx_t size,
                 struct match_options const *options)
{
  struct matcher *m = xzalloc (sizeof *m);
  m->opt = *options;
  init_localeinfo (&m->li);
  init_words (m);
  if (kind == MATCH_PERL)
    {
      m->perl = pcre_matcher_compile (keys, size, options, &m->li);
      return m;
    }

  /* Work on a copy that ends in a newline, as GNU grep does.  */
  char *k = ximalloc (size + 1);
  memcpy (k, keys, size);
  k[size] = '\n';
  idx_t ksize = size + 1;
  if (kind == MATCH_FIXED)
    {
      char *b = fixed_to_basic (m, k, ksize, &ksize);
      free (k);
      k = b;
    }
  compile_regexp (m, k, ksize,
                  kind == MATCH_EXTENDED ? RE_SYNTAX_EGREP : RE_SYNTAX_GREP);
  free (k);
  return m;
}

/* Return the start of the line that holds P, in a buffer that starts
   at BUF, with lines ended by EOL.  */
static char *
line_start (char *buf, char *p, char eol)
{
  char *q = memrchr (buf, eol, p - buf);
  return q ? q + 1 : buf;
}

/* Return the end, just after its EOL byte, of the line that holds P,
   given that *LIM is an EOL byte.  */
static char *
line_end (char *p, char eol)
{
  return (char *) rawmemchr (p, eol) + 1;
}

/* Run D, one of M's DFAs, over a copy of the lines BEG..END (END just
   after an eol byte) in M's scratch buffer: dfaexec writes a sentinel
   after what it scans, and the caller's buffer may be a mapped file,
   where a write copies the page.  Return where a match ends, or null.
   Set *BACKREF if BACKREF is not null.  */
static char *
run_dfa_copy (struct matcher *m, struct dfa *d, char *beg, char *end,
              bool *backref)
{
  char eol = m->opt.eol;
  idx_t n = end - beg;
  if (m->scratch_alloc < n + 2)
    {
      free (m->scratch);
      m->scratch_alloc = MAX (n + 2, 2 * m->scratch_alloc);
      m->scratch = ximalloc (m->scratch_alloc);
    }
  m->scratch[0] = eol;
  char *b = memcpy (m->scratch + 1, beg, n);
  char *p = dfaexec (d, b, b + n, false, NULL, backref);
  /* A match at the sentinel after an eol byte is none.  */
  if (!p || p == b + n)
    return NULL;
  return beg + (p - b);
}

/* Run D, one of M's DFAs, over BEG..END (whole lines; END is after an
   eol byte or at LIM, where the last line lacks one).  Return where a
   match ends, or null.  Set *BACKREF if BACKREF is not null.  The lines
   are copied for dfaexec (see run_dfa_copy), a piece at a time, each
   twice as long as the one before, so that the copying costs no more
   than the scanning however near the match is.  dfaexec runs in place
   when the lines reach LIM, where it may write its sentinel.  */
static char *
run_dfa (struct matcher *m, struct dfa *d, char *beg, char *end, char *lim,
         bool *backref)
{
  char eol = m->opt.eol;
  char *e = end < lim ? end : lim;
  if (e == lim)
    {
      char *p = dfaexec (d, beg, e, false, NULL, backref);
      return p == e && e[-1] == eol ? NULL : p;
    }
  idx_t piece = 1024;
  for (char *b = beg; b < e; piece *= 2)
    {
      char *pe = e;
      if (piece < e - b)
        {
          char *nl = memchr (b + piece, eol, e - (b + piece));
          pe = nl ? nl + 1 : e;
        }
      char *p = run_dfa_copy (m, d, b, pe, backref);
      if (p)
        return p;
      b = pe;
    }
  return NULL;
}

/* Return true if the line BEG..END (END just after its eol byte)
   matches one of M's regex patterns: the check for lines where the DFA
   met a back-reference.  */
static bool regex_line_matches (struct matcher *m, char *beg, char *end);

/* Return the offset in BUF of the first of the SIZE bytes of lines
   that matches M, or -1; set *MATCH_SIZE to its length.  */
static ptrdiff_t
execute_lines (struct matcher *m, char *buf, idx_t size, idx_t *match_size)
{
  char eol = m->opt.eol;
  char *lim = buf + size;
  if (size == 0)
    return -1;
  /* The last line needs an eol byte after it, to end the scans for
     line ends.  */
  if (lim[-1] != eol)
    *lim = eol;
  char *dlim = lim + (lim[-1] != eol);
  for (char *beg = buf, *end; beg < lim; beg = end)
    {
      char *dfa_beg = beg;
      end = dlim;
      if (m->match_all)
        end = line_end (beg, eol);
      else
        {
          if (m->must)
            {
              idx_t len, idx;
              ptrdiff_t off = litset_exec (m->must, beg - m->must_begline,
                                           dlim - beg + m->must_begline,
                                           &len, &idx);
              if (off < 0)
                return -1;
              char *match = beg + off;
              char *prev = beg;
              dfa_beg = beg = line_start (buf, match, eol);
              idx_t room = MAX (16, match - beg);
              if (m->must_exact || !m->dfa_fast || room < (match - prev) >> 2)
                end = line_end (match, eol);
              else if (room < (dlim - prev) >> 2)
                end = line_end (prev + 4 * room, eol);
              if (m->must_exact
                  && (!m->li.multibyte || m->li.using_utf8
                      || at_char_boundary (m, beg, match, dlim)))
                {
                  end = line_end (match, eol);
                  goto success;
                }
            }
          if (m->superset && !m->must_exact)
            {
              char *p = run_dfa (m, m->superset, dfa_beg, end, lim, NULL);
              if (!p)
                continue;
              dfa_beg = beg = line_start (buf, p, eol);
              end = line_end (p, eol);
            }
          bool backref = false;
          char *p = run_dfa (m, m->dfa, dfa_beg, end, lim, &backref);
          if (!p)
            continue;
          beg = line_start (buf, p, eol);
          end = line_end (p, eol);
          if (backref && !regex_line_matches (m, beg, end))
            continue;
        }
    success:
      *match_size = MIN (end, lim) - beg;
      return beg - buf;
    }
  return -1;
}

/* Search for a shorter or later match of PAT, whose match at *MATCH of
   *LEN bytes in the line BEG..END (END just after the eol byte),
   searched from PTR, is not a whole word, as GNU grep's -w retry does;
   give up past BEST.  Return true with *MATCH and *LEN set to a match
   that is a whole word, false if there is none.  */
static bool
word_retry (struct matcher *m, struct re_pattern_buffer *pat,
            char const *beg, char const *end, char const *ptr,
            char const **match, idx_t *len, char const *best)
{
  char const *mt = *match;
  idx_t ln = *len;
  while (mt <= best)
    {
      regoff_t shorter = 0;
      if (!wordchar_next (m, mt + ln, end - 1)
          && !wordchar_prev (m, beg, mt, end - 1))
        {
          *match = mt;
          *len = ln;
          return true;
        }
      if (ln > 0)
        {
          /* Try a shorter match anchored at the same place.  */
          --ln;
          pat->not_eol = 1;
          shorter = re_match (pat, beg, mt + ln - ptr, mt - beg, &m->regs);
          if (shorter < -1)
            xalloc_die ();
        }
      if (0 < shorter)
        ln = shorter;
      else
        {
          /* Try looking further on.  */
          if (mt == end - 1)
            break;
          mt++;
          pat->not_eol = 0;
          regoff_t start = re_search (pat, beg, end - beg - 1, mt - beg,
                                      end - mt - 1, &m->regs);
          if (start < 0)
            {
              if (start < -1)
                xalloc_die ();
              break;
            }
          ln = m->regs.end[0] - start;
          mt = beg + start;
        }
    }
  return false;
}

/* Return true if the match of PAT at *MATCH of *LEN bytes, found from
   PTR in the line BEG..END, counts under -x and -w, as in GNU grep's
   EGexecute; ANY: only whether the line matches is wanted.  Adjust
   *MATCH and *LEN as GNU grep does.  BEST bounds the -w retries.  */
static bool
acceptable (struct matcher *m, struct re_pattern_buffer *pat,
            char const *beg, char const *end, char const *ptr, bool any,
            char const **match, idx_t *len, char const *best)
{
  bool words = m->opt.match_words, lines = m->opt.match_lines;
  if (!any && !words)
    return true;
  if ((!lines && !words) || (lines && *len == end - ptr - 1))
    {
      *match = ptr;
      *len = end - ptr;
      return true;
    }
  if (!lines && words)
    return word_retry (m, pat, beg, end, ptr, match, len, best);
  return false;
}

/* Search the line BEG..END (END just after its eol byte) from PTR with
   each of M's regex patterns, as GNU grep's EGexecute does after the
   DFA.  With ANY, return 0 as soon as one pattern matches in the
   way -w and -x require; else return the offset from BEG of the
   leftmost-longest match and set *MATCH_SIZE.  Return -1 if none.  */
static ptrdiff_t
regex_search (struct matcher *m, char const *beg, char const *end,
              char const *ptr, bool any, idx_t *match_size)
{
  if (TYPE_MAXIMUM (regoff_t) < end - beg - 1)
    xalloc_die ();
  compile_plain (m);
  char const *best = end;
  idx_t best_len = 0;
  for (idx_t i = 0; i < m->npats; i++)
    {
      struct re_pattern_buffer *pat = &m->pats[i];
      pat->not_eol = 0;
      pat->newline_anchor = m->opt.eol == '\n';
      regoff_t start = re_search (pat, beg, end - beg - 1, ptr - beg,
                                  end - ptr - 1, &m->regs);
      if (start < -1)
        xalloc_die ();
      if (start < 0)
        continue;
      idx_t len = m->regs.end[0] - start;
      char const *match = beg + start;
      if (match > best)
        continue;
      if (!acceptable (m, pat, beg, end, ptr, any, &match, &len, best))
        continue;
      if (any)
        return 0;
      if (match < best || (match == best && len > best_len))
        best = match, best_len = len;
    }
  if (best == end)
    return -1;
  *match_size = best_len;
  return best - beg;
}

/* Return true if the line BEG..END matches one of M's regexps.  */
static bool
regex_line_matches (struct matcher *m, char *beg, char *end)
{
  idx_t unused;
  return regex_search (m, beg, end, beg, true, &unused) == 0;
}

/* Return the offset in BUF (one line of SIZE bytes) of the first
   occurrence at or after START_PTR of M's literal, which is the whole
   of M's pattern, and set *MATCH_SIZE; -1 if none.  For -o and
   --color: this is the leftmost-longest match regex would find.  */
static ptrdiff_t
literal_search (struct matcher *m, char const *buf, idx_t size,
                idx_t *match_size, char const *start_ptr)
{
  idx_t unused;
  ptrdiff_t off = litset_exec (m->must, start_ptr, buf + size - start_ptr,
                               match_size, &unused);
  return off < 0 ? -1 : start_ptr - buf + off;
}

/* Name the input M searches; see search.h.  */
void
matcher_set_input_name (struct matcher *m, char const *name)
{
  m->input_name = name;
}

/* Search; see search.h.  */
ptrdiff_t
matcher_execute (struct matcher *m, char *buf, idx_t size,
                 idx_t *match_size, char const *start_ptr)
{
  if (m->perl)
    return pcre_matcher_execute (m->perl, buf, size, match_size, start_ptr,
                                 m->input_name);
  if (!start_ptr)
    return execute_lines (m, buf, size, match_size);
  if (m->must_literal)
    return literal_search (m, buf, size, match_size, start_ptr);
  if (buf[size] != m->opt.eol)
    buf[size] = m->opt.eol;
  ptrdiff_t off = regex_search (m, buf, buf + size + 1, start_ptr, false,
                                match_size);
  return off;
}
