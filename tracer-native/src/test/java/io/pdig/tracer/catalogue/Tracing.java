package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.fail;

import io.pdig.model.driver.AttachSpec;
import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.syscall.SyscallTable;
import io.pdig.tracer.PtraceDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs catalogue programs under the real {@link PtraceDriver}. A program runs as
 * {@code /bin/sh -c 'exec PROG ARGS </dev/null >out 2>&1'} in a fresh directory (its cwd), so the
 * main tracee's pid is the program's and its output lands in a file the test reads back.
 *
 * <p>Every session and tracee pid goes into {@link LeakCheck}'s registry, which closes leftovers
 * and verifies after each test that nothing leaked.
 */
final class Tracing {

    private final List<String> command = new ArrayList<>();
    private Set<String> syscalls = SyscallTable.defaultSet();
    private boolean failOpen;
    private boolean traceExits;
    private boolean everyCall;
    private boolean waitForOrphans = true;
    private boolean viaShell = true;
    private int stringLimit = 4096;

    private Tracing() {
    }

    /** A test program from test-programs/target/bin with its arguments. */
    static Tracing program(String name, String... args) {
        Tracing t = new Tracing();
        t.command.add(Programs.bin(name).toString());
        t.command.addAll(List.of(args));
        return t;
    }

    /** Any command, started without the shell wrapper (so exec errors reach the driver). */
    static Tracing rawCommand(String... argv) {
        Tracing t = new Tracing();
        t.command.addAll(List.of(argv));
        t.viaShell = false;
        return t;
    }

    /** The default set plus these syscall names. */
    Tracing plus(String... names) {
        Set<String> s = new TreeSet<>(syscalls);
        s.addAll(List.of(names));
        syscalls = s;
        return this;
    }

    Tracing syscalls(Set<String> names) {
        syscalls = names;
        return this;
    }

    Tracing failOpen(boolean v) {
        failOpen = v;
        return this;
    }

    /** Every exit stop, as `pdig run --trace-exits`. */
    Tracing traceExits(boolean v) {
        traceExits = v;
        return this;
    }

    /** Every call of each syscall in the set, with its result, as `pdig run --syscalls` or -a. */
    Tracing everyCall(boolean v) {
        everyCall = v;
        return this;
    }

    Tracing waitForOrphans(boolean v) {
        waitForOrphans = v;
        return this;
    }

    Tracing stringLimit(int v) {
        stringLimit = v;
        return this;
    }

    /** Starts the program under a new driver session; the caller interacts, then awaits. */
    Traced start() throws DriverException, IOException {
        Path dir = Files.createTempDirectory("pdig-catalogue-");
        LeakCheck.tempDir(dir); // deleted after the test even when the launch throws
        Path out = dir.resolve("tracee.out");
        List<String> argv = viaShell ? shellWrapped(command, out) : command;
        CollectingSink sink = new CollectingSink();
        LaunchSpec spec = new LaunchSpec(argv, dir, null, syscalls, failOpen, traceExits, stringLimit, waitForOrphans,
                everyCall, null);
        TraceSession session = new PtraceDriver().launch(spec, sink);
        Traced t = new Traced(session, sink, dir, out);
        LeakCheck.register(t);
        return t;
    }

    /** Starts the program and waits for the session to end; fails the test after the timeout. */
    Traced run(long timeoutMillis) throws Exception {
        Traced t = start();
        t.await(timeoutMillis);
        return t;
    }

    /** Attaches a new session to a running process. */
    static Traced attach(int pid, boolean children, Set<String> syscalls, Path dir, Path out) throws DriverException {
        CollectingSink sink = new CollectingSink();
        TraceSession session = new PtraceDriver().attach(new AttachSpec(pid, children, syscalls, 4096), sink);
        Traced t = new Traced(session, sink, dir, out);
        LeakCheck.register(t);
        return t;
    }

    static List<String> shellWrapped(List<String> cmd, Path out) {
        List<String> argv = new ArrayList<>();
        argv.add("/bin/sh");
        argv.add("-c");
        argv.add("exec \"$0\" \"$@\" </dev/null >" + quote(out.toString()) + " 2>&1");
        argv.addAll(cmd);
        return argv;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Fails the test with the tracee's output when the condition does not hold within the time. */
    static void waitUntil(String what, long timeoutMillis, Traced t, java.util.function.BooleanSupplier cond)
            throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out after " + timeoutMillis + " ms waiting for " + what
                        + (t != null ? "; tracee output:\n" + t.output() : ""));
            }
            Thread.sleep(10);
        }
    }
}
