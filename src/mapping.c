/* mapping -- the input helper every mmutils tool reads through.
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

#include "mapping.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#if HAVE_SYS_MMAN_H
# include <sys/mman.h>
#endif

#include "system.h"
#include "guard.h"
#include "argmatch.h"
#include "xalloc.h"
#include "safe-read.h"
#include "xstrtol.h"
#include "intprops.h"

#if ! (HAVE_MMAP && HAVE_MUNMAP && defined MAP_FIXED && defined MAP_ANONYMOUS)
# define MM_CAN_MAP false
#else
# define MM_CAN_MAP true
#endif

/* Memory: an input holds at most one reserved window of address space
   (the window plus 4 MiB, never touched unless mapped) and one buffer
   of READ_BUFSIZE bytes plus, in line mode, its longest line, which GNU
   grep needs whole too (with MM_NUL_LINES, NULs end lines, so a file of
   NULs is no such line).  Nothing grows with the file's size.  */

/* Default window: 64 MiB.  The sweep in bench/results.md (1 GiB hot,
   --io=mmap) has mwc -l and mgrep -c fastest at 64 and 256 MiB, 4 MiB
   25-45% slower, 1 MiB and less three to seven times slower; mcat into
   a pipe is within noise from 16 MiB up.  */
enum { DEFAULT_WINDOW = 64 * 1024 * 1024 };

/* Windows of at least this size end on this alignment, so that the
   page cache's 2 MiB folios map whole.  */
enum { WINDOW_ALIGN = 2 * 1024 * 1024 };

/* Below this many bytes --io=auto reads rather than maps: a window
   maps cheaply only where it holds a whole 2 MiB folio of the page
   cache (see worth_mapping), and a smaller file cannot.  bench/'s
   small-file table agrees: read() was two to four times faster than
   mapping for 1000 files of 4 KiB to 1 MiB.  */
enum { AUTO_MAP_MIN = WINDOW_ALIGN };

/* The read() buffer: 256 KiB, as coreutils' io_blksize settles on.  */
enum { READ_BUFSIZE = 256 * 1024 };

/* Where mm_close leaves the descriptor's offset.  */
enum leave
{
  LEAVE_AFTER_HANDED,           /* just past the bytes handed out */
  LEAVE_AT,                     /* at mm_input's leave_at */
  LEAVE_AT_END                  /* at the end, as GNU grep stops early */
};

/* One open input.  */
struct mm_input
{
  int fd;                       /* the descriptor being read */
  char const *name;             /* its name for diagnostics */
  struct stat st;               /* fstat at mm_open */
  int flags;                    /* MM_LINES, MM_NUL_LINES, MM_INPLACE */
  char eol;                     /* end-of-line byte in line mode */
  enum mm_failure failure;      /* set when mm_next returns -1 */
  int err;                      /* errno for MM_READ_ERROR */
  enum mm_failure pending;      /* a failure to report once the bytes
                                   before it are handed out */
  int pending_err;              /* its errno */
  bool lseek_ok;                /* the descriptor can seek */
  enum leave leave;             /* where mm_close leaves the offset */
  off_t leave_at;               /* the offset, for LEAVE_AT */

  off_t pos;                    /* file offset of the next byte to hand out */
  off_t src;                    /* file offset of the next byte to bring in:
                                   POS plus CARRY; with read(), the
                                   descriptor's offset */

  /* Mapping state.  */
  bool mapping;                 /* still reading through mappings */
  off_t map_end;                /* the size seen at open: mappings stop here */
  char *region;                 /* reserved address range, or NULL */
  idx_t region_size;            /* its size */
  idx_t window;                 /* window size for this input */
  char *win;                    /* the window mapped now, or NULL */
  off_t win_start;              /* file offset of its first byte */
  off_t win_end;                /* file offset just past its last byte */
  int guard;                    /* slot in the truncation guard, or -1 */

  /* Buffer state: read() and copies of windows.  */
  char *buf;                    /* the buffer, with a spare byte each side */
  idx_t bufalloc;               /* its allocated size */
  idx_t carry;                  /* bytes brought in, not yet handed out */
  bool eof;                     /* the input is exhausted */
  idx_t handed;                 /* bytes of the last chunk handed out */
};

/* The I/O method chosen with --io.  */
static enum mm_io io_method = MM_IO_AUTO;

