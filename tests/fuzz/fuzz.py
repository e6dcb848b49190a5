#!/usr/bin/env python3
# tests/fuzz/fuzz.py -- differential fuzzer: mmutils against the GNU tools.
# Copyright (C) 2026 The mmutils authors.
# License GPLv3+: GNU GPL version 3 or later.
"""Differential fuzzer for mcat, mwc, mcmp and mgrep.

Each case is drawn from a random generator seeded by TOOL:SEED:INDEX, so
any case can be drawn again from its three coordinates.  A case is a
tool, a list of arguments (options, pattern, operands), the input files,
how standard input arrives (nothing, a redirected file, a pipe, a pipe
that trickles a few bytes per write, or closed), where standard output
goes (a pipe, /dev/full, closed), the locale, the --io setting and
MMUTILS_WINDOW.  The case runs under the GNU tool (/usr/bin/cat, wc,
cmp, grep, called with argv[0] cat, wc, cmp, grep) and under ours
(argv[0] mcat, ...), with a timeout; stdout bytes, exit status and
stderr (the GNU program name made ours) must be identical.  A side that
dies of a signal is always a finding.

On a difference the case is shrunk (environment simplified, options,
operands and lines dropped, inputs halved, patterns cut down) while the
same kind of difference remains, and a self-contained reproducer shell
script, repro.sh, is written into the findings directory, with the case
as JSON (--replay reruns it) and a report of both outputs.  Differences
whose shape was seen before are counted, not shrunk again.

Diagnostics are compared in English: LANGUAGE=en is set for both sides
(mmutils has no message catalogs; --translated keeps GNU's catalogs on
in a share of the cases, to report that class too).

Exit status: 0 no difference, 1 differences found, 2 trouble.
"""

import argparse
import base64
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

GNU = {'mcat': ('cat', '/usr/bin/cat'), 'mwc': ('wc', '/usr/bin/wc'),
       'mcmp': ('cmp', '/usr/bin/cmp'), 'mgrep': ('grep', '/usr/bin/grep')}
TOOLS = ['mcat', 'mwc', 'mcmp', 'mgrep']
LOCALES = ['C', 'C.UTF-8', 'en_US.UTF-8', 'en_US.ISO-8859-1', 'ja_JP.eucJP',
           'tr_TR.UTF-8']
CHARSET = {'C': 'ascii', 'C.UTF-8': 'utf-8', 'en_US.UTF-8': 'utf-8',
           'en_US.ISO-8859-1': 'latin-1', 'ja_JP.eucJP': 'euc_jp',
           'tr_TR.UTF-8': 'utf-8'}
WINDOWS = [None, None, '4096', '8192', '4K', '8K']
IOS = [None, 'auto', 'mmap', 'read']
BASE_ENV = {'PATH': '/usr/bin:/bin'}
SANITIZER_OPTIONS = ('ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS')

# Words the inputs and the patterns share, so that patterns match.
WORDS = ['foo', 'bar', 'baz', 'Foo', 'BAR', 'abc', 'xyz', 'a', 'b', 'ab',
         'aa', 'the', 'quick', 'I', 'i', 'x1', '42', 'foo_bar', 'hello',
         'World', 'Istanbul', 'İ', 'ı', 'ß', 'straße', 'é', 'É', 'café',
         'naïve', 'α', 'Ω', '中文', '日本語', 'ｶﾀｶﾅ', '😀', '𝔘',
         'e\u0301', 'a\u0300b', '\u00a0', 'ǅ', 'ﬁ', '\u212a', 'ſ', 'x\u200by',
         '\u3000', '한국']
BAD_UTF8 = [b'\xff', b'\xfe', b'\xc3', b'\x80', b'\xed\xa0\x80',
            b'\xf0\x9f\x98', b'\xf4\x90\x80\x80', b'\xc0\x80', b'\xe2\x82',
            b'\xf8\x88\x80\x80\x80', b'\xc3\xc3']


def enc(word, charset):
    """WORD (str) in CHARSET, or in UTF-8 if CHARSET cannot hold it."""
    try:
        return word.encode(charset)
    except UnicodeEncodeError:
        return word.encode('utf-8')


def pick_word(rng, charset):
    """A word in the locale's charset most of the time, UTF-8 sometimes."""
    w = rng.choice(WORDS)
    if rng.random() < 0.2:
        return w.encode('utf-8')
    return enc(w, charset if charset != 'ascii' else 'latin-1')


# ---------------------------------------------------------------- inputs

def gen_segment(rng, charset):
    """One piece of input text: a line, a run of odd bytes, ..."""
    r = rng.random()
    if r < 0.45:
        n = rng.randint(1, 12)
        seps = [b' ', b' ', b' ', b'\t', b'  ', b'.', b',', b'-']
        words = [pick_word(rng, charset) for _ in range(n)]
        line = words[0]
        for w in words[1:]:
            line += rng.choice(seps) + w
        return line + rng.choice([b'\n'] * 8 + [b'\r\n', b''])
    if r < 0.55:
        return rng.choice([b'\n', b'\n\n', b' \n', b'\t\n', b'\n\n\n', b'\r\n'])
    if r < 0.60:
        w = pick_word(rng, charset)
        n = rng.randint(200, 9000)
        return (w + b' ') * (n // (len(w) + 1)) + b'\n'
    if r < 0.67:
        return rng.choice([b'\0', b'\0\n', b'a\0b', b'\0\0\0'])
    if r < 0.75:
        return rng.choice(BAD_UTF8)
    if r < 0.80:
        return bytes(rng.randint(0xa0, 0xff) for _ in range(rng.randint(1, 6)))
    if r < 0.85:
        return rng.choice([b'\x01', b'\x1b[m', b'\x7f', b'\x08', b'\f', b'\v',
                           b'\r', b'\x9b', b'\x85'])
    if r < 0.90:
        return enc(rng.choice(['日本語の文章', 'テキスト　全角', 'ｶﾀｶﾅ']),
                   rng.choice(['euc_jp', 'utf-8']))
    if r < 0.95:
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 20)))
    return '\t'.join(rng.choice(WORDS) for _ in range(3)).encode() + b'\n'


def gen_size(rng):
    """A target input size, often near a window edge."""
    r = rng.random()
    if r < 0.06:
        return 0
    if r < 0.30:
        return rng.randint(1, 100)
    if r < 0.55:
        return rng.randint(100, 2500)
    base = rng.choice([4096, 4096, 8192, 8192, 12288, 16384])
    if r < 0.80:
        return base + rng.randint(-3, 3)
    if r < 0.95:
        return base + rng.randint(-200, 700)
    return rng.randint(20000, 70000)


def gen_data(rng, charset, size=None):
    """An input of about SIZE bytes (drawn if None) of mixed text."""
    if size is None:
        size = gen_size(rng)
    out = bytearray()
    while len(out) < size:
        out += gen_segment(rng, charset)
    out = out[:size]
    if out and rng.random() < 0.5:
        out[-1:] = b'\n'
    return bytes(out)


# ---------------------------------------------------------------- options

def long_or_short(rng, short, long):
    """SHORT or its LONG form (sometimes abbreviated)."""
    if long is None or rng.random() < 0.7:
        return short
    if rng.random() < 0.1:
        return long[:rng.randint(3, len(long))]
    return long


