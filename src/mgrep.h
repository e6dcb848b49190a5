/* mgrep.h -- what the parts of mgrep share.
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


/* mgrep is split along GNU grep's layers: mgrep.c (options, main and
   the per-file policy), mgrep-patterns.c, mgrep-scan.c (the buffer
   loop), mgrep-binary.c (GNU's binary-file emulation) and
   mgrep-output.c; the matchers are behind search.h.  */

#ifndef MGREP_H
#define MGREP_H

#include "mapping.h"
#include "search.h"


/* Separators after the file name, line number and byte offset.  */
enum { SEP_CHAR_SELECTED = ':', SEP_CHAR_REJECTED = '-' };

/* What -l and -L ask for.  */
enum list_files { LISTFILES_NONE, LISTFILES_MATCHING, LISTFILES_NONMATCHING };

/* --binary-files.  */
enum binary_files { BINARY_BINARY_FILES, TEXT_BINARY_FILES,
                    WITHOUT_MATCH_BINARY_FILES };

/* -d and -D.  */
enum directories { READ_DIRECTORIES, SKIP_DIRECTORIES, RECURSE_DIRECTORIES };
enum devices { READ_COMMAND_LINE_DEVICES, READ_DEVICES, SKIP_DEVICES };

/* GNU grep 3.8's input buffer, which decides binary-ness: the first
   read is 96 KiB; each later one reads into the same buffer after the
   bytes it keeps (the last partial line and leading context), page
   aligned, so it is 96 KiB plus a page less the keep rounded up with
   the buffer's offset in its page.  That offset comes from malloc; it
   is 1952 for the default matcher here, and 16 once the buffer has
   grown into its own mapping for a long line.  */
enum { GNU_INITIAL_BUFSIZE = 96 * 1024, GNU_HEAP_OFFSET = 1952,
       GNU_MMAP_OFFSET = 16 };

/* Where GNU grep's buffers fall in the input being searched: offsets
   are from where searching began.  */
struct gnu_buffers
{
  off_t next;                   /* end of the current buffer's data */
  idx_t size;                   /* GNU's buffer size, without slop */
  idx_t offset;                 /* the buffer's offset in its page */
};

/* State of the search of one input.  */
struct scan
{
  struct mm_input *in;          /* the input */
  char const *name;             /* its name for output */
  bool is_stdin;                /* it is standard input */
  off_t start;                  /* its offset when searching began */
  intmax_t nlines;              /* selected lines so far */
  intmax_t outleft;             /* selected lines still allowed (-m) */
  intmax_t pending;             /* trailing context lines to print */
  intmax_t totalnl;             /* lines before LASTNL */
  intmax_t nlines_first_null;   /* NLINES when it turned binary, or -1 */
  bool encoding_error_output;   /* a line was not printed for that */
  bool quiet;                   /* OUT_QUIET for this input */
  bool done_on_match;           /* DONE_ON_MATCH for this input */
  bool ineof;                   /* read to its end */
  off_t after_last_match;       /* offset just after the last selected
                                   line, from START */
  off_t lastout_off;            /* offset after the last line output,
                                   or -1 */
  int offset_width;             /* width of line numbers and byte
                                   offsets with -T, else 0 */

  /* The chunk being searched.  */
  char *bufbeg;                 /* its start */
  char *buflim;                 /* its end */
  off_t buf_off;                /* its offset from START */
  char const *lastnl;           /* lines are counted up to here */
  char *lastout;                /* end of the last line output in this
                                   chunk, or null */
  char *nul;                    /* its first NUL found, or null */
  char *nul_scanned;            /* it is scanned for NULs up to here */

  /* Leading context kept from the previous chunk.  */
  char *ctx;                    /* its lines, after a spare byte */
  idx_t ctx_len;                /* their length */
  off_t ctx_off;                /* offset of the first one */
  intmax_t ctx_nl;              /* lines before the first one */

  /* GNU grep's buffer start: where the leading context it kept from
     its previous buffer starts, as an offset from START.  With no
     output since then, it prints trailing context from there.  */
  off_t gnu_beg;

  /* Lines that GNU grep may print as trailing context and that are
     before the current chunk: those from its last output (or gnu_beg)
     on, when a selected line may not be printed (see keep_resume).
     They are in GNU's current buffer, so they take no more memory
     than GNU grep's buffer does.  */
  char *resume;                 /* the lines, after a spare byte */
  idx_t resume_len;             /* their length */
  idx_t resume_alloc;           /* the allocated size */
  off_t resume_off;             /* offset of the first, or -1 */
  intmax_t resume_nl;           /* lines before the first */