/* The mapping window in bytes, a multiple of the page size.  */
static idx_t window_size = DEFAULT_WINDOW;

/* The system page size.  */
static idx_t page_size;

/* The truncation guard.

   A file cut while mapped reads as zeros in the page that holds its new
   end, with no signal at all, and raises SIGBUS on any page past that
   (an I/O error on a failing disk or network file system raises SIGBUS
   too).  Neither may put a byte the file never held into output, a
   count or a match, so the helper keeps two checks:

   - SIGBUS inside a watched window is caught: the handler maps zero
     pages over the window from the faulting page on, notes that page
     and returns, so the access completes.  What comes after
     the fault is read with read(), which reports an I/O error as such
     (the disk's, not the mapping's) and otherwise shows the cut.  The
     handler calls mmap, which POSIX does not list as async-signal-safe
     but which is a plain system call on Linux.  The guard is
     process-wide: one handler, one table of windows.

   - After bytes are taken from a window (copied into the buffer, or
     used in place with MM_INPLACE) and before they are handed out or
     their results kept, fstat tells whether the file still holds them
     (see intact_until).  A copy is checked after it is made, so a cut
     during the copy is caught; a cut after it no longer matters.  This
     costs an fstat per copied piece of READ_BUFSIZE bytes (about 1 ms
     a GiB) and one per in-place window.

   Handing out copies rather than windows is what makes the output of
   mcat, mcmp and mgrep safe: a write() straight from a mapping into a
   pipe can block for as long as the reader likes, and a cut meanwhile
   would write zeros that no check before the write can see.

   The SIGBUS handler and its table of windows are in guard.c.  */

/* True once the truncation guard is installed: nothing is mapped
   without it.  */
static bool guard_installed;

/* The arguments of --io, and the methods they name.  */
static char const *const io_args[] = { "auto", "mmap", "read", NULL };
static enum mm_io const io_types[] = { MM_IO_AUTO, MM_IO_MMAP, MM_IO_READ };
ARGMATCH_VERIFY (io_args, io_types);

void
mm_set_io (char const *arg)
{
  io_method = XARGMATCH ("--io", arg, io_args, io_types);
}

/* Return N rounded up to a multiple of the page size.  */
static idx_t
page_ceil (idx_t n)
{
  return (n + page_size - 1) / page_size * page_size;
}

/* Set window_size from the environment variable MMUTILS_WINDOW, if set.
   Exit with a diagnostic if its value is not a size.  */
static void
parse_window_env (void)
{
  char const *s = getenv ("MMUTILS_WINDOW");
  if (!s)
    return;
  uintmax_t n;
  /* Cap windows at 1 GiB: larger ones only risk the address space.  */
  if (xstrtoumax (s, NULL, 10, &n, "kKMG") != LONGINT_OK
      || n > 1024 * 1024 * 1024)
    error (exit_failure, 0, _("invalid MMUTILS_WINDOW value: %s"), quote (s));
  window_size = n ? page_ceil (n) : page_size;
}

void
mm_init (void)
{
  page_size = getpagesize ();
  parse_window_env ();
  guard_installed = MM_CAN_MAP && guard_install ();
}

/* Decide whether IN, whose file offset is POS, should be mapped.
   --io=auto maps only what is large enough to hold a whole 2 MiB folio
   of the page cache (see AUTO_MAP_MIN), and only in place: a copy from
   a mapping into the buffer costs what read() costs, plus the faults
   (bench/: mgrep -c on 1 GiB, hot).  */
static bool
want_mapping (struct mm_input const *in, off_t pos)
{
  if (!MM_CAN_MAP || !guard_installed || io_method == MM_IO_READ
      || !S_ISREG (in->st.st_mode) || in->st.st_size <= 0 || pos < 0
      || in->st.st_size <= pos)
    return false;
  return (io_method == MM_IO_MMAP
          || ((in->flags & MM_INPLACE)
              && AUTO_MAP_MIN <= in->st.st_size - pos));
}

