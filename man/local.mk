## man/ fragment of the top Makefile.am.

man_MANS += man/mcat.1
man_MANS += man/mwc.1
man_MANS += man/mcmp.1
man_MANS += man/mgrep.1
EXTRA_DIST += $(man_MANS)
