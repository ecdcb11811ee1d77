# Shared by the bench/ scripts: the rows (workloads), their sizes, the tracer command lines, and
# how to get the syscall set pdig traces by default. Source it after setting BENCH_NAME; it expects
# WORK and LOG to be set before default_syscalls is called.

die() { echo "${BENCH_NAME:-bench}: $*" >&2; exit 2; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN="$REPO/test-programs/target/bin"
PDIG=${PDIG:-$REPO/pdig}
PDIG_ARGS=${PDIG_ARGS:-}
STRACE=${STRACE:-strace}

BASE_ROWS=(create_files create_threads launch_programs create_processes mem_alloc getppid find tar git_status)
# The commands once more, timed from inside the traced tree (tracer-bench.sh; the mix is the same).
ALL_ROWS=("${BASE_ROWS[@]}" find_inside tar_inside git_status_inside)

# Workload sizes: defaults keep a full tracer-bench.sh run under ~10 minutes on 2 cores.
N_CREATE_FILES=${BENCH_CREATE_FILES:-10000}
N_CREATE_THREADS=${BENCH_CREATE_THREADS:-2000}
N_LAUNCH_PROGRAMS=${BENCH_LAUNCH_PROGRAMS:-300}
N_CREATE_PROCESSES=${BENCH_CREATE_PROCESSES:-1000}
N_MEM_ALLOC=${BENCH_MEM_ALLOC:-20000}
N_GETPPID=${BENCH_GETPPID:-1000000}
FIND_DIR=${BENCH_FIND_DIR:-/usr}
TAR_DIR=${BENCH_TAR_DIR:-/usr/share}
GIT_FILES=${BENCH_GIT_FILES:-20000}
# Where create files works. On this machine kind /tmp is ext4 on a virtual disk, whose journal
# commits and writeback made the row's runs differ by 2-3x (docs/BENCHMARKS.md, session 5); a
# tmpfs measures the file-creation syscalls themselves. "work" uses the work directory as before.
FILES_DIR_CHOICE=${BENCH_FILES_DIR:-tmpfs}

# The directory create files runs in (set after WORK exists); removed by remove_scratch.
make_files_dir() {
    FILES_DIR=$WORK
    case "$FILES_DIR_CHOICE" in
        work) ;;
        tmpfs)
            if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ]; then
                FILES_DIR=$(mktemp -d /dev/shm/pdig-bench-files.XXXXXX) || die "cannot create a directory in /dev/shm"
            else
                echo "${BENCH_NAME:-bench}: WARNING: /dev/shm is not a writable tmpfs; create files runs in $WORK" >&2
            fi ;;
        *) [ -d "$FILES_DIR_CHOICE" ] && [ -w "$FILES_DIR_CHOICE" ] || die "BENCH_FILES_DIR: '$FILES_DIR_CHOICE' is not a writable directory (or say tmpfs or work)"
           FILES_DIR=$FILES_DIR_CHOICE ;;
    esac
}

# At exit: the files directory and the frozen pdig copy (~100 MB with its class-data archive) go;
# the work directory keeps the log and each run's output.
remove_scratch() {
    case "${FILES_DIR:-}" in /dev/shm/pdig-bench-files.*) rm -rf "$FILES_DIR" ;; esac
    [ -n "${WORK:-}" ] && rm -rf "$WORK/pdig-frozen"
}

# Parses "-r a,b" into ROWS (all rows when empty).
select_rows() {
    ROWS=()
    if [ -n "$1" ]; then
        local w wanted
        IFS=, read -ra wanted <<<"$1"
        for w in "${wanted[@]}"; do
            [[ " ${ALL_ROWS[*]} " == *" $w "* ]] || die "-r: unknown row '$w' (rows: ${ALL_ROWS[*]})"
            ROWS+=("$w")
        done
    else
        ROWS=("${ALL_ROWS[@]}")
    fi
}

build_programs() {
    local targets=()
    for p in create_files create_threads launch_programs create_processes mem_alloc getppid startup timed; do
        targets+=("target/bin/bench_$p")
    done
    # Build only our programs: other src/*.c files belong to other work and may be mid-edit.
    make -s -C "$REPO/test-programs" "${targets[@]}" >&2 || die "building the bench programs failed (make -C test-programs)"
}

