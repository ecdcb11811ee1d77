package io.pdig.journal.bench;

import io.pdig.journal.Journal;
import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalStats;
import io.pdig.journal.JournalWriter;
import io.pdig.journal.ReaderOptions;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.SyscallTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Appends N synthetic `find /usr`-like events (real paths, from walking /usr) to a real journal and
 * prints events/s and bytes/event. Not a test: figures go to docs/BENCHMARKS.md ("Journal").
 *
 * <p>Per directory, the events GNU find (fts) makes: openat(parent fd, name, O_DIRECTORY...) with
 * the resolved path, getdents64 twice, newfstatat(fd, entry, statbuf, AT_SYMLINK_NOFOLLOW) per entry,
 * close. Args: [N (default 1000000)] [walk root (default /usr)].
 */
public final class JournalAppendBench {
    private static final int OPENAT = nr("openat");
    private static final int GETDENTS = nr("getdents64");
    private static final int NEWFSTATAT = nr("newfstatat");
    private static final int CLOSE = nr("close");

    private static int nr(String name) {
        return SyscallTable.byName(name).nr64();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = Path.of(args.length > 1 ? args[1] : "/usr");
        List<Event> events = findLike(root, n);
        System.out.printf("workload: %d events from walking %s (%d distinct)%n", n, root, events.size());

        // Chronicle's first open in a JVM costs seconds, and the JIT needs a few hundred thousand
        // events: pay both outside the measurement (steady-state figures).
        try (Journal warm = Journal.temporary(JournalConfig.defaults()); JournalWriter w = warm.writer()) {
            for (int i = 0; i < Math.min(n, 300_000); i++) w.accept(events.get(i % events.size()));
        }

        try (Journal j = Journal.temporary(JournalConfig.defaults())) {
            long t0 = System.nanoTime();
            JournalWriter w = j.writer();
            for (int i = 0; i < n; i++) w.accept(events.get(i % events.size()));
            long t1 = System.nanoTime();
            w.close();
            long t2 = System.nanoTime();
            JournalStats s = w.stats();
            long disk = allocatedBytes(j.dir(), "*.cq4");
            System.out.printf("append: %.0f events/s (accept %.0f events/s; %d events in %.2f s incl. drain)%n",
                    n / ((t2 - t0) / 1e9), n / ((t1 - t0) / 1e9), n, (t2 - t0) / 1e9);
            System.out.printf("size: %.1f bytes/event encoded, %.1f bytes/event on disk (%d bytes allocated for .cq4 files)%n",
                    (double) s.bytesWritten() / n, (double) disk / n, disk);
            System.out.printf("writer: max buffer depth %d, dropped %d%n", s.maxBufferDepth(), s.dropped());

            long r0 = System.nanoTime();
            long count = 0;
            try (JournalReader r = j.reader(ReaderOptions.fromStart())) {
                while (r.next() != null) count++;
            }
            long r1 = System.nanoTime();
            System.out.printf("read+verify+decode: %.0f events/s (%d events)%n", count / ((r1 - r0) / 1e9), count);
        }
    }

    /** Allocated (not apparent: Chronicle files are sparse and pre-grown) size, via du. */
    private static long allocatedBytes(Path dir, String glob) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("du", "-B1", "-c"));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            ds.forEach(p -> cmd.add(p.toString()));
        }
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String[] lines = out.strip().split("\n");
        return Long.parseLong(lines[lines.length - 1].split("\\s+")[0]);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** At most n events following find's pattern over the real tree under root. */
    static List<Event> findLike(Path root, int n) throws IOException {
        Map<Path, List<Path>> dirs = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.limit(n).forEach(p -> {
                Path parent = p.getParent();
                if (Files.isDirectory(p)) dirs.computeIfAbsent(p, k -> new ArrayList<>());
                if (parent != null && dirs.containsKey(parent)) dirs.get(parent).add(p);
            });
        }
        List<Event> l = new ArrayList<>(n);
        long ts = 1_795_000_000_000_000_000L;
        int tid = 31337;
        long statbuf = 0x7ffd5e2a9c10L;
        long dirent = 0x55d0c1a3e2a0L;
        for (Map.Entry<Path, List<Path>> d : dirs.entrySet()) {
            if (l.size() >= n) break;
            String dir = d.getKey().toString();
            String name = d.getKey().getFileName() == null ? dir : d.getKey().getFileName().toString();
            ts += 9_000;
            l.add(sys(ts, tid, OPENAT, 4, new ArgValue.Num(3), new ArgValue.Path(b(name), b(dir), false),
                    new ArgValue.Num(0x30900), new ArgValue.Num(0)));
            ts += 4_000;
            l.add(sys(ts, tid, GETDENTS, 32 * d.getValue().size(), new ArgValue.Num(4), new ArgValue.Num(dirent), new ArgValue.Num(32768)));
            ts += 2_000;
            l.add(sys(ts, tid, GETDENTS, 0, new ArgValue.Num(4), new ArgValue.Num(dirent), new ArgValue.Num(32768)));
            for (Path e : d.getValue()) {
                ts += 3_000;
                String en = e.getFileName().toString();
                l.add(sys(ts, tid, NEWFSTATAT, 0, new ArgValue.Num(4), new ArgValue.Path(b(en), b(e.toString()), false),
                        new ArgValue.Num(statbuf), new ArgValue.Num(0x100)));
            }
            ts += 2_000;
            l.add(sys(ts, tid, CLOSE, 0, new ArgValue.Num(4)));
        }
        return l.size() > n ? l.subList(0, n) : l;
    }

    private static SyscallEvent sys(long ts, int tid, int nr, long res, ArgValue... args) {
        return new SyscallEvent(ts, tid, tid, Abi.X86_64, nr, res, true, args);
    }
}
