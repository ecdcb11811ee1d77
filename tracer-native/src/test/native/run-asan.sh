#!/bin/sh
# Builds libpdigtracer's C sources together with asan_driver.c under AddressSanitizer and
# UndefinedBehaviorSanitizer into target/asan/ and runs the driver (spawn, wait, seccomp stops,
# memory reads, readlink on /bin/true). Exit status 0 means no sanitizer report and a correct run.
# Usage: run-asan.sh [output-dir]   (run by AsanCheckTest during `mvn test`)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../../target/asan}
mkdir -p "$out"
cc=${CC:-gcc}
# Exit 77 (skip) when the toolchain has no sanitizer runtime, so the check degrades loudly, not red.
if ! echo 'int main(void){return 0;}' | $cc -x c -fsanitize=address,undefined -o "$out/probe" - 2>/dev/null; then
    echo "sanitizer runtime unavailable for $cc"
    exit 77
fi
$cc -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE \
    -Wall -Wextra -o "$out/asan_driver" "$here/asan_driver.c" "$here"/../../main/c/*.c
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$out/asan_driver"
