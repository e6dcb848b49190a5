## bench/ fragment of the top Makefile.am.

EXTRA_DIST += bench/run

.PHONY: bench
bench: all
	$(SHELL) $(srcdir)/bench/run
