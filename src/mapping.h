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

/* An input is opened with mm_open on a descriptor, handed out in chunks
   by mm_next and finished with mm_close.  Regular files are mapped in
   bounded windows with MADV_SEQUENTIAL; everything else, and any input
   that cannot be mapped, is read() into one reused buffer.  See
   DESIGN.md section 1.

   The bytes a tool is given are always bytes the file held: a file cut
   while mapped reads as zeros (in the page holding its new end) or
   raises SIGBUS (past it).  By default a mapped window is copied into
   the helper's buffer a piece at a time and each piece is checked
   before it is handed out, so chunks are stable and the tool needs no
   care.  With MM_INPLACE chunks point into the mapping itself; the tool
   must then call mm_verify on each chunk after deriving anything from
   it and before it lets that reach output or totals.  */

#ifndef MAPPING_H
#define MAPPING_H

#include <stdbool.h>
#include <sys/stat.h>
#include <sys/types.h>
#include "idx.h"

/* How inputs are read: the --io option.  */
enum mm_io
{
  MM_IO_AUTO,                   /* mapping where measurement says it pays */
  MM_IO_MMAP,                   /* map whatever can be mapped */
  MM_IO_READ                    /* never map */
};

/* The value getopt_long returns for --io; tools put MM_IO_LONG_OPTION
   in their option table and pass its argument to mm_set_io.  */
enum { MM_IO_OPTION = 0x4d4d };
#define MM_IO_LONG_OPTION \
  { "io", required_argument, NULL, MM_IO_OPTION }

/* The --help line for --io, in the style of the other options.  */
#define MM_IO_OPTION_DESCRIPTION \
  _("      --io=METHOD          read inputs by METHOD: auto (default),\n\
                             mmap or read\n")

/* Flags for mm_open.  */
enum
{
  /* Hand out whole lines: each chunk ends just after an end-of-line
     byte, except the last chunk of an input that does not end in one.
     The byte before each chunk and the byte after it are writable.  */
  MM_LINES = 1 << 0,

  /* With MM_LINES, a NUL byte may end a chunk too, after the last
     end-of-line byte: GNU grep takes NULs for line ends in binary files,
     so a file of NULs is no single endless line.  */
  MM_NUL_LINES = 1 << 1,

  /* Hand out mapped windows in place, without copying (not with
     MM_LINES).  The tool must call mm_verify after using each chunk.  */
  MM_INPLACE = 1 << 2
};

/* Why mm_next failed.  */
enum mm_failure
{
  MM_OK,
  MM_READ_ERROR,                /* read failed; errno in ERR */
  MM_TRUNCATED                  /* the file shrank while it was read */
};

/* One open input; what it holds is private to mapping.c.  */
struct mm_input;

/* Read MMUTILS_WINDOW, install the truncation guard.  Call once from
   main, after parsing options; diagnoses a bad value and exits with
   exit_failure.  */
extern void mm_init (void);

/* Set the I/O method from the argument of --io; diagnoses a bad value
   and exits with exit_failure.  */
extern void mm_set_io (char const *arg);

/* Start reading descriptor FD named NAME with FLAGS, from its current
   offset.  END_OF_LINE is the line delimiter for MM_LINES.  Return the
   new input, or null with errno set if FD cannot be examined.  */
extern struct mm_input *mm_open (int fd, char const *name, int flags,
                                 char end_of_line);

/* The status of IN's descriptor when it was opened.  */
extern struct stat const *mm_stat (struct mm_input const *in);

/* Set *PTR and *LEN to the next chunk of IN.  The chunk stays valid
   until the next call.  Return 1 if a chunk was handed out, 0 at end of
   input, -1 on failure (then mm_report says what went wrong).  */
extern int mm_next (struct mm_input *in, char **ptr, idx_t *len);

/* For MM_INPLACE: check that the chunk just handed out still holds the
   file's bytes.  Return true if so.  If not (the file was cut while the
   chunk was used, or a page of it could not be read), the tool must
   drop everything it derived from that chunk and call mm_next again:
   the helper hands out with read() what the file still holds from the
   chunk's start, then fails with MM_TRUNCATED.  Always true for chunks
   that were not handed out in place.  */
extern bool mm_verify (struct mm_input *in);

/* Give back the last N bytes of the chunk just handed out: the
   descriptor's offset will be left before them.  */
extern void mm_unread (struct mm_input *in, idx_t n);

/* Skip the next N bytes of IN without handing them out, as if they
   had been read: seek past them where possible, else read and drop
   them.  Return true if OK; on failure return false and mm_report says
   why.  Skipping past the end is not an error.  */
extern bool mm_skip (struct mm_input *in, off_t n);

/* Copy IN to the descriptor OUT within the kernel, with copy_file_range,
   as GNU cat does, if nothing of IN has been handed out yet and the I/O
   method is auto (--io=mmap and --io=read keep to theirs).  Return 1 if
   all was copied, 0 if the kernel cannot copy (the rest of) IN to OUT
   (then copy what is left with mm_next), -1 on failure with errno
   set.  */
extern int mm_copy_to (struct mm_input *in, int out);

/* Stop reading IN and free it: leave the descriptor's offset just past
   the bytes handed out, or where mm_leave_at or mm_leave_at_end said.
   Does not close the descriptor.  Return true if OK, false with errno
   set.  */
extern bool mm_close (struct mm_input *in);

/* Have mm_close leave IN's descriptor at offset POS, if it can seek
   (mgrep -m leaves standard input just after the last selected
   line).  */
extern void mm_leave_at (struct mm_input *in, off_t pos);

/* Have mm_close finish IN as GNU grep does when it stops early: seek to
   its end, or read and drop the rest if it cannot seek.  */
extern void mm_leave_at_end (struct mm_input *in);

/* Print the diagnostic for IN's last failure (program name, file
   name, reason) without exiting.  */
extern void mm_report (struct mm_input const *in);

/* True if the bytes handed out reach the size IN's file had at open
   (always true for a seekable device that reports a size of 0).  */
extern bool mm_at_end (struct mm_input const *in);

/* The number of input bytes not yet handed out, or -1 if unknown (not a
   regular file, or one whose size cannot be trusted).  */
extern off_t mm_remaining (struct mm_input const *in);

/* The file offset of the next byte of IN to hand out, or -1 if IN's
   descriptor cannot seek.  */
extern off_t mm_offset (struct mm_input const *in);

/* Print the diagnostic for IN's last failure as mm_report does, but
   with the file name as given, unquoted, as GNU cmp prints names.  */
extern void mm_report_unquoted (struct mm_input const *in);

/* True if the regular file behind IN has a hole at or after offset
   FROM and before its size at open, as lseek's SEEK_HOLE tells; GNU
   grep takes that as proof of NUL bytes.  Leaves the descriptor's
   offset alone.  */
extern bool mm_has_hole (struct mm_input const *in, off_t from);

#endif