def merge_flags(rng, groups):
    """Join runs of argument-less short options (-n -v into -nv) sometimes."""
    if rng.random() < 0.6:
        return groups
    out = []
    joinable = False  # whether out[-1] is a run of such options
    for g in groups:
        flag = len(g) == 1 and re.fullmatch(rb'-[A-Za-z]', g[0])
        if flag and joinable and g[0] not in (b'-e', b'-f', b'-m', b'-A', b'-B',
                                             b'-C', b'-d', b'-D'):
            out[-1] = [out[-1][0] + g[0][1:]]
        else:
            out.append(g)
            joinable = bool(flag)
    return out


def invalid_option(rng, extra):
    return [rng.choice([b'--foo', b'-%', b'--help=x', b'--'] + extra)]


# ---------------------------------------------------------------- patterns

CLASSES = [b'[abc]', b'[^a-z]', b'[[:alpha:]]', b'[[:digit:]]', b'[[:space:]]',
           b'[[:upper:]]', b'[[:punct:]]', b'[[:alnum:]_]', b'[]a]', b'[a-]',
           b'[^[:space:]]', b'[A-Z]', b'[0-9]', b'[[:lower:][:digit:]]',
           b'[.]', b'[[=a=]]', b'[[.hyphen.]]', b'[\\]', b'[^\n]']


def regex_atom(rng, syn, charset, depth, groups):
    r = rng.random()
    if r < 0.40:
        w = pick_word(rng, charset)
        if len(w) > 1 and rng.random() < 0.3:
            i = rng.randint(0, len(w) - 1)
            w = w[i:i + rng.randint(1, 3)]
        return w
    if r < 0.48:
        return b'.'
    if r < 0.60:
        c = rng.choice(CLASSES)
        if rng.random() < 0.3:
            c = b'[' + pick_word(rng, charset) + b']'
        return c
    if r < 0.72:
        if syn == 'P':
            return rng.choice([b'\\w', b'\\W', b'\\d', b'\\D', b'\\s', b'\\S',
                               b'\\b', b'\\B', b'\\h', b'\\x41', b'\\x{e9}',
                               b'\\p{L}', b'\\p{Lu}', b'\\K', b'\\Qa.b\\E', b'\\n',
                               b'\\R', b'\\X', b'\\N', b'\\z', b'\\A', b'\\G'])
        return rng.choice([b'\\w', b'\\W', b'\\s', b'\\S', b'\\b', b'\\B',
                           b'\\<', b'\\>', b'\\`', b"\\'", b'\\.', b'\\*',
                           b'\\[', b'\\]', b'\\/', b'\\d', b'\\-'])
    if r < 0.85 and depth < 3:
        inner = gen_regex_body(rng, syn, charset, depth + 1, groups)
        if syn == 'G':
            groups[0] += 1
            return b'\\(' + inner + b'\\)'
        if syn == 'P' and rng.random() < 0.4:
            pre = rng.choice([b'(?:', b'(?=', b'(?!', b'(?<=', b'(?<!', b'(?i)(',
                              b'(?s:', b'(?m)('])
            if pre.startswith(b'(?<'):
                inner = pick_word(rng, charset)  # fixed length
            if pre.endswith(b'('):
                groups[0] += 1
            return pre + inner + b')'
        groups[0] += 1
        return b'(' + inner + b')'
    if r < 0.92 and groups[0] > 0:
        return b'\\%d' % rng.randint(1, groups[0])
    return rng.choice([b'^', b'$', b'x', b' ', b'\t', b'-', b'_'])


def quantifier(rng, syn):
    n = rng.randint(0, 3)
    m = n + rng.randint(0, 3)
    if syn == 'G':
        return rng.choice([b'*', b'*', b'\\+', b'\\?', b'\\{%d\\}' % n,
                           b'\\{%d,%d\\}' % (n, m), b'\\{,%d\\}' % m,
                           b'\\{%d,\\}' % n])
    q = rng.choice([b'*', b'*', b'+', b'?', b'{%d}' % n, b'{%d,%d}' % (n, m),
                    b'{,%d}' % m, b'{%d,}' % n])
    if syn == 'P' and rng.random() < 0.3:
        q += rng.choice([b'?', b'+'])
    return q


def gen_regex_body(rng, syn, charset, depth, groups):
    alts = []
    for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 3)):
        s = b''
        for _ in range(rng.randint(1, 4)):
            a = regex_atom(rng, syn, charset, depth, groups)
            if rng.random() < 0.3 and a not in (b'^', b'$'):
                a += quantifier(rng, syn)
            s += a
        alts.append(s)
    return (b'\\|' if syn == 'G' else b'|').join(alts)


BROKEN = [b'[', b'(', b'\\(', b'\\{1', b'a{1', b'\\', b'[[:foo:]]',
          b'[:space:]', b'*a', b'{1}a', b'\\9', b'x{2,1}', b'[b-a]', b'(?<',
          b'a\\{1', b'+a', b'a**', b'a|*b', b'\\)', b')', b'[[=', b'a{65536}',
          b'\\c', b'(?P<n>a)(?P=n)', b'\\x{110000}', b'[\\w]']


def gen_pattern(rng, syn, charset):
    """One pattern for matcher SYN (G, E, P or F) in CHARSET."""
    if syn == 'F':
        p = pick_word(rng, charset)
        if rng.random() < 0.3:
            p += rng.choice([b'.', b'*', b'[', b' ', b'\\']) + pick_word(rng, charset)
        if rng.random() < 0.05:
            p = b''
        return p
    groups = [0]
    p = gen_regex_body(rng, syn, charset, 0, groups)
    if rng.random() < 0.15:
        p = b'^' + p
    if rng.random() < 0.15:
        p += b'$'
    if rng.random() < 0.05:
        p = b''
    if rng.random() < 0.04:
        b = rng.choice(BROKEN)
        i = rng.randint(0, len(p))
        p = p[:i] + b + p[i:]
    return p


# ---------------------------------------------------------------- cases

def new_case(tool, rng, charset):
    return {'tool': tool, 'args': [], 'files': {}, 'dirs': [],
            'stdin': 'none', 'stdin_file': None, 'stdout': 'pipe',
            'env': {}, 'io': None, 'trickle_seed': rng.randint(0, 2**31)}


def draw_env(rng, case):
    loc = rng.choice(LOCALES)
    case['env']['LC_ALL'] = loc
    if rng.random() < 0.9 or not ARGS_TRANSLATED:
        case['env']['LANGUAGE'] = 'en'
    w = rng.choice(WINDOWS)
    if w:
        case['env']['MMUTILS_WINDOW'] = w
    case['io'] = rng.choice(IOS)
    r = rng.random()
    if r < 0.01:
        case['stdout'] = 'full'
    elif r < 0.015:
        case['stdout'] = 'closed'
    return CHARSET[loc]


def draw_offset(rng, case):
    """Sometimes start redirected stdin part-way into its file, as
    (head -c N; TOOL) < FILE does."""
    size = len(case['files'].get(case['stdin_file'], b''))
    if case['stdin'] == 'file' and size > 1 and rng.random() < 0.25:
        case['stdin_offset'] = rng.choice([1, 2, size // 2, size - 1,
                                           rng.randint(1, size - 1)])


def draw_arrival(rng, case, names, allow_multi=True):
    """Decide how the inputs NAMES arrive: returns the operand list."""
    ops = draw_arrival1(rng, case, names, allow_multi)
    draw_offset(rng, case)
    return ops


