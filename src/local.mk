## src/ fragment of the top Makefile.am.

AM_CPPFLAGS += -I$(top_builddir)/lib -I$(top_srcdir)/lib -I$(top_srcdir)/src
AM_CFLAGS += $(WARN_CFLAGS)

# The shared mapping helper and start-up pieces, linked into every tool.
noinst_LIBRARIES += src/libmmutils.a
src_libmmutils_a_SOURCES = src/mapping.c src/common.c
noinst_HEADERS += src/mapping.h src/system.h

# Every tool links the shared code, then gnulib.
LDADD = src/libmmutils.a lib/libmm.a $(LIBINTL) $(HARD_LOCALE_LIB) \
  $(LIB_SETLOCALE_NULL) $(MBRTOWC_LIB) $(LIBC32CONV)

bin_PROGRAMS += src/mcat
src_mcat_SOURCES = src/mcat.c

# mwc; the newline count is shared.
src_libmmutils_a_SOURCES += src/count.c
noinst_HEADERS += src/count.h src/textcount.h
bin_PROGRAMS += src/mwc
src_mwc_SOURCES = src/mwc.c src/textcount.c

# mcmp
bin_PROGRAMS += src/mcmp
src_mcmp_SOURCES = src/mcmp.c
