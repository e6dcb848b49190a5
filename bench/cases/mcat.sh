# bench/cases/mcat.sh -- mcat against GNU cat (sourced by bench/run).
bench_case mcat 'file | pipe' 'cat $TEXT | dd of=/dev/null bs=1M status=none' 'mcat $TEXT | dd of=/dev/null bs=1M status=none'
bench_case mcat 'file > file' 'cat $TEXT > $TEXT.out' 'mcat $TEXT > $TEXT.out'
bench_case mcat 'stdin file | pipe' 'cat < $TEXT | dd of=/dev/null bs=1M status=none' 'mcat < $TEXT | dd of=/dev/null bs=1M status=none'
bench_case mcat 'pipe | pipe' '/usr/bin/cat $SMALL | cat | dd of=/dev/null bs=1M status=none' '/usr/bin/cat $SMALL | mcat | dd of=/dev/null bs=1M status=none'
bench_case mcat '-n | pipe' 'cat -n $SMALL | dd of=/dev/null bs=1M status=none' 'mcat -n $SMALL | dd of=/dev/null bs=1M status=none'
bench_case mcat '-A | pipe' 'cat -A $SMALL | dd of=/dev/null bs=1M status=none' 'mcat -A $SMALL | dd of=/dev/null bs=1M status=none'
bench_case mcat '20,000 small files' 'cd $TREE && cat $(cat ../tree.list) | dd of=/dev/null bs=1M status=none' 'cd $TREE && mcat $(cat ../tree.list) | dd of=/dev/null bs=1M status=none'
cold_case mcat 'file | pipe' 'cat $TEXT | dd of=/dev/null bs=1M status=none' 'mcat $TEXT | dd of=/dev/null bs=1M status=none'
