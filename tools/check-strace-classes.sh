#!/usr/bin/env bash
# Compares the x86_64 rows of event-model's syscall-classes.tsv with the installed strace: builds
# tools/strace-class-probe.c (every x86_64 syscall number once, each failed by a seccomp filter
# before it runs), runs it under `strace -e trace=%CLASS` for each class and lists, per class, the
# names strace prints that the table lacks (+) and the table's x86_64 members strace does not print (-).
# No output and exit 0: they agree. i386-only names cannot be checked this way on x86_64 (their
# classes follow their x86_64 counterparts). Needs gcc and strace.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
res=$here/../event-model/src/main/resources/io/pdig/model/syscall
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O1 -static -nostdlib -fno-stack-protector -o "$tmp/probe" "$here/strace-class-probe.c"
awk -F'\t' '$2 != -1 {print $1}' "$res/syscall-numbers.tsv" | sort > "$tmp/x86_64"
status=0
for c in file process network signal ipc desc memory creds clock stat lstat fstat %stat statfs fstatfs %statfs pure; do
  strace -f -qq -e trace="%$c" -o "$tmp/out" "$tmp/probe"
  # The probe's own prctl and seccomp calls are real calls; they count as the loop's do.
  sed -E 's/^[0-9]+ +//; s/\(.*//' "$tmp/out" | grep -v -e '^+++' -e '^---' -e '^syscall_0x' | sort -u > "$tmp/strace"
  awk -F'\t' -v c="$c" '{n = split($2, a, ","); for (i = 1; i <= n; i++) if (a[i] == c) print $1}' "$res/syscall-classes.tsv" \
    | sort | comm -12 - "$tmp/x86_64" > "$tmp/table"
  if ! diff -q "$tmp/strace" "$tmp/table" > /dev/null; then
    echo "%$c: $(comm -23 "$tmp/strace" "$tmp/table" | sed 's/^/+/' | tr '\n' ' ')$(comm -13 "$tmp/strace" "$tmp/table" | sed 's/^/-/' | tr '\n' ' ')"
    status=1
  fi
done
exit $status
