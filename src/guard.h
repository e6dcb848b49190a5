/* guard.h -- the input helper's SIGBUS guard over mapped windows.
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

#ifndef GUARD_H
#define GUARD_H

#include <stdbool.h>
#include "idx.h"

/* Install the SIGBUS handler.  Return true if it is in place and
   SIGBUS is unblocked; false if it cannot be (or if the system cannot
   map files): nothing may be mapped then.  */
extern bool guard_install (void);

/* Watch the LEN bytes mapped at START: a SIGBUS there maps zeros over
   the rest of them and is noted, instead of killing the process.
   Return the slot that watches them, or -1 if every slot is taken: the
   window must not be used then.  */
extern int guard_watch (char *start, idx_t len);

/* The first page of SLOT's window that faulted, or null.  */
extern char *guard_fault (int slot);

/* Stop watching SLOT's window.  */
extern void guard_release (int slot);

#endif
