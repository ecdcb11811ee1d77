package io.pdig.analyzer.fields;

import static io.pdig.analyzer.fields.FieldArg.NONE;
import static io.pdig.analyzer.fields.FieldArg.OPTIONAL_KEY;
import static io.pdig.analyzer.fields.FieldType.*;

import io.pdig.analyzer.state.ProcessInfo;
import io.pdig.analyzer.state.StateView;
import io.pdig.model.event.ProcessEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * proc.* fields: the process of the event's thread, its parent and its ancestors, all from the
 * process table built from Spawn/Exec/Exit events and session snapshots.
 *
 * <p>Ancestor fields (proc.aname, apid, aexe, aexepath, acmdline, aargs, aenv): with index n,
 * 0 is the process itself and n the n-th ancestor (no value past the known lineage); without
 * index, the list of all known ancestors (parent upwards), matched element-wise.
 */
final class ProcFields {
    private ProcFields() {
    }

    /** Lineage walks stop here, so a pid-reuse loop in the table cannot hang an extraction. */
    static final int MAX_DEPTH = 64;

    static void register(FieldRegistry.Builder b) {
        b.plain("proc.pid", PID, "process id (thread group id)", (c, a) -> (long) c.event().pid());
        b.plain("proc.exe", CHARBUF, "first command-line argument (argv[0])", self(ProcessInfo::exe));
        b.plain("proc.name", CHARBUF, "process name: the task comm (basename of the executed path, 15 chars)",
                self(ProcessInfo::comm));
        b.plain("proc.args", CHARBUF, "arguments after argv[0], space separated", self(ProcessInfo::argsLine));
        b.withArg("proc.env", CHARBUF, OPTIONAL_KEY, "environment (space separated), or the value of proc.env[NAME]",
                (c, a) -> has(c) ? env(c.process(), a) : null);
        b.plain("proc.cmdline", CHARBUF, "proc.name followed by the arguments", self(ProcessInfo::cmdline));
        b.plain("proc.exeline", CHARBUF, "proc.exe followed by the arguments", self(ProcFields::exeline));
        b.plain("proc.exepath", CHARBUF, "full path of the executable", self(ProcessInfo::exePath));
        // libsinsp keeps a thread's cwd with a trailing '/', and rules rely on it
        // (proc.cwd startswith "/dev/shm/").
        b.plain("proc.cwd", CHARBUF, "current working directory (ending in '/', as Falco's)",
                self(p -> withTrailingSlash(p.cwd())));
        b.plain("proc.nthreads", UINT64, "number of known threads of the process",
                self(p -> (long) p.threads().size()));
        b.plain("proc.nchilds", UINT64, "number of known threads that are not the leader",
                self(p -> (long) Math.max(0, p.threads().size() - 1)));
        b.plain("proc.ppid", PID, "parent process id", self(p -> p.ppid() > 0 ? (long) p.ppid() : null));
        b.plain("proc.pname", CHARBUF, "parent's name", parent(ProcessInfo::comm));
        b.plain("proc.pcmdline", CHARBUF, "parent's command line", parent(ProcessInfo::cmdline));
        b.plain("proc.pexe", CHARBUF, "parent's argv[0]", parent(ProcessInfo::exe));
        b.plain("proc.pexepath", CHARBUF, "parent's executable path", parent(ProcessInfo::exePath));
        b.plain("proc.pargs", CHARBUF, "parent's arguments", parent(ProcessInfo::argsLine));
        b.plain("proc.pcwd", CHARBUF, "parent's working directory", parent(ProcessInfo::cwd));
        b.plain("proc.pvpid", PID, "parent's pid in its pid namespace (known on the host only)",
                parent(p -> p.onHost() ? (long) p.pid() : null));
        b.ancestors("proc.apid", PID, "pid of an ancestor: proc.apid[1] parent ...", ancestor(p -> (long) p.pid()));
        b.ancestors("proc.aname", CHARBUF, "name of an ancestor: proc.aname[1] parent ...", ancestor(ProcessInfo::comm));
        b.ancestors("proc.aexe", CHARBUF, "argv[0] of an ancestor", ancestor(ProcessInfo::exe));
        b.ancestors("proc.aexepath", CHARBUF, "executable path of an ancestor", ancestor(ProcessInfo::exePath));
        b.ancestors("proc.acmdline", CHARBUF, "command line of an ancestor", ancestor(ProcessInfo::cmdline));
        b.ancestors("proc.aargs", CHARBUF, "arguments of an ancestor", ancestor(ProcessInfo::argsLine));
        b.ancestors("proc.aenv", CHARBUF, "environment of an ancestor", ancestor(p -> String.join(" ", p.env())));
        b.plain("proc.loginshellid", PID, "pid of the oldest shell (comm ending in sh) among the process and its ancestors",
                (c, a) -> loginShell(c));
        b.plain("proc.duration", RELTIME, "nanoseconds since the process started", self2((c, p) ->
                p.startTs() > 0 ? c.event().ts() - p.startTs() : null));
        b.plain("proc.ppid.duration", RELTIME, "nanoseconds since the parent started", (c, a) -> {
            ProcessInfo pp = parentOf(c);
            return pp != null && pp.startTs() > 0 ? c.event().ts() - pp.startTs() : null;
        });
        b.plain("proc.pid.ts", ABSTIME, "process start time, ns since the epoch",
                self(p -> p.startTs() > 0 ? p.startTs() : null));
        b.plain("proc.ppid.ts", ABSTIME, "parent start time, ns since the epoch",
                parent(p -> p.startTs() > 0 ? p.startTs() : null));
        b.plain("proc.tty", UINT64, "controlling terminal device number (0 when none)",
                self(p -> p.tty() == null ? null : (long) p.tty()));
        b.plain("proc.sid", PID, "session id", self(p -> p.sid() == null ? null : (long) p.sid()));
        b.plain("proc.sname", CHARBUF, "name of the session leader (oldest ancestor in the same session)",
                (c, a) -> {
                    ProcessInfo l = sessionLeader(c);
                    return l != null ? l.comm() : null;
                });
        b.plain("proc.is_sid_leader", BOOL, "true when the process leads its session",
                self(p -> p.sid() == null ? null : p.sid() == p.pid()));
        b.plain("proc.vpgid", PID, "process group id in its pid namespace (known on the host only)",
                self(p -> p.pgid() == null || !p.onHost() ? null : (long) p.pgid()));
        b.plain("proc.pgid", PID, "process group id", self(p -> p.pgid() == null ? null : (long) p.pgid()));
        b.plain("proc.vpgid.name", CHARBUF, "name of the process group leader", (c, a) -> {
            ProcessInfo l = groupLeader(c);
            return l != null ? l.comm() : null;
        });
        b.plain("proc.vpgid.exe", CHARBUF, "argv[0] of the process group leader", (c, a) -> {
            ProcessInfo l = groupLeader(c);
            return l != null ? l.exe() : null;
        });
        b.plain("proc.vpgid.exepath", CHARBUF, "executable path of the process group leader", (c, a) -> {
            ProcessInfo l = groupLeader(c);
            return l != null ? l.exePath() : null;
        });
        b.plain("proc.is_vpgid_leader", BOOL, "true when the process leads its process group",
                self(p -> p.pgid() == null ? null : p.pgid() == p.pid()));
        b.plain("proc.vpid", PID, "pid in its pid namespace (equals proc.pid on the host; unknown in containers)",
                self(p -> p.onHost() ? (long) p.pid() : null));
        b.plain("proc.is_exe_from_memfd", BOOL, "true when the executable is a memfd (fileless execution)",
                self(p -> p.execKnown() ? p.exeFromMemfd() : null));
        // From the exe's layer (schema v7): false off overlayfs, no value on overlayfs when the
        // tracer could not tell the layer (and in v6 journals, which never could). Without exe
        // facts (before v6) upper_layer says what the exec's flag said (false), lower_layer nothing.
        b.plain("proc.is_exe_upper_layer", BOOL, "true when the executable is in an overlayfs upper layer: written or "
                + "copied up into the container's writable layer (false off overlayfs; no value where pdig could not tell "
                + "the layer: another mount namespace, a relative upperdir, journals before schema v7)",
                self(ProcFields::exeUpperLayer));
        b.plain("proc.is_exe_lower_layer", BOOL, "true when the executable is on overlayfs only in a lower layer, the "
                + "image's (false off overlayfs; no value where pdig could not tell the layer, as for "
                + "proc.is_exe_upper_layer)",
                self(ProcFields::exeLowerLayer));
        b.plain("proc.is_exe_writable", BOOL, "true when the executable's inode is writable by the process's credentials "
                + "at exec, as Falco's EXE_WRITABLE (owner, mode bits, CAP_DAC_OVERRIDE/CAP_FOWNER; false on a read-only "
                + "filesystem, but not for a read-only bind mount of a writable one, and for an immutable file)",
                self(p -> p.exeFile() == null ? null : p.exeFile().writable()));
        // Falco gives no value for an inode number or a time of 0.
        b.plain("proc.exe_ino", INT64, "inode number of the executable, stat'ed at exec",
                self(p -> p.exeFile() == null || p.exeFile().ino() == 0 ? null : p.exeFile().ino()));
        b.plain("proc.exe_ino.ctime", ABSTIME, "ctime (last status change) of the executable's inode, ns since the epoch",
                self(p -> p.exeFile() == null || p.exeFile().ctimeNs() == 0 ? null : p.exeFile().ctimeNs()));
        b.plain("proc.exe_ino.mtime", ABSTIME, "mtime (last modification) of the executable's inode, ns since the epoch",
                self(p -> p.exeFile() == null || p.exeFile().mtimeNs() == 0 ? null : p.exeFile().mtimeNs()));
        b.plain("proc.exe_ino.ctime_duration_proc_start", ABSTIME,
                "process start (clone) time minus the executable's ctime, in ns (negative when the file changed "
                + "after the clone, where Falco's unsigned value wraps)",
                self(ProcFields::ctimeDurationProcStart));
        b.noValue("proc.exe_ino.ctime_duration_pidns_start", ABSTIME, NONE,
                "pid-namespace start time minus the executable's ctime");
        b.noValue("proc.pidns_init_start_ts", ABSTIME, NONE, "start time of the pid namespace's init");
        b.noValue("proc.cpu", UINT64, NONE, "CPU usage");
        // Falco's come from the exit event of the thread's execve or clone; pdig's exec carries
        // them (schema v8), its clone events do not.
        b.plain("proc.vmsize", UINT64, "virtual memory of the process in KiB (VmSize) at its last exec, as Falco's execve "
                + MEMORY_LIMITS, mainThread(ProcessEvent.Memory::sizeKb));
        b.plain("proc.vmrss", UINT64, "resident memory of the process in KiB (VmRSS) at its last exec, as Falco's execve "
                + MEMORY_LIMITS, mainThread(ProcessEvent.Memory::rssKb));
        b.plain("proc.vmswap", UINT64, "swapped-out memory of the process in KiB (VmSwap) at its last exec, as Falco's execve "
                + MEMORY_LIMITS, mainThread(ProcessEvent.Memory::swapKb));
        // A count from the fd table would be wrong: see FdFields.INCOMPLETE_TABLE.
        b.noValue("proc.fdopencount", UINT64, NONE, "number of open fds; " + FdFields.INCOMPLETE_TABLE);
        b.noValue("proc.fdlimit", INT64, NONE, "fd limit");
        b.plain("proc.is_container_healthcheck", BOOL, "true for container health checks: always false on pdig",
                (c, a) -> has(c) ? false : null);
        b.plain("proc.is_container_liveness_probe", BOOL, "true for liveness probes: always false on pdig",
                (c, a) -> has(c) ? false : null);
        b.plain("proc.is_container_readiness_probe", BOOL, "true for readiness probes: always false on pdig",
                (c, a) -> has(c) ? false : null);
    }

