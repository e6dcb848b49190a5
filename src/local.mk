## src/ fragment of the top Makefile.am.

AM_CPPFLAGS += -I$(top_builddir)/lib -I$(top_srcdir)/lib -I$(top_srcdir)/src
AM_CFLAGS += $(WARN_CFLAGS)

# The shared mapping helper and start-up pieces, linked into every tool.
noinst_LIBRARIES += src/libmmutils.a
src_libmmutils_a_SOURCES = src/mapping.c src/guard.c src/common.c
noinst_HEADERS += src/mapping.h src/guard.h src/system.h

# Every tool links the shared code, then gnulib.
LDADD = src/libmmutils.a lib/libmm.a $(LIBINTL) $(HARD_LOCALE_LIB) $(LIBCSTACK) \
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

# mgrep's matchers (search.h): link src/libmgrep.a and $(PCRE_LIBS).
noinst_LIBRARIES += src/libmgrep.a
src_libmgrep_a_SOURCES = src/search.c src/search-lit.c src/search-pcre.c
src_libmgrep_a_CPPFLAGS = $(AM_CPPFLAGS) $(PCRE_CFLAGS)
noinst_HEADERS += src/search.h src/search-int.h src/search-lit.h src/mgrep.h

bin_PROGRAMS += src/mgrep
src_mgrep_SOURCES = src/mgrep.c src/mgrep-patterns.c \
  src/mgrep-scan.c src/mgrep-binary.c src/mgrep-output.c
src_mgrep_LDADD = src/libmgrep.a $(LDADD) $(PCRE_LIBS)