def draw_arrival1(rng, case, names, allow_multi):
    r = rng.random()
    if r < 0.40 or not names:
        return list(names)
    if r < 0.55:
        case['stdin'], case['stdin_file'] = 'file', names[0]
    elif r < 0.72:
        case['stdin'], case['stdin_file'] = 'pipe', names[0]
    elif r < 0.84:
        case['stdin'], case['stdin_file'] = 'trickle', names[0]
    elif r < 0.86:
        case['stdin'] = 'closed'
        return ['-'] if rng.random() < 0.5 else []
    else:
        case['stdin'] = rng.choice(['file', 'pipe', 'trickle'])
        case['stdin_file'] = names[0]
        ops = list(names[1:]) + ['-']
        if allow_multi:
            if rng.random() < 0.15:
                ops.append(rng.choice(['missing', 'd']))
            if rng.random() < 0.2:
                ops.append('-')
        rng.shuffle(ops)
        return ops
    if len(names) == 1 and rng.random() < 0.6:
        return []
    ops = ['-'] + list(names[1:])
    rng.shuffle(ops)
    return ops


def add_files(rng, case, charset, n):
    names = []
    for i in range(n):
        name = 'f%d' % (i + 1)
        case['files'][name] = gen_data(rng, charset)
        names.append(name)
    return names


def finish_operands(case, ops):
    for o in ops:
        if o == 'd' and 'd' not in case['dirs']:
            case['dirs'].append('d')


def gen_mcat(rng):
    case = new_case('mcat', rng, None)
    charset = draw_env(rng, case)
    flags = [('-n', '--number'), ('-b', '--number-nonblank'),
             ('-s', '--squeeze-blank'), ('-v', '--show-nonprinting'),
             ('-A', '--show-all'), ('-E', '--show-ends'), ('-T', '--show-tabs'),
             ('-e', None), ('-t', None), ('-u', None)]
    groups = []
    for s, l in flags:
        if rng.random() < 0.25:
            groups.append([long_or_short(rng, s, l).encode()])
    if rng.random() < 0.03:
        groups.append(invalid_option(rng, [b'-z', b'--number=3', b'--show',
                                           b'--num', b'--i', b'-']))
    rng.shuffle(groups)
    groups = merge_flags(rng, groups)
    names = add_files(rng, case, charset, rng.choice([1, 1, 1, 2, 3]))
    ops = draw_arrival(rng, case, names)
    if rng.random() < 0.05:
        ops.append(rng.choice(['missing', 'd']))
    finish_operands(case, ops)
    case['args'] = [a for g in groups for a in g] + [o.encode() for o in ops]
    return case


def gen_mwc(rng):
    case = new_case('mwc', rng, None)
    charset = draw_env(rng, case)
    flags = [('-c', '--bytes'), ('-l', '--lines'), ('-w', '--words'),
             ('-m', '--chars'), ('-L', '--max-line-length')]
    groups = []
    for s, l in flags:
        if rng.random() < 0.35:
            groups.append([long_or_short(rng, s, l).encode()])
    if rng.random() < 0.04:
        groups.append([b'--total=' + rng.choice([b'auto', b'always', b'only',
                                                  b'never', b'x'])])
    if rng.random() < 0.03:
        groups.append(invalid_option(rng, [b'-z', b'--files0-from', b'--lin']))
    names = add_files(rng, case, charset, rng.choice([1, 1, 2, 3]))
    if rng.random() < 0.12:
        # --files0-from: names NUL-separated, from a file or stdin.
        lst = [n for n in names if rng.random() < 0.8]
        if rng.random() < 0.2:
            lst.append(rng.choice(['missing', 'd', '-', '']))
        rng.shuffle(lst)
        data = b'\0'.join(n.encode() for n in lst)
        if rng.random() < 0.7:
            data += b'\0'
        case['files']['names0'] = data
        if rng.random() < 0.3:
            case['stdin'] = rng.choice(['file', 'pipe', 'trickle'])
            case['stdin_file'] = 'names0'
            groups.append([b'--files0-from=-'])
        else:
            groups.append([b'--files0-from=names0'])
        if 'd' in lst:
            case['dirs'].append('d')
        ops = [] if rng.random() < 0.9 else [names[0]]
    else:
        ops = draw_arrival(rng, case, names)
        if rng.random() < 0.05:
            ops.append(rng.choice(['missing', 'd']))
    rng.shuffle(groups)
    groups = merge_flags(rng, groups)
    finish_operands(case, ops)
    case['args'] = [a for g in groups for a in g] + [o.encode() for o in ops]
    return case


def cmp_number(rng, size):
    """A byte count for -i or -n, sometimes with a suffix or invalid."""
    r = rng.random()
    if r < 0.5:
        return b'%d' % rng.choice([0, 1, 2, 3, 7, max(0, size - 1), size,
                                   size + 1, 4096, 4097, 8191])
    if r < 0.9:
        return rng.choice([b'1K', b'4K', b'1KiB', b'4KiB', b'1kB', b'2kB',
                           b'1k', b'0K', b'1M', b'1MB', b'1G', b'1T', b'1E',
                           b'1Z', b'1Y', b'1Ki', b'1b', b'1KB', b'1MiB'])
    return rng.choice([b'x', b'-1', b'', b'1x', b'99999999999999999999999',
                       b'18446744073709551616', b'0x10', b'010', b' 1', b'+1'])


def mutate(rng, data):
    """A second cmp input derived from DATA."""
    r = rng.random()
    d = bytearray(data)
    if r < 0.2 or not d:
        return bytes(d) + (b'x' if not d and rng.random() < 0.5 else b'')
    if r < 0.5:
        for _ in range(rng.randint(1, 3)):
            i = rng.randint(0, len(d) - 1)
            d[i] = rng.randint(0, 255)
        return bytes(d)
    if r < 0.65:
        return bytes(d[:rng.randint(0, len(d))])
    if r < 0.75:
        return bytes(d) + gen_data(rng, 'utf-8', rng.randint(1, 50))
    if r < 0.85:
        i = rng.randint(0, len(d))
        return bytes(d[:i]) + b'Z' + bytes(d[i:])
    return gen_data(rng, 'utf-8', len(d) + rng.randint(-5, 5) if len(d) > 5 else 3)


def gen_mcmp(rng):
    case = new_case('mcmp', rng, None)
    charset = draw_env(rng, case)
    a = gen_data(rng, charset)
    b = mutate(rng, a)
    case['files'] = {'f1': a, 'f2': b}
    size = len(a)
    groups = []
    for s, l in [('-l', '--verbose'), ('-b', '--print-bytes'), ('-s', '--quiet')]:
        if rng.random() < 0.25:
            groups.append([long_or_short(rng, s, l).encode()])
    if rng.random() < 0.03:
        groups.append([b'--silent'])
    if rng.random() < 0.2:
        v = cmp_number(rng, size)
        groups.append(rng.choice([[b'-n', v], [b'-n' + v], [b'--bytes=' + v]]))
    if rng.random() < 0.25:
        v = cmp_number(rng, size)
        if rng.random() < 0.5:
            v += b':' + cmp_number(rng, size)
        groups.append(rng.choice([[b'-i', v], [b'-i' + v],
                                  [b'--ignore-initial=' + v]]))
    if rng.random() < 0.03:
        groups.append(invalid_option(rng, [b'-z', b'--i=2', b'--ig=1',
                                           b'--print-chars', b'-c']))
    rng.shuffle(groups)
    groups = merge_flags(rng, groups)
    r = rng.random()
    if r < 0.45:
        ops = ['f1', 'f2']
    elif r < 0.75:
        case['stdin'] = rng.choice(['file', 'pipe', 'trickle'])
        if rng.random() < 0.5:
            case['stdin_file'], ops = 'f1', ['-', 'f2']
        else:
            case['stdin_file'], ops = 'f2', ['f1', '-']
        if rng.random() < 0.15:
            ops = ops[:1] if ops[0] != '-' else ops  # FILE2 defaults to -
    elif r < 0.80:
        case['stdin'], case['stdin_file'] = rng.choice(['file', 'pipe']), 'f1'
        ops = ['-', '-']
    elif r < 0.85:
        ops = rng.choice([[], ['f1'], ['f1', 'missing'], ['d', 'f1'],
                          ['f1', 'f2', 'f1']])
        if ops == ['f1']:
            case['stdin'], case['stdin_file'] = 'pipe', 'f2'
    elif r < 0.87:
        case['stdin'] = 'closed'
        ops = ['f1', '-'] if rng.random() < 0.5 else ['f1']
    else:
        ops = ['f1', 'f2', cmp_number(rng, size).decode()]
        if rng.random() < 0.6:
            ops.append(cmp_number(rng, size).decode())
    draw_offset(rng, case)
    finish_operands(case, ops)
    case['args'] = [x for g in groups for x in g] + [o.encode() for o in ops]
    return case


