package io.pdig.analyzer.state;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Process-table updates: Spawn (fork copies, CLONE_FILES shares the fd table, threads share the
 * process), Exec (new image facts, close-on-exec fds closed, fd table unshared), Exit (deferred
 * removal), session snapshots, and the syscalls that change per-process facts: chdir/fchdir,
 * setsid/setpgid, set*uid/set*gid, and execve/execveat (comm refined from the path passed).
 *
 * <p>Ordering assumption: the tracer emits the Exec event of a successful execve before the
 * execve syscall event (ptrace reports PTRACE_EVENT_EXEC before the syscall-exit stop), so rules
 * on execve see the new image, as in Falco.
 */
final class ProcessStateHandler {
    static final long CLONE_FILES = 0x400, CLONE_PARENT = 0x8000;
    private static final int TASK_COMM_LEN = 15;

    private final StateTables tables;
    private final Deferred deferred;

    ProcessStateHandler(StateTables tables, Deferred deferred) {
        this.tables = tables;
        this.deferred = deferred;
    }

    void spawn(ProcessEvent.Spawn s) {
        if (s.thread()) {
            ProcessInfo p = tables.processOrPlaceholder(s.pid());
            p.threads.add(s.tid());
            return;
        }
        if (s.parentPid() <= 0 && tables.process(s.pid()) != null) {
            // No parent: not a creation pdig saw but attach announcing a process it found running,
            // after the session start's snapshot and the exec standing in for the one never seen.
            // Re-creating the entry here would drop its image and fds (every rule on the attached
            // process printed proc.name=<NA>).
            return;
        }
        ProcessInfo parent = s.parentPid() > 0 ? tables.process(s.parentPid()) : null;
        ProcessInfo child = tables.create(s.pid());
        child.startTs = s.ts();
        if (parent != null) {
            child.inheritFrom(parent);
            child.fds = (s.cloneFlags() & CLONE_FILES) != 0 ? parent.fds : parent.fds.copy();
            child.ppid = (s.cloneFlags() & CLONE_PARENT) != 0 ? parent.ppid : parent.pid;
        } else {
            child.ppid = s.parentPid();
        }
    }

    void exec(ProcessEvent.Exec e) {
        ProcessInfo p = tables.process(e.pid());
        if (p == null) {
            p = tables.create(e.pid());
            p.startTs = e.ts();
        }
        applyExec(p, e);
        p.execPending = true;
        // exec unshares a CLONE_FILES table, then closes the close-on-exec fds
        p.fds = p.fds.copy();
        p.fds.closeCloexec();
        p.threads.clear();
        p.threads.add(e.pid());
    }

    private static void applyExec(ProcessInfo p, ProcessEvent.Exec e) {
        p.placeholder = false;
        p.execKnown = true;
        p.exePath = text(e.exePath());
        p.args = texts(e.argv());
        p.exe = p.args.isEmpty() ? "" : p.args.get(0);
        p.env = texts(e.env());
        // An exe link pdig could not read (a process of another user namespace, pid 1 in some
        // sandboxes) leaves the path empty: the name then comes from argv[0], as the kernel's
        // comm usually matches it, rather than being empty.
        p.comm = commOf(PathNames.filename(p.exePath == null || p.exePath.isEmpty() ? p.exe : p.exePath));
        if (e.cwd() != null) {
            p.cwd = text(e.cwd());
        }
        p.uid = e.uid() == null ? null : e.uid().clone();
        p.gid = e.gid() == null ? null : e.gid().clone();
        p.loginUid = e.loginUid();
        p.loginUidKnown = true;
        p.tty = e.tty();
        p.sid = e.sid();
        p.pgid = e.pgid();
        p.cgroup = e.cgroup() == null ? null : text(e.cgroup());
        p.containerId = e.cgroup() == null ? "host" : ContainerIds.shortId(p.cgroup);
        p.caps = e.caps() == null ? null : e.caps().clone();
        p.exeFromMemfd = e.exeFromMemfd();
        p.exeUpperLayer = e.exeUpperLayer();
        p.exeFile = e.exeFile();
        p.memory = e.memory();
        if (e.ppid() > 0) {
            p.ppid = e.ppid();
        }
    }

    /**
     * A thread exit removes the thread (the process lives on, even when its leader thread is the
     * one that left); a process exit, or the exit of its last known thread, removes the process.
     */
    void exit(ProcessEvent.Exit x) {
        if (x.threadOnly()) {
            deferred.add(() -> {
                ProcessInfo p = tables.process(x.pid());
                if (p != null) {
                    p.threads.remove(x.tid());
                    if (p.threads.isEmpty()) {
                        tables.remove(x.pid());
                    }
                }
            });
        } else {
            deferred.add(() -> tables.remove(x.pid()));
        }
    }

