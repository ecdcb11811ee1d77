package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -T on `pdig run --print` and `pdig dump` lines of a real run (test-programs/timed_calls: a 50 ms
 * sleep, a read of a pipe written 50 ms later): the time spent in each call ends its line as
 * strace -T prints it ({@code = 0 <0.050343>}), dump prints the journal's durations the same way,
 * and dump --json has them in ns.
 */
class PrintDurationsTest {

    private static final Pattern TIMED = Pattern.compile("(\\d+) (?<call>\\S.*) <(?<s>\\d+)\\.(?<us>\\d{6})>");
    private static final long SLEEP_MICROS = 50_000;

    @TempDir
    Path tmp;

    private static long micros(Matcher m) {
        return Long.parseLong(m.group("s")) * 1_000_000 + Long.parseLong(m.group("us"));
    }

    private static long programSpan(String stdout, String regex) {
        Matcher m = Pattern.compile(regex).matcher(stdout);
        assertTrue(m.find(), regex + " in " + stdout);
        return Long.parseLong(m.group(1)) / 1000;
    }

    /** The one timed line of the main thread whose call starts with {@code prefix} and ends with {@code end}. */
    private static Matcher line(List<String> lines, int mainTid, String prefix, String end) {
        Matcher found = null;
        for (String l : lines) {
            Matcher m = TIMED.matcher(l);
            if (l.startsWith(mainTid + " " + prefix) && m.matches() && m.group("call").endsWith(end)) {
                assertEquals(null, found, "one " + prefix + " line:\n" + String.join("\n", lines));
                found = m;
            }
        }
        assertTrue(found != null, "a timed " + prefix + " line:\n" + String.join("\n", lines));
        return found;
    }

    @Test
    void eachCallEndsWithItsDurationAndDumpPrintsTheSame() throws Exception {
        Path journal = tmp.resolve("j");
        Path print = tmp.resolve("print.txt");
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin/timed_calls");
        assertTrue(Files.isExecutable(bin), bin + " is missing: build the test-programs module first");
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "-T", "--journal", journal.toString(), "--print", print.toString(),
                "--syscalls", "nanosleep,clock_nanosleep,read,exit_group", "--", bin.toString());
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = Files.readAllLines(print);
        int mainTid = Integer.parseInt(lines.stream().filter(l -> l.contains("[pdig: exec:")).findFirst().orElseThrow().split(" ")[0]);

        // The program's own span around each call bounds it from above (the tracer's two stops
        // fall inside it; both are truncated to microseconds).
        Matcher sleep = line(lines, mainTid, "clock_nanosleep(", " = 0");
        long sleepSpan = programSpan(r.stdout(), "sleep rc 0 sleep_ns (\\d+)");
        assertTrue(micros(sleep) >= SLEEP_MICROS && micros(sleep) <= sleepSpan, sleep.group() + " within the program's " + sleepSpan + " us");
        Matcher read = line(lines, mainTid, "read(3, ", ", 1) = 1");
        long readSpan = programSpan(r.stdout(), "read rc 1 read_ns (\\d+)");
        assertTrue(micros(read) >= SLEEP_MICROS && micros(read) <= readSpan, read.group() + " within the program's " + readSpan + " us");
        // A call that never returns and process lines get no duration (strace: exit_group(0) = ?).
        List<String> untimed = lines.stream().filter(l -> !TIMED.matcher(l).matches()).toList();
        assertTrue(untimed.contains(mainTid + " exit_group(0) = ?"), String.join("\n", lines));
        assertTrue(untimed.contains(mainTid + " +++ exited with 0 +++"), String.join("\n", lines));

        // dump -T prints the journal's durations as --print printed them; without -T, none.
        Pdig.Result dump = Pdig.run(tmp, "dump", "-T", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        List<String> dumped = dump.stdout().lines().filter(l -> !l.contains("[pdig: session_")).toList();
        assertEquals(lines, dumped);
        Pdig.Result plain = Pdig.run(tmp, "dump", journal.toString());
        assertFalse(plain.stdout().contains(" <0."), plain.stdout());

        // JSON: the same duration in ns.
        Pdig.Result json = Pdig.run(tmp, "dump", "--json", journal.toString());
        assertEquals(0, json.exitCode(), json.transcript());
        ObjectMapper mapper = new ObjectMapper();
        List<Long> sleeps = new ArrayList<>();
        for (String l : json.stdout().lines().toList()) {
            JsonNode n = mapper.readTree(l);
            if (n.get("evt").asText().equals("clock_nanosleep") && n.get("tid").asInt() == mainTid) sleeps.add(n.get("duration_ns").asLong());
            if (n.get("evt").asText().equals("exit_group")) assertFalse(n.has("duration_ns"), l);
        }
        assertEquals(List.of(micros(sleep)), sleeps.stream().map(ns -> ns / 1000).toList());
    }

    /**
     * A fork and an exec end at their ptrace event stop, not an exit stop: -T still times them,
     * up to that stop. fork_exec_timed's own clock bounds each; its child's 200 ms sleep is not
     * the parent's fork.
     */
    @Test
    void forkAndExecLinesHaveADurationThatLeavesOutTheChild() throws Exception {
        Path journal = tmp.resolve("j");
        Path print = tmp.resolve("print.txt");
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin/fork_exec_timed");
        assertTrue(Files.isExecutable(bin), bin + " is missing: build the test-programs module first");
        Pdig.Result r = Pdig.run(tmp, "run", "--no-rules", "-T", "--journal", journal.toString(), "--print", print.toString(),
                "--syscalls", "fork,execve,wait4", "--", bin.toString());
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = Files.readAllLines(print);
        int mainTid = Integer.parseInt(lines.stream().filter(l -> l.contains("[pdig: exec:")).findFirst().orElseThrow().split(" ")[0]);

        Matcher fork = line(lines, mainTid, "fork()", "");
        long forkSpan = programSpan(r.stdout(), "fork_ns (\\d+)");
        long childSleep = programSpan(r.stdout(), "child_sleep_ns (\\d+)");
        assertTrue(micros(fork) <= forkSpan && micros(fork) < childSleep, fork.group() + " within the program's " + forkSpan + " us");
        Matcher exec = line(lines, mainTid, "execve(\"/proc/self/exe\"", " = 0");
        long execSpan = programSpan(r.stdout(), "exec_ns (\\d+)");
        assertTrue(micros(exec) <= execSpan, exec.group() + " within the program's " + execSpan + " us");
        // The wait4 that reaps the child is where the child's sleep shows (its exit stop).
        Matcher wait = line(lines, mainTid, "wait4(", "");
        assertTrue(micros(wait) > micros(fork), wait.group() + " vs " + fork.group());

        Pdig.Result dump = Pdig.run(tmp, "dump", "-T", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        assertEquals(lines, dump.stdout().lines().filter(l -> !l.contains("[pdig: session_")).toList());
    }

    @Test
    void durationsThatWouldGoNowhereAreUsageErrors() throws Exception {
        Pdig.Result noPrint = Pdig.run(tmp, "run", "-T", "--", "/bin/true");
        assertEquals(2, noPrint.exitCode(), noPrint.transcript());
        assertEquals("pdig: -T: only with --print (it stamps the printed lines) (see 'pdig run --help')", noPrint.stderr().strip());
        Pdig.Result json = Pdig.run(tmp, "dump", "-T", "--json", tmp.toString());
        assertEquals(2, json.exitCode(), json.transcript());
        assertEquals("pdig: -T: only for text lines (--json has each syscall's duration_ns) (see 'pdig dump --help')",
                json.stderr().strip());
    }
}