GREP_FLAGS = [('-i', '--ignore-case', 0.2), ('-w', '--word-regexp', 0.15),
              ('-x', '--line-regexp', 0.08), ('-v', '--invert-match', 0.15),
              ('-o', '--only-matching', 0.15), ('-c', '--count', 0.08),
              ('-l', '--files-with-matches', 0.05),
              ('-L', '--files-without-match', 0.04), ('-q', '--quiet', 0.04),
              ('-s', '--no-messages', 0.05), ('-n', '--line-number', 0.25),
              ('-b', '--byte-offset', 0.1), ('-H', '--with-filename', 0.12),
              ('-h', '--no-filename', 0.06), ('-z', '--null-data', 0.08),
              ('-a', '--text', 0.1), ('-I', None, 0.03), ('-U', '--binary', 0.03),
              ('-T', '--initial-tab', 0.04), ('-Z', '--null', 0.03),
              ('--no-ignore-case', None, 0.02), ('-y', None, 0.01),
              ('--line-buffered', None, 0.03)]

GREP_COLORS = [b'mt=01;32', b'ms=01;31', b'mc=35', b'sl=1', b'cx=2',
               b'fn=35', b'ln=32', b'bn=33', b'se=36', b'rv', b'ne', b'xx=1',
               b'ms=', b'sl=7;1']


def grep_num(rng):
    return rng.choice([b'0', b'1', b'1', b'2', b'3', b'5'])


def gen_mgrep(rng):
    case = new_case('mgrep', rng, None)
    charset = draw_env(rng, case)
    groups = []
    r = rng.random()
    syn = 'G' if r < 0.5 else 'E' if r < 0.75 else 'F' if r < 0.87 else 'P'
    if syn != 'G' or rng.random() < 0.1:
        groups.append([rng.choice({'G': [b'-G', b'--basic-regexp'],
                                   'E': [b'-E', b'-E', b'--extended-regexp'],
                                   'F': [b'-F', b'-F', b'--fixed-strings'],
                                   'P': [b'-P', b'-P', b'--perl-regexp']}[syn])])
    if rng.random() < 0.02:
        groups.append([rng.choice([b'-E', b'-F', b'-P', b'-G'])])  # conflict?
    for s, l, p in GREP_FLAGS:
        if rng.random() < p:
            groups.append([long_or_short(rng, s, l).encode()])
    if rng.random() < 0.12:
        v = rng.choice([b'0', b'1', b'2', b'3', b'-1', b'5'])
        groups.append(rng.choice([[b'-m', v], [b'-m' + v], [b'--max-count=' + v]]))
    if rng.random() < 0.22:
        k = rng.choice(['A', 'B', 'C', 'NUM', 'context'])
        v = grep_num(rng)
        groups.append({'A': [b'-A', v], 'B': [b'-B' + v], 'C': [b'-C', v],
                       'NUM': [b'-' + v], 'context': [b'--context=' + v]}[k])
        if rng.random() < 0.3:
            groups.append([rng.choice([b'-A', b'-B']) + grep_num(rng)])
        if rng.random() < 0.1:
            groups.append(rng.choice([[b'--group-separator=::'],
                                      [b'--no-group-separator'],
                                      [b'--group-separator=']]))
    if rng.random() < 0.15:
        groups.append([rng.choice([b'--color=always', b'--colour=always',
                                   b'--color=always', b'--color=never',
                                   b'--color=auto', b'--color'])])
        if rng.random() < 0.6:
            cs = rng.sample(GREP_COLORS, rng.randint(1, 5))
            case['env']['GREP_COLORS'] = b':'.join(cs).decode()
        if rng.random() < 0.1:
            case['env']['GREP_COLOR'] = '1;32'
    if rng.random() < 0.04:
        groups.append([b'--binary-files=' + rng.choice([b'text', b'binary',
                                                        b'without-match'])])
    if rng.random() < 0.03:
        groups.append([b'--label=LBL'])
    if rng.random() < 0.03:
        groups.append(rng.choice([[b'-d', b'skip'], [b'-d', b'read'],
                                  [b'--directories=skip'], [b'-D', b'skip'],
                                  [b'--devices=read']]))
    if rng.random() < 0.005:
        # GNU applies these to command-line files too, not only with -r.
        groups.append([rng.choice([b'--include=', b'--exclude=',
                                   b'--exclude-dir='])
                       + rng.choice([b'f1', b'f*', b'*.c', b'd', b'-'])])
    if rng.random() < 0.03:
        groups.append(invalid_option(rng, [
            b'-m', b'-A', b'-Ax', b'--binary-files=bogus', b'--color=sometimes',
            b'--context=x', b'-C-1', b'-m1x', b'--in', b'-X', b'-j']))
    # Patterns: an operand, -e PATTERN(s), -f FILE with several lines.
    npat = 1 if rng.random() < 0.8 else rng.randint(2, 4)
    pats = [gen_pattern(rng, syn, charset) for _ in range(npat)]
    r = rng.random()
    pat_operand = None
    use_stdin_pat = False
    if r < 0.55 and npat == 1:
        pat_operand = pats[0]
    elif r < 0.85:
        if rng.random() < 0.2:
            groups.append([b'-e', b'\n'.join(pats)])
        else:
            for p in pats:
                groups.append(rng.choice([[b'-e', p], [b'-e' + p],
                                          [b'--regexp=' + p]]))
    else:
        lines = pats + [b''] * (rng.random() < 0.3)
        rng.shuffle(lines)
        body = b'\n'.join(lines)
        if rng.random() < 0.8:
            body += b'\n'
        case['files']['pat'] = body
        if rng.random() < 0.15:
            use_stdin_pat = True
            groups.append([b'-f', b'-'])
        else:
            groups.append(rng.choice([[b'-f', b'pat'], [b'-fpat'],
                                      [b'--file=pat']]))
        if rng.random() < 0.15:
            groups.append([b'-e', gen_pattern(rng, syn, charset)])
    if rng.random() < 0.01:
        # A pathological pattern: deep nesting (GNU: "stack overflow"),
        # huge repetition counts, a long literal.
        n = rng.choice([100, 3000, 30000])
        groups.append([b'-e', rng.choice([
            b'(' * n + b'a' + b')' * n, b'\\(' * n + b'a' + b'\\)' * n,
            b'(a|b' * (n // 2) + b')' * (n // 2), b'a{1,1000}' * rng.randint(1, 40),
            b'x' * min(n, 9000), b'(' * n])])  # (GNU needs 40 s for 90000 x)
    rng.shuffle(groups)
    groups = merge_flags(rng, groups)
    names = add_files(rng, case, charset, rng.choice([1, 1, 1, 2, 3]))
    if use_stdin_pat:
        case['stdin'] = rng.choice(['file', 'pipe'])
        case['stdin_file'] = 'pat'
        ops = list(names)
    else:
        ops = draw_arrival(rng, case, names)
    if rng.random() < 0.05:
        ops.append(rng.choice(['missing', 'd']))
    finish_operands(case, ops)
    args = [a for g in groups for a in g]
    if pat_operand is not None:
        args.append(pat_operand)
    args += [o.encode() for o in ops]
    if rng.random() < 0.05 and pat_operand is not None and ops:
        # An option after the operands: GNU getopt permutes.
        args.append(rng.choice([b'-n', b'-c', b'-i', b'-v']))
    case['args'] = args
    return case


GENERATORS = {'mcat': gen_mcat, 'mwc': gen_mwc, 'mcmp': gen_mcmp,
              'mgrep': gen_mgrep}
ARGS_TRANSLATED = False


def draw_case(tool, seed, index):
    rng = random.Random('%s:%s:%d' % (tool, seed, index))
    case = GENERATORS[tool](rng)
    case['origin'] = '%s:%s:%d' % (tool, seed, index)
    return case


# ---------------------------------------------------------------- running

class Result:
    def __init__(self, out=b'', err=b'', rc=None, timeout=False):
        self.out, self.err, self.rc, self.timeout = out, err, rc, timeout
        self.offset = None

    def signal(self):
        return self.rc is not None and self.rc < 0


def trickle_sizes(seed, length):
    """The sizes of the writes that trickle LENGTH bytes: 1 to 5 bytes
    for the first 2000, then up to 512."""
    rng = random.Random(seed)
    sizes, i = [], 0
    while i < length:
        n = rng.randint(1, 5) if i < 2000 else rng.randint(1, 512)
        sizes.append(min(n, length - i))
        i += n
    return sizes


def feed(fd, data, trickle, seed):
    """Write DATA to FD, all at once or a few bytes per write; close FD."""
    try:
        if not trickle:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
        else:
            i = 0
            for n in trickle_sizes(seed, len(data)):
                os.write(fd, data[i:i + n])
                i += n
                time.sleep(0.0005)
    except OSError:
        pass  # the reader has gone: EPIPE
    finally:
        os.close(fd)


def setup_dir(case, work):
    for name in os.listdir(work):
        p = os.path.join(work, name)
        if os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p)
        else:
            os.unlink(p)
    for name, data in case['files'].items():
        with open(os.path.join(work, name), 'wb') as f:
            f.write(data)
    for d in case['dirs']:
        os.mkdir(os.path.join(work, d))


