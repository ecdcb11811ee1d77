#!/usr/bin/env bash
# Regenerates event-model's syscall number table from the kernel UAPI headers on this machine.
# Why generated: the numbers are facts of the kernel ABI, not design; the hand-written table
# (SyscallTable.java) holds only what we decide (argument kinds, flags, default set).
# Output columns: name, x86_64 number (-1 if none), i386 number (-1 if none).
set -euo pipefail
inc=/usr/include/x86_64-linux-gnu/asm
out=${1:-$(dirname "$0")/../event-model/src/main/resources/io/pdig/model/syscall/syscall-numbers.tsv}
join -t $'\t' -a1 -a2 -e -1 -o 0,1.2,2.2 \
  <(awk '/^#define __NR_/{sub("__NR_","",$2); print $2"\t"$3}' $inc/unistd_64.h | sort) \
  <(awk '/^#define __NR_/{sub("__NR_","",$2); print $2"\t"$3}' $inc/unistd_32.h | sort) \
  | sort -t $'\t' -k1,1 > "$out"
echo "wrote $(wc -l < "$out") rows to $out"
