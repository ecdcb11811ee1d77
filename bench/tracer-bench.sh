#!/usr/bin/env bash
# Tracer speed and start-up benchmark: runs OSBench-like programs (test-programs/src/bench_*.c) and
# real commands untraced, under `pdig run` and under `strace --seccomp-bpf` tracing the same syscall
# set as pdig's default, and prints one table. See docs/BENCHMARKS.md for results and how to read them.
#
# Usage: bench/tracer-bench.sh [-k K] [-r ROW,ROW...] [--no-pdig] [--no-strace] [--no-startup]
#                              [--startup-runs N] [--list]
#   -k K              repetitions per row and mode; the median is reported (default 3, env BENCH_K)
#   -r ROWS           only these rows (names from --list)
#   --no-pdig/--no-strace   skip a traced column (printed as "-")
#   --no-startup      skip the start-up measurement; --startup-runs N sets its runs (default 7)
#   --list            print the row names and exit
# Workload sizes (environment; defaults keep a full run under ~10 minutes on 2 cores):
#   BENCH_CREATE_FILES=10000  BENCH_CREATE_THREADS=2000  BENCH_LAUNCH_PROGRAMS=300
#   BENCH_CREATE_PROCESSES=1000  BENCH_MEM_ALLOC=20000 (rounds of 1000 blocks)  BENCH_GETPPID=1000000
#   BENCH_FIND_DIR=/usr  BENCH_TAR_DIR=/usr/share  BENCH_GIT_FILES=20000 (files in the generated repo)
#   BENCH_FILES_DIR=tmpfs (create files in a new directory in /dev/shm; "work": in the work
#   directory under /tmp, as before session 5; or a directory)
# Other environment: PDIG (default <repo>/pdig), PDIG_ARGS (extra `pdig run` options),
#   BENCH_PDIG_FROZEN (1: time a frozen copy of the pdig build, immune to rebuilds; 0: PDIG as is),
#   BENCH_STRACE_SET (effective: the set `pdig run $PDIG_ARGS` traces, default; default: pdig's
#   DEFAULT rows; or a list), STRACE (default strace), BENCH_TIMEOUT (seconds per run, default 300), BENCH_TMP (work dir).
#
# Programs are timed inside themselves (CLOCK_MONOTONIC around the work loop, printed as
# "RESULT <name> ops=N ns=T"), so tracer start-up and shutdown are excluded; commands are timed by
# wall clock here, so they include the tracer's start-up and shutdown, and once more from inside the
# traced tree by bench_timed (the "timed inside" rows), which leaves them out. Modes are interleaved within each
# repetition (untraced, pdig, strace, untraced, ...) so that drifting machine load hits all alike.
set -uo pipefail

BENCH_NAME=tracer-bench
# shellcheck source=bench/rows.sh
. "$(dirname "${BASH_SOURCE[0]}")/rows.sh"

K=${BENCH_K:-3}
TIMEOUT=${BENCH_TIMEOUT:-300}
STARTUP_RUNS=7
DO_PDIG=1 DO_STRACE=1 DO_STARTUP=1
ONLY=""

while [ $# -gt 0 ]; do
    case "$1" in
        -k) K=${2:?-k needs a number}; shift 2 ;;
        -r) ONLY=${2:?-r needs row names}; shift 2 ;;
        --no-pdig) DO_PDIG=0; shift ;;
        --no-strace) DO_STRACE=0; shift ;;
        --no-startup) DO_STARTUP=0; shift ;;
        --startup-runs) STARTUP_RUNS=${2:?--startup-runs needs a number}; shift 2 ;;
        --list) printf '%s\n' "${ALL_ROWS[@]}"; exit 0 ;;
        -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
[[ $K =~ ^[1-9][0-9]*$ ]] || die "-k: expected a positive integer, got '$K'"
[[ $STARTUP_RUNS =~ ^[1-9][0-9]*$ ]] || die "--startup-runs: expected a positive integer, got '$STARTUP_RUNS'"
select_rows "$ONLY"

