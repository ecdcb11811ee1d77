package io.pdig.model.event;

import java.util.List;

/** Process and thread lifecycle events, and signal deliveries, as strace shows them. */
public sealed interface ProcessEvent extends Event {

    /**
     * A new process or thread appeared. {@code tid}/{@code pid} are the child's.
     *
     * @param parentTid  the thread that created it (0 when unknown: attached or orphan first stop)
     * @param parentPid  its process
     * @param cloneFlags clone flags when known (0 for fork), used to decide fd/fs sharing
     * @param thread     true for a new thread in an existing process (CLONE_THREAD)
     */
    record Spawn(long ts, int tid, int pid, int parentTid, int parentPid, long cloneFlags, boolean thread)
            implements ProcessEvent {
    }

    /**
     * A successful exec. The snapshot of the process after exec: everything Falco's proc.* fields
     * need that a ptrace tracer can know.
     *
     * @param formerTid the tid that called exec (differs from pid when a non-leader thread exec'd)
     * @param exePath   absolute path of the new executable (/proc/PID/exe), as bytes
     * @param argv      arguments, possibly truncated (see {@code argvTruncated})
     * @param env       environment entries (KEY=VALUE), possibly truncated; empty if not read
     * @param cwd       current directory
     * @param uid       real, effective, saved uid: [ruid, euid, suid, fsuid]
     * @param gid       real, effective, saved gid: [rgid, egid, sgid, fsgid]
     * @param loginUid  audit login uid (-1 when unset)
     * @param tty       controlling tty device number (0 when none)
     * @param sid       session id
     * @param pgid      process group id
     * @param cgroup    contents of /proc/PID/cgroup (for container.id)
     * @param caps      capabilities: [inheritable, permitted, effective]
     * @param exeFromMemfd true when the executable was a memfd (fileless execution)
     * @param exeUpperLayer Falco's EXE_UPPER_LAYER: the exe lives in an overlayfs upper layer (unknown:
     *                 false). Always true when {@code exeFile} says {@link Layer#UPPER} (the
     *                 constructor makes it so), as the journal keeps the two in one flag bit
     * @param exeFile  the executable's inode as the snapshot found it; null when unknown (journals
     *                 before schema v6, an executable the tracer could not stat)
     * @param memory   the process's memory as the snapshot found it; null when unknown (journals
     *                 before schema v8, a process whose status shows none)
     */
    record Exec(long ts, int tid, int pid, int formerTid, byte[] exePath, List<byte[]> argv, boolean argvTruncated,
                List<byte[]> env, byte[] cwd, int[] uid, int[] gid, int loginUid, int tty, int sid, int pgid,
                byte[] cgroup, long[] caps, boolean exeFromMemfd, boolean exeUpperLayer, int ppid, ExeFile exeFile,
                Memory memory)
            implements ProcessEvent {

        public Exec {
            exeUpperLayer |= exeFile != null && exeFile.layer() == Layer.UPPER;
        }

        /** An exec whose memory is unknown (what schema v7 and before recorded). */
        public Exec(long ts, int tid, int pid, int formerTid, byte[] exePath, List<byte[]> argv, boolean argvTruncated,
                    List<byte[]> env, byte[] cwd, int[] uid, int[] gid, int loginUid, int tty, int sid, int pgid,
                    byte[] cgroup, long[] caps, boolean exeFromMemfd, boolean exeUpperLayer, int ppid, ExeFile exeFile) {
            this(ts, tid, pid, formerTid, exePath, argv, argvTruncated, env, cwd, uid, gid, loginUid, tty, sid, pgid,
                    cgroup, caps, exeFromMemfd, exeUpperLayer, ppid, exeFile, null);
        }

        /** An exec whose executable's inode is unknown (what schema v5 and before recorded). */
        public Exec(long ts, int tid, int pid, int formerTid, byte[] exePath, List<byte[]> argv, boolean argvTruncated,
                    List<byte[]> env, byte[] cwd, int[] uid, int[] gid, int loginUid, int tty, int sid, int pgid,
                    byte[] cgroup, long[] caps, boolean exeFromMemfd, boolean exeUpperLayer, int ppid) {
            this(ts, tid, pid, formerTid, exePath, argv, argvTruncated, env, cwd, uid, gid, loginUid, tty, sid, pgid,
                    cgroup, caps, exeFromMemfd, exeUpperLayer, ppid, null);
        }
    }

