# bench/cases/mwc.sh -- mwc against GNU wc; sourced by bench/run.
# Each case: bench_case TOOL NAME GNU-COMMAND OUR-COMMAND [REFERENCE].
# Outputs are a line or two, so they go through '| cat'.

bench_case mwc 'wc -l, TEXT'          'wc -l "$TEXT" | cat'     'mwc -l "$TEXT" | cat'
bench_case mwc 'wc -w, TEXT'          'wc -w "$TEXT" | cat'     'mwc -w "$TEXT" | cat'
bench_case mwc 'wc, TEXT'             'wc "$TEXT" | cat'        'mwc "$TEXT" | cat'
bench_case mwc 'wc -c, TEXT file'     'wc -c "$TEXT" | cat'     'mwc -c "$TEXT" | cat'
bench_case mwc 'wc -c, SMALL via pipe'    'cat "$SMALL" | wc -c | cat' 'cat "$SMALL" | mwc -c | cat'
bench_case mwc 'wc -l, SMALL via pipe'    'cat "$SMALL" | wc -l | cat' 'cat "$SMALL" | mwc -l | cat'
bench_case mwc 'wc -w C.UTF-8, TEXT'  'LC_ALL=C.UTF-8 wc -w "$TEXT" | cat' 'LC_ALL=C.UTF-8 mwc -w "$TEXT" | cat'
bench_case mwc 'wc -m C.UTF-8, UTF8' 'LC_ALL=C.UTF-8 wc -m "$UTF8" | cat' 'LC_ALL=C.UTF-8 mwc -m "$UTF8" | cat'
bench_case mwc 'wc -L C.UTF-8, UTF8' 'LC_ALL=C.UTF-8 wc -L "$UTF8" | cat' 'LC_ALL=C.UTF-8 mwc -L "$UTF8" | cat'
bench_case mwc 'wc C.UTF-8, UTF8'    'LC_ALL=C.UTF-8 wc "$UTF8" | cat'    'LC_ALL=C.UTF-8 mwc "$UTF8" | cat'
bench_case mwc 'wc -m C.UTF-8, TEXT (ASCII)'   'LC_ALL=C.UTF-8 wc -m "$TEXT" | cat' 'LC_ALL=C.UTF-8 mwc -m "$TEXT" | cat'
bench_case mwc 'wc -L C.UTF-8, TEXT (ASCII)'   'LC_ALL=C.UTF-8 wc -L "$TEXT" | cat' 'LC_ALL=C.UTF-8 mwc -L "$TEXT" | cat'
bench_case mwc 'wc -lL, LONG'   'wc -lL "$LONG" | cat'   'mwc -lL "$LONG" | cat'
bench_case mwc 'wc, LONG'       'wc "$LONG" | cat'       'mwc "$LONG" | cat'
written_case mwc 'wc -l' 'wc -l $TEXTW | cat' 'mwc -l $TEXTW | cat'
