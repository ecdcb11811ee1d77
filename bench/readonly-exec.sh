#!/usr/bin/env bash
# Exec of a program that lives on a read-only filesystem (docs/BENCHMARKS.md, Tracer speed, "Exec on
# a read-only filesystem"): `bench_launch_programs N PROG` (fork + execv PROG + waitpid, timed inside
# the program) where PROG is a copy of /bin/true in one of these places, made by this script and
# removed at its exit:
#   writable   a directory of the work directory (the control: nothing is read-only)
#   ro_bind    a read-only bind mount of that directory (the mount is read-only, its superblock is
#              not: the exec snapshot must tell the two apart, as for a container's read-only root)
#   ro_tmpfs   a tmpfs remounted read-only (a read-only superblock)
#   ro_many    ro_tmpfs, with the command run in a new mount namespace (unshare -m) that holds M more
#              mounts (stacked tmpfs), so that the namespace's mountinfo is long
# each run untraced, under `pdig run --`, optionally under a second pdig build (--pdig-b, e.g. the
# tree before a change), and under `strace -f --seccomp-bpf` tracing the set pdig traces.
# Then, since the launches' wall time moves with the machine's load far more than one lookup
# costs, the lookup itself (bench/src/ReadOnlyLookupCost.java, against PDIG's jars): CPU time per
# call of the uncached read of a process's mountinfo that each such exec paid before the table
# was kept per namespace, of the kept table's answer, and of a table read again, for a process in
# this namespace and for one in a namespace with M more mounts.
#
# Usage: bench/readonly-exec.sh [-k K] [-n N] [-m M] [-r ROW,ROW...] [--pdig-b PDIG] [--no-strace]
#                               [--no-lookup]
#   -k K          repetitions per row and mode, modes interleaved; the median is shown (default 5)
#   -n N          launches per run (default 300)
#   -m M          extra mounts of the ro_many row (default 1000)
#   -r ROWS       only these rows (writable, ro_bind, ro_tmpfs, ro_many)
#   --pdig-b PDIG another pdig (its ./pdig wrapper) timed as column "pdig B", frozen as PDIG is
#   --no-lookup   skip the lookup's own cost (it needs javac)
# Environment: PDIG (default <repo>/pdig, benchmarked as a frozen copy, see rows.sh), PDIG_ARGS,
#   STRACE, BENCH_TMP (work directory). Needs root (mount, unshare).
set -uo pipefail

BENCH_NAME=readonly-exec
# shellcheck source=bench/rows.sh
. "$(dirname "${BASH_SOURCE[0]}")/rows.sh"

K=5 N=300 M=1000 ONLY="" PDIG_B="" DO_STRACE=1 DO_LOOKUP=1
ALL_RO_ROWS=(writable ro_bind ro_tmpfs ro_many)
while [ $# -gt 0 ]; do
    case "$1" in
        -k) K=${2:?-k needs a number}; shift 2 ;;
        -n) N=${2:?-n needs a number}; shift 2 ;;
        -m) M=${2:?-m needs a number}; shift 2 ;;
        -r) ONLY=${2:?-r needs row names}; shift 2 ;;
        --pdig-b) PDIG_B=${2:?--pdig-b needs the path of a pdig wrapper}; shift 2 ;;
        --no-strace) DO_STRACE=0; shift ;;
        --no-lookup) DO_LOOKUP=0; shift ;;
        -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
