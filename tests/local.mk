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
  tests/mgrep/regex.sh
EXTRA_DIST += tests/mgrep/regex-cases

EXTRA_DIST += $(TESTS) tests/lib.sh tests/data/sample.txt

TESTS += \
  tests/mwc/options.sh \
  tests/mwc/locale.sh \
  tests/mwc/files.sh

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
