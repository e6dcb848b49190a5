## man/ fragment of the top Makefile.am.

man_MANS += man/mcat.1
man_MANS += man/mgrep.1
EXTRA_DIST += $(man_MANS)
