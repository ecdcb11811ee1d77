package io.pdig.journal;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.SyscallTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deterministic events of every kind and every argument variant, for round-trip tests and the fixture. */
public final class SampleEvents {
    public static final long T0 = 1_795_000_000_123_456_789L;

    private SampleEvents() {
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static int nr(String name) {
        return SyscallTable.byName(name).nr64();
    }

    public static ProcessEvent.Exec exec(long ts, int pid) {
        return new ProcessEvent.Exec(ts, pid, pid, pid, b("/usr/bin/find"), List.of(b("find"), b("/usr"), b("-name"), b("*.so")),
                false, List.of(b("PATH=/usr/bin:/bin"), b("HOME=/root")), b("/root"), new int[] {0, 0, 0, 0},
                new int[] {0, 0, 0, 0}, -1, 0x8801, pid, pid, b("0::/user.slice\n"), new long[] {0, 0x1ffffffffffL, 0x1ffffffffffL},
                false, false, 1);
    }

    static ProcessEvent.Exec withExeFile(ProcessEvent.Exec e, ProcessEvent.ExeFile f) {
        return new ProcessEvent.Exec(e.ts(), e.tid(), e.pid(), e.formerTid(), e.exePath(), e.argv(), e.argvTruncated(), e.env(),
                e.cwd(), e.uid(), e.gid(), e.loginUid(), e.tty(), e.sid(), e.pgid(), e.cgroup(), e.caps(), e.exeFromMemfd(),
                e.exeUpperLayer(), e.ppid(), f);
    }

    static ProcessEvent.Exec withMemory(ProcessEvent.Exec e, ProcessEvent.Memory m) {
        return new ProcessEvent.Exec(e.ts(), e.tid(), e.pid(), e.formerTid(), e.exePath(), e.argv(), e.argvTruncated(), e.env(),
                e.cwd(), e.uid(), e.gid(), e.loginUid(), e.tty(), e.sid(), e.pgid(), e.cgroup(), e.caps(), e.exeFromMemfd(),
                e.exeUpperLayer(), e.ppid(), e.exeFile(), m);
    }

    /** One of everything, in a plausible order. */
    public static List<Event> all() {
        List<Event> l = new ArrayList<>();
        long t = T0;
        Map<Integer, byte[]> fds = new LinkedHashMap<>();
        fds.put(0, b("/dev/pts/0"));
        fds.put(1, b("/dev/pts/0"));
        fds.put(3, b("socket:[12345]"));
        l.add(new SessionEvent.Start(t, 4000, 4000, "host-a", "6f1c2d3e-0000-4000-8000-000000000001", "0.1.0", 1,
                List.of(b("find"), b("/usr"), b("-name"), b("*.so")), 0, List.of(new SessionEvent.ProcessSnapshot(exec(t - 5, 4001), fds))));
        l.add(new SessionEvent.Start(t + 1, 4000, 4000, null, null, null, 1, null, 77, null));
        l.add(new ProcessEvent.Spawn(t + 10, 4001, 4001, 4000, 4000, 0x1200011L, false));
        l.add(new ProcessEvent.Spawn(t + 11, 4002, 4001, 4001, 4001, 0x3d0f00L, true));
        l.add(exec(t + 20, 4001));
        l.add(new ProcessEvent.Exec(t + 21, 4001, 4001, 4002, null, null, true, null, null, null, null, 0, 0, 0, 0, null,
                null, true, true, 0));
        l.add(sys(t + 30, 4001, "openat", 3, true, new ArgValue.Num(-100),
                new ArgValue.Path(b("lib/x.so"), b("/usr/lib/x.so"), false), new ArgValue.Num(0x80000), new ArgValue.Num(0)));
        l.add(sys(t + 31, 4001, "openat", -2, true, new ArgValue.Num(3),
                new ArgValue.Path(b("/etc/passwd"), b("/etc/passwd"), false), new ArgValue.Num(0), new ArgValue.Num(0644)));
        l.add(sys(t + 32, 4001, "openat", 0, false, new ArgValue.Num(3),
                new ArgValue.Path(b("very/long/trunc"), null, true), new ArgValue.Num(0), new ArgValue.Num(0)));
        l.add(sys(t + 33, 4001, "newfstatat", 0, true, new ArgValue.Num(4),
                new ArgValue.Path(b("x.so"), b("/usr/lib/x.so"), false), new ArgValue.Num(0x7ffc12345670L), new ArgValue.Num(0x100)));
        l.add(sys(t + 34, 4001, "newfstatat", 0, true, new ArgValue.Num(4),
                new ArgValue.Path(b("y.so"), b("/usr/lib/y.so"), false), new ArgValue.Num(0x7ffc12345670L), new ArgValue.Num(0x100)));
        l.add(sys(t + 35, 4001, "execve", 0, true, new ArgValue.Path(b("/bin/sh"), b("/usr/bin/dash"), false),
                new ArgValue.StrList(List.of(b("sh"), b("-c"), b("echo hi")), false), new ArgValue.StrList(List.of(), true)));
        // Schema v2: an argument cut at the string limit (STRLIST_CUT).
        l.add(sys(t + 35, 4001, "execve", 0, true, new ArgValue.Path(b("/bin/echo"), b("/bin/echo"), false),
                new ArgValue.StrList(List.of(b("echo"), b("0123456789abcdef"), b("x")), true, new int[] {1}), ArgValue.Null.INSTANCE));
        // Schema v3: argv items whose pointers could not be read (STRLIST_X), one of them cut too.
        l.add(sys(t + 35, 4001, "execve", -14, true, new ArgValue.Path(b("/bin/echo"), b("/bin/echo"), false),
                new ArgValue.StrList(List.of(b("echo"), new byte[0], b("0123"), new byte[0]), false, new int[] {2},
                        new int[] {1, 3}, new long[] {0x1L, 0xffffffff00001000L}), ArgValue.Null.INSTANCE));
        l.add(sys(t + 36, 4001, "connect", -111, true, new ArgValue.Num(5),
                new ArgValue.SockAddr(new byte[] {2, 0, 0, 80, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}), new ArgValue.Num(16)));
        l.add(sys(t + 37, 4001, "pipe2", 0, true, new ArgValue.FdPair(6, 7), new ArgValue.Num(0x80000)));
        l.add(sys(t + 38, 4001, "clone3", 4003, true, new ArgValue.Words(new long[] {0x100L, -1L, 0, 17}), new ArgValue.Num(88)));
        l.add(sys(t + 39, 4001, "memfd_create", 8, true, new ArgValue.Bytes(b("jit"), false), new ArgValue.Num(1)));
        l.add(sys(t + 40, 4001, "memfd_create", -14, true, new ArgValue.Unreadable(0xdeadbeefL, 14), new ArgValue.Num(1)));
        l.add(sys(t + 41, 4001, "openat", 0, true, new ArgValue.Num(-100), ArgValue.Null.INSTANCE, new ArgValue.Num(0), new ArgValue.Num(0)));
        l.add(sys(t + 42, 4001, "close", 0, false, new ArgValue.Num(3)));
        l.add(new SyscallEvent(t + 43, 4001, 4001, Abi.I386, 5, 3, true,
                new ArgValue[] {new ArgValue.Path(b("/etc/hosts"), b("/etc/hosts"), false), new ArgValue.Num(0), new ArgValue.Num(0)}));
        l.add(new SyscallEvent(t + 44, 4001, 4001, Abi.X32, 999, -38, true, new ArgValue[0]));
        l.add(new SyscallEvent(t + 45, 4001, 4001, Abi.X86_64, 400, 0, true,
                new ArgValue[] {new ArgValue.Bytes(new byte[] {(byte) 0xff, 0, 1}, true)}));
        // Schema v5: durations (a short call, one under a microsecond, a zero, one of hours).
        l.add(new SyscallEvent(t + 46, 4001, 4001, Abi.X86_64, 257, 3, true, new ArgValue[] {new ArgValue.Num(-100),
                new ArgValue.Path(b("/etc/hosts"), b("/etc/hosts"), false), new ArgValue.Num(0), new ArgValue.Num(0)}, 21_000));
        l.add(new SyscallEvent(t + 47, 4001, 4001, Abi.X86_64, 0, -4, true,
                new ArgValue[] {new ArgValue.Num(0), new ArgValue.Num(0x7ffc12345670L), new ArgValue.Num(10)}, 999));
        l.add(new SyscallEvent(t + 48, 4001, 4001, Abi.I386, 20, 4001, true, new ArgValue[0], 0));
        l.add(new SyscallEvent(t + 49, 4001, 4001, Abi.X86_64, 35, 0, true,
                new ArgValue[] {new ArgValue.Num(0x7ffc12345670L), ArgValue.Null.INSTANCE}, 3L * 3600 * 1_000_000_000L + 1));
        l.add(new ProcessEvent.Signal(t + 50, 4001, 4001, 17, 1, 4003, 0));
        // Schema v4: siginfo's rest (SIGCHLD CLD_KILLED by SIGKILL, 3 and 1 ticks; then raw words).
        l.add(new ProcessEvent.Signal(t + 50, 4001, 4001, 17, 2, 4003, 0, new ProcessEvent.SiginfoRest(9, 3, 1)));
        l.add(new ProcessEvent.Signal(t + 50, 4001, 4001, 10, -6, 4003, 0, new ProcessEvent.SiginfoRest(-1L, Long.MIN_VALUE, 0x7ffc00001000L)));
        l.add(new ProcessEvent.Stopped(t + 51, 4001, 4001, 19));
        // Schema v6: the executable's inode (writable on a plain filesystem; not writable on an
        // overlay, with a ctime before the epoch read as 0 and an inode number past 2^63).
        ProcessEvent.Exec base = exec(t + 51, 4001);
        l.add(withExeFile(base, new ProcessEvent.ExeFile(1_234_567L, 1_700_000_000_123_456_789L, 1_600_000_000_000_000_001L, true, false)));
        l.add(withExeFile(base, new ProcessEvent.ExeFile(-2L, 0, 1_600_000_000_000_000_001L, false, true)));
        // Schema v7: the overlayfs layer, upper and lower.
        l.add(withExeFile(base, new ProcessEvent.ExeFile(99, 1_700_000_000_000_000_007L, 1_700_000_000_000_000_007L, true,
                ProcessEvent.Layer.UPPER)));
        l.add(withExeFile(base, new ProcessEvent.ExeFile(98, 1_600_000_000_000_000_003L, 1_600_000_000_000_000_003L, false,
                ProcessEvent.Layer.LOWER)));
        // Schema v8: the memory, with the exe's facts and without (a swapped-out process, KiB).
        l.add(withMemory(withExeFile(base, new ProcessEvent.ExeFile(97, 1_700_000_000_000_000_009L, 1_700_000_000_000_000_009L,
                false, false)), new ProcessEvent.Memory(2_720, 1_024, 0)));
        l.add(withMemory(base, new ProcessEvent.Memory(4_503_599_627_370_496L, 812_345, 65_536)));
        l.add(new ProcessEvent.Exit(t + 52, 4002, 4001, 0, 0, false, true));
        l.add(new ProcessEvent.Exit(t + 53, 4001, 4001, 0, 11, true, false));
        for (NoticeEvent.Kind k : NoticeEvent.Kind.values()) {
            l.add(new NoticeEvent(t + 60 + k.ordinal(), 4001, 4001, k, k.ordinal() + 1, "notice " + k + " é"));
        }
        l.add(new NoticeEvent(t + 70, 0, 0, NoticeEvent.Kind.INFO, 1, null));
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("events", 42L);
        counters.put("stops", 84L);
        counters.put("drops", 0L);
        l.add(new SessionEvent.End(t + 80, 4000, 4000, 0, 0, counters));
        l.add(new SessionEvent.End(t + 81, 4000, 4000, -1, 9, Map.of()));
        return l;
    }

    static SyscallEvent sys(long ts, int tid, String name, long res, boolean hasResult, ArgValue... args) {
        return new SyscallEvent(ts, tid, tid, Abi.X86_64, nr(name), res, hasResult, args);
    }

    /** {@code n} find-like events (deterministic), cycling through a small directory tree. */
    public static List<Event> findLike(int n, long t0) {
        List<Event> l = new ArrayList<>(n);
        String[] dirs = {"/usr/share/doc/coreutils", "/usr/lib/x86_64-linux-gnu", "/usr/share/locale/de/LC_MESSAGES"};
        long ts = t0;
        int i = 0;
        while (l.size() < n) {
            String dir = dirs[i % dirs.length];
            ts += 13_000;
            l.add(sys(ts, 5000, "openat", 4, true, new ArgValue.Num(3), new ArgValue.Path(b(dir.substring(dir.lastIndexOf('/') + 1)), b(dir), false),
                    new ArgValue.Num(0x98800), new ArgValue.Num(0)));
            for (int f = 0; f < 5 && l.size() < n; f++) {
                ts += 7_000;
                String name = "file-" + i + "-" + f + ".txt";
                l.add(sys(ts, 5000, "newfstatat", 0, true, new ArgValue.Num(4), new ArgValue.Path(b(name), b(dir + "/" + name), false),
                        new ArgValue.Num(0x7ffd5e2a9c10L), new ArgValue.Num(0x100)));
            }
            ts += 9_000;
            if (l.size() < n) l.add(sys(ts, 5000, "close", 0, false, new ArgValue.Num(4)));
            i++;
        }
        return l;
    }
}