WORK=${BENCH_TMP:-$(mktemp -d /tmp/pdig-bench.XXXXXX)}
mkdir -p "$WORK" || die "cannot create work directory $WORK"
LOG="$WORK/runs.log"
: >"$LOG"
make_files_dir
trap remove_scratch EXIT

# ---- running ----------------------------------------------------------------------------------

# Runs one row in one mode; prints the measured time in ns, or "fail".
run_once() {
    local row=$1 mode=$2 out rc t0 t1 ns
    row_command "$row"
    mode_prefix "$mode"
    out="$WORK/out.$row.$mode"
    echo "== $row $mode: ${PREFIX[*]} ${CMD[*]}" >>"$LOG"
    t0=$EPOCHREALTIME
    timeout -k 5 "$TIMEOUT" "${PREFIX[@]}" "${CMD[@]}" >"$out" 2>>"$LOG"
    rc=$?
    t1=$EPOCHREALTIME
    if [ $rc -ne 0 ]; then
        echo "   exit code $rc" >>"$LOG"; echo fail; return
    fi
    if is_program "$row"; then
        ns=$(sed -n 's/^RESULT [a-z_]* ops=[0-9]* ns=\([0-9]*\)$/\1/p' "$out" | head -1)
        [ -n "$ns" ] || { echo "   no RESULT line on stdout" >>"$LOG"; echo fail; return; }
    else
        ns=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) * 1e9 }')
    fi
    echo "   $ns ns" >>"$LOG"
    echo "$ns"
}

