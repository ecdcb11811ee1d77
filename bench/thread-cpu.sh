#!/usr/bin/env bash
# CPU time of each of pdig's threads over a window in the middle of a run: where a traced
# workload's CPU goes (tracer, journal, detection, compiler) once start-up is over.
#
# Usage: bench/thread-cpu.sh [-s SKIP] [-w WINDOW] -- PDIG_COMMAND...
#   -s SKIP     seconds to wait after the start before the first reading (default 2)
#   -w WINDOW   seconds between the two readings (default 4)
# Example: bench/thread-cpu.sh -- ./pdig run -- test-programs/target/bin/bench_launch_programs 3000
# The command's own stdout is discarded, its stderr kept. The pdig script execs the JVM, so the
# started process is the JVM; threads of the same name are added up.
# Prints user and system ms per thread name, largest first. (Session 8; before that
# /tmp/exp/tcpu.py, docs/BENCHMARKS.md, Tracer speed, session 8.)
set -uo pipefail

skip=2 window=4
while [ $# -gt 0 ]; do
    case "$1" in
        -s) skip=${2:?-s needs seconds}; shift 2 ;;
        -w) window=${2:?-w needs seconds}; shift 2 ;;
        --) shift; break ;;
        *) echo "thread-cpu: unknown argument '$1' (usage: $0 [-s S] [-w W] -- COMMAND...)" >&2; exit 2 ;;
    esac
done
[ $# -gt 0 ] || { echo "thread-cpu: no command given" >&2; exit 2; }

# name utime stime (clock ticks) for every thread of $1, one line each.
reading() {
    local t s name rest
    for t in /proc/"$1"/task/*; do
        s=$(cat "$t/stat" 2>/dev/null) || continue
        name=${s#*(}; name=${name%)*}
        rest=${s##*) }
        # After ") ": state is field 3, utime field 14, stime field 15.
        set -- $rest
        printf '%s\t%s\t%s\n' "$name" "${12}" "${13}"
    done
}

"$@" >/dev/null &
pid=$!
sleep "$skip"
kill -0 "$pid" 2>/dev/null || { echo "thread-cpu: the command ended within $skip s" >&2; exit 1; }
before=$(reading "$pid")
t0=$EPOCHREALTIME
sleep "$window"
after=$(reading "$pid")
t1=$EPOCHREALTIME
wait "$pid"
rc=$?
hz=$(getconf CLK_TCK)
echo "window $(( (${t1/./} - ${t0/./}) / 1000 )) ms; command exit status $rc"
awk -F'\t' -v hz="$hz" '
    FNR == NR { u0[$1] += $2; s0[$1] += $3; next }
    { u1[$1] += $2; s1[$1] += $3 }
    END {
        for (k in u1) {
            du = (u1[k] - u0[k]) * 1000 / hz; ds = (s1[k] - s0[k]) * 1000 / hz
            if (du + ds > 0) printf "%d\t%-28s user %6d ms  sys %6d ms\n", du + ds, k, du, ds
        }
    }' <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sort -t$'\t' -k1,1nr | cut -f2-