struct mm_input *
mm_open (int fd, char const *name, int flags, char end_of_line)
{
  struct mm_input *in = xzalloc (sizeof *in);
  in->fd = fd;
  in->name = name;
  in->flags = flags & MM_LINES ? flags & ~MM_INPLACE : flags;
  in->eol = end_of_line;
  in->guard = -1;
  if (fstat (fd, &in->st) != 0)
    {
      int err = errno;
      free (in);
      errno = err;
      return NULL;
    }
  off_t pos = lseek (fd, 0, SEEK_CUR);
  in->lseek_ok = 0 <= pos;
  in->pos = in->src = pos;
  in->mapping = want_mapping (in, pos);
  in->map_end = in->st.st_size;
  in->window = window_size;
  return in;
}

struct stat const *
mm_stat (struct mm_input const *in)
{
  return &in->st;
}

#if MM_CAN_MAP
/* Stop watching IN's window.  */
static void
unwatch (struct mm_input *in)
{
  if (0 <= in->guard)
    guard_release (in->guard);
  in->guard = -1;
}

/* Free IN's reserved address range.  Return true if OK.  */
static bool
release_region (struct mm_input *in)
{
  unwatch (in);
  in->win = NULL;
  bool ok = !in->region || munmap (in->region, in->region_size) == 0;
  in->region = NULL;
  return ok;
}

/* Reserve an address range for IN's windows: the window and room to put
   it at an address congruent to its file offset modulo WINDOW_ALIGN
   (see window_base).  The range is inaccessible and reserves no memory:
   it costs address space only.  Return true if OK.  */
