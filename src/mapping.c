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
#include "argmatch.h"
#include "xalloc.h"
#include "safe-read.h"
#include "xstrtol.h"

#if ! (HAVE_MMAP && HAVE_MUNMAP && defined MAP_FIXED && defined MAP_ANONYMOUS)
# define MM_CAN_MAP false
#else
# define MM_CAN_MAP true
#endif

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

/* The I/O method chosen with --io.  */
static enum mm_io io_method = MM_IO_AUTO;

/* The mapping window in bytes, a multiple of the page size.  */
static idx_t window_size = DEFAULT_WINDOW;

/* The system page size.  */
static idx_t page_size;

/* Windows the truncation guard watches: a SIGBUS inside one of them
   means the file shrank under the mapping.  The handler then maps
   zero pages over the rest of the window and sets HIT, so the access
   completes and mm_next reports the truncation.  */
struct guard_slot
{
  char *volatile start;
  char *volatile end;
  volatile sig_atomic_t hit;
};
enum { GUARD_SLOTS = 16 };
static struct guard_slot guard_slots[GUARD_SLOTS];

static char const *const io_args[] = { "auto", "mmap", "read", NULL };
static enum mm_io const io_types[] = { MM_IO_AUTO, MM_IO_MMAP, MM_IO_READ };
ARGMATCH_VERIFY (io_args, io_types);

void
mm_set_io (char const *arg)
{
  io_method = XARGMATCH ("--io", arg, io_args, io_types);
}

