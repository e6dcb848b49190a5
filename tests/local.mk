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
  tests/mcmp/large.sh \
  tests/mcmp/special.sh \
  tests/mcmp/offsets.sh

TESTS += \
  tests/mgrep/output.sh \
  tests/mgrep/output-generated.sh

TESTS += \
  tests/mgrep/regex.sh \
  tests/mgrep/patterns.sh \
  tests/mgrep/nul-lines.sh \
  tests/mgrep/offsets.sh \
  tests/mgrep/pcre.sh \
  tests/mgrep/locales.sh \
  tests/mgrep/context.sh
EXTRA_DIST += tests/mgrep/regex-cases

# A slow producer for tests/misc/trickle.sh.
check_PROGRAMS += tests/trickle
tests_trickle_LDADD =

# Drops a range of a file from the page cache, for tests/misc/auto.sh.
check_PROGRAMS += tests/uncache
tests_uncache_LDADD =

TESTS += \
  tests/misc/trickle.sh \
  tests/misc/abbrev.sh \
  tests/misc/help.sh \
  tests/misc/closed.sh \
  tests/misc/auto.sh

EXTRA_DIST += $(TESTS) tests/lib.sh tests/data/sample.txt

TESTS += \
  tests/mwc/options.sh \
  tests/mwc/locale.sh \
  tests/mwc/files.sh

# The fault tests and their LD_PRELOAD shim, built as a "program"
# linked with -shared.
check_PROGRAMS += tests/faults/cutmap.so
tests_faults_cutmap_so_SOURCES = tests/faults/cutmap.c
tests_faults_cutmap_so_CPPFLAGS =
tests_faults_cutmap_so_CFLAGS = -fPIC
tests_faults_cutmap_so_LDFLAGS = -shared
tests_faults_cutmap_so_LDADD = -ldl
TESTS += \
  tests/faults/cut.sh \
  tests/faults/inputs.sh \
  tests/faults/limits.sh \
  tests/faults/stress.sh

## The differential fuzzer: a fixed set of seeds under 'make check';
## 'make fuzz' for as long as asked, e.g.
##   make fuzz FUZZ_SECONDS=600 FUZZ_TOOLS=mgrep [FUZZ_SEED=N]
## Reproducers of any difference go to $(FUZZ_FINDINGS).
TESTS += tests/fuzz/fuzz.sh
EXTRA_DIST += tests/fuzz/fuzz.py tests/fuzz/README tests/fuzz/FINDINGS.md

FUZZ_SECONDS = 60
FUZZ_TOOLS = mcat mwc mcmp mgrep
FUZZ_SEED =
FUZZ_FINDINGS = fuzz-findings
FUZZ_FLAGS =
.PHONY: fuzz check-fuzz
fuzz check-fuzz: all
	python3 $(srcdir)/tests/fuzz/fuzz.py --bindir $(abs_top_builddir)/src \
	  --seconds $(FUZZ_SECONDS) --tools '$(FUZZ_TOOLS)' \
	  --findings $(FUZZ_FINDINGS) $(FUZZ_SEED:%=--seed %) $(FUZZ_FLAGS)
