#!/usr/bin/env python3
"""Runs tools/compare-with-strace.py --mask over every command of a list file (one command a line,
split as a shell splits words; blank lines and '#' lines skipped; {scratch} stands for an empty
directory made for the run, {repo} for this checkout) and prints each command's counts, then the strace-only lines of all
of them, most frequent first. What is left is mostly what differs between any two runs (process
ids, /proc contents, timing) and the known differences INTERNALS and README name.

    tools/compare-set.py [--show N] tools/strace-comparison-programs.txt
"""
import collections
import os
import re
import shlex
import subprocess
import sys
import tempfile


def main(argv):
    show = 40
    if len(argv) >= 2 and argv[0] == '--show':
        show, argv = int(argv[1]), argv[2:]
    if len(argv) != 1:
        sys.exit('usage: compare-set.py [--show N] LIST')
    tools = os.path.dirname(os.path.abspath(__file__))
    compare, repo = os.path.join(tools, 'compare-with-strace.py'), os.path.dirname(tools)
    total, lines = 0, collections.Counter()
    with tempfile.TemporaryDirectory() as scratch:
        for raw in open(argv[0]).read().splitlines():
            if not raw.strip() or raw.lstrip().startswith('#'):
                continue
            command = [w.replace('{scratch}', scratch).replace('{repo}', repo) for w in shlex.split(raw)]
            out = subprocess.run([compare, '--mask', '--show', '100000', '--'] + command,
                                 capture_output=True, text=True).stdout.splitlines()
            head = out[0] if out else 'no output'
            m = re.search(r'strace-only (\d+)', head)
            total += int(m.group(1)) if m else 0
            print('%-60s %s' % (raw[:60], head))
            for line in out[1:]:
                k = re.match(r'^  -(\d+) (.*)$', line)
                if k:
                    lines[k.group(2)] += int(k.group(1))
    print('strace-only lines in all: %d' % total)
    for line, n in lines.most_common(show):
        print('%4d %s' % (n, line[:200]))


if __name__ == '__main__':
    main(sys.argv[1:])
