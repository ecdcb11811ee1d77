#!/usr/bin/env python3
"""Runs one command under `strace -f -a0` and under `pdig run -a --print`, and lists the strace
lines pdig did not print (-) and the pdig lines strace did not (+), grouped by syscall, largest
group first. Lines are compared as a multiset after the same normalisation on both sides: the pid
prefix removed, strace's <unfinished ...>/<... resumed> pairs joined, the padding before " = "
dropped, hex numbers written ADDR and each process's id written P1, P2... in order of appearance
(child ids in results, wait4, kill...). pdig's own [pdig: ...] lines are left out. With --mask,
values that differ from run to run whatever the tracer (getrandom bytes, sysinfo, ports, CPU
times, timespecs) are masked too, so what is left is mostly the tracers' difference.

The command runs twice (strace first), with stdin, stdout and stderr on /dev/null, from the
current directory: a command that changes the file system (cp to a new directory) must be
undone between the runs by the caller. Needs python3, strace, and a built pdig (./pdig rebuilds
itself; PDIG_MAVEN_ARGS applies).

    tools/compare-with-strace.py [--mask] [--show N] -- ls -la /usr
"""
import collections
import os
import re
import subprocess
import sys
import tempfile


def join_unfinished(lines):
    """strace -f splits a call another process interrupted; join each pid's two halves."""
    out, pending = [], {}
    for line in lines:
        m = re.match(r'^(\d+) +(.*)$', line)
        if not m:
            out.append(line)
            continue
        pid, rest = m.groups()
        if rest.endswith(' <unfinished ...>'):
            pending[pid] = len(out)
            out.append(pid + ' ' + rest[:-len(' <unfinished ...>')])
            continue
        r = re.match(r'^<\.\.\. \S+ resumed>(.*)$', rest)
        if r and pid in pending:
            out[pending.pop(pid)] += r.group(1)
            continue
        out.append(line)
    return out


def normalise(lines, mask):
    ids = {}
    for line in lines:
        m = re.match(r'^(\d+) ', line)
        if m:
            ids.setdefault(m.group(1), 'P%d' % (len(ids) + 1))
    out = []
    for line in lines:
        m = re.match(r'^(\d+) +(.*)$', line)
        body = m.group(2) if m else line
        if body.startswith('[pdig:'):
            continue
        body = re.sub(r' +=( |$)', r' =\1', body)
        body = re.sub(r'0x[0-9a-f]+', 'ADDR', body)
        body = re.sub(r'\b\d{2,7}\b', lambda x: ids.get(x.group(0), x.group(0)), body)
        if mask:
            body = re.sub(r'^getrandom\("[^"]*"', 'getrandom(RANDOM', body)
            body = re.sub(r'^sysinfo\(\{.*\}\)', 'sysinfo(S)', body)
            body = re.sub(r'htons\(\d+\)', 'htons(PORT)', body)
            body = re.sub(r'si_utime=[^,]*, si_stime=[^}]*', 'TIMES', body)
            body = re.sub(r'tv_sec=\d+, tv_(n|u)sec=\d+', 'T', body)
        out.append(body)
    return out


def syscall_of(line):
    m = re.match(r'^([a-z_0-9]+)\(', line)
    return m.group(1) if m else line.split(' ')[0]


def main(argv):
    mask, show = False, 4
    while argv and argv[0] != '--':
        opt = argv.pop(0)
        if opt == '--mask':
            mask = True
        elif opt == '--show' and argv:
            show = int(argv.pop(0))
        else:
            sys.exit('usage: compare-with-strace.py [--mask] [--show N] -- CMD...')
    command = argv[1:]
    if not command:
        sys.exit('usage: compare-with-strace.py [--mask] [--show N] -- CMD...')
    pdig = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pdig')
    with tempfile.TemporaryDirectory() as tmp:
        s_out, p_out = os.path.join(tmp, 'strace.txt'), os.path.join(tmp, 'pdig.txt')
        quiet = dict(stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(['strace', '-f', '-a0', '-o', s_out] + command, **quiet)
        subprocess.run([pdig, 'run', '-a', '--no-rules', '--print', p_out, '--'] + command, **quiet)
        straced = normalise(join_unfinished(open(s_out).read().splitlines()), mask)
        printed = normalise(open(p_out).read().splitlines(), mask)
    s_count, p_count = collections.Counter(straced), collections.Counter(printed)
    only_s, only_p = s_count - p_count, p_count - s_count
    print('strace lines %d, pdig lines %d, strace-only %d, pdig-only %d'
          % (len(straced), len(printed), sum(only_s.values()), sum(only_p.values())))
    groups = collections.defaultdict(list)
    for line, n in only_s.items():
        groups[syscall_of(line)].append(('-', n, line))
    for line, n in only_p.items():
        groups[syscall_of(line)].append(('+', n, line))
    for name in sorted(groups, key=lambda g: -sum(n for k, n, _ in groups[g] if k == '-')):
        rows = groups[name]
        print('== %s: -%d +%d' % (name, sum(n for k, n, _ in rows if k == '-'), sum(n for k, n, _ in rows if k == '+')))
        for kind, n, line in sorted(rows, key=lambda r: r[2])[:show]:
            print('  %s%d %s' % (kind, n, line))


if __name__ == '__main__':
    main(sys.argv[1:])
