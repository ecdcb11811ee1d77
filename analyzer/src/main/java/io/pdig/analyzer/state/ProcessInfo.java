package io.pdig.analyzer.state;

import io.pdig.model.event.ProcessEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One process (thread group) as known from events: lineage, exec facts, credentials and its fd
 * table. Threads share their process's ProcessInfo (Falco keeps these per thread but fills them
 * from the group leader). Mutable, confined to the analyzer thread; extractors only read it.
 *
 * <p>Fields a ptrace tracer did not observe stay null (fields then have no value).
 */
public final class ProcessInfo {
    final int pid;
    int ppid;
    /** Task comm: basename of the executed path, at most 15 bytes, as the kernel sets it. */
    String comm;
    /** argv[0] after exec (Falco proc.exe). */
    String exe;
    /** Resolved executable path (Falco proc.exepath). */
    String exePath;
    List<String> args = List.of();
    List<String> env = List.of();
    boolean execKnown;
    String cwd;
    /** [ruid, euid, suid, fsuid], null when unknown. */
    int[] uid;
    int[] gid;
    int loginUid = -1;
    boolean loginUidKnown;
    int tty;
    int sid;
    int pgid;
    String cgroup;
    /** "host", a 12-char container id, or null when no cgroup was observed. */
    String containerId;
    /** [inheritable, permitted, effective], null when unknown. */
    long[] caps;
    boolean exeFromMemfd;
    boolean exeUpperLayer;
    /** The executable's inode as the exec snapshot found it; null when unknown. */
    ProcessEvent.ExeFile exeFile;
    /**
     * The memory the last exec (or snapshot) found, schema v8; null when unknown. Not inherited
     * over fork: Falco's child gets the figures of its clone event, which pdig does not read.
     */
    ProcessEvent.Memory memory;
    /** Process start time (clone or snapshot time), ns since the epoch; 0 when unknown. */
    long startTs;
    FdTable fds;
    final Set<Integer> threads = new LinkedHashSet<>();
    /** Set by an Exec, cleared by the next execve/execveat syscall event (which refines comm). */
    boolean execPending;
    /** True when the process was created only because an event named it (no Spawn/Exec seen). */
    boolean placeholder;

    ProcessInfo(int pid, FdTable fds) {
        this.pid = pid;
        this.fds = fds;
        threads.add(pid);
    }

    /** Copies what a fork child inherits (exec facts, credentials, cwd); not pid, threads, fds. */
    void inheritFrom(ProcessInfo p) {
        comm = p.comm;
        exe = p.exe;
        exePath = p.exePath;
        args = p.args;
        env = p.env;
        execKnown = p.execKnown;
        cwd = p.cwd;
        uid = p.uid == null ? null : p.uid.clone();
        gid = p.gid == null ? null : p.gid.clone();
        loginUid = p.loginUid;
        loginUidKnown = p.loginUidKnown;
        tty = p.tty;
        sid = p.sid;
        pgid = p.pgid;
        cgroup = p.cgroup;
        containerId = p.containerId;
        caps = p.caps == null ? null : p.caps.clone();
        exeFromMemfd = p.exeFromMemfd;
        exeUpperLayer = p.exeUpperLayer;
        exeFile = p.exeFile;
    }

    public int pid() {
        return pid;
    }

    public int ppid() {
        return ppid;
    }

    public String comm() {
        return comm;
    }

    public String exe() {
        return exe;
    }

    public String exePath() {
        return exePath;
    }

    public List<String> args() {
        return args;
    }

    public List<String> env() {
        return env;
    }

    /** True once an Exec (or snapshot) described this process, directly or through its parent. */
    public boolean execKnown() {
        return execKnown;
    }

    public String cwd() {
        return cwd;
    }

    /** Effective uid, or null when unknown (Falco's user.uid is the effective uid). */
    public Integer euid() {
        return uid == null ? null : uid[1];
    }

    public Integer egid() {
        return gid == null ? null : gid[1];
    }

    public int[] uids() {
        return uid == null ? null : uid.clone();
    }

    public int[] gids() {
        return gid == null ? null : gid.clone();
    }

    /** Audit login uid, -1 when unset; null when never observed. */
    public Integer loginUid() {
        return loginUidKnown ? loginUid : null;
    }

    public Integer tty() {
        return execKnown ? tty : null;
    }

    public Integer sid() {
        return execKnown ? sid : null;
    }

    public Integer pgid() {
        return execKnown ? pgid : null;
    }

    public String cgroup() {
        return cgroup;
    }

    public String containerId() {
        return containerId;
    }

    /** Capability set: 0 inheritable, 1 permitted, 2 effective; null when unknown. */
    public Long cap(int which) {
        return caps == null ? null : caps[which];
    }

    public boolean exeFromMemfd() {
        return exeFromMemfd;
    }

    public boolean exeUpperLayer() {
        return exeUpperLayer;
    }

    /**
     * The executable's inode facts of the last exec (inherited over fork, as Falco's clone
     * parser copies them); null when unknown: journals before schema v6, an exe the tracer could
     * not stat, a process known only from its syscalls.
     */
    public ProcessEvent.ExeFile exeFile() {
        return exeFile;
    }

    /**
     * VmSize, VmRSS and VmSwap (KiB) as the last exec or snapshot of this process found them;
     * null when unknown (a process forked since, journals before schema v8).
     */
    public ProcessEvent.Memory memory() {
        return memory;
    }

    public long startTs() {
        return startTs;
    }

    public FdTable fds() {
        return fds;
    }

    public Set<Integer> threads() {
        return java.util.Collections.unmodifiableSet(threads);
    }

    public boolean placeholder() {
        return placeholder;
    }

    /** Falco proc.cmdline: comm followed by the arguments, single-space separated. */
    public String cmdline() {
        if (comm == null) {
            return null;
        }
        if (args.size() <= 1) {
            return comm;
        }
        StringBuilder b = new StringBuilder(comm);
        for (int i = 1; i < args.size(); i++) {
            b.append(' ').append(args.get(i));
        }
        return b.toString();
    }

    /** Falco proc.args: argv[1..] joined with single spaces ("" when there are none). */
    public String argsLine() {
        if (!execKnown) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < args.size(); i++) {
            if (i > 1) {
                b.append(' ');
            }
            b.append(args.get(i));
        }
        return b.toString();
    }

    /** True when the process runs on the host rather than inside a container. */
    public boolean onHost() {
        return "host".equals(containerId);
    }
}
