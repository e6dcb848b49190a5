/* guard.c -- the input helper's SIGBUS guard over mapped windows.
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

/* See "The truncation guard" in mapping.c for why and when.  */

#include <config.h>

#include "guard.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#if HAVE_SYS_MMAN_H
# include <sys/mman.h>
#endif

#if HAVE_MMAP && defined MAP_FIXED && defined MAP_ANONYMOUS

/* The windows watched.  The guard is process-wide: one handler, one
   table.  */
struct guard_slot
{
  char *volatile start;         /* the window watched, or null */
  char *volatile end;           /* its end */
  char *volatile fault;         /* first page that faulted, or null */
};
enum { GUARD_SLOTS = 16 };
static struct guard_slot guard_slots[GUARD_SLOTS];

/* The system page size.  */
static idx_t page_size;

/* Handle SIGBUS (signal number SIG, details INFO): if the address lies
   in a watched window, map zeros over the rest of that window, note
   the faulting page and return, so the access completes; otherwise
   restore the default action so that the access, retried, kills the
   process as it would have.  */
static void
guard_handler (int sig, siginfo_t *info, void *context _GL_UNUSED)
{
  int saved_errno = errno;
  char *addr = info->si_addr;
  for (int i = 0; i < GUARD_SLOTS; i++)
    {
      char *start = guard_slots[i].start;
      char *end = guard_slots[i].end;
      if (start && start <= addr && addr < end)
        {
          char *page = start + (addr - start) / page_size * page_size;
          if (mmap (page, end - page, PROT_READ,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
                    -1, 0)
              != MAP_FAILED)
            {
              char *fault = guard_slots[i].fault;
              if (!fault || page < fault)
                guard_slots[i].fault = page;
              errno = saved_errno;
              return;
            }
        }
    }
  signal (sig, SIG_DFL);
  errno = saved_errno;
}

bool
guard_install (void)
{
  page_size = getpagesize ();
  struct sigaction act;
  memset (&act, 0, sizeof act);
  act.sa_sigaction = guard_handler;
  act.sa_flags = SA_SIGINFO;
  sigemptyset (&act.sa_mask);
  /* A blocked mask is inherited across exec, and a blocked SIGBUS
     raised by a fault kills the process whatever the handler.  */
  sigset_t bus;
  sigemptyset (&bus);
  sigaddset (&bus, SIGBUS);
  return (sigaction (SIGBUS, &act, NULL) == 0
          && sigprocmask (SIG_UNBLOCK, &bus, NULL) == 0);
}

int
guard_watch (char *start, idx_t len)
{
  for (int i = 0; i < GUARD_SLOTS; i++)
    if (!guard_slots[i].start)
      {
        guard_slots[i].fault = NULL;
        guard_slots[i].end = start + len;
        guard_slots[i].start = start;
        return i;
      }
  return -1;
}

char *
guard_fault (int slot)
{
  return guard_slots[slot].fault;
}

void
guard_release (int slot)
{
  guard_slots[slot].start = NULL;
  guard_slots[slot].end = NULL;
  guard_slots[slot].fault = NULL;
}

#else

bool guard_install (void) { return false; }
int guard_watch (char *start, idx_t len) { return -1; }
char *guard_fault (int slot) { return NULL; }
void guard_release (int slot) { }

#endif
