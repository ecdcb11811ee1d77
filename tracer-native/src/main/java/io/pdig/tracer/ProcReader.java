package io.pdig.tracer;

import io.pdig.model.event.ProcessEvent;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads process facts from /proc: the exec snapshot and the small status lookups the attach
 * checks need. Runs once per exec or attach, never per syscall. Missing files (a process that
 * already died) give empty values, not exceptions.
 */
final class ProcReader {

    static final int MAX_CMDLINE = 128 * 1024;
    static final int MAX_ENVIRON = 128 * 1024;
    static final int MAX_ITEMS = 4096;
    private static final int MAX_SMALL = 64 * 1024;

    private ProcReader() {
    }

    /** Bytes of a /proc file, at most {@code limit}; null when unreadable. */
    static byte[] read(String path, int limit) {
        // FileInputStream rather than Files.newInputStream: no channel or buffer objects. Plain
        // read() calls rather than readNBytes(), which asks the file's size and position first
        // (an fstat and an lseek per file, meaningless for /proc). The exec path does not come
        // here: execSnapshot reads its files natively, in one call.
        try (FileInputStream in = new FileInputStream(path)) {
            byte[] buf = new byte[Math.min(limit, 4096)];
            int n = 0;
            while (n < limit) {
                if (n == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(limit, buf.length * 2L));
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) break;
                n += r;
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A "Key:\tvalue" line of /proc/PID/status split on whitespace, or null. */
    static String[] statusField(String status, String key) {
        if (status == null) return null;
        int at = status.startsWith(key + ":") ? 0 : status.indexOf("\n" + key + ":");
        if (at < 0) return null;
        int from = at == 0 ? key.length() + 1 : at + key.length() + 2;
        int end = status.indexOf('\n', from);
        return words(status, from, end < 0 ? status.length() : end);
    }

    /** The whitespace-separated words of {@code s[from, to)} (no regex: this runs per exec). */
    static String[] words(String s, int from, int to) {
        List<String> out = new ArrayList<>(8);
        int i = from;
        while (i < to) {
            while (i < to && Character.isWhitespace(s.charAt(i))) i++;
            int start = i;
            while (i < to && !Character.isWhitespace(s.charAt(i))) i++;
            if (i > start) out.add(s.substring(start, i));
        }
        return out.toArray(new String[0]);
    }

    static String status(int pid) {
        byte[] b = read("/proc/" + pid + "/status", MAX_SMALL);
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    /** An integer field of /proc/PID/status, or {@code dflt}. */
    static long statusLong(int pid, String key, long dflt) {
        String[] f = statusField(status(pid), key);
        if (f == null || f.length == 0) return dflt;
        try {
            return Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Fields of /proc/PID/stat after the command name: index 0 is field 3 (state). Null when gone. */
    static String[] statFields(int pid) {
        return statFields(read("/proc/" + pid + "/stat", 4096));
    }

    /**
     * The /proc entry that shows process {@code pid} whole: {@code pid} itself, unless its leader
     * thread has exited while other threads run on (pthread_exit in main). The zombie leader's
     * /proc/PID has no exe, cwd, cmdline, environ or fds any more (they went with its mm, fs and
     * files), while /proc/TID of any live thread, listed or not, shows the process's. Read at
     * attach time only, never per exec.
     */
    static int liveEntry(int pid) {
        String[] st = statFields(pid);
        if (st == null || st.length == 0 || !(st[0].equals("Z") || st[0].equals("X"))) return pid;
        String[] tids = new java.io.File("/proc/" + pid + "/task").list();
        if (tids == null) return pid;
        for (String name : tids) {
            int tid;
            try {
                tid = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                continue;
            }
            String[] ts = statFields(tid);
            if (tid != pid && ts != null && ts.length > 0 && !ts[0].equals("Z") && !ts[0].equals("X")) return tid;
        }
        return pid;
    }

    /** {@link #statFields(int)} of the bytes of a stat file already read. */
    static String[] statFields(byte[] b) {
        if (b == null) return null;
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int close = s.lastIndexOf(')');
        if (close < 0) return null;
        return words(s, close + 1, s.length());
    }

    /** Splits NUL-separated bytes; {@code truncated[0]} is set when the limits cut the list. */
    static List<byte[]> splitNul(byte[] b, int fileLimit, boolean[] truncated) {
        List<byte[]> out = new ArrayList<>();
        if (b == null) return out;
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                if (out.size() >= MAX_ITEMS) {
                    truncated[0] = true;
                    return out;
                }
                byte[] item = new byte[i - start];
                System.arraycopy(b, start, item, 0, item.length);
                out.add(item);
                start = i + 1;
            }
        }
        if (start < b.length) {
            byte[] item = new byte[b.length - start];
            System.arraycopy(b, start, item, 0, item.length);
            out.add(item);
            truncated[0] = true;
        }
        if (b.length >= fileLimit) truncated[0] = true;
        return out;
    }

    /**
     * The files of an exec snapshot, in one native call (TraceeMemory.readProcFiles): one lookup
     * of /proc/PID instead of eight, and no Java stream per file; plus the executable's statx and
     * statfs (ExeFacts). The exec path pays this once per
     * launched program, with the tracee stopped.
     */
    private static final String[] SNAPSHOT_FILES = {">exe", "cmdline", "environ", ">cwd", "status", "loginuid", "stat", "cgroup",
        "@exe", "%exe"};
    private static final int[] SNAPSHOT_LIMITS = {8192, MAX_CMDLINE, MAX_ENVIRON, 8192, MAX_SMALL, 64, 4096, MAX_SMALL,
        ExeFacts.STATX_SIZE, ExeFacts.STATFS_SIZE};
    private static final byte[] SNAPSHOT_NAMES = String.join("\0", SNAPSHOT_FILES).concat("\0").getBytes(StandardCharsets.US_ASCII);
    private static final int EXE = 0;
    private static final int CMDLINE = 1;
    private static final int ENVIRON = 2;
    private static final int CWD = 3;
    private static final int STATUS = 4;
    private static final int LOGINUID = 5;
    private static final int STAT = 6;
    private static final int CGROUP = 7;
    /** The executable's struct statx and struct statfs (ExeFacts): two syscalls, no file opened. */
    private static final int EXE_STATX = 8;
    private static final int EXE_STATFS = 9;

    /**
     * The process snapshot Falco's proc.* fields need, read right at the exec event (the tracee is
     * stopped, so /proc shows the new image). A process that is already gone gives empty values.
     */
    static ProcessEvent.Exec execSnapshot(long ts, int pid, int formerTid, TraceeMemory mem, OverlayLayers layers,
                                          MountNamespaces mounts) {
        return execSnapshot(ts, pid, pid, formerTid, mem, layers, mounts);
    }

    /**
     * {@link #execSnapshot(long, int, int, TraceeMemory, OverlayLayers, MountNamespaces)} of process
     * {@code pid}, read from /proc/{@code procId}: a live thread of it when its leader has exited
     * (see {@link #liveEntry}). {@code layers} is asked only when the executable is on overlayfs,
     * {@code mounts} only when it is on a read-only filesystem.
     */
    static ProcessEvent.Exec execSnapshot(long ts, int pid, int procId, int formerTid, TraceeMemory mem,
                                          OverlayLayers layers, MountNamespaces mounts) {
        byte[][] f = mem.readProcFiles(procId, SNAPSHOT_NAMES, SNAPSHOT_LIMITS);
        if (f == null) f = new byte[SNAPSHOT_FILES.length][];
        byte[] exe = f[EXE] == null ? new byte[0] : f[EXE];
        boolean[] argvCut = new boolean[1];
        List<byte[]> argv = splitNul(f[CMDLINE], MAX_CMDLINE, argvCut);
        List<byte[]> env = splitNul(f[ENVIRON], MAX_ENVIRON, new boolean[1]);
        String status = f[STATUS] == null ? null : new String(f[STATUS], StandardCharsets.ISO_8859_1);
        int[] uid = ids(statusField(status, "Uid"));
        int[] gid = ids(statusField(status, "Gid"));
        long[] caps = {hex(statusField(status, "CapInh")), hex(statusField(status, "CapPrm")), hex(statusField(status, "CapEff"))};
        int ppid = (int) firstLong(statusField(status, "PPid"), 0);
        int loginUid = -1;
        if (f[LOGINUID] != null) {
            try {
                long v = Long.parseLong(new String(f[LOGINUID], StandardCharsets.US_ASCII).trim());
                loginUid = v == 4294967295L ? -1 : (int) v;
            } catch (NumberFormatException e) {
                loginUid = -1;
            }
        }
        int pgid = 0;
        int sid = 0;
        int tty = 0;
        String[] st = statFields(f[STAT]);
        if (st != null && st.length > 4) {
            pgid = parseInt(st[2]);
            sid = parseInt(st[3]);
            tty = parseInt(st[4]);
        }
        boolean memfd = startsWith(exe, "/memfd:");
        ProcessEvent.ExeFile exeFile = ExeFacts.of(f[EXE_STATX], f[EXE_STATFS], uid, gid, statusField(status, "Groups"), caps[2],
                mntId -> mounts.superblockReadOnly(procId, mntId), (mntId, fs) -> layers.layerOf(exe, mntId, fs));
        return new ProcessEvent.Exec(ts, pid, pid, formerTid, exe, argv, argvCut[0], env, f[CWD] == null ? new byte[0] : f[CWD],
                uid, gid, loginUid, tty, sid, pgid, f[CGROUP] == null ? new byte[0] : f[CGROUP], caps, memfd, false, ppid, exeFile,
                memory(status));
    }

    /**
     * VmSize, VmRSS and VmSwap of a status file already read (the exec stop reads it anyway), in
     * KiB: what Falco's driver reports as execve's vm_size, vm_rss and vm_swap. Null when any is
     * missing (a process whose mm is gone: a zombie, a kernel thread).
     */
    static ProcessEvent.Memory memory(String status) {
        if (status == null) return null;
        // The kernel writes VmSize, then VmRSS, then VmSwap: each search starts where the last
        // ended, so the three take one pass over the file's second half (0.4-0.6 us per exec with
        // C1, measured; three statusField lookups took 2.5).
        int size = status.indexOf("\nVmSize:");
        int rss = size < 0 ? -1 : status.indexOf("\nVmRSS:", size);
        int swap = rss < 0 ? -1 : status.indexOf("\nVmSwap:", rss);
        if (swap < 0) return null;
        return new ProcessEvent.Memory(kib(status, size + 8), kib(status, rss + 7), kib(status, swap + 8));
    }

    /** The number after the blanks at {@code at} (a Vm line's value in kB). */
    private static long kib(String s, int at) {
        int i = at;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        long v = 0;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }

    private static boolean startsWith(byte[] b, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (b.length < p.length) return false;
        for (int i = 0; i < p.length; i++) {
            if (b[i] != p[i]) return false;
        }
        return true;
    }

    private static int[] ids(String[] f) {
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            out[i] = f != null && i < f.length ? (int) Long.parseLong(f[i]) : -1;
        }
        return out;
    }

    private static long hex(String[] f) {
        return f == null || f.length == 0 ? 0 : Long.parseUnsignedLong(f[0], 16);
    }

    private static long firstLong(String[] f, long dflt) {
        try {
            return f == null || f.length == 0 ? dflt : Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
