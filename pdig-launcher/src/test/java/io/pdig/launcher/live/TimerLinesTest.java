package io.pdig.launcher.live;

import static io.pdig.launcher.live.PrintRuns.assertHas;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX timer calls as strace 6.1 shows them, for test-programs/src/posix_timers.c (raw
 * syscalls): timer_create's clock, struct sigevent and the id the kernel wrote; timer_settime's
 * and timer_gettime's struct itimerspec (the old one, the current one, as the kernel wrote them).
 */
class TimerLinesTest {

    private static final String CALLS = "timer_create,timer_settime,timer_gettime,timer_getoverrun,timer_delete";

    @TempDir
    Path tmp;

    /**
     * strace's lines for the program (its tid and the time left of the armed timer, different in
     * each run, written T and N):
     * <pre>
     * timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=42, sival_ptr=0x2a}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, [0]) = 0
     * timer_create(CLOCK_REALTIME, NULL, [1]) = 0
     * timer_create(CLOCK_BOOTTIME, {sigev_signo=0, sigev_notify=SIGEV_NONE}, [2]) = 0
     * timer_create(CLOCK_MONOTONIC, {sigev_signo=SIGUSR2, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=T}, [3]) = 0
     * timer_create(0x63 /* CLOCK_??? *&#47;, NULL, 0x7ffd55b7c94c) = -1 EINVAL (Invalid argument)
     * timer_settime(2, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, tv_nsec=500}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0
     * timer_settime(1, TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2000000000, tv_nsec=0}}, NULL) = 0
     * timer_gettime(0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0
     * timer_gettime(2, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=99, tv_nsec=N}}) = 0
     * timer_getoverrun(0) = 0
     * timer_gettime(12345, 0x7ffd55b7c990) = -1 EINVAL (Invalid argument)
     * timer_delete(0) = 0
     * </pre>
     */
    @Test
    void timersShowTheirEventsAndTimes() throws Exception {
        PrintRuns.Printed p = new PrintRuns(tmp).run(CALLS, "posix_timers");
        List<String> l = p.lines();
        String tid = p.stdout().replaceAll("(?s).*tid (\\d+).*", "$1");
        String[] left = p.stdout().replaceAll("(?s).*left (\\d+) (\\d+).*", "$1 $2").split(" ");
        assertHas(l, "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=42, sival_ptr=0x2a}, sigev_signo=SIGUSR1,"
                + " sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
        assertHas(l, "timer_create(CLOCK_REALTIME, NULL, [1]) = 0");
        assertHas(l, "timer_create(CLOCK_BOOTTIME, {sigev_signo=0, sigev_notify=SIGEV_NONE}, [2]) = 0");
        assertHas(l, "timer_create(CLOCK_MONOTONIC, {sigev_signo=SIGUSR2, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id="
                + tid + "}, [3]) = 0");
        assertTrue(l.stream().anyMatch(x -> x.matches("timer_create\\(0x63 /\\* CLOCK_\\?\\?\\? \\*/, NULL, 0x[0-9a-f]+\\)"
                + " = -1 EINVAL \\(Invalid argument\\)")), String.join("\n", l));
        assertHas(l, "timer_settime(2, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, tv_nsec=500}},"
                + " {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0");
        assertHas(l, "timer_settime(1, TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2000000000, tv_nsec=0}},"
                + " NULL) = 0");
        assertHas(l, "timer_gettime(0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0");
        assertHas(l, "timer_gettime(2, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=" + left[0] + ", tv_nsec=" + left[1]
                + "}}) = 0");
        assertHas(l, "timer_getoverrun(0) = 0");
        assertHas(l, "timer_settime(12345, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, tv_nsec=500}}, NULL)"
                + " = -1 EINVAL (Invalid argument)");
        assertTrue(l.stream().anyMatch(x -> x.matches("timer_gettime\\(12345, 0x[0-9a-f]+\\) = -1 EINVAL \\(Invalid argument\\)")),
                String.join("\n", l));
        assertHas(l, "timer_delete(3) = 0");
        assertHas(l, "timer_delete(12345) = -1 EINVAL (Invalid argument)");
    }

    /** Every line is strace's own for the same program (addresses, the tid and the armed timer's time left masked). */
    @Test
    void timerLinesAreStracesLines() throws Exception {
        new PrintRuns(tmp).assertLinesAreStraces(CALLS, "posix_timers", x -> x.startsWith("timer_"), x -> x.startsWith("timer_"),
                x -> x.replaceAll("0x[0-9a-f]{6,}", "ADDR").replaceAll("thread_id=\\d+", "thread_id=T")
                        .replaceAll("tv_sec=99, tv_nsec=\\d+", "LEFT"), 19);
    }
}
