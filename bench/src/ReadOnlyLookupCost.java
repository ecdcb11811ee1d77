package io.pdig.tracer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The exec snapshot's read-only superblock lookup by itself (bench/readonly-exec.sh): what one exec
 * of a program on a read-only filesystem costs pdig's tracer thread for it. Three ways, on process
 * PID's mount MNT_ID: the uncached read of the process's whole mountinfo that each such exec paid
 * before MountNamespaces; MountNamespaces' answer from its kept table (a stat of the namespace and
 * a poll of the watch); and the same with the table read again at every call (what a change in the
 * namespace costs the next exec). Measured as this thread's CPU time, not wall time, so that other
 * work on a shared machine counts less; mean microseconds per call after a warm-up.
 * In package io.pdig.tracer for its package-private classes; compiled and run against pdig's jars.
 * Usage: ReadOnlyLookupCost PID MNT_ID [CALLS]
 */
public final class ReadOnlyLookupCost {
    public static void main(String[] args) {
        int pid = Integer.parseInt(args[0]);
        long mntId = Long.parseLong(args[1]);
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        boolean[] answer = new boolean[3];
        // What every such exec did before MountNamespaces (and what it still does for a mount its
        // tables do not hold): read the whole table, find the mount's line.
        double uncached = perCall(calls, () -> {
            byte[] table = ProcReader.read("/proc/" + pid + "/mountinfo", 4 << 20);
            Boolean b = table == null ? null : MountNamespaces.answer(table, mntId);
            return answer[0] = b == null || b;
        });
        double kept;
        try (MountNamespaces m = new MountNamespaces(NativeLibrary.lib(), new AtomicLong())) {
            kept = perCall(calls, () -> answer[1] = m.superblockReadOnly(pid, mntId));
        }
        System.setProperty(MountNamespaces.MAX_AGE_PROPERTY, "0");
        double reread;
        AtomicLong reads = new AtomicLong();
        try (MountNamespaces m = new MountNamespaces(NativeLibrary.lib(), reads)) {
            reread = perCall(calls, () -> answer[2] = m.superblockReadOnly(pid, mntId));
        }
        if (answer[0] != answer[1] || answer[0] != answer[2]) {
            System.err.println("ReadOnlyLookupCost: the three ways answered differently: " + java.util.Arrays.toString(answer));
            System.exit(1);
        }
        System.out.printf("RESULT uncached_us=%.1f kept_us=%.2f reread_us=%.1f answer=%s reads=%d%n", uncached, kept, reread,
                answer[0], reads.get());
    }

    /** Mean CPU microseconds per call of {@code call}, after as many calls again to warm up. */
    private static double perCall(int calls, BooleanSupplier call) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < calls; i++) call.getAsBoolean();
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) call.getAsBoolean();
        return (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / calls;
    }
}
