#!/usr/bin/env bash
# Syscall mix of each tracer-bench row: which syscalls a row makes, how many of them pdig traces
# (BENCH_STRACE_SET, as in tracer-bench.sh), and so how many ptrace stops strace needs (entry and
# exit) and how many pdig needs at least (no exit stop for SKIP_EXIT rows). With pdig available it
# also runs `pdig run -c`, so that its own stop counter can be compared with the estimate.
#
# Usage: bench/syscall-mix.sh [-r ROW,ROW...] [--no-pdig] [--top N]
# Same workload sizes and environment as bench/tracer-bench.sh (BENCH_*, PDIG, STRACE).
# Counting uses `strace -f -c` over all syscalls, so it is slow; times printed here mean nothing.
set -uo pipefail

BENCH_NAME=syscall-mix
# shellcheck source=bench/rows.sh
. "$(dirname "${BASH_SOURCE[0]}")/rows.sh"

ONLY="" DO_PDIG=1 TOP=8
while [ $# -gt 0 ]; do
    case "$1" in
        -r) ONLY=${2:?-r needs row names}; shift 2 ;;
        --no-pdig) DO_PDIG=0; shift ;;
        --top) TOP=${2:?--top needs a number}; shift 2 ;;
        -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
[[ $TOP =~ ^[1-9][0-9]*$ ]] || die "--top: expected a positive integer, got '$TOP'"
select_rows "${ONLY:-$(IFS=,; echo "${BASE_ROWS[*]}")}"

WORK=${BENCH_TMP:-$(mktemp -d /tmp/pdig-mix.XXXXXX)}
mkdir -p "$WORK" || die "cannot create work directory $WORK"
LOG="$WORK/runs.log"
make_files_dir
trap remove_scratch EXIT
: >"$LOG"

build_programs
if [ $DO_PDIG = 1 ]; then
    # shellcheck disable=SC2086 # PDIG_ARGS is a list of options
    if [ -x "$PDIG" ] && timeout 900 "$PDIG" run $PDIG_ARGS -- /bin/true >>"$LOG" 2>&1; then
        freeze_pdig
    else
        echo "syscall-mix: '$PDIG run' does not work; skipping pdig's own counters" >&2
        DO_PDIG=0
    fi
fi
SYSCALLS=$(strace_syscalls 2>"$WORK/set-source") || die "cannot get pdig's syscall set ('$PDIG syscalls --default --names' failed and event-model is not built)"
SKIP_EXIT=$(skip_exit_syscalls) || die "cannot read SKIP_EXIT rows from the event-model table (is event-model built?)"
[[ " ${ROWS[*]} " == *" git_status"* ]] && GIT_REPO=$(make_git_repo)
echo "traced set (* below): $(tr ',' '\n' <<<"$SYSCALLS" | wc -l) syscalls, $(tail -1 "$WORK/set-source")"
echo "exit stop skippable (SKIP_EXIT): $SKIP_EXIT"

for row in "${ROWS[@]}"; do
    row_command "$row"
    counts="$WORK/counts.$row"
    "$STRACE" -f -qq -c -U name,calls -S calls -o "$counts" "${CMD[@]}" >/dev/null 2>>"$LOG" \
        || { echo "$(row_label "$row"): strace -c failed (see $LOG)"; continue; }
    echo
    echo "== $(row_label "$row")"
    # strace -c table: "name calls" lines between the dashed rules; * marks traced syscalls.
    awk -v traced="$SYSCALLS" -v skip="$SKIP_EXIT" -v top="$TOP" '
        BEGIN { n = split(traced, t, ","); for (i = 1; i <= n; i++) T[t[i]] = 1
                n = split(skip, s, ","); for (i = 1; i <= n; i++) S[s[i]] = 1 }
        /^-/ { rule++; next }
        rule == 1 && NF >= 2 {
            total += $2
            if ($1 in T) { tr += $2; entry_only += ($1 in S) ? $2 : 0; tl = tl sprintf(" %s %d", $1, $2) }
            if (++shown <= top) all = all sprintf(" %s%s %d", $1, ($1 in T) ? "*" : "", $2)
        }
        END {
            printf "  syscalls: %d, traced (in the set): %d (%.0f%%)\n", total, tr, total ? 100 * tr / total : 0
            printf "  stops for these calls: strace %d (entry+exit), pdig %d (no exit stop for SKIP_EXIT); process events come on top\n", 2 * tr, 2 * tr - entry_only
            printf "  most frequent (* = traced):%s\n", all
            printf "  traced:%s\n", tl == "" ? " none" : tl
        }' "$counts"
    if [ $DO_PDIG = 1 ]; then
        pdig_out="$WORK/pdig-c.$row"
        # shellcheck disable=SC2086 # PDIG_ARGS is a list of options
        timeout 600 "$PDIG" run -c $PDIG_ARGS -- "${CMD[@]}" >/dev/null 2>"$pdig_out"
        echo "  pdig run -c (exit $?): $(grep -m1 'ptrace stops' "$pdig_out"); its table:"
        sed -n '/calls *errors *syscall/,/total/p' "$pdig_out" | sed 's/^/    | /'
    fi
done
