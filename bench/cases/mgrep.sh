# bench/cases/mgrep.sh -- mgrep against GNU grep 3.8, with ripgrep as a
# reference, on the 1 GiB hot text ($TEXT) unless said otherwise.
# Sourced by bench/run.  Output always goes through a pipe: GNU grep
# stops at the first match when its output is /dev/null.

# Counts print one line; the rest print many, so they go through dd.
big='| dd of=/dev/null bs=1M status=none'

bench_case mgrep 'absent literal -c' \
  "LC_ALL=C grep -c zqxjv \$TEXT | cat" \
  "LC_ALL=C mgrep -c zqxjv \$TEXT | cat" \
  "LC_ALL=C rg -c zqxjv \$TEXT | cat"
bench_case mgrep 'frequent literal -c' \
  "LC_ALL=C grep -c the \$TEXT | cat" \
  "LC_ALL=C mgrep -c the \$TEXT | cat" \
  "LC_ALL=C rg -c the \$TEXT | cat"
bench_case mgrep 'frequent literal, print lines' \
  "LC_ALL=C grep the \$TEXT $big" \
  "LC_ALL=C mgrep the \$TEXT $big" \
  "LC_ALL=C rg --no-line-number the \$TEXT $big"
bench_case mgrep '-i literal, C' \
  "LC_ALL=C grep -ic 'the quick' \$TEXT | cat" \
  "LC_ALL=C mgrep -ic 'the quick' \$TEXT | cat" \
  "LC_ALL=C rg -ic 'the quick' \$TEXT | cat"
bench_case mgrep '-i literal, UTF-8' \
  "LC_ALL=C.UTF-8 grep -ic 'the quick' \$UTF8 | cat" \
  "LC_ALL=C.UTF-8 mgrep -ic 'the quick' \$UTF8 | cat" \
  "LC_ALL=C.UTF-8 rg -ic 'the quick' \$UTF8 | cat"
bench_case mgrep '-w literal -c' \
  "LC_ALL=C grep -cw the \$TEXT | cat" \
  "LC_ALL=C mgrep -cw the \$TEXT | cat" \
  "LC_ALL=C rg -cw the \$TEXT | cat"
bench_case mgrep '-v -c' \
  "LC_ALL=C grep -vc the \$TEXT | cat" \
  "LC_ALL=C mgrep -vc the \$TEXT | cat" \
  "LC_ALL=C rg -vc the \$TEXT | cat"
bench_case mgrep "-E 'a|b' alternation -c" \
  "LC_ALL=C grep -Ec 'quick|lazy' \$TEXT | cat" \
  "LC_ALL=C mgrep -Ec 'quick|lazy' \$TEXT | cat" \
  "LC_ALL=C rg -c 'quick|lazy' \$TEXT | cat"
bench_case mgrep 'character class regex -c' \
  "LC_ALL=C grep -c '[0-9][0-9][0-9]' \$TEXT | cat" \
  "LC_ALL=C mgrep -c '[0-9][0-9][0-9]' \$TEXT | cat" \
  "LC_ALL=C rg -c '[0-9][0-9][0-9]' \$TEXT | cat"
bench_case mgrep '100 -F patterns -c' \
  "LC_ALL=C grep -c -F -f \$PAT100 \$TEXT | cat" \
  "LC_ALL=C mgrep -c -F -f \$PAT100 \$TEXT | cat" \
  "LC_ALL=C rg -c -F -f \$PAT100 \$TEXT | cat"
bench_case mgrep '-o frequent literal' \
  "LC_ALL=C grep -o the \$TEXT $big" \
  "LC_ALL=C mgrep -o the \$TEXT $big" \
  "LC_ALL=C rg -o the \$TEXT $big"
bench_case mgrep '-n print lines' \
  "LC_ALL=C grep -n the \$TEXT $big" \
  "LC_ALL=C mgrep -n the \$TEXT $big" \
  "LC_ALL=C rg -n the \$TEXT $big"
written_case mgrep 'absent literal -c' \
  "LC_ALL=C grep -c zqxjv \$TEXTW | cat" \
  "LC_ALL=C mgrep -c zqxjv \$TEXTW | cat" \
  "LC_ALL=C rg -c zqxjv \$TEXTW | cat"