def run_side(case, side, work, bindir, timeout):
    """Run CASE under the GNU tool (SIDE 'gnu') or ours; a Result."""
    tool = case['tool']
    setup_dir(case, work)
    if side == 'gnu':
        argv0, exe = GNU[tool]
        argv = [argv0.encode()]
    else:
        argv0, exe = tool, os.path.join(bindir, tool)
        argv = [argv0.encode()]
        if case['io']:
            argv.append(b'--io=' + case['io'].encode())
    argv += case['args']
    env = dict(BASE_ENV)
    if side != 'gnu':
        # A sanitizer build runs with the options its test run set.
        env.update((k, v) for k, v in os.environ.items()
                   if k in SANITIZER_OPTIONS)
    env.update(case['env'])
    stdin = subprocess.DEVNULL
    writer = None
    fin = None
    closefds = []
    mode = case['stdin']
    if mode == 'file':
        fin = open(os.path.join(work, case['stdin_file']), 'rb')
        os.lseek(fin.fileno(), case.get('stdin_offset', 0), os.SEEK_SET)
        stdin = fin
    elif mode in ('pipe', 'trickle'):
        r, w = os.pipe()
        stdin = r
        data = case['files'][case['stdin_file']]
        writer = threading.Thread(target=feed, args=(w, data, mode == 'trickle',
                                                     case['trickle_seed']))
    elif mode == 'closed':
        closefds.append(0)
    stdout = subprocess.PIPE
    fout = None
    if case['stdout'] == 'full':
        fout = open('/dev/full', 'wb')
        stdout = fout
    elif case['stdout'] == 'closed':
        closefds.append(1)

    def pre():
        for fd in closefds:
            os.close(fd)
    try:
        p = subprocess.Popen(argv, executable=exe, cwd=work, env=env,
                             stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                             start_new_session=True,
                             preexec_fn=pre if closefds else None)
    except OSError:
        if fin:
            fin.close()
        if writer:
            os.close(w)
        raise
    finally:
        if fout:
            fout.close()
        if mode in ('pipe', 'trickle'):
            os.close(r)
    if writer:
        writer.start()
    try:
        out, err = p.communicate(timeout=timeout)
        res = Result(out or b'', err, p.returncode)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        res = Result(out or b'', err, None, timeout=True)
    if writer:
        writer.join()
    if fin:
        # Where the tool left the shared offset of redirected stdin: GNU's
        # read() loops leave it after what they read (DESIGN.md 1).
        res.offset = os.lseek(fin.fileno(), 0, os.SEEK_CUR)
        fin.close()
    return res


def normalize_err(err, gnu, ours):
    """GNU's stderr ERR with its program name GNU made OURS."""
    g, o = gnu.encode(), ours.encode()
    lines = []
    for line in err.split(b'\n'):
        if line.startswith(g + b':'):
            line = o + line[len(g):]
        line = line.replace(b"'" + g + b" --help'", b"'" + o + b" --help'")
        # cmp: "missing operand after 'cmp'"
        line = line.replace(b"after '" + g + b"'", b"after '" + o + b"'")
        if line.startswith(b'Usage: ' + g + b' '):
            line = b'Usage: ' + o + line[len(b'Usage: ') + len(g):]
        lines.append(line)
    return b'\n'.join(lines)


KINDS = ['signal', 'timeout', 'status', 'stdout', 'stderr', 'offset']


def differences(case, g, o):
    """The kinds of difference between GNU's result G and ours O."""
    kinds = []
    if g.signal() or o.signal():
        kinds.append('signal')
    if g.timeout != o.timeout:
        kinds.append('timeout')
    if g.timeout and o.timeout:
        return []
    if g.rc != o.rc:
        kinds.append('status')
    gname = GNU[case['tool']][0].encode()
    if g.out != o.out and not (g.out.startswith(b'Usage: ' + gname + b' ')
                               and o.out.startswith(b'Usage: ')):
        kinds.append('stdout')  # (--help texts differ by design)
    oerr = o.err
    if case['io'] and not case['args']:
        # cmp names its last argument, which is our --io=METHOD alone.
        oerr = oerr.replace(b"after '--io=%s'" % case['io'].encode(),
                            b"after '%s'" % case['tool'].encode())
    if normalize_err(g.err, GNU[case['tool']][0], case['tool']) != oerr:
        kinds.append('stderr')
    if g.offset != o.offset and case['stdout'] == 'pipe':
        kinds.append('offset')
    return kinds