    /** Where proc.vm* (and thread.vm*) have no value, said in each description. */
    static final String MEMORY_LIMITS = "event gives it; no value on threads other than the main one and in processes forked "
            + "since (Falco takes those from the clone event, which does not carry them in pdig), nor in journals before "
            + "schema v8";

    /**
     * A figure of the memory of the event's process when the event is its main thread's: the one
     * the exec (or snapshot) describes. Other threads' figures, in Falco, come from their clone.
     */
    static Field.Extractor mainThread(java.util.function.ToLongFunction<ProcessEvent.Memory> figure) {
        return (c, a) -> {
            ProcessInfo p = c.process();
            if (p == null || p.memory() == null || c.event().tid() != c.event().pid()) return null;
            return figure.applyAsLong(p.memory());
        };
    }

    /** proc.is_exe_upper_layer, and execve's EXE_UPPER_LAYER when true (see the field). */
    static Boolean exeUpperLayer(ProcessInfo p) {
        if (p.exeFile() == null) return p.execKnown() ? p.exeUpperLayer() : null;
        return layerIs(p.exeFile().layer(), ProcessEvent.Layer.UPPER);
    }

    /** proc.is_exe_lower_layer, and execve's EXE_LOWER_LAYER when true. */
    static Boolean exeLowerLayer(ProcessInfo p) {
        return p.exeFile() == null ? null : layerIs(p.exeFile().layer(), ProcessEvent.Layer.LOWER);
    }