# Median of the numeric arguments ("fail" if any run failed: a failing tracer must show).
median() {
    local v
    for v in "$@"; do [ "$v" = fail ] && { echo fail; return; }; done
    printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.0f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

fmt_ms() { [[ $1 == fail || $1 == - ]] && echo "$1" || awk -v n="$1" 'BEGIN { printf "%.1f\n", n / 1e6 }'; }
ratio() { [[ $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ && $2 -gt 0 ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }' || echo "-"; }

# ---- main -------------------------------------------------------------------------------------

command -v "$STRACE" >/dev/null || { [ $DO_STRACE = 0 ] || die "strace not found (set STRACE or pass --no-strace)"; }
build_programs

if [ $DO_PDIG = 1 ]; then
    if [ ! -x "$PDIG" ]; then
        die "pdig not found at $PDIG (set PDIG, or pass --no-pdig)"
    fi
    # The first run may build pdig; then freeze that build (see freeze_pdig) and check the copy.
    timeout 900 "$PDIG" run $PDIG_ARGS -- /bin/true >>"$LOG" 2>&1 \
        || die "'$PDIG run $PDIG_ARGS -- /bin/true' failed (see $LOG), or pass --no-pdig"
    freeze_pdig
    timeout 120 "$PDIG" run $PDIG_ARGS -- /bin/true >>"$LOG" 2>&1 \
        || die "the frozen copy '$PDIG run $PDIG_ARGS -- /bin/true' failed (see $LOG); try BENCH_PDIG_FROZEN=0"
fi
SYSCALLS=""
if [ $DO_STRACE = 1 ]; then
    SYSCALLS=$(strace_syscalls 2>"$WORK/set-source") || die "cannot get pdig's syscall set: '$PDIG syscalls --default --names' failed and event-model is not built"
    SET_SOURCE=$(tail -1 "$WORK/set-source"); grep WARNING "$WORK/set-source" >&2
fi
[[ " ${ROWS[*]} " == *" git_status"* ]] && GIT_REPO=$(make_git_repo)

modes=(untraced)
[ $DO_PDIG = 1 ] && modes+=(pdig)
[ $DO_STRACE = 1 ] && modes+=(strace)

# Other work on the machine distorts traced runs most (every ptrace stop waits for a CPU), so
# the load is printed with the results.
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, kernel $(uname -r), K=$K (median), load average at start $(loadavg)"
echo "# create files in $FILES_DIR ($(stat -f -c %T "$FILES_DIR"))"
[ $DO_PDIG = 1 ] && echo "# pdig: $PDIG run $PDIG_ARGS -- CMD"
if [ -n "$SYSCALLS" ]; then
    echo "# strace: $STRACE -f -qq -o /dev/null --seccomp-bpf -e trace=SET CMD"
    echo "#   SET = $(tr ',' '\n' <<<"$SYSCALLS" | wc -l) syscalls, $SET_SOURCE:"
    # Wrapped at commas so every name stays whole.
    awk -v s="$SYSCALLS" 'BEGIN { n = split(s, a, ","); line = "#  "
        for (i = 1; i <= n; i++) { w = " " a[i] (i < n ? "," : ""); if (length(line w) > 110) { print line; line = "#  " } line = line w }
        print line }'
fi
echo "# work dir $WORK" >&2

declare -A RES
for row in "${ROWS[@]}"; do
    echo "running $(row_label "$row") ..." >&2
    run_once "$row" untraced >/dev/null # warm caches (page cache for find/tar/git, binaries)
    declare -A samples=()
    for ((rep = 1; rep <= K; rep++)); do
        for m in "${modes[@]}"; do samples[$m]+=" $(run_once "$row" "$m")"; done
    done
    for m in untraced pdig strace; do
        if [ -n "${samples[$m]:-}" ]; then
            # shellcheck disable=SC2086 # word splitting of the sample list is intended
            RES[$row.$m]=$(median ${samples[$m]})
            echo "  $m:${samples[$m]}" >&2
        else
            RES[$row.$m]=-
        fi
    done
    unset samples
done

echo
echo "Tracer speed (times in ms; programs: internal timing, commands: wall clock; median of $K)"
echo "rel = untraced/traced (1.00 = no slowdown); pdig/strace = pdig rel / strace rel (>1: pdig faster)"
printf '%-30s %10s %10s %10s %9s %10s %11s\n' row untraced pdig strace "pdig rel" "strace rel" "pdig/strace"
for row in "${ROWS[@]}"; do
    u=${RES[$row.untraced]} p=${RES[$row.pdig]} s=${RES[$row.strace]}
    printf '%-30s %10s %10s %10s %9s %10s %11s\n' "$(row_label "$row")" "$(fmt_ms "$u")" "$(fmt_ms "$p")" \
        "$(fmt_ms "$s")" "$(ratio "$u" "$p")" "$(ratio "$u" "$s")" "$(ratio "$s" "$p")"
done

# ---- start-up ---------------------------------------------------------------------------------
# Time from just before the tracer is launched (bash's $EPOCHREALTIME, no fork needed) until the
# tracee's main() reads CLOCK_REALTIME.
if [ $DO_STARTUP = 1 ]; then
    startup_once() {
        local t0 out rc
        mode_prefix "$1"
        out="$WORK/out.startup.$1"
        t0=$EPOCHREALTIME
        timeout -k 5 "$TIMEOUT" "${PREFIX[@]}" "$BIN/bench_startup" >"$out" 2>>"$LOG"
        rc=$?
        local ns
        ns=$(sed -n 's/^RESULT startup realtime_ns=\([0-9]*\)$/\1/p' "$out" | head -1)
        if [ $rc -ne 0 ] || [ -z "$ns" ]; then echo fail; return; fi
        # t0 is "seconds.micros"; compare in integer ns.
        echo $((ns - ${t0/./} * 1000))
    }
    echo
    echo "Start-up: launch of the tracer until the tracee's main() runs (ms; median of $STARTUP_RUNS)"
    printf '%-12s %10s %10s %10s   %s\n' mode median min max "all runs"
    for m in "${modes[@]}"; do
        all=()
        for ((i = 0; i < STARTUP_RUNS; i++)); do all+=("$(startup_once "$m")"); done
        med=$(median "${all[@]}")
        if [ "$med" = fail ]; then
            printf '%-12s %10s\n' "$m" fail
        else
            sorted=($(printf '%s\n' "${all[@]}" | sort -g))
            list=$(for v in "${all[@]}"; do fmt_ms "$v"; done | paste -sd' ')
            printf '%-12s %10s %10s %10s   %s\n' "$m" "$(fmt_ms "$med")" "$(fmt_ms "${sorted[0]}")" \
                "$(fmt_ms "${sorted[-1]}")" "$list"
        fi
    done
fi
echo
echo "# load average at end $(loadavg); log of every run: $LOG"