    /** Session start: host name, a new capture, and the processes already running (pdig's lineage, or attach's targets). */
    void start(SessionEvent.Start s) {
        tables.hostname(s.hostname());
        tables.capture(new Capture(s.ts()));
        if (s.processes() == null) {
            return;
        }
        for (SessionEvent.ProcessSnapshot snap : s.processes()) {
            ProcessEvent.Exec e = snap.exec();
            ProcessInfo p = tables.create(e.pid());
            applyExec(p, e);
            p.startTs = e.ts();
            if (snap.fds() != null) {
                for (Map.Entry<Integer, byte[]> f : snap.fds().entrySet()) {
                    p.fds.put(FdStateHandler.fromProcPath(f.getKey(), text(f.getValue())));
                }
            }
        }
    }

    /** Per-process facts changed by syscalls. Only successful calls change state. */
    void syscall(SyscallEvent s, ProcessInfo p) {
        if (s.name().equals("execve") || s.name().equals("execveat")) {
            // a successful exec may arrive without its exit stop ("exec superseded"): the Exec
            // event just before it tells that it succeeded
            if (s.hasResult() ? !s.failed() : p.execPending) {
                refineComm(s, p);
            }
            p.execPending = false;
            return;
        }
        if (!s.hasResult() || s.failed()) {
            return;
        }
        switch (s.name()) {
            case "chdir" -> {
                String d = path(s.arg("path"), p.cwd);
                if (d != null) p.cwd = d;
            }
            case "fchdir" -> {
                FdInfo f = s.arg("fd") instanceof ArgValue.Num n ? p.fds.get((int) n.value()) : null;
                if (f != null && f.name != null) p.cwd = f.name;
            }
            case "setsid" -> {
                p.sid = p.pid;
                p.pgid = p.pid;
            }
            case "setpgid" -> {
                long target = num(s, "pid", 0);
                long pgid = num(s, "pgid", 0);
                ProcessInfo t = target == 0 ? p : tables.process((int) target);
                if (t != null) t.pgid = (int) (pgid == 0 ? t.pid : pgid);
            }
            case "setuid" -> p.uid = setId(p.uid, (int) num(s, "uid", -1), true);
            case "setgid" -> p.gid = setId(p.gid, (int) num(s, "gid", -1), true);
            case "setreuid" -> p.uid = setRes(p.uid, (int) num(s, "ruid", -1), (int) num(s, "euid", -1), -1);
            case "setregid" -> p.gid = setRes(p.gid, (int) num(s, "rgid", -1), (int) num(s, "egid", -1), -1);
            case "setresuid" -> p.uid = setRes(p.uid, (int) num(s, "ruid", -1), (int) num(s, "euid", -1),
                    (int) num(s, "suid", -1));
            case "setresgid" -> p.gid = setRes(p.gid, (int) num(s, "rgid", -1), (int) num(s, "egid", -1),
                    (int) num(s, "sgid", -1));
            default -> {
            }
        }
    }

    /**
     * The kernel sets comm from the path passed to exec (so a symlink named httpd gives httpd and
     * a script gives the script name), not from the resolved executable the Exec event carries.
     */
    private static void refineComm(SyscallEvent s, ProcessInfo p) {
        ArgValue v = s.name().equals("execve") ? s.arg("filename") : s.arg("pathname");
        if (v instanceof ArgValue.Path path && path.raw() != null && path.raw().length > 0) {
            p.comm = commOf(PathNames.filename(text(path.raw())));
        } else if (s.name().equals("execveat") && s.arg("dirfd") instanceof ArgValue.Num fd) {
            p.comm = Long.toString(fd.value()); // fexecve: the kernel names the task after the fd number
        }
    }

    /** setuid semantics: root (euid 0) sets all ids, others only the effective one. */
    private static int[] setId(int[] cur, int id, boolean privilegedSetsAll) {
        if (id == -1) return cur;
        if (cur == null) return new int[] {id, id, id, id};
        int[] n = cur.clone();
        if (privilegedSetsAll && cur[1] == 0) {
            n[0] = id;
            n[2] = id;
        }
        n[1] = id;
        n[3] = id;
        return n;
    }

    private static int[] setRes(int[] cur, int r, int e, int saved) {
        int[] n = cur == null ? new int[] {-1, -1, -1, -1} : cur.clone();
        if (r != -1) n[0] = r;
        if (e != -1) {
            n[1] = e;
            n[3] = e;
        }
        if (saved != -1) n[2] = saved;
        return n;
    }

    private static long num(SyscallEvent s, String name, long dflt) {
        return s.arg(name) instanceof ArgValue.Num n ? n.value() : dflt;
    }

    static String path(ArgValue v, String base) {
        if (!(v instanceof ArgValue.Path p)) {
            return null;
        }
        if (p.resolved() != null) {
            return text(p.resolved());
        }
        return PathNames.resolve(base, text(p.raw()));
    }

    static String commOf(String name) {
        if (name == null) {
            return null;
        }
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        return b.length <= TASK_COMM_LEN ? name : new String(b, 0, TASK_COMM_LEN, StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return PathNames.text(b);
    }

    private static List<String> texts(List<byte[]> items) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(items.size());
        for (byte[] i : items) {
            out.add(text(i));
        }
        return List.copyOf(out);
    }
}