    /** Whether the exe's layer is {@code which}; null when the layer is unknown. */
    private static Boolean layerIs(ProcessEvent.Layer layer, ProcessEvent.Layer which) {
        return layer == ProcessEvent.Layer.UNKNOWN ? null : layer == which;
    }

    /**
     * Falco's clone_ts - exe_ino_ctime, computed at the exec when the clone time is known (the
     * ctime of 0 that a time before the epoch gives counts as 0, as in Falco); no value for 0.
     */
    private static Long ctimeDurationProcStart(ProcessInfo p) {
        if (p.exeFile() == null || p.startTs() <= 0) return null;
        long d = p.startTs() - p.exeFile().ctimeNs();
        return d == 0 ? null : d;
    }

    static boolean has(EvalContext c) {
        return c.process() != null;
    }

    private static Field.Extractor self(Function<ProcessInfo, Object> f) {
        return (c, a) -> c.process() == null ? null : f.apply(c.process());
    }

    private static Field.Extractor self2(java.util.function.BiFunction<EvalContext, ProcessInfo, Object> f) {
        return (c, a) -> c.process() == null ? null : f.apply(c, c.process());
    }

    static ProcessInfo parentOf(EvalContext c) {
        StateView s = c.state();
        return s == null ? null : s.parent(c.process());
    }