for v in K N M; do [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "-${v,,}: expected a positive integer, got '${!v}'"; done
ROWS=()
if [ -n "$ONLY" ]; then
    IFS=, read -ra wanted <<<"$ONLY"
    for w in "${wanted[@]}"; do
        [[ " ${ALL_RO_ROWS[*]} " == *" $w "* ]] || die "-r: unknown row '$w' (rows: ${ALL_RO_ROWS[*]})"
        ROWS+=("$w")
    done
else
    ROWS=("${ALL_RO_ROWS[@]}")
fi
[ "$(id -u)" = 0 ] || die "needs root (it mounts a tmpfs and a bind mount)"
[ -z "$PDIG_B" ] || [ -x "$PDIG_B" ] || die "--pdig-b: '$PDIG_B' is not an executable pdig wrapper"

WORK=${BENCH_TMP:-$(mktemp -d /tmp/pdig-readonly-exec.XXXXXX)}
mkdir -p "$WORK" || die "cannot create work directory $WORK"
LOG="$WORK/runs.log"
: >"$LOG"
MOUNTED=()
cleanup() {
    local i
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do umount "${MOUNTED[i]}" 2>>"$LOG"; done
    [ -n "${HOLDER:-}" ] && kill "$HOLDER" 2>/dev/null
    rm -rf "$WORK/pdig-frozen" "$WORK/pdig-b-frozen"
}
trap cleanup EXIT

# ---- the places ---------------------------------------------------------------------------------
SRC="$WORK/writable" BIND="$WORK/ro-bind" TMPFS="$WORK/ro-tmpfs" STACK="$WORK/stack"
mkdir -p "$SRC" "$BIND" "$TMPFS" "$STACK" || die "cannot create directories in $WORK"
cp /bin/true "$SRC/true" || die "cannot copy /bin/true"
mount --bind "$SRC" "$BIND" && MOUNTED+=("$BIND") && mount -o remount,bind,ro "$BIND" \
    || die "cannot make the read-only bind mount $BIND"
mount -t tmpfs -o size=4m,mode=0755 tmpfs "$TMPFS" && MOUNTED+=("$TMPFS") && cp /bin/true "$TMPFS/true" \
    && mount -o remount,ro "$TMPFS" || die "cannot make the read-only tmpfs $TMPFS"

# Sets CMD to a row's command line (the ro_many row in its own mount namespace with M more mounts).
row_command() {
    local launch="$BIN/bench_launch_programs"
    case "$1" in
        writable) CMD=("$launch" "$N" "$SRC/true") ;;
        ro_bind) CMD=("$launch" "$N" "$BIND/true") ;;
        ro_tmpfs) CMD=("$launch" "$N" "$TMPFS/true") ;;
        ro_many) CMD=(unshare -m --propagation private sh -c \
            'i=0; while [ $i -lt "$1" ]; do mount -t tmpfs -o size=4k none "$2" || exit 9; i=$((i + 1)); done; shift 2; exec "$@"' \
            sh "$M" "$STACK") ;;
    esac
}

# ---- running ------------------------------------------------------------------------------------
# One run of a row in a mode; prints ns per launch, or "fail". ro_many wraps the tracer too, so
# that pdig or strace runs in the namespace with the extra mounts, as the program does.
run_once() {
    local row=$1 mode=$2 out prefix=() ns
    case "$mode" in
        untraced) ;;
        pdig) read -ra prefix <<<"$PDIG run $PDIG_ARGS --" ;;
        pdig_b) read -ra prefix <<<"$PDIG_B run $PDIG_ARGS --" ;;
        strace) prefix=("$STRACE" -f -qq -o /dev/null --seccomp-bpf -e "trace=$SYSCALLS") ;;
    esac
    row_command "$row"
    local full=("${CMD[@]}")
    if [ "$row" = ro_many ]; then full+=("${prefix[@]}" "$BIN/bench_launch_programs" "$N" "$TMPFS/true"); else full=("${prefix[@]}" "${CMD[@]}"); fi
    out="$WORK/out.$row.$mode"
    echo "== $row $mode: ${full[*]}" >>"$LOG"
    timeout -k 5 600 "${full[@]}" >"$out" 2>>"$LOG" || { echo "   failed" >>"$LOG"; echo fail; return; }
    ns=$(sed -n 's/^RESULT launch_programs ops=[0-9]* ns=\([0-9]*\)$/\1/p' "$out" | head -1)
    [ -n "$ns" ] || { echo "   no RESULT line" >>"$LOG"; echo fail; return; }
    echo "   $ns ns" >>"$LOG"
    echo $((ns / N))
}

