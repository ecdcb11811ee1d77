package io.pdig.bench;

import io.pdig.journal.Journal;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.ReaderOptions;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.SyscallTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The events of {@code find /usr} as pdig records them with its default traced set, so that the
 * benchmarks measure the mix a real replay sees: per directory GNU find (fts) makes one openat
 * of the entry relative to its parent's fd, four fcntl (F_GETFL, F_SETFD, two F_DUPFD_CLOEXEC) and
 * three close: about 10% openat, 50% fcntl, 40% close, as in a recorded journal.
 *
 * <p>With {@code -Dpdig.bench.journal=DIR} the events are read from a real journal instead.
 */
final class FindWorkload {
    private static final int OPENAT = SyscallTable.byName("openat").nr64();
    private static final int FCNTL = SyscallTable.byName("fcntl").nr64();
    private static final int CLOSE = SyscallTable.byName("close").nr64();
    private static final int F_SETFD = 2, F_GETFL = 3, F_DUPFD_CLOEXEC = 1030;
    /** find's open flags: O_RDONLY|O_NONBLOCK|O_DIRECTORY|O_NOFOLLOW|O_CLOEXEC|O_LARGEFILE (x86-64 values). */
    private static final long OPEN_FLAGS = 723200;
    static final int PID = 4242;

    private FindWorkload() {
    }

    /** About {@code n} events (a whole number of directories), or the journal's events. */
    static List<Event> events(int n) throws IOException {
        String journal = System.getProperty("pdig.bench.journal");
        return journal != null ? fromJournal(Path.of(journal), n) : synthetic(Path.of("/usr"), n);
    }

    static List<Event> fromJournal(Path dir, int n) {
        List<Event> out = new ArrayList<>();
        try (Journal j = Journal.openExisting(dir); JournalReader r = j.reader(ReaderOptions.fromStart())) {
            for (JournalRecord rec; out.size() < n && (rec = r.next()) != null; ) out.add(rec.event());
        }
        return out;
    }

    static List<Event> synthetic(Path root, int n) throws IOException {
        List<Event> l = new ArrayList<>(n + 16);
        long ts = 1_795_000_000_000_000_000L;
        // The process comes first, as in a journal: find exec'd from a shell.
        l.add(new ProcessEvent.Spawn(ts, PID, PID, 4000, 4000, 0, false));
        l.add(new ProcessEvent.Exec(ts, PID, PID, PID, b("/usr/bin/find"), List.of(b("find"), b(root.toString())), false,
                List.of(b("PATH=/usr/bin")), b("/root"), new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0}, -1, 0, PID, PID,
                null, null, false, false, 4000));
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isDirectory).limit(Math.max(1, n / 8)).forEach(dirs::add);
        }
        int parentFd = 6;
        for (int i = 0; l.size() < n; i++) {
            Path d = dirs.get(i % dirs.size());
            String name = d.getFileName() == null ? d.toString() : d.getFileName().toString();
            l.add(sys(ts += 9_000, OPENAT, 5, num(parentFd), new ArgValue.Path(b(name), b(d.toString()), false),
                    num(OPEN_FLAGS), num(0)));
            l.add(sys(ts += 1_000, FCNTL, 231424, num(5), num(F_GETFL), num(0x7ffd5e2a9c10L)));
            l.add(sys(ts += 1_000, FCNTL, 0, num(5), num(F_SETFD), num(1)));
            l.add(sys(ts += 1_000, FCNTL, 7, num(5), num(F_DUPFD_CLOEXEC), num(3)));
            l.add(sys(ts += 1_000, CLOSE, 0, num(5)));
            l.add(sys(ts += 1_000, CLOSE, 0, num(4)));
            l.add(sys(ts += 1_000, FCNTL, 4, num(7), num(F_DUPFD_CLOEXEC), num(0)));
            l.add(sys(ts += 1_000, CLOSE, 0, num(7)));
            parentFd = 4;
        }
        return l;
    }

    private static SyscallEvent sys(long ts, int nr, long res, ArgValue... args) {
        return new SyscallEvent(ts, PID, PID, Abi.X86_64, nr, res, true, args);
    }

    private static ArgValue.Num num(long v) {
        return ArgValue.Num.of(v);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Upstream Falco rules: -Dpdig.bench.rules=FILE, else ../shared/falco-rules/falco_rules.yaml from the repo. */
    static Path rulesFile() {
        String p = System.getProperty("pdig.bench.rules");
        Path f = p != null ? Path.of(p) : Path.of("..", "shared", "falco-rules", "falco_rules.yaml");
        if (!Files.isReadable(f)) {
            throw new IllegalStateException("rules file " + f.toAbsolutePath()
                    + " not readable: run from the repo root or pass -Dpdig.bench.rules=FILE (falco_rules.yaml)");
        }
        return f;
    }
}
