#!/usr/bin/env bash
# Start-up A/B: how long until the tracee's main() runs, for two ways of starting pdig, measured
# in turns (A, B, A, B, ...) so that the machine's drifting speed hits both alike.
#
# Usage: bench/startup-ab.sh [-n N] COMMAND_A... :: COMMAND_B...
#        bench/startup-ab.sh [-n N] --jto "PDIG_JAVA_OPTS_A" "PDIG_JAVA_OPTS_B" [PDIG_ARGS...]
#   -n N     runs of each (default 15)
#   --jto    both runs use this tree's ./pdig with PDIG_ARGS (default: run --); A and B differ
#            only in PDIG_JAVA_OPTS, pdig's own JVM options (use e.g. "-Dx=1" for "nothing"; they
#            come after the script's own flags; JAVA_TOOL_OPTIONS would go to the traced command)
# Each command gets test-programs/target/bin/bench_startup appended, which prints CLOCK_REALTIME
# first thing in main(); the time is taken from bash's $EPOCHREALTIME just before the command.
# Examples:
#   bench/startup-ab.sh /old/tree/pdig run -- :: ./pdig run --
#   bench/startup-ab.sh --jto "-Dx=1" "-XX:+UseTransparentHugePages"
# Prints each run and the medians (ms). Before session 8 this lived outside the repository as
# /tmp/exp/su.sh and /tmp/exp/suj.sh (docs/BENCHMARKS.md, Start-up, sessions 7 and 8).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
probe=$here/test-programs/target/bin/bench_startup
die() { echo "startup-ab: $*" >&2; exit 2; }

n=15
if [ "${1:-}" = -n ]; then
    n=${2:?-n needs a number}; shift 2
fi
[[ $n =~ ^[1-9][0-9]*$ ]] || die "-n: expected a positive integer, got '$n'"
[ -x "$probe" ] || die "$probe is missing: build first (./pdig version builds it)"

a=() b=() jto_a="" jto_b="" jto=0
if [ "${1:-}" = --jto ]; then
    [ $# -ge 3 ] || die "--jto needs two PDIG_JAVA_OPTS values"
    jto=1 jto_a=$2 jto_b=$3; shift 3
    pdig_args=("$@")
    [ ${#pdig_args[@]} -gt 0 ] || pdig_args=(run --)
    a=("$here/pdig" "${pdig_args[@]}") b=("${a[@]}")
else
    while [ $# -gt 0 ] && [ "$1" != "::" ]; do a+=("$1"); shift; done
    [ "${1:-}" = "::" ] || die "expected COMMAND_A... :: COMMAND_B... (or --jto A B)"
    shift
    b=("$@")
    [ ${#a[@]} -gt 0 ] && [ ${#b[@]} -gt 0 ] || die "both commands are needed"
fi

# One run: ms from just before the command to the probe's first line, or "fail".
one() {
    local opts=$1; shift
    local t0=$EPOCHREALTIME out ns
    if [ $jto = 1 ]; then
        out=$(PDIG_JAVA_OPTS="$opts" "$@" "$probe" 2>/dev/null)
    else
        out=$("$@" "$probe" 2>/dev/null)
    fi
    ns=$(sed -n 's/.*realtime_ns=//p' <<<"$out")
    [ -n "$ns" ] || { echo fail; return; }
    echo $(((ns - ${t0/./} * 1000) / 1000000))
}

median() { tr ' ' '\n' <<<"$*" | grep -v '^$' | grep -v fail | sort -n | awk '{x[NR]=$1} END{print (NR ? x[int((NR+1)/2)] : "-")}'; }

ra="" rb=""
for ((i = 0; i < n; i++)); do
    ra+=" $(one "$jto_a" "${a[@]}")"
    rb+=" $(one "$jto_b" "${b[@]}")"
done
echo "A:$ra  median $(median $ra) ms"
echo "B:$rb  median $(median $rb) ms"