median() {
    local v
    for v in "$@"; do [ "$v" = fail ] && { echo fail; return; }; done
    printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
us() { [ "$1" = fail ] || [ "$1" = - ] && echo "$1" || awk -v n="$1" 'BEGIN { printf "%.0f\n", n / 1000 }'; }

make -s -C "$REPO/test-programs" target/bin/bench_launch_programs >&2 || die "building bench_launch_programs failed"
timeout 900 "$PDIG" run $PDIG_ARGS -- /bin/true >>"$LOG" 2>&1 || die "'$PDIG run -- /bin/true' failed (see $LOG)"
freeze_pdig
modes=(untraced pdig)
if [ -n "$PDIG_B" ]; then
    timeout 900 "$PDIG_B" run $PDIG_ARGS -- /bin/true >>"$LOG" 2>&1 || die "'$PDIG_B run -- /bin/true' failed (see $LOG)"
    # The same freezing, into another directory (freeze_pdig works on PDIG and WORK/pdig-frozen).
    saved=$PDIG; PDIG=$PDIG_B; mv "$WORK/pdig-frozen" "$WORK/pdig-a-frozen"
    freeze_pdig; mv "$WORK/pdig-frozen" "$WORK/pdig-b-frozen"; mv "$WORK/pdig-a-frozen" "$WORK/pdig-frozen"
    PDIG=${saved}; PDIG_B="$WORK/pdig-b-frozen/pdig"
    modes+=(pdig_b)
fi
if [ $DO_STRACE = 1 ]; then
    command -v "$STRACE" >/dev/null || die "strace not found (set STRACE or pass --no-strace)"
    SYSCALLS=$(strace_syscalls 2>>"$LOG") || die "cannot get pdig's syscall set (see $LOG)"
    modes+=(strace)
fi

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, kernel $(uname -r), K=$K (median), N=$N launches, M=$M, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# pdig: $PDIG${PDIG_B:+; pdig B: $PDIG_B}; work dir $WORK"
declare -A RES
for row in "${ROWS[@]}"; do
    echo "running $row ..." >&2
    run_once "$row" untraced >/dev/null # warm-up
    declare -A samples=()
    for ((rep = 1; rep <= K; rep++)); do
        for m in "${modes[@]}"; do samples[$m]+=" $(run_once "$row" "$m")"; done
    done
    for m in "${modes[@]}"; do
        # shellcheck disable=SC2086 # the sample list is meant to split
        RES[$row.$m]=$(median ${samples[$m]})
        echo "  $m:${samples[$m]} (ns per launch)" >&2
    done
    unset samples
done

echo
echo "Launch of a program by where it lives (us per fork + exec + wait; median of $K)"
printf '%-10s %10s %10s %10s %10s\n' row untraced pdig "pdig B" strace
for row in "${ROWS[@]}"; do
    printf '%-10s %10s %10s %10s %10s\n' "$row" "$(us "${RES[$row.untraced]}")" "$(us "${RES[$row.pdig]}")" \
        "$(us "${RES[$row.pdig_b]:--}")" "$(us "${RES[$row.strace]:--}")"
done

# ---- the lookup itself --------------------------------------------------------------------------
[ $DO_LOOKUP = 1 ] || exit 0
command -v javac >/dev/null || die "javac not found (or pass --no-lookup)"
LIB="$(dirname "$PDIG")/pdig-launcher/target/lib"
mkdir -p "$WORK/lookup" && javac -d "$WORK/lookup" -cp "$LIB/*" "$REPO/bench/src/ReadOnlyLookupCost.java" 2>>"$LOG" \
    || die "compiling bench/src/ReadOnlyLookupCost.java against $LIB failed (see $LOG)"
# The id of the mount at $2 in process $1's table.
mount_id() { awk -v at="$2" '$5 == at { print $1 }' "/proc/$1/mountinfo" | tail -1; }
lookup() {
    local pid=$1 label=$2 lines id out calls
    id=$(mount_id "$pid" "$TMPFS")
    lines=$(wc -l <"/proc/$pid/mountinfo")
    # Calls: enough for the JIT to have compiled the path on a short table (5000), fewer on a long one.
    calls=$((120000 / lines)); ((calls > 5000)) && calls=5000; ((calls < 200)) && calls=200
    out=$(java -cp "$WORK/lookup:$LIB/*" io.pdig.tracer.ReadOnlyLookupCost "$pid" "$id" "$calls" 2>>"$LOG") || die "ReadOnlyLookupCost failed (see $LOG)"
    awk -v l="$label" -v n="$lines" -v c="$calls" '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%-26s %6d %12s %10s %12s %6d\n", l, n, v["uncached_us"], v["kept_us"], v["reread_us"], c }' <<<"$out"
}
echo
echo "The lookup itself, per exec of a program on the read-only tmpfs (CPU us per call, mean of CALLS after as many to warm up)"
printf '%-26s %6s %12s %10s %12s %6s\n' "process" lines "uncached" "kept" "re-read" calls
sleep 600 &
HOLDER=$!
lookup "$HOLDER" "in this namespace"
kill "$HOLDER"; wait "$HOLDER" 2>/dev/null
unshare -m --propagation private sh -c \
    'i=0; while [ $i -lt "$1" ]; do mount -t tmpfs -o size=4k none "$2" || exit 9; i=$((i + 1)); done; exec sleep 600' sh "$M" "$STACK" &
HOLDER=$!
for ((i = 0; i < 600; i++)); do [ "$(cat "/proc/$HOLDER/comm" 2>/dev/null)" = sleep ] && break; sleep 0.1; done
[ "$(cat "/proc/$HOLDER/comm" 2>/dev/null)" = sleep ] || die "the namespace with $M mounts did not come up"
lookup "$HOLDER" "with $M more mounts"
