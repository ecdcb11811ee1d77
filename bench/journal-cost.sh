#!/usr/bin/env bash
# What journaling costs the traced program, and what a real workload's journal weighs.
# Runs bench_create_files (timed inside itself) and `find /usr` (wall time) under `pdig run --no-rules`
# with the hidden benchmark option --no-journal (events go nowhere) and with the default temporary
# journal, interleaved, K times each, and prints medians; then journals one `find /usr` with
# --stats and prints events, encoded bytes/event and on-disk bytes/event.
# Usage: bench/journal-cost.sh [K]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
K=${1:-5}
pdig=$root/pdig
prog=$root/test-programs/target/bin/bench_create_files
[ -x "$prog" ] || make -s -C "$root/test-programs" OUT="$root/test-programs/target/bin" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s%N; }

for mode in nojournal journal; do : > "$work/files.$mode"; : > "$work/find.$mode"; done
for ((i = 0; i < K; i++)); do
  for mode in nojournal journal; do
    extra=(); [ $mode = nojournal ] && extra=(--no-journal)
    "$pdig" run --no-rules "${extra[@]}" -- "$prog" 10000 "$work" 2>/dev/null \
      | awk '/^RESULT/{split($4,a,"="); print a[2]}' >> "$work/files.$mode"
    t0=$(now); "$pdig" run --no-rules "${extra[@]}" -- find /usr >/dev/null 2>&1; t1=$(now)
    echo $(( (t1 - t0) / 1000000 )) >> "$work/find.$mode"
  done
done
f0=$(median < "$work/files.nojournal"); f1=$(median < "$work/files.journal")
g0=$(median < "$work/find.nojournal"); g1=$(median < "$work/find.journal")
printf '%-34s %14s %14s %8s\n' "row (median of $K)" "no journal" "journal" "ratio"
printf '%-34s %11.1f ms %11.1f ms %8.3f\n' "create_files 10000 (in-program)" "$(echo "$f0/1000000" | bc -l)" "$(echo "$f1/1000000" | bc -l)" "$(echo "$f1/$f0" | bc -l)"
printf '%-34s %11d ms %11d ms %8.3f\n' "find /usr (wall, incl. start-up)" "$g0" "$g1" "$(echo "$g1/$g0" | bc -l)"

"$pdig" run --no-rules --journal "$work/j" --stats -- find /usr >/dev/null 2> "$work/stats"
events=$(sed -n 's/^stats: journal: events=\([0-9]*\) bytes=\([0-9]*\).*/\1/p' "$work/stats")
bytes=$(sed -n 's/^stats: journal: events=\([0-9]*\) bytes=\([0-9]*\).*/\2/p' "$work/stats")
disk=$(du -sb --apparent-size "$work/j"/*.cq4 | awk '{s+=$1} END {print s}')
used=$(du -sb "$work/j"/*.cq4 | awk '{s+=$1} END {print s}')
echo "find /usr journal: $events events, $(echo "scale=1; $bytes/$events" | bc) encoded bytes/event, $(echo "scale=1; $used/$events" | bc) bytes/event on disk (allocated; files are sparse, apparent size $disk)"
