package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Runs of test programs under `pdig run --print` and under real strace, for the tests that compare
 * the two tracers' lines (PrintLinesTest and the tests of one syscall family each). Every pdig run
 * also keeps a journal, and {@code pdig dump} of it must print the very lines --print wrote live.
 * One instance per test, writing into that test's temporary directory.
 */
final class PrintRuns {

    /** The --print lines of one run, each without its "TID " prefix, and what the program printed. */
    record Printed(List<String> lines, String stdout) {
    }

    private final Path tmp;

    PrintRuns(Path tmp) {
        this.tmp = tmp;
    }

    /**
     * Runs a test program under --print and --journal, and checks that dump prints the same lines.
     * {@code options} are pdig's, up to a "--" after which they are the program's arguments.
     */
    Printed run(String syscalls, String program, String... options) throws Exception {
        Path journal = tmp.resolve("j");
        Path print = tmp.resolve("print.txt");
        Path bin = Pdig.repoRoot().resolve("test-programs/target/bin").resolve(program);
        assertTrue(Files.isExecutable(bin), bin + " is missing: build the test-programs module first");
        List<String> argv = new ArrayList<>(List.of("run", "--no-rules", "--journal", journal.toString(), "--print",
                print.toString(), "--syscalls", syscalls));
        // options before a "--" are pdig's, after it the program's arguments
        int split = List.of(options).indexOf("--");
        List<String> own = split < 0 ? List.of(options) : List.of(options).subList(0, split);
        List<String> programArgs = split < 0 ? List.of() : List.of(options).subList(split + 1, options.length);
        argv.addAll(own);
        argv.addAll(List.of("--", bin.toString()));
        argv.addAll(programArgs);
        Pdig.Result r = Pdig.run(tmp, argv.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = Files.readAllLines(print);
        Pdig.Result dump = Pdig.run(tmp, "dump", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        assertEquals(lines, dump.stdout().lines().filter(lines::contains).toList(),
                "dump prints what --print printed:\n" + dump.transcript());
        List<String> out = new ArrayList<>();
        for (String l : lines) out.add(l.substring(l.indexOf(' ') + 1));
        return new Printed(out, r.stdout());
    }

    /**
     * The lines {@code strace -f -qq -e trace=SET} writes for a test program, without the pid
     * prefix and the padding before " = " (pdig's lines carry neither once {@link #run} removed
     * the tid). The test is skipped when strace is not installed.
     */
    List<String> stracedLines(String set, String program, String... args) throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(strace), "strace is not installed");
        Path out = tmp.resolve("strace.txt");
        List<String> cmd = new ArrayList<>(List.of(strace.toString(), "-f", "-qq", "-e", "trace=" + set, "-o", out.toString(),
                Pdig.repoRoot().resolve("test-programs/target/bin").resolve(program).toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("strace.out").toFile()).start();
        assertEquals(0, p.waitFor());
        return Files.readAllLines(out).stream().map(l -> l.replaceFirst("^\\d+ +", "").replaceAll(" +=( |$)", " =$1")).toList();
    }

    /**
     * PROGRAM's lines under real strace and under pdig (the calls of SET), each side kept by its
     * own filter (strace writes some calls pdig decodes otherwise, and the other way round) and
     * masked alike, are equal; strace wrote {@code straceCount} of them, or at least
     * {@code -straceCount} when it is negative. Skipped without strace.
     */
    void assertLinesAreStraces(String set, String program, Predicate<String> straceKeeps, Predicate<String> pdigKeeps,
            UnaryOperator<String> mask, int straceCount) throws Exception {
        List<String> straced = stracedLines(set, program).stream().filter(straceKeeps).map(mask).toList();
        List<String> pdig = run(set, program).lines().stream().filter(pdigKeeps).map(mask).toList();
        if (straceCount >= 0) {
            assertEquals(straceCount, straced.size(), String.join("\n", straced));
        } else {
            assertTrue(straced.size() >= -straceCount, String.join("\n", straced));
        }
        assertEquals(straced, pdig);
    }

    static void assertHas(List<String> lines, String expected) {
        assertTrue(lines.contains(expected), "no line \"" + expected + "\" in:\n" + String.join("\n", lines));
    }
}