# The syscall set strace must trace so that it does the same work as pdig's default filter.
# pdig is the authority; before its CLI exists, compute the set from the event-model table.
default_syscalls() {
    local set
    if set=$("$PDIG" syscalls --default --names 2>/dev/null) && [[ $set =~ ^[a-z0-9_]+(,[a-z0-9_]+)*$ ]]; then
        echo "from '$PDIG syscalls --default --names'" >&2
        echo "$set"; return 0
    fi
    local cp=""
    if [ -d "$REPO/event-model/target/classes/io/pdig/model/syscall" ]; then
        cp="$REPO/event-model/target/classes"
    elif [ -f "$HOME/.m2/repository/io/pdig/event-model/0.1.0/event-model-0.1.0.jar" ]; then
        cp="$HOME/.m2/repository/io/pdig/event-model/0.1.0/event-model-0.1.0.jar"
    fi
    [ -n "$cp" ] || return 1
    local src="$WORK/DefaultSet.java"
    printf '%s\n' 'public class DefaultSet { public static void main(String[] a) {' \
        '  System.out.println(String.join(",", io.pdig.model.syscall.SyscallTable.defaultSet())); } }' >"$src"
    set=$(java -cp "$cp" "$src" 2>>"$LOG") && [[ $set =~ ^[a-z0-9_]+(,[a-z0-9_]+)*$ ]] || return 1
    echo "from SyscallTable.defaultSet() in $cp ('$PDIG syscalls --default --names' did not answer)" >&2
    echo "$set"
}

# The syscall set strace traces in the comparison (BENCH_STRACE_SET):
#   effective (default): exactly what `pdig run $PDIG_ARGS` traces. pdig's default --trace-set is
#       "rules" (the rules' event types plus the state tables' needs), which differs from the
#       DEFAULT flag set; PdigTracedSet.java asks the launcher for it.
#   default: `pdig syscalls --default --names` (the DEFAULT rows of the syscall table).
#   a,b,c: that list.
# Prints the set on stdout and a one-line description of its source on stderr.
strace_syscalls() {
    local want=${BENCH_STRACE_SET:-effective} set target
    case "$want" in
        default) default_syscalls; return ;;
        effective)
            # shellcheck disable=SC2086 # PDIG_ARGS is a list of options
            if set=$("$PDIG" syscalls --traced --names $PDIG_ARGS 2>>"$LOG") \
                && [[ $set =~ ^[a-z0-9_]+(,[a-z0-9_]+)*$ ]]; then
                echo "the set 'pdig run $PDIG_ARGS' traces ('pdig syscalls --traced $PDIG_ARGS')" >&2
                echo "$set"; return 0
            fi
            echo "${BENCH_NAME:-bench}: WARNING: 'pdig syscalls --traced --names $PDIG_ARGS' failed (see $LOG); strace uses pdig's DEFAULT set, which may differ" >&2
            default_syscalls ;;
        *)
            [[ $want =~ ^[a-z0-9_]+(,[a-z0-9_]+)*$ ]] || die "BENCH_STRACE_SET: expected effective, default or a comma-separated list, got '$want'"
            echo "BENCH_STRACE_SET" >&2
            echo "$want" ;;
    esac
}

# A repository with many tracked files and a few changes, generated once and reused.
make_git_repo() {
    local dir="/tmp/pdig-bench-git-$GIT_FILES"
    if [ ! -f "$dir/.ready" ]; then
        rm -rf "$dir" && mkdir -p "$dir" || die "cannot create $dir"
        (
            cd "$dir" || exit 1
            git init -q . || exit 1
            local per_dir=100 i d
            for ((i = 0; i < GIT_FILES; i++)); do
                d=d$((i / per_dir))
                [ $((i % per_dir)) -eq 0 ] && mkdir -p "$d"
                echo "file $i" >"$d/f$i.txt"
            done
            git add -A && git -c user.email=bench@pdig -c user.name=bench commit -qm "bench repo" || exit 1
            # Some modified and untracked files, so status has something to report.
            echo changed >>d0/f0.txt; echo changed >>"d$(((GIT_FILES - 1) / per_dir))/f$((GIT_FILES - 1)).txt"
            touch d0/untracked.txt
            touch .ready
        ) || die "cannot generate the git repository in $dir"
    fi
    echo "$dir"
}

# ---- rows -------------------------------------------------------------------------------------

# Sets CMD to the command line of a row (an array, so paths may contain spaces).
row_command() {
    case "$1" in
        create_files) CMD=("$BIN/bench_create_files" "$N_CREATE_FILES" "$FILES_DIR") ;;
        create_threads) CMD=("$BIN/bench_create_threads" "$N_CREATE_THREADS") ;;
        launch_programs) CMD=("$BIN/bench_launch_programs" "$N_LAUNCH_PROGRAMS" /bin/true) ;;
        create_processes) CMD=("$BIN/bench_create_processes" "$N_CREATE_PROCESSES") ;;
        mem_alloc) CMD=("$BIN/bench_mem_alloc" "$N_MEM_ALLOC") ;;
        getppid) CMD=("$BIN/bench_getppid" "$N_GETPPID") ;;
        find) CMD=(find "$FIND_DIR") ;;
        tar) CMD=(tar cf /dev/null "$TAR_DIR") ;;
        git_status) CMD=(git -C "$GIT_REPO" status) ;;
        # The same commands timed from inside the traced tree (bench_timed): without the tracer's
        # start-up and exit, which the rows above include.
        find_inside) CMD=("$BIN/bench_timed" find find "$FIND_DIR") ;;
        tar_inside) CMD=("$BIN/bench_timed" tar tar cf /dev/null "$TAR_DIR") ;;
        git_status_inside) CMD=("$BIN/bench_timed" git_status git -C "$GIT_REPO" status) ;;
    esac
}

