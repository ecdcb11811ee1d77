#!/usr/bin/env bash
# The cost of the exec snapshot's /proc reads at an exec stop, per file, first read against a
# repeated one (bench/src/proc_first_read.c). Usage: bench/proc-first-read.sh [EXECS] (default 1000).
# Needs gcc; root or CAP_SYS_PTRACE is not needed (the program traces its own children).
set -euo pipefail
here=${BASH_SOURCE[0]%/*}
out=$(mktemp -d /tmp/pdig-proc-first-read.XXXXXX)
trap 'rm -rf "$out"' EXIT
gcc -O2 -o "$out/proc_first_read" "$here/src/proc_first_read.c"
"$out/proc_first_read" "${1:-1000}"
