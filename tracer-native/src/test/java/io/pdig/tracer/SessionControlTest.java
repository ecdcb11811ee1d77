package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.driver.AttachSpec;
import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.ProcessEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Signals forwarded by the launcher, close(), attach/detach and refusals, and leak checks. */
@Timeout(60)
class SessionControlTest {

    static char state(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
        return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
    }

    static void waitFor(String what, java.util.function.BooleanSupplier cond) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) fail("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    static boolean alive(long pid) {
        return Files.exists(Path.of("/proc/" + pid));
    }

    static long tracerPidOf(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("TracerPid:")) return Long.parseLong(line.substring(10).trim());
        }
        return -1;
    }

    static long tracerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("pdig-tracer")).count();
    }

    @Test
    void forwardedSigstopReallyStopsAndSigcontResumes() throws Exception {
        CollectingSink sink = new CollectingSink();
        LaunchSpec spec = LaunchTest.spec(Set.of("nanosleep", "clock_nanosleep"), "/bin/sleep", "0.6");
        try (TraceSession s = new PtraceDriver().launch(spec, sink)) {
            int pid = s.mainPid();
            s.forwardSignal(19);
            waitFor("stopped", () -> {
                try {
                    return state(pid) == 't' || state(pid) == 'T';
                } catch (Exception e) {
                    return false;
                }
            });
            Thread.sleep(800); // longer than the sleep: a stopped process does not finish
            assertTrue(alive(pid));
            char st = state(pid);
            assertTrue(st == 't' || st == 'T', "still stopped: " + st);
            s.forwardSignal(18);
            assertEquals(Termination.exited(0), s.awaitTermination());
        }
        assertTrue(sink.of(ProcessEvent.Stopped.class).stream().anyMatch(x -> x.signo() == 19), sink.dump());
    }

    @Test
    void closeKillsAFailClosedLaunchAndLeavesNothingBehind() throws Exception {
        long before = tracerThreads();
        CollectingSink sink = new CollectingSink();
        TraceSession s = new PtraceDriver().launch(LaunchTest.spec(Set.of("openat"), "/bin/sh", "-c", "/bin/sleep 30 & /bin/sleep 30"), sink);
        int pid = s.mainPid();
        waitFor("two sleeps", () -> sink.of(ProcessEvent.Exec.class).size() >= 3);
        List<Integer> pids = sink.of(ProcessEvent.Exec.class).stream().map(ProcessEvent.Exec::pid).distinct().toList();
        s.close();
        assertEquals(9, s.awaitTermination().signal());
        for (int p : pids) {
            waitFor("pid " + p + " gone", () -> !alive(p) || isZombieOfOther(p));
        }
        assertFalse(alive(pid), "main tracee reaped, not a zombie");
        waitFor("tracer thread joined", () -> tracerThreads() == before);
    }

    private static boolean isZombieOfOther(int pid) {
        try {
            return state(pid) == 'Z';
        } catch (Exception e) {
            return true;
        }
    }

    /**
     * The target must not be a child of this JVM: the JDK's process reaper thread would wait for it
     * and steal its ptrace stops (facts.md). A shell starts it in the background and exits.
     */
    static long startOrphanSleep() throws Exception {
        Process sh = new ProcessBuilder("/bin/sh", "-c", "/bin/sleep 30 >/dev/null 2>&1 & echo $!").start();
        long pid = Long.parseLong(new String(sh.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        sh.waitFor();
        return pid;
    }

    @Test
    void attachToSleepAndDetachLeavesItRunningUntraced() throws Exception {
        long pid = startOrphanSleep();
        try {
            waitFor("sleep sleeping", () -> {
                try {
                    return state(pid) == 'S';
                } catch (Exception e) {
                    return false;
                }
            });
            CollectingSink sink = new CollectingSink();
            TraceSession s = new PtraceDriver().attach(new AttachSpec((int) pid, false, Set.of("openat"), 4096), sink);
            assertEquals(pid, s.mainPid());
            assertTrue(tracerPidOf(pid) != 0);
            Thread.sleep(50);
            s.detach();
            assertTrue(s.awaitTermination().detached());
            s.close();
            assertEquals(0, tracerPidOf(pid));
            Thread.sleep(100);
            assertEquals('S', state(pid), "sleeping, not stopped");
            assertTrue(sink.of(ProcessEvent.Exec.class).stream().anyMatch(e -> e.pid() == pid && e.formerTid() == 0),
                    "snapshot of the attached process");
            assertTrue(sink.of(io.pdig.model.event.NoticeEvent.class).stream()
                    .anyMatch(n -> n.kind() == io.pdig.model.event.NoticeEvent.Kind.DETACHED), sink.dump());
        } finally {
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        }
    }

    @Test
    void detachWhileTheTargetForksLeavesNothingTracedOrStopped() throws Exception {
        Process sh = new ProcessBuilder("/bin/sh", "-c", "/bin/sh -c 'while :; do /bin/true; done' >/dev/null 2>&1 & echo $!").start();
        long pid = Long.parseLong(new String(sh.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        sh.waitFor();
        try {
            for (int round = 0; round < 5; round++) {
                CollectingSink sink = new CollectingSink();
                TraceSession s = new PtraceDriver().attach(new AttachSpec((int) pid, true, Set.of("execve"), 4096), sink);
                waitFor("a traced exec", () -> !sink.syscalls("execve").isEmpty());
                s.detach();
                assertTrue(s.awaitTermination().detached());
                s.close();
                assertEquals(0, tracerPidOf(pid));
                for (ProcessHandle child : ProcessHandle.of(pid).orElseThrow().children().toList()) {
                    long c = child.pid();
                    try {
                        assertEquals(0, tracerPidOf(c), "child " + c + " untraced");
                    } catch (java.io.IOException gone) {
                        // exited meanwhile: NoSuchFileException at open, or ESRCH ("No such
                        // process") when it exits between the open and the read
                    }
                }
                char st = state(pid);
                // D is dash waiting in vfork for its child's exec; only a stop would be wrong.
                assertTrue(st == 'S' || st == 'R' || st == 'D', "the loop runs on: " + st);
            }
        } finally {
            new ProcessBuilder("/bin/sh", "-c", "pkill -9 -P " + pid + "; kill -9 " + pid).start().waitFor();
        }
    }

    @Test
    void attachRefusalsAreClearOneLiners() throws Exception {
        PtraceDriver d = new PtraceDriver();
        int self = (int) ProcessHandle.current().pid();
        DriverException e1 = assertThrows(DriverException.class, () -> d.attach(new AttachSpec(self, false, Set.of(), 4096), new CollectingSink()));
        assertTrue(e1.getMessage().startsWith("refusing to attach to pdig itself"), e1.getMessage());
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        DriverException e2 = assertThrows(DriverException.class, () -> d.attach(new AttachSpec((int) parent, false, Set.of(), 4096), new CollectingSink()));
        assertTrue(e2.getMessage().startsWith("refusing to attach to pdig itself"), e2.getMessage());
        DriverException e3 = assertThrows(DriverException.class, () -> d.attach(new AttachSpec(999_999_999, false, Set.of(), 4096), new CollectingSink()));
        assertEquals("no such process: 999999999", e3.getMessage());
        // Already traced: a launched tracee cannot be attached to by a second session.
        try (TraceSession first = d.launch(LaunchTest.spec(Set.of(), "/bin/sleep", "30"), new CollectingSink())) {
            DriverException e4 = assertThrows(DriverException.class,
                    () -> d.attach(new AttachSpec(first.mainPid(), false, Set.of(), 4096), new CollectingSink()));
            assertTrue(e4.getMessage().matches("cannot attach to pid \\d+: already traced by pid \\d+"), e4.getMessage());
            assertFalse(e4.getMessage().contains("\n"));
        }
    }

    @Test
    void aMissingCommandOrAFailedExecIsASetupError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        PtraceDriver d = new PtraceDriver();
        DriverException e1 = assertThrows(DriverException.class, () -> d.launch(LaunchTest.spec(Set.of(), "no-such-command-xyz"), new CollectingSink()));
        assertTrue(e1.getMessage().startsWith("command not found: no-such-command-xyz"), e1.getMessage());
        CollectingSink sink = new CollectingSink();
        DriverException e2 = assertThrows(DriverException.class, () -> d.launch(LaunchTest.spec(Set.of("execve"), "/nonexistent"), sink));
        assertEquals("cannot execute /nonexistent: No such file or directory", e2.getMessage());
        assertEquals(-2, sink.syscalls("execve").get(0).res(), "the failed execve is journalled");
        // The kernel's EACCES for a directory is said as a shell says it; a file without x stays EACCES.
        DriverException e3 = assertThrows(DriverException.class, () -> d.launch(LaunchTest.spec(Set.of(), "/etc"), new CollectingSink()));
        assertEquals("cannot execute /etc: Is a directory", e3.getMessage());
        Path plain = Files.writeString(dir.resolve("plain"), "data\n");
        DriverException e4 = assertThrows(DriverException.class, () -> d.launch(LaunchTest.spec(Set.of(), plain.toString()), new CollectingSink()));
        assertEquals("cannot execute " + plain + ": Permission denied", e4.getMessage());
        // A relative name is the kernel's, resolved in the command's working directory.
        Files.createDirectory(dir.resolve("sub"));
        LaunchSpec relative = new LaunchSpec(List.of("./sub"), dir, null, Set.of(), false, false, 4096, true);
        DriverException e5 = assertThrows(DriverException.class, () -> d.launch(relative, new CollectingSink()));
        assertEquals("cannot execute ./sub: Is a directory", e5.getMessage());
        // ENOENT for a file that exists: what is missing is its interpreter, which is named.
        Path script = Files.writeString(dir.resolve("script"), "#!  /no/such/interpreter -x\necho hi\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        DriverException e6 = assertThrows(DriverException.class, () -> d.launch(LaunchTest.spec(Set.of(), script.toString()), new CollectingSink()));
        assertEquals("cannot execute " + script + ": bad interpreter /no/such/interpreter: No such file or directory", e6.getMessage());
        // An ELF file whose loader is missing: a copy of a real program with its PT_INTERP path renamed.
        byte[] elf = Files.readAllBytes(Path.of("/bin/true"));
        // ISO-8859-1 maps each byte to one char, so a String index is the byte offset.
        int at = new String(elf, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/lib64/ld-linux-x86-64.so.2");
        org.junit.jupiter.api.Assumptions.assumeTrue(at >= 0, "/bin/true does not name the x86-64 loader");
        elf[at + 1] = 'X'; // "/Xib64/...": no such directory
        Path noLoader = Files.write(dir.resolve("no-loader"), elf);
        Files.setPosixFilePermissions(noLoader, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        DriverException e7 = assertThrows(DriverException.class, () -> d.launch(LaunchTest.spec(Set.of(), noLoader.toString()), new CollectingSink()));
        assertEquals("cannot execute " + noLoader + ": required file not found (the file exists; the ELF interpreter it names"
                + " is missing)", e7.getMessage());
    }

    /**
     * Once the command has ended, a signal for pdig has no one to go to: it ends the session
     * instead of being dropped (which left SIGKILL as the only way to stop pdig while a daemon
     * ran). Fail-closed: the daemon is killed; the status is still the command's.
     */
    @Test
    void aSignalAfterTheCommandEndedEndsTheSessionWithTheCommandsStatus(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path pidFile = dir.resolve("daemon.pid");
        CollectingSink sink = new CollectingSink();
        LaunchSpec spec = LaunchTest.spec(Set.of("openat"), "/bin/sh", "-c",
                "setsid sh -c 'echo $$ > " + pidFile + "; exec sleep 60' & exit 4");
        try (TraceSession s = new PtraceDriver().launch(spec, sink)) {
            waitFor("the daemon's pid", () -> {
                try {
                    return Files.readString(pidFile).trim().matches("\\d+");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            long daemon = Long.parseLong(Files.readString(pidFile).trim());
            waitFor("the command's end", () -> ((PtraceSession) s).mainEnded);
            assertTrue(alive(daemon), "the daemon is still traced");
            s.forwardSignal(15);
            assertEquals(Termination.exited(4), s.awaitTermination());
            waitFor("the daemon killed", () -> !alive(daemon) || zombieOrGone(daemon));
        }
    }

    private static boolean zombieOrGone(long pid) {
        try {
            return state(pid) == 'Z';
        } catch (Exception e) {
            return true;
        }
    }

    @Test
    void dieBySignalKillsTheJvmWithThatSignal() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djnr.ffi.x86asm.enabled=false", "-cp", System.getProperty("java.class.path"),
                DieBySignalMain.class.getName(), "15").redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        // ProcessBuilder reports death by signal N as 128+N.
        assertEquals(128 + 15, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Process q = new ProcessBuilder(java, "-Djnr.ffi.x86asm.enabled=false", "-cp", System.getProperty("java.class.path"),
                DieBySignalMain.class.getName(), "17").redirectErrorStream(true).start();
        assertTrue(q.waitFor(30, TimeUnit.SECONDS));
        assertEquals(128 + 17, q.exitValue(), "SIGCHLD is not fatal: the caller's fallback exit code; output: "
                + new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        // Through a shell, which is what users see.
        Process r = new ProcessBuilder("/bin/sh", "-c", "'" + java + "' -Djnr.ffi.x86asm.enabled=false -cp '"
                + System.getProperty("java.class.path") + "' '" + DieBySignalMain.class.getName() + "' 11; echo rc=$?").start();
        assertTrue(r.waitFor(30, TimeUnit.SECONDS));
        assertTrue(new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("rc=139"));
    }

    /** Child JVM for {@link #dieBySignalKillsTheJvmWithThatSignal}. */
    public static final class DieBySignalMain {
        public static void main(String[] args) {
            int sig = Integer.parseInt(args[0]);
            NativeProcess.dieBySignal(sig);
            System.exit(128 + sig);
        }
    }
}