# Sets PREFIX to the tracer command line of a mode (empty when untraced).
mode_prefix() {
    case "$1" in
        untraced) PREFIX=() ;;
        pdig) read -ra PREFIX <<<"$PDIG run $PDIG_ARGS --" ;;
        strace) PREFIX=("$STRACE" -f -qq -o /dev/null --seccomp-bpf -e "trace=$SYSCALLS") ;;
    esac
}

row_label() {
    case "$1" in
        create_files) echo "create files ($N_CREATE_FILES)" ;;
        create_threads) echo "create threads ($N_CREATE_THREADS)" ;;
        launch_programs) echo "launch programs ($N_LAUNCH_PROGRAMS)" ;;
        create_processes) echo "create processes ($N_CREATE_PROCESSES)" ;;
        mem_alloc) echo "memory allocation ($((N_MEM_ALLOC * 1000)))" ;;
        getppid) echo "getppid loop ($N_GETPPID)" ;;
        find) echo "find $FIND_DIR" ;;
        tar) echo "tar cf /dev/null $TAR_DIR" ;;
        git_status) echo "git status ($GIT_FILES files)" ;;
        find_inside) echo "  find, timed inside" ;;
        tar_inside) echo "  tar, timed inside" ;;
        git_status_inside) echo "  git status, timed inside" ;;
    esac
}

is_program() { [[ $1 != find && $1 != tar && $1 != git_status ]]; }

# Names of the default-set syscalls whose exit stop pdig may skip (SyscallFlag.SKIP_EXIT), comma
# separated. Only the event-model table knows this; pdig's CLI does not print it.
skip_exit_syscalls() {
    local cp=""
    if [ -d "$REPO/event-model/target/classes/io/pdig/model/syscall" ]; then
        cp="$REPO/event-model/target/classes"
    elif [ -f "$HOME/.m2/repository/io/pdig/event-model/0.1.0/event-model-0.1.0.jar" ]; then
        cp="$HOME/.m2/repository/io/pdig/event-model/0.1.0/event-model-0.1.0.jar"
    fi
    [ -n "$cp" ] || return 1
    local src="$WORK/SkipExit.java"
    printf '%s\n' 'import io.pdig.model.syscall.*;' 'public class SkipExit { public static void main(String[] a) {' \
        '  var out = new java.util.TreeSet<String>();' \
        '  for (Syscall s : SyscallTable.all()) if (s.has(SyscallFlag.DEFAULT) && s.has(SyscallFlag.SKIP_EXIT)) out.add(s.name());' \
        '  System.out.println(String.join(",", out)); } }' >"$src"
    java -cp "$cp" "$src" 2>>"$LOG"
}

# The ./pdig wrapper rebuilds the whole tree (mvn install) whenever a source file is newer than its
# last build. Other work edits sources all the time, so a rebuild could land inside a timed run.
# After one real `pdig run` has brought the build up to date, benchmark a frozen copy: the same
# wrapper, jar and libraries, with nothing newer than its build stamp. BENCH_PDIG_FROZEN=0 disables.
freeze_pdig() {
    [ "${BENCH_PDIG_FROZEN:-1}" = 1 ] || return 0
    local root dst
    root=$(cd "$(dirname "$PDIG")" && pwd)
    dst="$WORK/pdig-frozen"
    [ -f "$root/pdig-launcher/target/pdig-launcher.jar" ] || die "no $root/pdig-launcher/target/pdig-launcher.jar to freeze (BENCH_PDIG_FROZEN=0 runs $PDIG as is)"
    rm -rf "$dst" && mkdir -p "$dst/pdig-launcher/target" || die "cannot create $dst"
    cp -r "$root/pdig-launcher/target/pdig-launcher.jar" "$root/pdig-launcher/target/lib" "$dst/pdig-launcher/target/" \
        && cp "$PDIG" "$dst/pdig" && touch "$dst/pdig-launcher/target/.pdig-build-stamp" \
        || die "cannot copy pdig into $dst"
    PDIG="$dst/pdig"
}
