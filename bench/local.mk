## bench/ fragment of the top Makefile.am.

EXTRA_DIST += bench/run bench/corpus.sh bench/sweep.sh bench/report.sh \
  bench/README bench/cases/mcat.sh bench/cases/mwc.sh bench/cases/mcmp.sh \
  bench/cases/mgrep.sh bench/results.md bench/ratios.svg

# Not part of 'make check': takes about an hour on the full corpus.
.PHONY: bench bench-quick
bench: all
	$(SHELL) $(srcdir)/bench/run
bench-quick: all
	$(SHELL) $(srcdir)/bench/run --quick --out bench/quick
