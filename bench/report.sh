# bench/report.sh -- write results.md and ratios.svg for bench/run (sourced).
# Copyright (C) 2026 The mmutils authors.
# License GPLv3+: GNU GPL version 3 or later.

# ratio A B: A / B to two decimals, or - if either is missing.
ratio ()
{
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-";
    else printf "%.2f", a / b }'
}

# ms SECONDS: milliseconds, or - if unknown.
ms ()
{
  awk -v s="$1" 'BEGIN { if (s == "" || s == "-") print "-";
                          else printf "%.0f", s * 1000 }'
}

# write_tables: one Markdown table per tool from $rows.
write_tables ()
{
  for _t in $(cut -d "$(printf '\037')" -f 1 "$rows" | uniq); do
    printf '\n## %s\n\n' "$_t"
    echo '| case | GNU ms | ours ms | ratio | --io=mmap ms | ratio | --io=read ms | ratio | ref ms | GNU RSS KiB | our RSS KiB | our faults |'
    echo '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
    while IFS=$(printf '\037') read -r tool name g o m r f ug uo faults; do
      [ "$tool" = "$_t" ] || continue
      name=$(printf '%s' "$name" | sed 's/|/\\|/g')
      printf '| %s | %s | %s | **%s** | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
        "$name" "$(ms "$g")" "$(ms "$o")" "$(ratio "$g" "$o")" \
        "$(ms "$m")" "$(ratio "$g" "$m")" "$(ms "$r")" "$(ratio "$g" "$r")" \
        "$(ms "$f")" "$ug" "$uo" "$faults"
    done < "$rows"
  done
}

# write_sweeps: the window sweep and the small-file table.
write_sweeps ()
{
  if [ -s "$work/sweep" ]; then
    printf '\n## Window sweep (MMUTILS_WINDOW, hot cache, --io=mmap)\n\n'
    echo '| window | tool | median ms |'
    echo '|---|---|---:|'
    while IFS=$(printf '\037') read -r w t s; do
      t=$(printf '%s' "$t" | sed 's/|/\\|/g')
      printf '| %s | %s | %s |\n' "$w" "$t" "$(ms "$s")"
    done < "$work/sweep"
  fi
  if [ -s "$work/small" ]; then
    printf '\n## Small files (1000 files each, mcat | cat)\n\n'
    echo '| file size | --io=mmap ms | --io=read ms | GNU cat ms |'
    echo '|---:|---:|---:|---:|'
    while IFS=$(printf '\037') read -r s m r g; do
      printf '| %s | %s | %s | %s |\n' "$s" "$(ms "$m")" "$(ms "$r")" "$(ms "$g")"
    done < "$work/small"
  fi
}

# write_chart: ratios.svg, one bar per case (GNU time / ours).
write_chart ()
{
  command -v gnuplot > /dev/null || {
    echo "bench: gnuplot not installed; no chart" >&2
    return 0
  }
  awk -F "$(printf '\037')" '$3 != "" && $4 != "" && $4 + 0 > 0 {
      gsub(/"/, "", $2); printf "\"%s: %s\" %.3f\n", $1, $2, $3 / $4 }' \
    "$rows" > "$work/chart.dat"
  [ -s "$work/chart.dat" ] || return 0
  _n=$(wc -l < "$work/chart.dat")
  gnuplot <<GP
set terminal svg size 900,$((120 + 22 * _n)) dynamic font "sans,11"
set output "$out/ratios.svg"
set title "mmutils speed-up over the GNU tools (GNU time / our time; >1 is faster)"
set style fill solid 0.8
set boxwidth 0.7
set yrange [-1:$_n]
set ytics nomirror
set grid xtics
set xlabel "ratio"
set arrow from 1, graph 0 to 1, graph 1 nohead lc rgb "red" dt 2
unset key
plot "$work/chart.dat" using (\$2/2):0:(\$2/2):(0.35):yticlabels(1) with boxxyerror lc rgb "#3a7bd5"
GP
}

write_report ()
{
  {
    echo '# mmutils benchmark results'
    echo
    echo "Produced by \`bench/run\` ($mode mode) on $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores"
    echo "- Kernel: $(uname -sr); memory $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "- Corpora (bench/README): TEXT, TEXT2, TEXTZ $text_mib MiB; SMALL, SMALLD $small_mib MiB; UTF8, LONG $side_mib MiB; hyperfine $runs runs after $warmup warm-up(s), medians"
    echo "- Cold cache: $evict_method"
    echo "- Hot cache: each corpus file dropped from the cache and read back once before the run, as a first read from disk leaves it; \"just written\" cases rewrite their input in 8 KiB writes before every run."
    echo "- Ratio = GNU median / our median (above 1: mmutils is faster). \"ours\" is the default, --io=auto; the --io=mmap and --io=read columns show what mapping itself brings. ref is ripgrep for mgrep. RSS is the peak of the largest process in the pipeline (/usr/bin/time %M); faults are minor+major page faults of ours."
    write_tables
    write_sweeps
    echo
    echo '![ratios](ratios.svg)'
  } > "$out/results.md"
  write_chart
}
