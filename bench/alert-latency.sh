#!/usr/bin/env bash
# Alert latency: syscall (entry stop time) to alert written, while the tracer runs at full speed.
# Runs lat_shadow_storm (an open/close storm with a /etc/shadow open every INTERVAL iterations)
# under `pdig run --stats` with a one-rule file, and prints pdig's own latency histogram and
# drop counters. Usage: bench/alert-latency.sh [SECONDS] [INTERVAL] [WARMUP_SECONDS]
# WARMUP_SECONDS (default 3) delays the storm: the journal's first open takes 1-3 s, during which
# events queue up (the tracee never waits for it); the target is about the steady state, so the
# script measures both, with and without the warm-up.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-10}
interval=${2:-500}
warmup=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prog=$root/test-programs/target/bin/lat_shadow_storm
[ -x "$prog" ] || make -s -C "$root/test-programs" OUT="$root/test-programs/target/bin" >/dev/null
cat > "$work/rule.yaml" <<'YAML'
- rule: Latency probe
  desc: matches the benchmark's /etc/shadow opens
  condition: evt.type in (open, openat) and fd.name = /etc/shadow
  output: "shadow opened by %proc.name (%evt.num)"
  priority: NOTICE
YAML
for delay in 0 "$warmup"; do
  rm -f "$work/alerts.jsonl"
  "$root/pdig" run --stats -r "$work/rule.yaml" -o json --alerts "$work/alerts.jsonl" -- \
    /bin/sh -c "sleep $delay; exec $prog $secs $interval" 2> "$work/stderr" > "$work/stdout"
  echo "== storm starting ${delay}s after launch: $(cat "$work/stdout"), alerts written: $(wc -l < "$work/alerts.jsonl")"
  grep '^stats:' "$work/stderr"
done
