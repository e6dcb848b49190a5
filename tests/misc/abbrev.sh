#!/bin/sh
# Every prefix of every long option of the GNU tools means in mmutils
# what it means in GNU's: the options mmutils adds (--io) must not make
# an abbreviation ambiguous ('cmp --i=2' is --ignore-initial=2), nor
# take its place (issue 12).

. "${0%/*}/../lib.sh"
require_gnu cat wc cmp grep

# The long options of GNU cat, wc (coreutils 9.1), cmp (diffutils 3.8)
# and grep 3.8, as each tool's table has them (hidden ones too); NAME=ARG
# for those that take an argument.
cat_options='number-nonblank number squeeze-blank show-nonprinting
show-ends show-tabs show-all help version'
wc_options='bytes chars lines words debug files0-from=list
max-line-length help version'
cmp_options='print-bytes print-chars ignore-initial=1 verbose bytes=300
silent quiet version help'
grep_options='basic-regexp extended-regexp fixed-regexp fixed-strings
perl-regexp after-context=1 before-context=1 binary-files=text
byte-offset context=1 color=always colour=always count devices=read
directories=read dereference-recursive exclude=x exclude-from=list
exclude-dir=x file=pats files-with-matches files-without-match
group-separator=XX help include=x ignore-case no-ignore-case initial-tab
label=L line-buffered line-number line-regexp max-count=1 no-filename
no-group-separator no-messages null null-data only-matching quiet
recursive regexp=b invert-match silent text binary unix-byte-offsets
version with-filename word-regexp'

oneTimeSetUp ()
{
  cd "$SHUNIT_TMPDIR" || framework_failure "no tmpdir"
  printf 'a\tb\n\n\n\001c\n\nab\nbb\n\n' > in || framework_failure
  sed 's/c/C/' in > in2 || framework_failure
  printf 'in\0in2\0' > list || framework_failure
  printf 'a\n\nb\n' > pats || framework_failure
}

# run_tool PREFIX KIND CMD...: run CMD, GNU's tool of KIND or ours,
# with the operands or input the tests below give KIND, capturing into
# PREFIX.*; a --help or --version text is reduced to "help" or
# "version".
run_tool ()
{
  _p=$1 _k=$2
  shift 2
  case $_k in
    cat|wc) run_capture "$_p" "$@" < in ;;
    cmp) run_capture "$_p" "$@" in in2 ;;
    grep) run_capture "$_p" "$@" -e a in in2 ;;
  esac
  help_or_version "$_p.out"
}

# same_options GNU OURS IO ARGS...: run GNU and ours (in I/O setting
# IO) with ARGS; assert the same output, status and diagnostics.
same_options ()
{
  _g=$1 _o=$2 _io=$3
  shift 3
  _n=${_g##*/}
  run_tool exp $_n "$_g" "$@"
  run_tool out $_n with_io "$_io" "$_o" "$@"
  gnu_err "$_g" "$_o" exp
  compare_what="$_o $*"
  same_result exp out
}

# every_prefix TOOL OPTIONS: each prefix of each of OPTIONS, with its
# argument after '=' (and for every other prefix as the next argument
# too), in turn in each I/O
# setting (parsing options reads nothing; one setting each keeps the
# test quick).
every_prefix ()
{
  ab_tool=$1 _options=$2
  set -- $io_settings
  for spec in $_options; do
    name=${spec%%=*} arg=
    case $spec in *=*) arg=${spec#*=} ;; esac
    prefix=$name
    while test -n "$prefix"; do
      len=${#prefix}
      this=$prefix
      prefix=${prefix%?}
      io=$1; shift; set -- "$@" "$io"
      case $ab_tool:$name in
        grep:include|grep:exclude*|grep:*recursive)
          # Not supported by mgrep, but its abbreviations are GNU's.
          /usr/bin/grep --$this${arg:+=$arg} -e a in > /dev/null 2>&1
          test $? -lt 2 && continue ;;
      esac
      if test -n "$arg"; then
        same_options /usr/bin/$ab_tool m$ab_tool $io --$this="$arg" || return
        test $((len % 2)) = 0 ||
          same_options /usr/bin/$ab_tool m$ab_tool $io --$this "$arg" ||
          return
      else
        same_options /usr/bin/$ab_tool m$ab_tool $io --$this || return
      fi
    done
  done
}

test_cat_prefixes () { every_prefix cat "$cat_options"; }
test_wc_prefixes () { every_prefix wc "$wc_options"; }
test_cmp_prefixes () { every_prefix cmp "$cmp_options"; }
test_grep_prefixes () { every_prefix grep "$grep_options"; }

# The argument of an option is not an option, "--" and (with
# POSIXLY_CORRECT) the first operand end the options, as for
# getopt_long.
test_arguments_are_not_options ()
{
  for s in $io_settings; do
    same_options /usr/bin/cmp mcmp $s -n --i=2 || return
    same_options /usr/bin/cmp mcmp $s -i --verb || return
    same_options /usr/bin/cmp mcmp $s -bn --i=2 || return
    same_options /usr/bin/cmp mcmp $s -- --i=2 || return
    same_options /usr/bin/cmp mcmp $s --bytes --i=2 || return
    same_options /usr/bin/grep mgrep $s --regexp --t || return
    same_options /usr/bin/grep mgrep $s -e --t --t || return
    same_options /usr/bin/grep mgrep $s -C --t || return
    same_options /usr/bin/grep mgrep $s -ie --t || return
    same_options /usr/bin/grep mgrep $s --t -- --t || return
    same_options /usr/bin/wc mwc $s --files0-from --ch || return
    same_options /usr/bin/cat mcat $s --=x || return
    same_options /usr/bin/wc mwc $s --=x || return
    same_options /usr/bin/cmp mcmp $s --=x || return
    same_options /usr/bin/grep mgrep $s --=x || return
    POSIXLY_CORRECT=1 same_options /usr/bin/cmp mcmp $s x --i=2 || return
    POSIXLY_CORRECT=1 same_options /usr/bin/grep mgrep $s x --t || return
    same_options /usr/bin/grep mgrep $s x --t || return
  done
}

# A prefix ambiguous among GNU's options that also names one of ours
# ('grep --i', '--=x') is reported with GNU's possibilities only, where
# GNU's getopt_long meets it: after an option that acts at once or a
# bad argument before it, not before.
test_ambiguous_in_order ()
{
  for s in $io_settings; do
    for t in cat wc cmp grep; do
      for args in '--help --=x' '--version --=x' '--=x --help' \
                  '--=x --version'; do
        same_options /usr/bin/$t m$t $s $args || return
      done
    done
    for args in '-n x --=x' '--=x -n x' '-v --=x' '-i x --=x'; do
      same_options /usr/bin/cmp mcmp $s $args || return
    done
    for args in '-m x --i' '--i -m x' '-A x --i' '--help --i' '-V --i' \
                '--i -V' '-X bad --i=x' '--color=bad --i'; do
      same_options /usr/bin/grep mgrep $s $args || return
    done
  done
}

. shunit2
