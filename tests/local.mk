## tests/ fragment of the top Makefile.am.

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
  abs_top_builddir='$(abs_top_builddir)'; \
  abs_top_srcdir='$(abs_top_srcdir)'; \
  export abs_top_builddir abs_top_srcdir;

TESTS += \
  tests/mcat/basic.sh \
  tests/mcat/faults.sh \
  tests/mcat/usage.sh \
  tests/install.sh \
  tests/bench.sh

TESTS += \
  tests/mcmp/usage.sh \
  tests/mcmp/pairs.sh \
  tests/mcmp/large.sh

TESTS += \
  tests/mgrep/output.sh \
  tests/mgrep/output-generated.sh

TESTS += \
  tests/mgrep/regex.sh \
  tests/mgrep/pcre.sh \
  tests/mgrep/locales.sh \
  tests/mgrep/context.sh
EXTRA_DIST += tests/mgrep/regex-cases

EXTRA_DIST += $(TESTS) tests/lib.sh tests/data/sample.txt

TESTS += \
  tests/mwc/options.sh \
  tests/mwc/locale.sh \
  tests/mwc/files.sh
