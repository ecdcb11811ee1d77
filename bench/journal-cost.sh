#!/usr/bin/env bash
# What journaling costs the traced program, and what a real workload's journal weighs.
#
# Rows: bench_create_files (timed inside itself), `find /usr` timed inside the tracee (the traced
# work alone), and `find /usr` by wall clock (including pdig's start-up and exit). Each runs under
# `pdig run --no-rules` with the hidden benchmark option --no-journal (events go nowhere) and with
# the default temporary journal.
#
# Paired design, because this machine's speed drifts by tens of percent over minutes: every
# round runs no-journal, journal, no-journal again, back to back, and the round's ratio is the
# journal time over the mean of its two no-journal times. The A/A column is the second no-journal
# time over the first: the noise a ratio of two identical runs shows on this machine, so a journal
# ratio inside the A/A spread is not a measurable slowdown. Prints the median ratio and the
# middle half (25th-75th percentile) of each, then journals one `find /usr` with --stats and
# prints events, encoded bytes/event and on-disk bytes/event.
# --control runs the middle run of each round without a journal too: the "journal ratio" column
# then shows what the paired design itself gives when nothing differs (the null distribution to
# compare a journal series with; the middle of a round need not behave like its ends).
# Usage: bench/journal-cost.sh [--control] [ROUNDS]   (default 9; about 30 s per round on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
middle=journal
if [ "${1:-}" = --control ]; then middle=nojournal; shift; fi
K=${1:-9}
pdig=$root/pdig
prog=$root/test-programs/target/bin/bench_create_files
[ -x "$prog" ] || make -s -C "$root/test-programs" OUT="$root/test-programs/target/bin" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# quantile Q of the numbers on stdin (nearest rank)
quantile() { sort -g | awk -v q="$1" '{a[NR]=$1} END {i=int(q*(NR-1)+0.5)+1; print a[i]}'; }
now() { date +%s%N; }
flags() { if [ "$1" = journal ]; then echo --no-rules; else echo --no-rules --no-journal; fi; }

files_ns() {   # mode -> ns inside bench_create_files
  "$pdig" run $(flags "$1") -- "$prog" 10000 "$work" 2>/dev/null | awk '/^RESULT/{split($4,a,"="); print a[2]}'
}
find_inside_ns() {   # mode -> ns of find /usr as the tracee's shell sees it
  "$pdig" run $(flags "$1") -- /bin/sh -c 'a=$(date +%s%N); find /usr >/dev/null; b=$(date +%s%N); echo $((b - a))' 2>/dev/null
}
find_wall_ns() {   # mode -> ns of the whole pdig command
  local t0 t1; t0=$(now); "$pdig" run $(flags "$1") -- find /usr >/dev/null 2>&1; t1=$(now); echo $((t1 - t0))
}

rows=(files_ns find_inside_ns find_wall_ns)
declare -A label=([files_ns]="create_files 10000 (in-program)" [find_inside_ns]="find /usr (inside the tracee)"
                  [find_wall_ns]="find /usr (wall, incl. start-up)")
for r in "${rows[@]}"; do : > "$work/$r.ratio"; : > "$work/$r.aa"; : > "$work/$r.nj"; : > "$work/$r.j"; done
for ((i = 0; i < K; i++)); do
  for r in "${rows[@]}"; do
    a=$($r nojournal); b=$($r $middle); c=$($r nojournal)
    echo "$a" >> "$work/$r.nj"; echo "$c" >> "$work/$r.nj"; echo "$b" >> "$work/$r.j"
    echo "$b / (($a + $c) / 2)" | bc -l >> "$work/$r.ratio"
    echo "$c / $a" | bc -l >> "$work/$r.aa"
    echo "round $((i + 1)) ${label[$r]}: no journal $((a / 1000000)) ms, $middle $((b / 1000000)) ms, no journal $((c / 1000000)) ms" >&2
  done
done
[ $middle = journal ] || echo "control series: the middle run of each round has no journal either"
printf '%-34s %10s %10s %22s %22s\n' "row ($K rounds, ms = medians)" "no journal" "$middle" "middle ratio (IQR)" "A/A ratio (IQR)"
for r in "${rows[@]}"; do
  printf '%-34s %7d ms %7d ms %8.3f (%.3f-%.3f) %8.3f (%.3f-%.3f)\n' "${label[$r]}" \
    "$(( $(quantile 0.5 < "$work/$r.nj") / 1000000 ))" "$(( $(quantile 0.5 < "$work/$r.j") / 1000000 ))" \
    "$(quantile 0.5 < "$work/$r.ratio")" "$(quantile 0.25 < "$work/$r.ratio")" "$(quantile 0.75 < "$work/$r.ratio")" \
    "$(quantile 0.5 < "$work/$r.aa")" "$(quantile 0.25 < "$work/$r.aa")" "$(quantile 0.75 < "$work/$r.aa")"
done

"$pdig" run --no-rules --journal "$work/j" --stats -- find /usr >/dev/null 2> "$work/stats"
events=$(sed -n 's/^stats: journal: events=\([0-9]*\) bytes=\([0-9]*\).*/\1/p' "$work/stats")
bytes=$(sed -n 's/^stats: journal: events=\([0-9]*\) bytes=\([0-9]*\).*/\2/p' "$work/stats")
disk=$(du -sb --apparent-size "$work/j"/*.cq4 | awk '{s+=$1} END {print s}')
used=$(du -sb "$work/j"/*.cq4 | awk '{s+=$1} END {print s}')
echo "find /usr journal: $events events, $(echo "scale=1; $bytes/$events" | bc) encoded bytes/event, $(echo "scale=1; $used/$events" | bc) bytes/event on disk (allocated; files are sparse, apparent size $disk)"
grep '^stats: journal' "$work/stats"
