package io.pdig.tracer;

import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Snapshots of processes that exist before tracing starts, for the session start record: the
 * analyzer never reads /proc, so whatever it must know about processes it did not see being
 * created (pdig's own ancestry, which is the traced command's lineage, or an attach target and its
 * open fds) has to arrive in the journal.
 */
public final class ProcessSnapshots {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_FDS = 4096;

    private ProcessSnapshots() {
    }

    /**
     * The process and its ancestors up to init, oldest first (so that parents are known before
     * their children). Open fds are included for {@code pid} itself when {@code withFds}.
     * Processes that vanish while being read are left out.
     */
    public static List<SessionEvent.ProcessSnapshot> lineage(int pid, boolean withFds) {
        TraceeMemory mem = new TraceeMemory(NativeLibrary.lib(), 4096);
        long now = System.currentTimeMillis() * 1_000_000L;
        List<SessionEvent.ProcessSnapshot> out = new ArrayList<>();
        int p = pid;
        try (OverlayLayers layers = new OverlayLayers(NativeLibrary.lib());
             MountNamespaces mounts = new MountNamespaces(NativeLibrary.lib(), new AtomicLong())) {
            for (int depth = 0; p > 0 && depth < MAX_DEPTH; depth++) {
                if (!Files.isDirectory(Path.of("/proc/" + p))) break;
                // Stamped with the process's real start time: the analyzer times proc.duration and
                // "new process" checks from the exec, and this one happened long ago.
                // Read through a live thread when the leader has exited: its own entry reads empty.
                int entry = ProcReader.liveEntry(p);
                ProcessEvent.Exec e = ProcReader.execSnapshot(startTimeNanos(p, now), p, entry, 0, mem, layers, mounts);
                if (p != pid || !withFds) {
                    // Ancestors' environments are not worth their weight in the session record.
                    e = withoutEnv(e);
                }
                out.add(new SessionEvent.ProcessSnapshot(e, withFds && p == pid ? openFds(entry) : Map.of()));
                if (e.ppid() == p) break;
                p = e.ppid();
            }
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * When the process started, in ns since the epoch, to /proc's 10 ms tick; {@code fallback} when
     * unreadable: the wall clock now minus its {@link #ageNanos age}. Not /proc/stat's boot time
     * plus the start: that boot time is given to the second, which put every start up to a second
     * too early.
     */
    static long startTimeNanos(int pid, long fallback) {
        long age = ageNanos(pid);
        return age < 0 ? fallback : System.currentTimeMillis() * 1_000_000L - age;
    }

    /**
     * How long ago the process started, in ns, to /proc's 10 ms tick; -1 when unreadable. The
     * system's uptime minus the process's start, both counted from boot in /proc.
     */
    public static long ageNanos(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[19]); // field 22 of stat, counted after "pid (comm)"
            String uptime = Files.readString(Path.of("/proc/uptime"));
            long uptimeNanos = Math.round(Double.parseDouble(uptime.substring(0, uptime.indexOf(' '))) * 1e9);
            return Math.max(0, uptimeNanos - ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** USER_HZ: the unit of /proc start times, 100 on every Linux x86_64 build. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private static ProcessEvent.Exec withoutEnv(ProcessEvent.Exec e) {
        return new ProcessEvent.Exec(e.ts(), e.tid(), e.pid(), e.formerTid(), e.exePath(), e.argv(), e.argvTruncated(),
                List.of(), e.cwd(), e.uid(), e.gid(), e.loginUid(), e.tty(), e.sid(), e.pgid(), e.cgroup(), e.caps(),
                e.exeFromMemfd(), e.exeUpperLayer(), e.ppid(), e.exeFile(), e.memory());
    }

    /** fd number to what /proc/PID/fd/N points at (path, "socket:[ino]", "pipe:[ino]", ...). */
    static Map<Integer, byte[]> openFds(int pid) {
        Map<Integer, byte[]> fds = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : ds) {
                if (fds.size() >= MAX_FDS) break;
                try {
                    int n = Integer.parseInt(fd.getFileName().toString());
                    fds.put(n, Files.readSymbolicLink(fd).toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException | NumberFormatException e) {
                    // closed meanwhile, or not an fd entry: skip
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return fds;
    }
}