    private static Field.Extractor parent(Function<ProcessInfo, Object> f) {
        return (c, a) -> {
            ProcessInfo p = parentOf(c);
            return p == null ? null : f.apply(p);
        };
    }

    private static Field.Extractor ancestor(Function<ProcessInfo, Object> f) {
        return (c, a) -> {
            StateView s = c.state();
            ProcessInfo p = c.process();
            if (p == null) {
                return null;
            }
            if (a == null) {
                List<Object> out = new ArrayList<>();
                ProcessInfo cur = s == null ? null : s.parent(p);
                for (int i = 0; cur != null && i < MAX_DEPTH; i++) {
                    Object v = f.apply(cur);
                    if (v != null) {
                        out.add(v);
                    }
                    cur = s.parent(cur);
                }
                return out;
            }
            int n;
            try {
                n = Integer.parseInt(a.trim());
            } catch (NumberFormatException e) {
                return null;
            }
            if (n < 0 || n > MAX_DEPTH) {
                return null;
            }
            ProcessInfo an = n == 0 ? p : (s == null ? null : s.ancestor(p, n));
            return an == null ? null : f.apply(an);
        };
    }

    private static String exeline(ProcessInfo p) {
        if (p.exe() == null) {
            return null;
        }
        String args = p.argsLine();
        return args == null || args.isEmpty() ? p.exe() : p.exe() + " " + args;
    }

    private static String env(ProcessInfo p, String key) {
        if (key == null) {
            return String.join(" ", p.env());
        }
        String prefix = key + "=";
        for (String e : p.env()) {
            if (e.startsWith(prefix)) {
                return e.substring(prefix.length());
            }
        }
        return null;
    }

    /** The session leader as libsinsp finds it: see {@link #leader}. */
    private static ProcessInfo sessionLeader(EvalContext c) {
        ProcessInfo p = c.process();
        return p == null || p.sid() == null ? null : leader(c, p, p.sid(), ProcessInfo::sid);
    }

    private static ProcessInfo groupLeader(EvalContext c) {
        ProcessInfo p = c.process();
        return p == null || p.pgid() == null ? null : leader(c, p, p.pgid(), ProcessInfo::pgid);
    }

    /**
     * libsinsp's leader lookup: on the host the process whose pid is the id, when known;
     * otherwise (leader gone, or ids from another pid namespace) the highest ancestor reached
     * without leaving the session/group, starting from the process itself.
     */
    private static ProcessInfo leader(EvalContext c, ProcessInfo p, int id, Function<ProcessInfo, Integer> idOf) {
        StateView s = c.state();
        if (s == null) {
            return null;
        }
        if (p.onHost()) {
            ProcessInfo direct = s.process(id);
            if (direct != null) {
                return direct;
            }
        }
        ProcessInfo found = p;
        ProcessInfo cur = s.parent(p);
        for (int i = 0; cur != null && i < MAX_DEPTH && Integer.valueOf(id).equals(idOf.apply(cur)); i++) {
            found = cur;
            cur = s.parent(cur);
        }
        return found;
    }

    private static Long loginShell(EvalContext c) {
        ProcessInfo p = c.process();
        StateView s = c.state();
        Long found = null;
        for (int i = 0; p != null && i < MAX_DEPTH; i++) {
            // libsinsp's notion of a shell: a comm ending in "sh"
            if (p.comm() != null && p.comm().endsWith("sh")) {
                found = (long) p.pid();
            }
            p = s == null ? null : s.parent(p);
        }
        return found;
    }

    static String withTrailingSlash(String dir) {
        if (dir == null || dir.isEmpty() || dir.endsWith("/")) return dir;
        return dir + "/";
    }
}