class Runner:
    def __init__(self, bindir, work, timeout):
        self.bindir, self.work, self.timeout = bindir, work, timeout
        self.runs = 0
        self.last_rc = None
        self.gnu_unstable = 0  # trickled cases where GNU differs from GNU

    def both(self, case):
        g = run_side(case, 'gnu', self.work, self.bindir, self.timeout)
        o = run_side(case, 'ours', self.work, self.bindir, self.timeout)
        self.runs += 1
        self.last_rc = g.rc
        kinds = differences(case, g, o)
        if kinds and case['stdin'] == 'trickle':
            # GNU grep's own output can depend on how reads are cut (a
            # stray '--' with context): if GNU differs from itself fed
            # through a plain pipe, ours may match either.
            c = dict(case, stdin='pipe')
            g2 = run_side(c, 'gnu', self.work, self.bindir, self.timeout)
            if (g2.out, g2.err, g2.rc) != (g.out, g.err, g.rc):
                self.gnu_unstable += 1
                kinds = differences(case, g2, o)
        return g, o, kinds


# ---------------------------------------------------------------- shrinking

def copy_case(case):
    c = dict(case)
    c['args'] = list(case['args'])
    c['files'] = dict(case['files'])
    c['dirs'] = list(case['dirs'])
    c['env'] = dict(case['env'])
    return c


