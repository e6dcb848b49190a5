# bench/sweep.sh -- window-size and small-file sweeps for bench/run (sourced).
# Copyright (C) 2026 The mmutils authors.
# License GPLv3+: GNU GPL version 3 or later.
#
# Writes $work/sweep (window, tool, median seconds) and $work/small
# (file size, mmap seconds, read seconds per 1000 files).

case $mode in
  full) windows='256K 1M 4M 16M 64M 256M' small_sizes='4096 65536 262144 1048576' ;;
  quick) windows='256K 4M 64M' small_sizes='4096 262144' ;;
  tiny) windows='256K 1M' small_sizes='4096' ;;
esac

# sweep_tool NAME CMD: time CMD (which reads $TEXT) at every window size.
sweep_tool ()
{
  command -v "${2%% *}" > /dev/null || return 0
  echo "bench: window sweep: $1" >&2
  set -- "$1" "$2"
  _args=
  for _w in $windows; do
    _args="$_args -n $_w 'MMUTILS_WINDOW=$_w $2'"
  done
  eval "hyperfine --style none --runs $runs --warmup $warmup \
    --export-csv '$work/s.csv' $_args" > /dev/null
  for _w in $windows; do
    printf '%s\037%s\037%s\n' "$_w" "$1" "$(median_of "$work/s.csv" "$_w")"
  done >> "$work/sweep"
}

: > "$work/sweep"
if [ -z "$only" ]; then
  sweep_tool 'mcat | pipe' 'mcat --io=mmap $TEXT | dd of=/dev/null bs=1M status=none'
  sweep_tool 'mwc -l' 'mwc --io=mmap -l $TEXT | cat'
  sweep_tool 'mgrep -c' 'mgrep --io=mmap -c zyzzyva $TEXT | cat'
fi

# Small files: mapping against read() for files of each size, 1000 at a time.
: > "$work/small"
if [ -z "$only" ]; then
  for _s in $small_sizes; do
    _d=$scratch/small-$_s
    if ! made "small-$_s"; then
      mkdir -p "$_d"
      _i=0
      while [ $_i -lt 1000 ]; do
        head -c "$_s" "$TEXT" > "$_d/$_i"
        _i=$((_i + 1))
      done
      done_ "small-$_s"
    fi
    echo "bench: small files of $_s bytes" >&2
    hyperfine --style none --runs "$runs" --warmup 1 --export-csv "$work/s.csv" \
      -n mmap "cd $_d && mcat --io=mmap * | cat > /dev/null" \
      -n read "cd $_d && mcat --io=read * | cat > /dev/null" \
      -n gnu "cd $_d && cat * | cat > /dev/null" > /dev/null
    printf '%s\037%s\037%s\037%s\n' "$_s" "$(median_of "$work/s.csv" mmap)" \
      "$(median_of "$work/s.csv" read)" "$(median_of "$work/s.csv" gnu)" \
      >> "$work/small"
  done
fi
