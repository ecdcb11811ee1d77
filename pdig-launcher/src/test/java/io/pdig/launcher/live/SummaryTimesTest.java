package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The -c table's time columns (strace -c -w) and -S over a real run of test-programs/summary_calls:
 * one 250 ms clock_nanosleep, 7 getppid, 3 failing close(-1) plus the loader's closes, all named
 * with --syscalls so that every call has its exit stop and so its duration; and `dump -c` of the
 * run's journal.
 */
class SummaryTimesTest {

    /** "% time seconds usecs/call calls errors syscall", errors optional, as strace prints a row. */
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(\\d+\\.\\d\\d)\\s+(\\d+\\.\\d{6})\\s+(\\d+)\\s+(\\d+)\\s+(?:(\\d+)\\s+)?([a-z_0-9]+)$");

    record Row(double pct, long micros, long usecsPerCall, long calls, long errors, String name) {
    }

    @TempDir
    Path tmp;

    private static Path program() {
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin/summary_calls");
        assertTrue(Files.isExecutable(bin), bin + " is missing: build the test-programs module first");
        return bin;
    }

    /** The rows of the table, total last; asserts the header and rules are strace's. */
    private static List<Row> table(Pdig.Result r) {
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = r.stderr().lines().toList();
        int head = lines.indexOf("% time     seconds  usecs/call     calls    errors syscall");
        assertTrue(head >= 0, r.transcript());
        String rule = "------ ----------- ----------- --------- --------- ----------------";
        assertEquals(rule, lines.get(head + 1));
        List<Row> rows = new ArrayList<>();
        for (String l : lines.subList(head + 2, lines.size())) {
            if (l.equals(rule)) continue;
            Matcher m = ROW.matcher(l);
            if (!m.matches()) break;
            String[] secs = m.group(2).split("\\.");
            rows.add(new Row(Double.parseDouble(m.group(1)), Long.parseLong(secs[0]) * 1_000_000 + Long.parseLong(secs[1]),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), m.group(5) == null ? 0 : Long.parseLong(m.group(5)),
                    m.group(6)));
        }
        assertTrue(rows.size() >= 2 && rows.get(rows.size() - 1).name().equals("total"), r.transcript());
        return rows;
    }

    private Pdig.Result run(String... extra) throws Exception {
        List<String> argv = new ArrayList<>(List.of("run", "--no-rules", "-c", "--syscalls", "clock_nanosleep,getppid,close"));
        argv.addAll(List.of(extra));
        if (!argv.contains("--journal")) argv.add("--no-journal");
        argv.addAll(List.of("--", program().toString()));
        return Pdig.run(tmp, argv.toArray(String[]::new));
    }

    @Test
    void theSlowCallLeadsAndTheColumnsAddUp() throws Exception {
        Pdig.Result r = run();
        List<Row> rows = table(r);
        List<Row> body = rows.subList(0, rows.size() - 1);
        Row total = rows.get(rows.size() - 1);
        Matcher span = Pattern.compile("sleep_ns (\\d+)").matcher(r.stdout());
        assertTrue(span.find(), r.transcript());

        Row sleep = body.get(0);
        assertEquals("clock_nanosleep", sleep.name(), r.stderr());
        assertEquals(1, sleep.calls());
        // At least the sleep; at most the program's own span around it (both stops fall inside).
        assertTrue(sleep.micros() >= 250_000 && sleep.micros() <= Long.parseLong(span.group(1)) / 1000 + 1, r.transcript());
        for (int i = 1; i < body.size(); i++) {
            assertTrue(body.get(i - 1).micros() >= body.get(i).micros(), "sorted by time: " + r.stderr());
        }
        Row getppid = body.stream().filter(x -> x.name().equals("getppid")).findFirst().orElseThrow();
        assertEquals(7, getppid.calls(), r.stderr());
        Row close = body.stream().filter(x -> x.name().equals("close")).findFirst().orElseThrow();
        assertTrue(close.calls() >= 3 && close.errors() == 3, r.stderr());

        // Each row's usecs/call is its time over its calls (every call here has a duration); the
        // seconds column is rounded to the microsecond, usecs/call truncated.
        for (Row x : rows) {
            double perCall = (double) x.micros() / x.calls();
            assertTrue(Math.abs(x.usecsPerCall() - perCall) <= 1.0, x + " vs " + perCall);
        }
        double pct = body.stream().mapToDouble(Row::pct).sum();
        assertTrue(Math.abs(pct - 100.0) <= 0.01 * body.size(), pct + " in " + r.stderr());
        assertEquals(100.0, total.pct());
        assertEquals(body.stream().mapToLong(Row::calls).sum(), total.calls());
        assertEquals(body.stream().mapToLong(Row::errors).sum(), total.errors());
        assertTrue(Math.abs(body.stream().mapToLong(Row::micros).sum() - total.micros()) <= body.size(), r.stderr());
        assertTrue(!r.stderr().contains("calls without a duration"), "every named call has one: " + r.stderr());
    }

    @Test
    void dashSReordersTheRows() throws Exception {
        List<Row> byCalls = table(run("-S", "calls"));
        List<Row> body = byCalls.subList(0, byCalls.size() - 1);
        assertEquals("getppid", body.get(0).name(), body.toString());
        assertEquals(body.stream().sorted(Comparator.comparingLong(Row::calls).reversed().thenComparing(Row::name)).toList(), body);

        List<Row> byName = table(run("--summary-sort-by", "syscall_name"));
        assertEquals(List.of("clock_nanosleep", "close", "getppid", "total"), byName.stream().map(Row::name).toList());
    }

    /** The lines from the table's header to the end. */
    private static String tableText(String out) {
        int at = out.indexOf("% time ");
        assertTrue(at >= 0, out);
        return out.substring(at);
    }

    /**
     * dump -c of the run's journal prints the table the run printed live: the same events, the
     * same durations, the stops from the session's end record. Read from inside the session
     * (--since past its start record) the stops are unknown, and said so.
     */
    @Test
    void dumpOfTheJournalPrintsTheLiveTable() throws Exception {
        Path journal = tmp.resolve("j");
        Pdig.Result live = run("--journal", journal.toString(), "-S", "calls");
        assertEquals(0, live.exitCode(), live.transcript());
        Pdig.Result dump = Pdig.run(tmp, "dump", "-c", "-S", "calls", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        assertEquals(tableText(live.stderr()), dump.stdout());
        assertTrue(dump.stdout().contains("\nptrace stops: "), dump.stdout());
        assertTrue(!dump.stdout().contains("ptrace stops: 0\n") && !dump.stdout().contains("unknown"), dump.stdout());

        Pdig.Result inside = Pdig.run(tmp, "dump", "-c", "--since", "1", journal.toString());
        assertEquals(0, inside.exitCode(), inside.transcript());
        assertTrue(inside.stdout().contains("\nptrace stops: unknown (a session was read without its start or end record)\n"),
                inside.stdout());

        Pdig.Result json = Pdig.run(tmp, "dump", "-c", "--json", journal.toString());
        assertEquals(2, json.exitCode(), json.transcript());
        assertEquals("pdig: -c: prints the table instead of the records; not with --json (see 'pdig dump --help')", json.stderr().strip());
        Pdig.Result sortOnly = Pdig.run(tmp, "dump", "-S", "calls", journal.toString());
        assertEquals(2, sortOnly.exitCode(), sortOnly.transcript());
        assertEquals("pdig: -S: only with -c (it orders the summary table) (see 'pdig dump --help')", sortOnly.stderr().strip());
    }

    @Test
    void aBadOrderIsAOneLineUsageError() throws Exception {
        Pdig.Result bad = run("-S", "fastest");
        assertEquals(2, bad.exitCode(), bad.transcript());
        assertEquals(1, bad.stderr().strip().lines().count(), bad.transcript());
        assertTrue(bad.stderr().startsWith("pdig: -S: unknown order 'fastest' (expected time|"), bad.stderr());

        Pdig.Result withoutC = Pdig.run(tmp, "run", "-S", "calls", "--", "/bin/true");
        assertEquals(2, withoutC.exitCode(), withoutC.transcript());
        assertEquals("pdig: -S: only with -c (it orders the summary table) (see 'pdig run --help')", withoutC.stderr().strip());

        // attach takes -S as run does, checked before it attaches to anything.
        Pdig.Result attach = Pdig.run(tmp, "attach", "-p", "1", "-c", "-S", "fastest");
        assertEquals(2, attach.exitCode(), attach.transcript());
        assertTrue(attach.stderr().startsWith("pdig: -S: unknown order 'fastest'"), attach.stderr());
    }
}