  /* Binary detection like GNU's.  */
  struct gnu_buffers gb;        /* GNU's buffers */
  bool binary;                  /* a NUL was seen: zap NULs, be quiet */
  bool run_continues;           /* the last lines searched ended in a run
                                   of non-matching lines (-v) that goes
                                   on in the next lines */
  off_t held_until;             /* until this offset is known NUL-free */
  intmax_t held_nlines;         /* NLINES when holding began */
  intmax_t held_outleft;        /* OUTLEFT when holding began */
};

/* mgrep.c: options and derived settings.  */

extern struct match_options match_opts; /* -i -w -x -z */
extern bool out_invert;          /* -v */
extern bool skip_empty_lines;    /* no empty line is selected */
extern bool out_line;            /* -n */
extern bool out_byte;            /* -b */
extern bool count_matches;       /* -c */
extern bool only_matching;       /* -o */
extern bool align_tabs;          /* -T */
extern bool line_buffered;       /* --line-buffered */
extern bool suppress_errors;     /* -s */
extern bool exit_on_match;       /* -q */
extern bool out_file;            /* print file names */
extern char filename_mask;       /* 0 with -Z: NUL after names */
extern enum list_files list_files; /* -l, -L */
extern enum binary_files binary_files; /* -a, -I, --binary-files */
extern intmax_t out_before;      /* -B */
extern intmax_t out_after;       /* -A */
extern intmax_t max_count;       /* -m */
extern char const *group_separator; /* --group-separator */
extern int color_option;         /* 0 never, 1 always, 2 auto */
extern bool out_quiet;           /* print no lines */
extern bool done_on_match;       /* stop reading a file at its first match */
extern struct matcher *matcher;  /* the compiled patterns */
extern bool errseen;             /* some file could not be searched */

extern void suppressible_error (char const *name, int err);

/* mgrep-output.c.  */
extern void out_str (char const *s);
extern void out_char (char c);
extern void print_filename (struct scan const *s);
extern void print_sep (char sep);
extern void prpending (struct scan *s, char const *lim);
extern void prtext (struct scan *s, char *beg, char *lim, bool more);
extern void hold_output (struct scan *s);
extern bool output_is_held (void);
extern void release_held (struct scan *s, bool print);
extern void init_colors (bool possibly_tty);

/* mgrep-binary.c.  */
extern bool may_have_encoding_errors (void);
extern bool buf_has_encoding_errors (char const *buf, idx_t size);
extern char *gnu_buffer_end (struct scan const *s, char *lim);
extern off_t gnu_transition (struct scan *s, char const *l);
extern void gnu_next_buffer (struct scan *s, char *l);
extern bool nuls_end_lines (void);
extern bool go_binary (struct scan *s);
extern bool all_nuls (char const *p, idx_t n);
extern void set_skip_empty_lines (void);
extern void zap_nuls_at_end (struct scan *s, char *p, char **lim, char **last,
                             bool *appended);
extern bool settle_held (struct scan *s, off_t nul_off, off_t end);
extern void settle_at_stop (struct scan *s);
extern char *find_nul (struct scan *s, off_t until);
extern bool has_hole (struct scan *s);

/* mgrep-scan.c.  */
extern intmax_t lines_before (struct scan const *s, char const *p);
extern off_t chunk_off (struct scan const *s, char const *p);
extern void set_lastout (struct scan *s, off_t off);
extern off_t context_floor (struct scan const *s);
extern off_t back_lines (struct scan const *s, off_t x, intmax_t n,
                         off_t floor);
extern bool line_before_chunk (struct scan const *s, off_t x, char **beg,
                               char **lim, intmax_t *lineno);
extern bool stop_reading (struct scan *s);
extern intmax_t grep (struct scan *s);
extern void finalize_input (struct scan *s);
extern void print_file_result (struct scan *s, intmax_t selected);

/* mgrep-patterns.c.  */

extern char const *locate_pattern (idx_t lineno, idx_t *line);
extern void add_keys (char **keys, idx_t *keycc, idx_t *keyalloc,
                      char const *pat, idx_t size, char const *filename);
extern void read_pattern_file (char **keys, idx_t *keycc, idx_t *keyalloc,
                               char const *name);

#endif