def chunks_removed(data, sep):
    """Smaller versions of DATA: halves, then runs of pieces split at SEP."""
    if not data:
        return
    yield b''
    n = len(data)
    if n > 1:
        yield data[:n // 2]
        yield data[n // 2:]
    if sep is None:
        parts = [data[i:i + 1] for i in range(n)]
    else:
        parts = data.split(sep)
        parts = [p + sep for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    k = len(parts)
    size = k // 2
    while size >= 1:
        for i in range(0, k, size):
            yield b''.join(parts[:i] + parts[i + size:])
        size //= 2


def simplify_bytes(data):
    """DATA with its bytes made plainer, a class at a time."""
    yield re.sub(rb'[a-zA-Z0-9_]+', b'a', data)
    yield re.sub(rb'[\x80-\xff]+', b'\xc3\xa9', data)
    yield re.sub(rb'[ \t]+', b' ', data)


def shrink_candidates(case):
    """Simpler variants of CASE, most promising first."""
    env = case['env']
    for k in ('MMUTILS_WINDOW', 'GREP_COLORS', 'GREP_COLOR'):
        if k in env:
            c = copy_case(case)
            del c['env'][k]
            yield c
    if env.get('MMUTILS_WINDOW') not in (None, '4096'):
        c = copy_case(case)
        c['env']['MMUTILS_WINDOW'] = '4096'
        yield c
    if case['io'] is not None:
        c = copy_case(case)
        c['io'] = None
        yield c
    if 'LANGUAGE' not in env:
        pass
    for loc in ('C', 'C.UTF-8'):
        if env.get('LC_ALL') not in ('C', loc):
            c = copy_case(case)
            c['env']['LC_ALL'] = loc
            yield c
    if case['stdin'] == 'trickle':
        c = copy_case(case)
        c['stdin'] = 'pipe'
        yield c
    if case['stdin'] == 'pipe':
        c = copy_case(case)
        c['stdin'] = 'file'
        yield c
    if case.get('stdin_offset'):
        c = copy_case(case)
        c['stdin_offset'] = 0
        yield c
    if case['stdout'] != 'pipe':
        c = copy_case(case)
        c['stdout'] = 'pipe'
        yield c
    # Drop files nothing names.
    for name in sorted(case['files']):
        named = case['args'] + case['files'].get('names0', b'').split(b'\0')
        if name != case['stdin_file'] and not any(name.encode() in a for a in named):
            c = copy_case(case)
            del c['files'][name]
            yield c
    # Drop one argument, or an option with its value.
    args = case['args']
    for i in range(len(args)):
        c = copy_case(case)
        del c['args'][i]
        yield c
        if i + 1 < len(args):
            c = copy_case(case)
            del c['args'][i:i + 2]
            yield c
    # Split merged short options (-inv into -i -n -v) so each can go.
    for i, a in enumerate(args):
        if re.fullmatch(rb'-[a-zA-Z]{2,}', a):
            c = copy_case(case)
            c['args'][i:i + 1] = [b'-' + bytes([x]) for x in a[1:]]
            yield c
    # Smaller option values and patterns.
    for i, a in enumerate(args):
        m = re.fullmatch(rb'(-[ABCmni]|--[a-z-]+=)?(\d+)', a)
        if m and int(m.group(2)) > 1:
            for v in (b'0', b'1', b'%d' % (int(m.group(2)) // 2)):
                c = copy_case(case)
                c['args'][i] = (m.group(1) or b'') + v
                yield c
        if case['tool'] == 'mgrep' and a and not a.startswith(b'-') \
                and a.decode('latin-1') not in case['files'] and a != b'-' \
                or i > 0 and args[i - 1] == b'-e':
            for smaller in chunks_removed(a, None):
                c = copy_case(case)
                c['args'][i] = smaller
                yield c
    # Drop files' bytes: halves, lines, then bytes once small.
    for name in sorted(case['files']):
        data = case['files'][name]
        for smaller in chunks_removed(data, b'\n'):
            c = copy_case(case)
            c['files'][name] = smaller
            yield c
        if len(data) <= 512:
            for smaller in chunks_removed(data, None):
                c = copy_case(case)
                c['files'][name] = smaller
                yield c
        for plainer in simplify_bytes(data):
            if plainer != data:
                c = copy_case(case)
                c['files'][name] = plainer
                yield c


def size_of(case):
    return (sum(len(d) for d in case['files'].values()) + len(case['args'])
            + sum(len(a) for a in case['args']) + len(case['env'])
            + (case['io'] is not None) + (case['stdin'] == 'trickle') * 3
            + (case['stdin'] == 'pipe') + bool(case.get('stdin_offset'))
            + {'C': 0, 'C.UTF-8': 1}.get(case['env'].get('LC_ALL'), 2))


def shrink(runner, case, kind, max_evals, max_seconds):
    """CASE made smaller while its difference includes KIND."""
    start = time.time()
    evals = 0
    best = case
    progress = True
    while progress:
        progress = False
        for c in shrink_candidates(best):
            if evals >= max_evals or time.time() - start > max_seconds:
                return best, evals
            if size_of(c) >= size_of(best):
                continue
            evals += 1
            try:
                g, o, kinds = runner.both(c)
            except OSError:
                continue
            if kind in kinds:
                best = c
                progress = True
                break
    return best, evals


# ---------------------------------------------------------------- reporting

def sh_quote(b):
    """B as one bash word ($'...' when it needs escapes)."""
    if re.fullmatch(rb'[A-Za-z0-9_./=:,+%@^-]+', b):
        return b.decode()
    if re.fullmatch(rb"[\x20-\x7e]*", b) and b"'" not in b:
        return "'" + b.decode() + "'"
    out = "$'"
    for x in b:
        ch = chr(x)
        if ch in "\\'":
            out += '\\' + ch
        elif 0x20 <= x < 0x7f:
            out += ch
        else:
            out += '\\%03o' % x
    return out + "'"


def printf_data(b):
    """A printf FORMAT producing exactly the bytes B."""
    out = ''
    for x in b:
        ch = chr(x)
        if ch == '%':
            out += '%%'
        elif ch in "\\'":
            out += '\\%03o' % x
        elif 0x20 <= x < 0x7f:
            out += ch
        elif ch == '\n':
            out += '\\n'
        else:
            out += '\\%03o' % x
    return out


def command_line(case, side, bindir_expr):
    tool = case['tool']
    env = ['PATH=/usr/bin:/bin'] + ['%s=%s' % (k, sh_quote(v.encode()))
                                    for k, v in sorted(case['env'].items())]
    if side == 'gnu':
        name, exe = GNU[tool]
        args = []
    else:
        name, exe = tool, bindir_expr + '/' + tool
        args = ['--io=' + case['io']] if case['io'] else []
    args += [sh_quote(a) for a in case['args']]
    cmd = "env -i %s bash -c 'exec -a %s \"$0\" \"$@\"' %s %s" % (
        ' '.join(env), name, exe, ' '.join(args))
    mode = case['stdin']
    if mode == 'file':
        # Start at the offset; keep what the tool left unread.
        off = case.get('stdin_offset', 0)
        skip = 'dd bs=%d skip=1 count=0 status=none; ' % off if off else ''
        pos = "sed -n 's/^pos:[[:space:]]*//p' /proc/self/fdinfo/0 > %s.pos" % side
        return '{ %s%s%s 2> %s.err; echo $? > %s.rc; %s; cat > %s.rest; } < %s' % (
            skip, cmd, redirect_out(case, side), side, side, pos, side,
            case['stdin_file'])
    elif mode == 'pipe':
        cmd = 'cat %s | %s' % (case['stdin_file'], cmd)
    elif mode == 'trickle':
        cmd = 'trickle %s | %s' % (case['stdin_file'], cmd)
    elif mode == 'closed':
        cmd += ' <&-'
    else:
        cmd += ' < /dev/null'
    return cmd + redirect_out(case, side) + ' 2> %s.err; echo $? > %s.rc' % (side, side)


def redirect_out(case, side):
    return {'full': ' > /dev/full', 'closed': ' >&-'}.get(
        case['stdout'], ' > %s.out' % side)


def repro_script(case, kinds, bindir):
    tool = case['tool']
    gname = GNU[tool][0]
    lines = ['#!/bin/bash',
             '# %s differs from GNU %s in: %s' % (tool, gname, ', '.join(kinds)),
             '# Found by tests/fuzz/fuzz.py, case %s, then shrunk.' % case.get('origin'),
             '# Run: bash repro.sh [BINDIR]; status 0: same as GNU, 1: differs.',
             'MM=${1-%s}' % bindir,
             't=$(mktemp -d) || exit 2',
             "trap 'rm -rf \"$t\"' 0",
             'cd "$t" || exit 2']
    if case['stdin'] == 'trickle':
        sizes = trickle_sizes(case['trickle_seed'],
                              len(case['files'][case['stdin_file']]))
        lines += ['# trickle FILE: FILE through a pipe in writes of the sizes below,',
                  '# with a pause after each (the difference may need a few tries).',
                  'trickle () {',
                  '  i=0',
                  '  for n in %s; do' % ' '.join(map(str, sizes)),
                  '    dd if="$1" bs=$n skip=$i count=$n iflag=skip_bytes,count_bytes status=none',
                  '    sleep 0.001; i=$((i + n))',
                  '  done',
                  '}']
    for name in sorted(case['files']):
        lines.append("printf '%s' > %s" % (printf_data(case['files'][name]), name))
    for d in case['dirs']:
        lines.append('mkdir %s' % d)
    lines.append(command_line(case, 'gnu', '$MM'))
    lines.append(command_line(case, 'ours', '"$MM"'))
    lines += ["sed -e 's/^%s:/%s:/' -e \"s/'%s --help'/'%s --help'/\" "
              "-e 's/^Usage: %s /Usage: %s /' -e \"s/after '%s'/after '%s'/\" "
              "gnu.err > gnu.err2" % (gname, tool, gname, tool, gname, tool, gname, tool),
              'st=0',
              'for x in out rc err pos rest; do',
              '  g=gnu.$x; [ $x = err ] && g=gnu.err2',
              '  [ -e $g ] || continue',
              '  cmp -s $g ours.$x && continue',
              '  st=1; echo "== $x: GNU (-) vs %s (+)"' % tool,
              '  diff -a -u $g ours.$x | tail -n +3 | cat -v | head -n 40',
              'done',
              'exit $st']
    return '\n'.join(lines) + '\n'


def show(b, limit=1500):
    s = repr(b)
    return s if len(s) <= limit else s[:limit] + '...(%d bytes)' % len(b)


def case_to_json(case):
    c = dict(case)
    c['args'] = [base64.b64encode(a).decode() for a in case['args']]
    c['files'] = {k: base64.b64encode(v).decode() for k, v in case['files'].items()}
    return json.dumps(c, indent=1, sort_keys=True)


def case_from_json(text):
    c = json.loads(text)
    c['args'] = [base64.b64decode(a) for a in c['args']]
    c['files'] = {k: base64.b64decode(v) for k, v in c['files'].items()}
    return c


def signature(case, kinds):
    """What a difference looks like, for telling findings apart."""
    opts = set()
    for a in case['args']:
        m = re.match(rb'(--[a-z-]+|-[a-zA-Z0-9]+)', a)
        if m:
            o = m.group(1)
            if re.fullmatch(rb'-[a-zA-Z]+', o) and not o.startswith(b'--'):
                opts.update(b'-' + bytes([x]) for x in o[1:])
            else:
                opts.add(o)
    how = case['stdin'] if case['stdin'] in ('trickle', 'closed') else 'any'
    return '%s %s [%s] stdin=%s stdout=%s' % (
        case['tool'], kinds[0], ' '.join(sorted(x.decode('latin-1') for x in opts)),
        how, case['stdout'])


def report(findings_dir, case, g, o, kinds, bindir, origin):
    os.makedirs(findings_dir, exist_ok=True)
    sig = signature(case, kinds)
    slug = re.sub(r'[^A-Za-z0-9]+', '-', origin).strip('-')
    d = os.path.join(findings_dir, '%s-%s' % (slug, kinds[0]))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'repro.sh'), 'w') as f:
        f.write(repro_script(case, kinds, bindir))
    with open(os.path.join(d, 'case.json'), 'w') as f:
        f.write(case_to_json(case) + '\n')
    with open(os.path.join(d, 'report.txt'), 'w') as f:
        f.write('signature: %s\norigin: %s\ndiffers in: %s\n' % (sig, origin, ', '.join(kinds)))
        f.write('args: %s\nenv: %s io: %s stdin: %s (%s, offset %d) stdout: %s\n' % (
            ' '.join(sh_quote(a) for a in case['args']), case['env'], case['io'],
            case['stdin'], case['stdin_file'], case.get('stdin_offset', 0),
            case['stdout']))
        for name in sorted(case['files']):
            f.write('file %s: %s\n' % (name, show(case['files'][name], 600)))
        for side, r in (('GNU', g), ('ours', o)):
            f.write('%s: status %s%s\n  stdout %s\n  stderr %s\n' % (
                side, r.rc, ' (timeout)' if r.timeout else '', show(r.out), show(r.err)))
            if r.offset is not None:
                f.write('  stdin offset at exit %d\n' % r.offset)
    return d, sig


# ---------------------------------------------------------------- main

def locale_ok(loc):
    try:
        out = subprocess.run(['locale', 'charmap'], env={'LC_ALL': loc, 'PATH': '/usr/bin:/bin'},
                             capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return loc == 'C' or (out.stdout.strip() != b'ANSI_X3.4-1968' and not out.stderr)


def parse_args(argv):
    ap = argparse.ArgumentParser(description='mmutils differential fuzzer')
    ap.add_argument('--bindir', required=True, help='directory of mcat, mwc, ...')
    ap.add_argument('--tools', default=' '.join(TOOLS))
    ap.add_argument('--seed', action='append', default=[],
                    help='seed (repeatable; default: time-based); N-M is a range')
    ap.add_argument('--cases', type=int, default=0,
                    help='cases per seed and tool (0: until --seconds)')
    ap.add_argument('--seconds', type=float, default=0, help='stop after this long')
    ap.add_argument('--timeout', type=float, default=10, help='per run, seconds')
    ap.add_argument('--findings', default='fuzz-findings', help='where reproducers go')
    ap.add_argument('--shrink-evals', type=int, default=300)
    ap.add_argument('--shrink-seconds', type=float, default=90)
    ap.add_argument('--no-shrink', action='store_true')
    ap.add_argument('--translated', action='store_true',
                    help='leave message catalogs on in 10%% of the cases')
    ap.add_argument('--case', action='append', default=[],
                    help='run the one case TOOL:SEED:INDEX')
    ap.add_argument('--replay', action='append', default=[],
                    help='run a case.json again')
    ap.add_argument('--show', action='store_true', help='print each case')
    ap.add_argument('-q', '--quiet', action='store_true')
    return ap.parse_args(argv)


def expand_seeds(specs):
    seeds = []
    for s in specs:
        for part in s.replace(',', ' ').split():
            if re.fullmatch(r'\d+-\d+', part):
                a, b = map(int, part.split('-'))
                seeds += [str(x) for x in range(a, b + 1)]
            else:
                seeds.append(part)
    return seeds


def main(argv):
    global ARGS_TRANSLATED
    args = parse_args(argv)
    ARGS_TRANSLATED = args.translated
    tools = args.tools.split()
    for t in tools:
        if t not in GNU:
            sys.exit('fuzz: unknown tool %s' % t)
        if not os.access(GNU[t][1], os.X_OK):
            print('fuzz: SKIP: %s is missing' % GNU[t][1], file=sys.stderr)
            return 77
        if not os.access(os.path.join(args.bindir, t), os.X_OK):
            print('fuzz: %s not built in %s' % (t, args.bindir), file=sys.stderr)
            return 2
    missing_locales = [l for l in LOCALES if not locale_ok(l)]
    if missing_locales and not args.quiet:
        print('fuzz: locales not installed, their cases skipped: %s'
              % ' '.join(missing_locales), file=sys.stderr)
    bindir = os.path.abspath(args.bindir)
    work = tempfile.mkdtemp(prefix='mmfuzz.')
    runner = Runner(bindir, work, args.timeout)
    stats = {t: {'cases': 0, 'diffs': 0, 'skipped': 0, 'seeds': set(),
                 'gnu_status': {}} for t in tools}
    seen = {}
    found = 0

    def handle(case):
        nonlocal found
        tool = case['tool']
        if case['env'].get('LC_ALL') in missing_locales:
            stats[tool]['skipped'] += 1
            return
        if args.show:
            print('case %s: %s' % (case.get('origin'), ' '.join(sh_quote(a) for a in case['args'])))
        try:
            g, o, kinds = runner.both(case)
        except OSError as e:  # e.g. E2BIG: not a case the tools can get
            print('fuzz: %s: cannot run: %s' % (case.get('origin'), e), file=sys.stderr)
            stats[tool]['skipped'] += 1
            return
        stats[tool]['cases'] += 1
        rcs = stats[tool]['gnu_status']
        rcs[g.rc] = rcs.get(g.rc, 0) + 1
        if not kinds:
            return
        stats[tool]['diffs'] += 1
        found += 1
        origin = case.get('origin', 'replay')
        pre = signature(case, kinds)
        if pre in seen:
            seen[pre][1] += 1
            if not args.quiet:
                print('fuzz: %s: differs (%s), seen before as %s' % (origin, ', '.join(kinds), seen[pre][0]),
                      file=sys.stderr)
            return
        small = case
        if not args.no_shrink and 'timeout' not in kinds:
            small, evals = shrink(runner, case, kinds[0], args.shrink_evals,
                                  args.shrink_seconds)
        for _ in range(3):
            g2, o2, kinds2 = runner.both(small)
            if kinds2:
                break
        if not kinds2:  # flaky: keep the original
            small, g2, o2, kinds2 = case, g, o, kinds
        small['origin'] = origin
        sig = signature(small, kinds2)
        if sig in seen:
            seen[sig][1] += 1
            seen[pre] = seen[sig]
            if not args.quiet:
                print('fuzz: %s: differs (%s), shrinks to one seen as %s' % (
                    origin, ', '.join(kinds), seen[sig][0]), file=sys.stderr)
            return
        d, sig = report(args.findings, small, g2, o2, kinds2, bindir, origin)
        seen[pre] = seen[sig] = [d, 1]
        print('fuzz: %s: %s differs from GNU (%s); reproducer %s/repro.sh' % (
            origin, tool, ', '.join(kinds2), d), file=sys.stderr)
        if not args.quiet:
            sys.stderr.write(open(os.path.join(d, 'report.txt')).read())

    start = time.time()
    try:
        for spec in args.case:
            t, s, i = spec.split(':')
            handle(draw_case(t, s, int(i)))
        for path in args.replay:
            with open(path) as f:
                handle(case_from_json(f.read()))
        if not args.case and not args.replay:
            seeds = expand_seeds(args.seed) or [str(int(time.time()))]
            per_seed = args.cases
            for seed in seeds:
                index = 0
                while True:
                    if per_seed and index >= per_seed:
                        break
                    if args.seconds and time.time() - start > args.seconds:
                        break
                    for t in tools:
                        stats[t]['seeds'].add(seed)
                        handle(draw_case(t, seed, index))
                    index += 1
                if args.seconds and time.time() - start > args.seconds:
                    break
                if not per_seed and len(seeds) == 1:
                    break
    except KeyboardInterrupt:
        print('fuzz: interrupted', file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.time() - start
    if seen:
        dirs = {}
        for k, (d, n) in seen.items():
            dirs.setdefault(d, [0, set()])
            dirs[d][0] = max(dirs[d][0], n)
            dirs[d][1].add(k)
        with open(os.path.join(args.findings, 'SUMMARY.txt'), 'a') as f:
            f.write('# run of %s, seeds %s, %.0f s\n' % (
                ' '.join(tools), ','.join(sorted(set().union(
                    *(stats[t]['seeds'] for t in tools)))), elapsed))
            for d in sorted(dirs):
                f.write('%s  x%d  %s\n' % (d, dirs[d][0], ' | '.join(sorted(dirs[d][1]))))
    for t in tools:
        s = stats[t]
        print('fuzz: %s: %d cases, %d differing, %d skipped, seeds %s; GNU exit statuses %s' % (
            t, s['cases'], s['diffs'], s['skipped'], ','.join(sorted(s['seeds'])) or '-',
            ' '.join('%s:%d' % kv for kv in sorted(s['gnu_status'].items(), key=str))))
    print('fuzz: %d runs of both sides in %.0f s; %d differing cases, %d distinct;'
          ' GNU itself read-size dependent in %d runs' % (
              runner.runs, elapsed, found, len({v[0] for v in seen.values()}),
              runner.gnu_unstable))
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
