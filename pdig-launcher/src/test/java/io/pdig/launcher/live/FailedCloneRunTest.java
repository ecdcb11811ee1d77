package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain clone that fails (test-programs/clone_fails: CLONE_SIGHAND without CLONE_VM, and
 * CLONE_PIDFD with CLONE_PARENT_SETTID, both EINVAL) makes no fork event, so pdig sees it only
 * from its entry stop. Where the user named clone (-a, --syscalls clone) both failures are
 * printed as strace prints them, journaled, and counted by -c with their errors. strace 6:
 * <pre>
 * clone(child_stack=NULL, flags=CLONE_SIGHAND|SIGCHLD) = -1 EINVAL (Invalid argument)
 * clone(child_stack=NULL, flags=CLONE_PIDFD|CLONE_PARENT_SETTID|SIGCHLD, parent_tid=0x7ffd...) = -1 EINVAL (Invalid argument)
 * clone(child_stack=NULL, flags=SIGCHLD) = N
 * </pre>
 */
class FailedCloneRunTest {

    private static final String SIGHAND = "clone(child_stack=NULL, flags=CLONE_SIGHAND|SIGCHLD) = -1 EINVAL (Invalid argument)";
    private static final Pattern PIDFD = Pattern.compile("clone\\(child_stack=NULL, flags=CLONE_PIDFD\\|CLONE_PARENT_SETTID\\|SIGCHLD,"
            + " parent_tid=0x[0-9a-f]+\\) = -1 EINVAL \\(Invalid argument\\)");
    private static final Pattern PLAIN = Pattern.compile("clone\\(child_stack=NULL, flags=SIGCHLD\\) = [1-9]\\d*");

    @TempDir
    Path tmp;

    private static Path program() {
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin/clone_fails");
        assertTrue(Files.isExecutable(bin), bin + " is missing: build the test-programs module first");
        return bin;
    }

    /** One run: its clone lines (without the tid prefix) and what pdig printed. */
    private record Run(List<String> clones, Pdig.Result result) {
    }

    /** `pdig run --print` with these options; checks that dump of its journal prints the same clone lines. */
    private Run run(String... options) throws Exception {
        Path print = tmp.resolve("print.txt");
        Path journal = tmp.resolve("j");
        List<String> argv = new ArrayList<>(List.of("run", "--no-rules", "--journal", journal.toString(), "--print", print.toString()));
        argv.addAll(List.of(options));
        argv.addAll(List.of("--", program().toString()));
        Pdig.Result r = Pdig.run(tmp, argv.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = Files.readAllLines(print).stream().filter(l -> l.matches("\\d+ clone\\(.*")).toList();
        Pdig.Result dump = Pdig.run(tmp, "dump", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        assertEquals(lines, dump.stdout().lines().filter(l -> l.matches("\\d+ clone\\(.*")).toList(),
                "the journal holds what --print printed:\n" + dump.transcript());
        return new Run(lines.stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList(), r);
    }

    private static void assertStracesThree(List<String> clones) {
        String all = String.join("\n", clones);
        assertEquals(3, clones.size(), all);
        assertEquals(SIGHAND, clones.get(0));
        assertTrue(PIDFD.matcher(clones.get(1)).matches(), all);
        assertTrue(PLAIN.matcher(clones.get(2)).matches(), all);
    }

    @Test
    void everySyscallShowsTheFailedClones() throws Exception {
        assertStracesThree(run("-a").clones());
    }

    @Test
    void namedCloneShowsTheFailedClonesAndCountsTheirErrors() throws Exception {
        Run r = run("--syscalls", "clone", "-c");
        assertStracesThree(r.clones());
        // "% time seconds usecs/call calls errors syscall": 3 calls, 2 errors.
        assertTrue(Pattern.compile("(?m)^ *[0-9.]+ +[0-9.]+ +\\d+ +3 +2 clone$").matcher(r.result().stderr()).find(),
                r.result().transcript());
    }

    /**
     * The same program under strace itself: pdig's failed clone lines are strace's, once the
     * run-dependent parent_tid address is masked and strace's pid prefix (-f) is removed.
     * Skipped without strace.
     */
    @Test
    void failedCloneLinesAreStracesLines() throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(strace), "strace is not installed");
        Path out = tmp.resolve("strace.txt");
        Process p = new ProcessBuilder(strace.toString(), "-f", "-qq", "-e", "trace=clone", "-o", out.toString(),
                program().toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("strace.out").toFile()).start();
        assertEquals(0, p.waitFor());
        List<String> straced = Files.readAllLines(out).stream().filter(l -> l.contains(" = -1 "))
                .map(l -> l.replaceFirst("^\\d+ +", "").replaceAll("0x[0-9a-f]+", "ADDR")).toList();
        List<String> pdig = run("--syscalls", "clone").clones().stream().filter(l -> l.contains(" = -1 "))
                .map(l -> l.replaceAll("0x[0-9a-f]+", "ADDR")).toList();
        assertEquals(2, straced.size(), String.join("\n", straced));
        assertEquals(straced, pdig);
    }
}