static bool
reserve_region (struct mm_input *in)
{
  idx_t size = in->window + 2 * WINDOW_ALIGN;
  void *p = mmap (NULL, size, PROT_NONE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return false;
  in->region = p;
  in->region_size = size;
  return true;
}

/* Put IN's reserved range back in place of its window, so that nothing
   of the file stays mapped.  Return true if OK.  */
static bool
unmap_window (struct mm_input *in)
{
  unwatch (in);
  in->win = NULL;
  return (mmap (in->region, in->region_size, PROT_NONE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
                -1, 0)
          != MAP_FAILED);
}

/* Return the address in IN's region where the window that starts at
   file offset START goes: congruent to START modulo WINDOW_ALIGN, so
   that the page cache's 2 MiB folios can be mapped whole (one page
   table entry for 2 MiB, not 512).  On a machine whose page tables are
   shadowed by the hypervisor, a misaligned window cost five times as
   much as read() (bench/: mwc -l on 512 MiB, 1.2 s against 0.2 s).  */
static char *
window_base (struct mm_input const *in, off_t start)
{
  uintptr_t first = (uintptr_t) in->region;
  uintptr_t aligned = (first + WINDOW_ALIGN - 1) / WINDOW_ALIGN * WINDOW_ALIGN;
  return in->region + (aligned - first) + start % WINDOW_ALIGN;
}

/* Return the file offset where the window starting at START ends:
   START plus the window, cut back to a 2 MiB boundary for large
   windows, and never past the end of the mapping.  This is the one
   place where window arithmetic could overflow.  */
static off_t
window_end (struct mm_input const *in, off_t start)
{
  off_t end;
  if (INT_ADD_WRAPV (start, in->window, &end))
    return in->map_end;
  if (WINDOW_ALIGN <= in->window && start < end - end % WINDOW_ALIGN)
    end -= end % WINDOW_ALIGN;
  return MIN (end, in->map_end);
}

/* The number of page faults this thread has taken so far.  */
static long
page_faults (void)
{
  struct rusage ru;
#ifdef RUSAGE_THREAD
  int who = RUSAGE_THREAD;
#else
  int who = RUSAGE_SELF;
#endif
  if (getrusage (who, &ru) != 0)
    return -1;
  return ru.ru_minflt + ru.ru_majflt;
}

/* True if the page at P is in the page cache.  Without mincore, say
   no: --io=auto then reads.  */
static bool
resident (char const *p _GL_UNUSED)
{
#if HAVE_MINCORE
  unsigned char vec;
  return mincore ((void *) p, 1, &vec) == 0 && (vec & 1);
#else
  return false;
#endif
}

/* The number of 2 MiB blocks worth_mapping probes in a window.  */
enum { PROBES = 8 };

/* For --io=auto: true if the window of LEN bytes at BASE is cheaper to
   map than to read.  It is if the file is in the page cache and the
   cache maps it 2 MiB at a time.  Where it holds the file in smaller
   folios, every 4 KiB page costs a fault or, on a machine whose
   hypervisor shadows page tables, an exit of its own, and read() was
   up to five times faster; on a cold cache read() was faster too
   (bench/).  Probe up to PROBES blocks spread over the window: each
   must be cached, and touching its middle after its start must not
   fault again (a second fault means smaller folios); one block in eight
   may fail, since a file's first blocks are read ahead in small folios
   even when the rest is in large ones.  The window is guarded, so a
   probe of a page just cut away reads zeros, harmlessly.  */
static bool
worth_mapping (char const *base, idx_t len)
{
  if (io_method != MM_IO_AUTO)
    return true;
  uintptr_t first = ((uintptr_t) base + WINDOW_ALIGN - 1)
                    / WINDOW_ALIGN * WINDOW_ALIGN;
  uintptr_t end = ((uintptr_t) base + len) / WINDOW_ALIGN * WINDOW_ALIGN;
  if (end < first + WINDOW_ALIGN)
    return false;
  idx_t blocks = (end - first) / WINDOW_ALIGN;
  idx_t probes = MIN (blocks, PROBES);
  char const *block[PROBES];
  for (idx_t i = 0; i < probes; i++)
    {
      block[i] = (char const *) first + i * blocks / probes * WINDOW_ALIGN;
      if (!resident (block[i]))
        return false;
    }
  for (idx_t i = 0; i < probes; i++)
    (void) *(char const volatile *) block[i];
  long before = page_faults ();
  for (idx_t i = 0; i < probes; i++)
    (void) *(char const volatile *) (block[i] + WINDOW_ALIGN / 2);
  return (page_faults () - before) * 8 <= probes;
}

/* How map_window went.  */
enum map_result
{
  MAPPED,                       /* the window is mapped */
  NOT_MAPPED,                   /* read() instead */
  CUT                           /* the file is shorter than at open */
};

/* Map the window of IN that holds file offset AT.  */
static enum map_result
map_window (struct mm_input *in, off_t at)
{
  struct stat st;
  if (fstat (in->fd, &st) == 0 && st.st_size < in->map_end)
    return CUT;
  if (in->region ? !unmap_window (in) : !reserve_region (in))
    return NOT_MAPPED;
  off_t start = at - at % page_size;
  off_t end = window_end (in, start);
  idx_t maplen = page_ceil (end - start);
  char *base = window_base (in, start);
  if (mmap (base, maplen, PROT_READ, MAP_PRIVATE | MAP_FIXED, in->fd, start)
      == MAP_FAILED)
    return NOT_MAPPED;
  in->guard = guard_watch (base, maplen);
  if (in->guard < 0)
    {
      unmap_window (in);
      return NOT_MAPPED;
    }
#if HAVE_MADVISE
  /* Only advice: a failure changes nothing.  */
  madvise (base, maplen, MADV_SEQUENTIAL);
#endif
  if (!worth_mapping (base, maplen))
    {
      unmap_window (in);
      return NOT_MAPPED;
    }
  in->win = base;
  in->win_start = start;
  in->win_end = end;
  return MAPPED;
}

/* The bytes [FROM, TO) of IN's file have just been taken from its
   window.  Return the end of the part of them that the file still
   held when they were taken: TO if all of it.  If less, note the cut
   as IN's pending failure.  */
static off_t
intact_until (struct mm_input *in, off_t from, off_t to)
{
  char *fault = guard_fault (in->guard);
  off_t fault_off = fault ? in->win_start + (fault - in->win) : to;
  struct stat st;
  if (fstat (in->fd, &st) != 0)
    {
      in->pending = MM_READ_ERROR;
      in->pending_err = errno;
      return from;
    }
  if (st.st_size < to)
    {
      in->pending = MM_TRUNCATED;
      return MAX (from, MIN (st.st_size, fault_off));
    }
  if (fault_off < to)
    {
      /* A page faulted though the file is not shorter now: either it
         could not be read (an I/O error, which read() meets again and
         reports as such), or the file was cut and has grown back since.
         Go on with read() from there; if it reads, the file was cut.  */
      in->pending = MM_TRUNCATED;
      return MAX (from, fault_off);
    }
  return to;
}

/* Make sure IN's window holds in->src.  Return true if it does; false
   if mapping is over for IN (then leave_mapping has been called).  */
static bool leave_mapping (struct mm_input *in);
static bool
window_at_src (struct mm_input *in)
{
  if (in->win && in->win_start <= in->src && in->src < in->win_end)
    return true;
  enum map_result r = in->src < in->map_end ? map_window (in, in->src)
                      : NOT_MAPPED;
  if (r == MAPPED)
    return true;
  if (r == CUT)
    in->pending = MM_TRUNCATED;
  leave_mapping (in);
  return false;
}

/* Copy into DST up to ROOM bytes of IN from its window, checked.
   Return the number of bytes copied, 0 if mapping is over for IN.  */
static idx_t
copy_from_window (struct mm_input *in, char *dst, idx_t room)
{
  if (!window_at_src (in))
    return 0;
  idx_t n = MIN (room, in->win_end - in->src);
  memcpy (dst, in->win + (in->src - in->win_start), n);
  off_t good = intact_until (in, in->src, in->src + n);
  n = good - in->src;
  in->src = good;
  if (in->pending)
    leave_mapping (in);
  return n;
}

/* Hand out the next mapped window of IN in place, in *PTR and *LEN.
   Return 1 if one was handed out, 0 if mapping is over for IN.  */
static int
next_in_place (struct mm_input *in, char **ptr, idx_t *len)
{
  if (!window_at_src (in))
    return 0;
  *ptr = in->win + (in->src - in->win_start);
  *len = in->handed = in->win_end - in->src;
  in->pos = in->src = in->win_end;
  return 1;
}
#else
static bool release_region (struct mm_input *in) { return true; }
static idx_t copy_from_window (struct mm_input *in, char *dst, idx_t room)
{ return 0; }
static int next_in_place (struct mm_input *in, char **ptr, idx_t *len)
{ return 0; }
static off_t intact_until (struct mm_input *in, off_t from, off_t to)
{ return to; }
#endif

/* Leave mapping mode for IN: release the window and go on with read()
   from in->src.  Return true if OK; if not, the failure is pending.  */
static bool
leave_mapping (struct mm_input *in)
{
  bool ok = release_region (in);
  in->mapping = false;
  if (ok && lseek (in->fd, in->src, SEEK_SET) < 0)
    ok = false;
  if (!ok && in->pending != MM_READ_ERROR)
    {
      in->pending = MM_READ_ERROR;
      in->pending_err = errno;
    }
  return ok;
}

/* Bring up to ROOM bytes of IN into DST: copied from its window while
   it is mapped, then read.  Return the number of bytes, 0 at the end of
   the input, -1 on failure.  A failure found while copying is reported
   only after the good bytes before it: a truncation at the end of the
   input, a read error at once.  */
static ptrdiff_t
fill (struct mm_input *in, char *dst, idx_t room)
{
  if (in->mapping)
    {
      idx_t n = copy_from_window (in, dst, room);
      if (n)
        return n;
    }
  if (in->pending != MM_READ_ERROR)
    {
      size_t n = safe_read (in->fd, dst, room);
      if (n == SAFE_READ_ERROR)
        {
          in->pending = MM_READ_ERROR;
          in->pending_err = errno;
        }
      else if (n || !in->pending)
        {
          in->src += n;
          return n;
        }
    }
  in->failure = in->pending;
  in->err = in->pending_err;
  return -1;
}

/* Make sure IN's buffer can take at least READ_BUFSIZE more bytes after
   its carried bytes.  */
static void
grow_buffer (struct mm_input *in)
{
  /* One spare byte before the data and one after it.  */
  idx_t need = in->carry + READ_BUFSIZE + 2;
  if (in->bufalloc < need)
    {
      char *old = in->buf;
      idx_t size = MAX (need, 2 * in->bufalloc);
      in->buf = ximalloc (size);
      if (old)
        memcpy (in->buf + 1, old + 1, in->carry);
      free (old);
      in->bufalloc = size;
    }
}

/* In line mode, return how many of the N bytes at DATA make whole
   lines: up to the last end-of-line byte or, with MM_NUL_LINES, the
   last NUL if that comes later; 0 if there is neither.  So every NUL
   of a read is in the chunk that read ends: GNU grep looks for NULs in
   all it has read before it searches any of it.  */
static idx_t
whole_lines (struct mm_input const *in, char const *data, idx_t n)
{
  char const *last = memrchr (data, in->eol, n);
  if (in->flags & MM_NUL_LINES)
    {
      char const *start = last ? last + 1 : data;
      char const *nul = memrchr (start, '\0', data + n - start);
      if (nul)
        last = nul;
    }
  return last ? last + 1 - data : 0;
}

/* Hand out the next chunk of IN from its buffer.  Return as mm_next.
   Memory: the buffer holds READ_BUFSIZE bytes plus, in line mode, the
   longest line (GNU grep needs whole lines too); with MM_NUL_LINES a
   run without end-of-line bytes ends at its last NUL, so a file of NULs
   does not grow it.  */
static int
next_buffered (struct mm_input *in, char **ptr, idx_t *len)
{
  bool lines = in->flags & MM_LINES;
  if (in->carry)
    memmove (in->buf + 1, in->buf + 1 + in->handed, in->carry);
  in->handed = 0;
  while (!in->eof)
    {
      grow_buffer (in);
      char *data = in->buf + 1;
      idx_t room = in->bufalloc - 2 - in->carry;
      ptrdiff_t n = fill (in, data + in->carry, room);
      if (n < 0)
        return -1;
      if (n == 0)
        {
          in->eof = true;
          break;
        }
      idx_t total = in->carry + n;
      idx_t out = lines ? whole_lines (in, data, total) : total;
      in->carry = total - out;
      if (out)
        {
          *ptr = data;
          *len = in->handed = out;
          in->pos += out;
          return 1;
        }
    }
  if (!in->carry)
    return 0;
  /* The last line has no end-of-line byte.  */
  *ptr = in->buf + 1;
  *len = in->handed = in->carry;
  in->pos += in->carry;
  in->carry = 0;
  return 1;
}

int
mm_next (struct mm_input *in, char **ptr, idx_t *len)
{
  if (in->mapping && (in->flags & MM_INPLACE))
    {
      if (next_in_place (in, ptr, len))
        return 1;
      in->handed = 0;
    }
  return next_buffered (in, ptr, len);
}

bool
mm_verify (struct mm_input *in)
{
  if (! (in->mapping && (in->flags & MM_INPLACE) && in->handed))
    return true;
  off_t from = in->pos - in->handed;
  if (intact_until (in, from, in->pos) == in->pos)
    return true;
  /* Read the chunk again from its start: read() sees what is left.  An
     fstat that failed is left for read() to meet again.  */
  if (in->pending == MM_READ_ERROR)
    in->pending = MM_OK;
  in->pos = in->src = from;
  in->handed = 0;
  leave_mapping (in);
  return false;
}

bool
mm_skip (struct mm_input *in, off_t n)
{
  /* Drop carried bytes first.  */
  idx_t from_carry = MIN (n, in->carry);
  in->handed += from_carry;
  in->carry -= from_carry;
  in->pos += from_carry;
  n -= from_carry;
  if (!n)
    return true;
  if (in->mapping)
    {
      off_t step = MIN (n, MAX (0, in->map_end - in->src));
      in->pos += step;
      in->src += step;
      n -= step;
      if (!n)
        return true;
      if (!leave_mapping (in))
        {
          in->failure = in->pending;
          in->err = in->pending_err;
          return false;
        }
    }
  if (S_ISREG (in->st.st_mode) && in->lseek_ok
      && 0 <= lseek (in->fd, n, SEEK_CUR))
    {
      in->pos += n;
      in->src += n;
      return true;
    }
  while (0 < n)
    {
      char *p;
      idx_t len;
      int r = next_buffered (in, &p, &len);
      if (r <= 0)
        return r == 0;
      if (n < len)
        mm_unread (in, len - n);
      n -= MIN (n, len);
    }
  return true;
}

int
mm_copy_to (struct mm_input *in, int out)
{
#if HAVE_COPY_FILE_RANGE
  /* Only for --io=auto (the other methods say how to read), and only
     from regular files that seem to have data: copy_file_range reads
     nothing from /proc files.  The kernel copies what the file holds
     as it goes, so a cut only makes the copy short.  */
  if (io_method != MM_IO_AUTO || !S_ISREG (in->st.st_mode)
      || in->st.st_size <= 0 || in->pos != in->src || in->handed
      || !in->lseek_ok)
    return 0;
  /* The largest count that is surely aligned well.  */
  size_t copy_max = MIN (SSIZE_MAX, SIZE_MAX) >> 30 << 30;
  for (bool copied = false; ; copied = true)
    {
      ssize_t n = copy_file_range (in->fd, NULL, out, NULL, copy_max, 0);
      if (n == 0)
        return copied;
      if (n < 0)
        return (errno == ENOSYS || errno == EINVAL || errno == EBADF
                || errno == EXDEV || errno == ETXTBSY || errno == EPERM
                || errno == EOPNOTSUPP) ? 0 : -1;
      in->pos += n;
      in->src += n;
      /* The descriptor's offset moved: what is left is read from it.  */
      in->mapping = false;
    }
#else
  return 0;
#endif
}

void
mm_unread (struct mm_input *in, idx_t n)
{
  in->pos -= n;
  in->handed -= n;
  if (in->mapping && (in->flags & MM_INPLACE))
    in->src -= n;
  else
    in->carry += n;
}

/* Leave IN's descriptor just past the bytes handed out.  Return true
   if OK, false with errno set.  */
static bool
leave_after_handed (struct mm_input const *in)
{
  if (!in->lseek_ok)
    return true;
  if (in->mapping)
    return 0 <= lseek (in->fd, in->pos, SEEK_SET);
  return !in->carry || 0 <= lseek (in->fd, -(off_t) in->carry, SEEK_CUR);
}

/* Leave IN's descriptor at its end: seek there, or read and drop the
   rest if it cannot seek.  Return true if OK, false with errno set.  */
static bool
leave_at_end (struct mm_input const *in)
{
  if (in->lseek_ok
      && (0 <= lseek (in->fd, 0, SEEK_END) || errno == EINVAL))
    return true;
  char *buf = ximalloc (READ_BUFSIZE);
  size_t n;
  while ((n = safe_read (in->fd, buf, READ_BUFSIZE)) != 0
         && n != SAFE_READ_ERROR)
    continue;
  int err = errno;
  free (buf);
  errno = err;
  return n == 0;
}

void
mm_leave_at (struct mm_input *in, off_t pos)
{
  in->leave = LEAVE_AT;
  in->leave_at = pos;
}

void
mm_leave_at_end (struct mm_input *in)
{
  in->leave = LEAVE_AT_END;
}

/* Leave IN's descriptor where mm_close should.  Return true if OK,
   false with errno set.  */
static bool
leave_offset (struct mm_input const *in)
{
  switch (in->leave)
    {
    case LEAVE_AT:
      return !in->lseek_ok || 0 <= lseek (in->fd, in->leave_at, SEEK_SET);
    case LEAVE_AT_END:
      return leave_at_end (in);
    default:
      return leave_after_handed (in);
    }
}

bool
mm_close (struct mm_input *in)
{
  bool ok = !in->mapping || release_region (in);
  ok &= leave_offset (in);
  int err = errno;
  free (in->buf);
  free (in);
  errno = err;
  return ok;
}

/* Print the diagnostic for IN's last failure, naming the file NAME.  */
static void
report_failure (struct mm_input const *in, char const *name)
{
  if (in->failure == MM_TRUNCATED)
    error (0, 0, _("%s: file truncated"), name);
  else
    error (0, in->err, "%s", name);
}

void
mm_report (struct mm_input const *in)
{
  report_failure (in, quotef (in->name));
}

bool
mm_at_end (struct mm_input const *in)
{
  return in->map_end <= in->pos;
}

off_t
mm_remaining (struct mm_input const *in)
{
  if (!S_ISREG (in->st.st_mode) || in->st.st_size <= 0 || in->pos < 0)
    return -1;
  return MAX (0, in->st.st_size - in->pos);
}

off_t
mm_offset (struct mm_input const *in)
{
  return in->lseek_ok ? in->pos : -1;
}

void
mm_report_unquoted (struct mm_input const *in)
{
  report_failure (in, in->name);
}

bool
mm_has_hole (struct mm_input const *in, off_t from)
{
#ifdef SEEK_HOLE
  if (!S_ISREG (in->st.st_mode) || !in->lseek_ok)
    return false;
  off_t cur = lseek (in->fd, 0, SEEK_CUR);
  if (cur < 0)
    return false;
  off_t hole = lseek (in->fd, from, SEEK_HOLE);
  if (lseek (in->fd, cur, SEEK_SET) < 0)
    return false;
  return 0 <= hole && hole < in->st.st_size;
#else
  return false;
#endif
}