    /**
     * What Falco's driver reports about the executable at an exec (proc.exe_ino*, the EXE_WRITABLE
     * flag), as the tracer read it from /proc/PID/exe at the exec stop.
     *
     * @param ino      inode number
     * @param ctimeNs  inode change time, ns since the epoch (0 for a time before the epoch, as Falco)
     * @param mtimeNs  modification time, ns since the epoch (0 for a time before the epoch)
     * @param writable Falco's EXE_WRITABLE: the inode is writable by the process's new credentials
     *                 (the rules are in the tracer's ExeWritable)
     * @param layer    whether the executable is on overlayfs and, if so, in which layer (Falco's
     *                 EXE_UPPER_LAYER / EXE_LOWER_LAYER; the tracer's OverlayLayers decides it)
     */
    record ExeFile(long ino, long ctimeNs, long mtimeNs, boolean writable, Layer layer) {

        public ExeFile {
            java.util.Objects.requireNonNull(layer, "layer");
        }

        /** Facts whose overlayfs layer is unknown (what schema v6 recorded): on overlayfs or not. */
        public ExeFile(long ino, long ctimeNs, long mtimeNs, boolean writable, boolean overlay) {
            this(ino, ctimeNs, mtimeNs, writable, overlay ? Layer.UNKNOWN : Layer.NOT_OVERLAY);
        }

        /** The executable is on overlayfs (whatever its layer, known or not). */
        public boolean overlay() {
            return layer != Layer.NOT_OVERLAY;
        }
    }

    /**
     * What Falco's driver reports about a process's memory at an exec (the vm_size, vm_rss and
     * vm_swap parameters of execve's exit event, Falco's proc.vmsize, proc.vmrss, proc.vmswap), as
     * the tracer read it from /proc/PID/status at the exec stop: the same counters of the new image
     * before it has run, in KiB.
     *
     * @param sizeKb VmSize: the mm's total_vm
     * @param rssKb  VmRSS: resident anonymous, file and shared-memory pages
     * @param swapKb VmSwap: swapped-out anonymous pages
     */
    record Memory(long sizeKb, long rssKb, long swapKb) {
    }

    /**
     * Where the executable lives with respect to overlayfs. Falco's modern eBPF driver sets
     * EXE_UPPER_LAYER when the overlay inode has an upper dentry (the file was written or copied up
     * into the writable layer) and EXE_LOWER_LAYER when it is on overlayfs without one.
     */
    enum Layer {
        /** Not on overlayfs: Falco sets neither flag (both fields false). */
        NOT_OVERLAY,
        /** On overlayfs, present in the upper (writable) layer: EXE_UPPER_LAYER. */
        UPPER,
        /** On overlayfs, only in a lower (read-only) layer: EXE_LOWER_LAYER. */
        LOWER,
        /** On overlayfs, the layer could not be determined: neither flag, both fields without value. */
        UNKNOWN
    }

    /**
     * A thread or process ended.
     *
     * @param exitCode   exit code when exited normally
     * @param signal     terminating signal, or 0 when exited normally
     * @param coreDumped true when a core was written
     * @param threadOnly true when only this thread ended and its process lives on
     */
    record Exit(long ts, int tid, int pid, int exitCode, int signal, boolean coreDumped, boolean threadOnly)
            implements ProcessEvent {
    }

    /**
     * A signal was delivered to the thread (strace's {@code --- SIGx {...} ---}).
     *
     * @param code   si_code
     * @param sender si_pid (0 when not applicable)
     * @param senderUid si_uid
     * @param rest   siginfo bytes 24..47, or null when not recorded (journals of schema v3 and
     *               before, a siginfo the tracer could not read)
     */
    record Signal(long ts, int tid, int pid, int signo, int code, int sender, int senderUid, SiginfoRest rest)
            implements ProcessEvent {

        public Signal(long ts, int tid, int pid, int signo, int code, int sender, int senderUid) {
            this(ts, tid, pid, signo, code, sender, senderUid, null);
        }
    }

    /**
     * The siginfo union's bytes 24..47 as three raw words, whatever the signal keeps there: for
     * SIGCHLD si_status (the low 32 bits of {@code w24}), si_utime ({@code w32}) and si_stime
     * ({@code w40}), in clock ticks; si_value, si_fd or si_syscall for other signals. Raw, so that
     * the tracer needs no per-signal layout and renderers can add fields without a journal change.
     */
    record SiginfoRest(long w24, long w32, long w40) {

        /** SIGCHLD's si_status: the exit code (CLD_EXITED) or the signal (the other CLD_ codes). */
        public int childStatus() {
            return (int) w24;
        }
    }

    /** The thread entered a group-stop (strace's {@code --- stopped by SIGSTOP ---}). */
    record Stopped(long ts, int tid, int pid, int signo) implements ProcessEvent {
    }
}
