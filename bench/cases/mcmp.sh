# bench/cases/mcmp.sh -- mcmp against GNU cmp; sourced by bench/run.
# Every case's output is small, so it goes through `| cat`.

# Two identical files, separate inodes: the whole of both is compared.
bench_case mcmp 'identical files' \
  'cmp "$TEXT" "$TEXT2" | cat' \
  'mcmp "$TEXT" "$TEXT2" | cat'

# The same, read() only: what mapping buys.
bench_case mcmp 'identical files, --io=read' \
  'cmp "$TEXT" "$TEXT2" | cat' \
  'mcmp --io=read "$TEXT" "$TEXT2" | cat'

# A difference at the last byte: lines are counted all the way.
bench_case mcmp 'differ at last byte' \
  'cmp "$TEXT" "$TEXTZ" | cat' \
  'mcmp "$TEXT" "$TEXTZ" | cat'

# Silently, at the last byte: no line counting.
bench_case mcmp 'differ at last byte, -s' \
  'cmp -s "$TEXT" "$TEXTZ" | cat' \
  'mcmp -s "$TEXT" "$TEXTZ" | cat'

# One input through a pipe.
bench_case mcmp 'identical, one through a pipe' \
  'cat "$TEXT" | cmp - "$TEXT2" | cat' \
  'cat "$TEXT" | mcmp - "$TEXT2" | cat'

# -l with a difference every 100 bytes: output bound.
bench_case mcmp '-l, a difference every 100 bytes' \
  'cmp -l "$SMALL" "$SMALLD" | dd of=/dev/null bs=1M status=none' \
  'mcmp -l "$SMALL" "$SMALLD" | dd of=/dev/null bs=1M status=none'

# -lb on the same.
bench_case mcmp '-lb, a difference every 100 bytes' \
  'cmp -lb "$SMALL" "$SMALLD" | dd of=/dev/null bs=1M status=none' \
  'mcmp -lb "$SMALL" "$SMALLD" | dd of=/dev/null bs=1M status=none'
