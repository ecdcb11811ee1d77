package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Catalogue I: what happens to tracees when the tracer dies. The tracer runs in a child JVM
 * ({@link TracerHost}) that the test SIGKILLs, or that the tracee attacks.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class TracerDeathTest {

    /** I1: fail-open: the tracee survives; traced calls fail with ENOSYS, untraced ones work. */
    @Test
    void i1FailOpenTraceeSurvivesWithEnosys() throws Exception {
        try (HostJvm host = HostJvm.start(true, "fail_open", "3000")) {
            host.awaitOutput("i 5 ", 10_000);
            assertTrue(host.output().contains("i 0 open 3 errno 0"), "traced open worked:\n" + host.output());
            assertEquals(137, host.killHost());
            host.awaitOutput("done", 10_000);
            String out = host.output();
            Matcher m = Pattern.compile("i (\\d+) open (-?\\d+) errno (\\d+) getpid (\\d+)").matcher(out);
            boolean sawEnosys = false;
            int last = -1;
            while (m.find()) {
                last = Integer.parseInt(m.group(1));
                assertEquals(host.traceePid, Integer.parseInt(m.group(4)), "getpid keeps working");
                if (m.group(2).equals("-1")) {
                    assertEquals("38", m.group(3), "a traced call with no tracer fails with ENOSYS");
                    sawEnosys = true;
                } else if (sawEnosys) {
                    fail("open succeeded again after the tracer died:\n" + out);
                }
            }
            assertTrue(sawEnosys, "opens fail after the tracer died:\n" + out);
            assertEquals(149, last, "the tracee ran to its end");
            Tracing.waitUntil("tracee exits", 5000, null, () -> !Procs.exists(host.traceePid));
        }
    }

    /** I2: fail-closed (EXITKILL): the tracee dies with the tracer. */
    @Test
    void i2FailClosedTraceeDiesWithTracer() throws Exception {
        try (HostJvm host = HostJvm.start(false, "fail_open", "5000")) {
            host.awaitOutput("i 3 ", 10_000);
            host.killHost();
            Tracing.waitUntil("tracee killed with its tracer", 2000, null, () -> !Procs.alive(host.traceePid));
            Thread.sleep(200);
            assertFalse(host.output().contains("done"), host.output());
        }
    }

    /** I2 in-process: closing a fail-closed session while the tracee runs kills the tracee. */
    @Test
    void i2CloseKillsFailClosedTracee() throws Exception {
        Traced t = Tracing.program("fail_open", "5000").start();
        t.awaitOutput("i 3 ", 5000);
        t.close();
        Tracing.waitUntil("tracee gone after close", 3000, t, () -> !Procs.alive(t.mainPid()));
        assertFalse(t.output().contains("done"));
    }

    /** I3: one platform thread, named pdig-tracer*, is the tracer of every task of a session. */
    @Test
    void i3OneDedicatedTracerThread() throws Exception {
        Traced t = Tracing.program("mt_wait", "/nonexistent-dir").start();
        Tracing.waitUntil("3 threads", 5000, t, () -> Procs.tasks(t.mainPid()).size() == 4);
        int tracer = -1;
        for (int tid : Procs.tasks(t.mainPid())) {
            int tp = Procs.tracerPid(t.mainPid(), tid);
            if (tracer < 0) tracer = tp;
            assertEquals(tracer, tp, "every thread has the same tracer");
        }
        assertTrue(Procs.tasks(Procs.selfPid()).contains(tracer), "the tracer is a thread of this JVM");
        String comm = Files.readString(Path.of("/proc/self/task/" + tracer + "/comm")).trim();
        assertTrue(comm.startsWith("pdig-tracer"), "tracer thread name: " + comm);
        t.close();
    }

    /** I4: the tracee kills its tracer: either refused, or the tracee goes down with it. */
    @Test
    void i4TraceeKillsTracer() throws Exception {
        try (HostJvm host = HostJvm.start(false, "kill_tracer", "kill")) {
            host.awaitOutput("tracer ", 10_000);
            Tracing.waitUntil("the kill attempt to finish or the tracer to die", 5000, null,
                    () -> host.output().contains("rc ") || !host.process.isAlive());
            Thread.sleep(500);
            if (host.process.isAlive()) {
                assertTrue(host.output().contains("rc -1"), "kill refused while the tracer lives:\n" + host.output());
                host.awaitOutput("done", 10_000);
            } else {
                Tracing.waitUntil("tracee dies with its tracer", 2000, null, () -> !Procs.alive(host.traceePid));
                assertFalse(host.output().contains("alive 5"), "tracee ran on untraced:\n" + host.output());
            }
        }
    }

    /** I5: the tracee tries to ptrace its tracer: refused, no deadlock. */
    @Test
    void i5TraceeAttachesToTracer() throws Exception {
        try (HostJvm host = HostJvm.start(false, "kill_tracer", "attach")) {
            host.awaitOutput("tracer ", 10_000);
            long end = System.currentTimeMillis() + 5000;
            while (!host.output().contains("rc ") && System.currentTimeMillis() < end) Thread.sleep(20);
            assertTrue(host.output().contains("rc "), "ptrace(PTRACE_ATTACH, tracer) never returned; tracee state "
                    + Procs.state(host.traceePid) + ", tracer JVM alive " + host.process.isAlive() + ":\n" + host.output());
            assertTrue(host.output().contains("rc -1"), "attach to the tracer refused:\n" + host.output());
            host.awaitOutput("done", 10_000);
        }
    }
}