idx_t
mm_window_size (void)
{
  return window_size;
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

#if MM_CAN_MAP
/* Handle SIGBUS (signal number SIG, details INFO): if the address lies
   in a guarded window, map zeros over the rest of that window and note
   the hit; otherwise restore the default action so that the access,
   retried, kills the process as it would have.  */
static void
guard_handler (int sig, siginfo_t *info, void *context)
{
  char *addr = info->si_addr;
  for (int i = 0; i < GUARD_SLOTS; i++)
    {
      char *start = guard_slots[i].start;
      char *end = guard_slots[i].end;
      if (start && start <= addr && addr < end)
        {
          char *page = start + (addr - start) / page_size * page_size;
          if (mmap (page, end - page, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
              != MAP_FAILED)
            {
              guard_slots[i].hit = 1;
              return;
            }
        }
    }
  signal (sig, SIG_DFL);
}
#endif

void
mm_init (void)
{
  page_size = getpagesize ();
  parse_window_env ();
#if MM_CAN_MAP
  struct sigaction act;
  memset (&act, 0, sizeof act);
  act.sa_sigaction = guard_handler;
  act.sa_flags = SA_SIGINFO;
  sigemptyset (&act.sa_mask);
  sigaction (SIGBUS, &act, NULL);
#endif
}

bool
mm_is_mapped (struct mm_input const *in)
{
  return in->mapping;
}

/* Decide whether IN, whose file offset is POS, should be mapped.  */
static bool
want_mapping (struct mm_input const *in, off_t pos)
{
  if (!MM_CAN_MAP || io_method == MM_IO_READ
      || !S_ISREG (in->st.st_mode) || in->st.st_size <= 0 || pos < 0
      || in->st.st_size <= pos)
    return false;
  return io_method == MM_IO_MMAP || AUTO_MAP_MIN <= in->st.st_size - pos;
}

bool
mm_open (struct mm_input *in, int fd, char const *name, int flags,
         char end_of_line)
{
  memset (in, 0, sizeof *in);
  in->fd = fd;
  in->name = name;
  in->flags = flags;
  in->eol = end_of_line;
  in->guard = -1;
  if (fstat (fd, &in->st) != 0)
    return false;
  off_t pos = lseek (fd, 0, SEEK_CUR);
  in->lseek_ok = 0 <= pos;
  in->pos = pos;
  in->mapping = want_mapping (in, pos);
  in->map_end = in->st.st_size;
  in->window = window_size;
  return true;
}

#if MM_CAN_MAP
/* Stop watching IN's window.  */
static void
guard_release (struct mm_input *in)
{
  if (0 <= in->guard)
    {
      guard_slots[in->guard].start = NULL;
      guard_slots[in->guard].end = NULL;
      guard_slots[in->guard].hit = 0;
      in->guard = -1;
    }
}

/* Watch the LEN bytes at START for IN.  */
static void
guard_watch (struct mm_input *in, char *start, idx_t len)
{
  for (int i = 0; i < GUARD_SLOTS; i++)
    if (!guard_slots[i].start)
      {
        guard_slots[i].hit = 0;
        guard_slots[i].end = start + len;
        guard_slots[i].start = start;
        in->guard = i;
        return;
      }
}

/* Free IN's reserved address range.  */
static void
release_region (struct mm_input *in)
{
  guard_release (in);
  if (in->region)
    munmap (in->region, in->region_size);
  in->region = NULL;
}

/* Reserve an address range for IN's windows: the window, room to put
   it at an address congruent to its file offset modulo WINDOW_ALIGN
   (see window_base), and a writable page before and after it, where
   line mode's sentinels go.  The range is anonymous memory, never
   touched unless a sentinel is written, so it costs address space
   only.  Return true if OK.  */
static bool
reserve_region (struct mm_input *in)
{
  idx_t size = in->window + 2 * WINDOW_ALIGN + 2 * page_size;
  void *p = mmap (NULL, size, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return false;
  in->region = p;
  in->region_size = size;
  return true;
}

/* Replace IN's current window by anonymous memory, so that nothing of
   the file stays mapped.  Return true if the window was not hit by a
   truncation.  */
static bool
unmap_window (struct mm_input *in)
{
  bool hit = 0 <= in->guard && guard_slots[in->guard].hit;
  guard_release (in);
  mmap (in->region + page_size, in->region_size - 2 * page_size,
        PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
        -1, 0);
  return !hit;
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
  uintptr_t first = (uintptr_t) in->region + page_size;
  uintptr_t aligned = (first + WINDOW_ALIGN - 1) / WINDOW_ALIGN * WINDOW_ALIGN;
  return in->region + (aligned - (uintptr_t) in->region) + start % WINDOW_ALIGN;
}

/* Return the file offset where the window starting at START ends:
   START plus the window, cut back to a 2 MiB boundary for large
   windows, and never past the end of the mapping.  */
static off_t
window_end (struct mm_input const *in, off_t start)
{
  off_t end = start + in->window;
  if (WINDOW_ALIGN <= in->window && start < end - end % WINDOW_ALIGN)
    end -= end % WINDOW_ALIGN;
  return MIN (end, in->map_end);
}

/* True if the file behind IN is now shorter than when it was opened.  */
static bool
shrunk (struct mm_input const *in)
{
  struct stat st;
  return fstat (in->fd, &st) == 0 && st.st_size < in->map_end;
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

/* True if the page at P is in the page cache.  */
static bool
resident (char const *p)
{
  unsigned char vec;
  return mincore ((void *) p, 1, &vec) == 0 && (vec & 1);
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
   even when the rest is in large ones.  */
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

/* Map the window of IN that holds in->pos.  Set *DATA to the byte at
   in->pos and return the number of bytes available from there, 0 if the
   mapping failed or does not pay (the caller then reads instead).  */
static idx_t
map_window (struct mm_input *in, char **data)
{
  if (!in->region && !reserve_region (in))
    return 0;
  off_t start = in->pos - in->pos % page_size;
  off_t end = window_end (in, start);
  idx_t maplen = page_ceil (end - start);
  char *base = window_base (in, start);
  int prot = PROT_READ | (in->flags & MM_LINES ? PROT_WRITE : 0);
  if (mmap (base, maplen, prot, MAP_PRIVATE | MAP_FIXED, in->fd, start)
      == MAP_FAILED)
    return 0;
  madvise (base, maplen, MADV_SEQUENTIAL);
  guard_watch (in, base, maplen);
  if (!worth_mapping (base, maplen))
    {
      unmap_window (in);
      return 0;
    }
  *data = base + (in->pos - start);
  return end - in->pos;
}

/* Double IN's window, for a line longer than it.  Return true if OK.  */
static bool
grow_window (struct mm_input *in)
{
  if (IDX_MAX / 2 - 2 * page_size < in->window)
    return false;
  release_region (in);
  in->window *= 2;
  return reserve_region (in);
}

/* In line mode, return how many of the AVAIL bytes at DATA to hand out
   so that the chunk ends with a whole line: all of them at the end of
   the input, 0 if no line ends there.  */
static idx_t
whole_lines (struct mm_input const *in, char const *data, idx_t avail)
{
  if (in->pos + avail == in->map_end)
    {
      struct stat st;
      /* A file that grew goes on in read mode; keep its last partial
         line for that.  */
      if (! (fstat (in->fd, &st) == 0 && in->map_end < st.st_size))
        return avail;
    }
  char const *last = memrchr (data, in->eol, avail);
  return last ? last + 1 - data : 0;
}

/* Hand out the next chunk of mapped input IN in *PTR and *LEN.  Return
   1 if one was handed out, 0 if the mapping is done (or failed, and
   reading must take over), -1 on failure.  */
static int
next_window (struct mm_input *in, char **ptr, idx_t *len)
{
  if (in->region && !unmap_window (in))
    {
      in->failure = MM_TRUNCATED;
      return -1;
    }
  if (in->map_end <= in->pos)
    return 0;
  if (shrunk (in))
    {
      in->failure = MM_TRUNCATED;
      return -1;
    }
  for (;;)
    {
      char *data;
      idx_t avail = map_window (in, &data);
      if (!avail)
        return 0;
      idx_t n = in->flags & MM_LINES ? whole_lines (in, data, avail) : avail;
      if (n)
        {
          *ptr = data;
          *len = n;
          in->pos += n;
          in->handed = n;
          return 1;
        }
      unmap_window (in);
      if (in->pos + avail == in->map_end)
        return 0;
      if (!grow_window (in))
        return 0;
    }
}
#else
static void release_region (struct mm_input *in) { }
static int next_window (struct mm_input *in, char **ptr, idx_t *len)
{ return 0; }
#endif

/* Leave mapping mode for IN: release the window and read on from the
   first byte not yet handed out.  Return true if OK.  */
static bool
switch_to_read (struct mm_input *in)
{
  release_region (in);
  in->mapping = false;
  if (lseek (in->fd, in->pos, SEEK_SET) < 0)
    {
      in->failure = MM_READ_ERROR;
      in->err = errno;
      return false;
    }
  return true;
}

/* Make sure IN's read buffer can take at least one more read of
   READ_BUFSIZE after its carried bytes.  */
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

/* Hand out the next chunk of IN read with read().  Return as mm_next.  */
static int
next_read (struct mm_input *in, char **ptr, idx_t *len)
{
  bool lines = in->flags & MM_LINES;
  if (in->carry)
    memmove (in->buf + 1, in->buf + 1 + in->handed, in->carry);
  for (;;)
    {
      if (in->eof)
        break;
      grow_buffer (in);
      char *data = in->buf + 1;
      idx_t room = in->bufalloc - 2 - in->carry;
      size_t n = safe_read (in->fd, data + in->carry, room);
      if (n == SAFE_READ_ERROR)
        {
          in->failure = MM_READ_ERROR;
          in->err = errno;
          return -1;
        }
      if (n == 0)
        {
          in->eof = true;
          break;
        }
      idx_t total = in->carry + n;
      char const *last = lines ? memrchr (data, in->eol, total) : NULL;
      idx_t out = !lines ? total : last ? last + 1 - data : 0;
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
  if (in->mapping)
    {
      int r = next_window (in, ptr, len);
      if (r != 0)
        return r;
      if (!switch_to_read (in))
        return -1;
    }
  return next_read (in, ptr, len);
}

bool
mm_skip (struct mm_input *in, off_t n)
{
  if (in->mapping)
    {
      in->pos += n;
      return true;
    }
  /* Drop carried bytes first, then seek if the input is a file.  */
  idx_t from_carry = MIN (n, in->carry);
  in->handed += from_carry;
  in->carry -= from_carry;
  in->pos += from_carry;
  n -= from_carry;
  if (!n)
    return true;
  if (S_ISREG (in->st.st_mode) && in->lseek_ok
      && 0 <= lseek (in->fd, n, SEEK_CUR))
    {
      in->pos += n;
      return true;
    }
  while (0 < n)
    {
      char *p;
      idx_t len;
      int r = next_read (in, &p, &len);
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
     nothing from /proc files.  */
  if (io_method != MM_IO_AUTO || !S_ISREG (in->st.st_mode)
      || in->st.st_size <= 0 || in->handed || !in->lseek_ok)
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
  if (!in->mapping)
    {
      in->carry += n;
      in->handed -= n;
    }
}

bool
mm_close (struct mm_input *in)
{
  bool ok = true;
  if (in->mapping)
    {
      if (in->region && !unmap_window (in) && in->failure == MM_OK)
        in->failure = MM_TRUNCATED;
      release_region (in);
      if (in->lseek_ok && lseek (in->fd, in->pos, SEEK_SET) < 0)
        ok = false;
    }
  else if (in->carry && in->lseek_ok
           && lseek (in->fd, -(off_t) in->carry, SEEK_CUR) < 0)
    ok = false;
  free (in->buf);
  in->buf = NULL;
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

bool
mm_check_truncated (struct mm_input *in)
{
  if (in->failure == MM_TRUNCATED)
    return true;
  if (in->mapping
      && ((0 <= in->guard && guard_slots[in->guard].hit) || shrunk (in)))
    {
      in->failure = MM_TRUNCATED;
      return true;
    }
  return false;
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

bool
mm_set_offset (struct mm_input const *in, off_t pos)
{
  return !in->lseek_ok || 0 <= lseek (in->fd, pos, SEEK_SET);
}

bool
mm_drain (struct mm_input const *in)
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
