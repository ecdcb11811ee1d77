package io.pdig.launcher.live;

import static io.pdig.launcher.live.PrintRuns.assertHas;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prctl as strace 6.1 shows it, for test-programs/src/prctl_options.c (raw syscalls): each option
 * with the arguments it reads, named, what the kernel wrote through a pointer, and the results
 * strace names.
 */
class PrctlLinesTest {

    @TempDir
    Path tmp;

    /**
     * The forms strace writes for these options (its own lines for the program, the addresses of
     * the last run):
     * <pre>
     * prctl(PR_SET_NAME, "worker-1") = 0
     * prctl(PR_GET_NAME, "worker-1") = 0
     * prctl(PR_SET_NAME, "a-name-longer-t"...) = 0
     * prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0
     * prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)
     * prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? *&#47;) = -1 EINVAL (Invalid argument)
     * prctl(PR_GET_SECUREBITS) = 0x10 (SECBIT_KEEP_CAPS)
     * prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0) = 0
     * prctl(PR_CAP_AMBIENT, 0x9 /* PR_CAP_AMBIENT_??? *&#47;, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)
     * prctl(PR_GET_TID_ADDRESS, [0x7f5e20136a10]) = 0
     * prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=1, filter=0x7ffd8e072838}) = 0
     * prctl(0x63 /* PR_??? *&#47;, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)
     * </pre>
     */
    @Test
    void optionsShowWhatTheyReadAndWrite() throws Exception {
        PrintRuns.Printed p = new PrintRuns(tmp).run("prctl", "prctl_options");
        List<String> l = p.lines();
        assertHas(l, "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
        assertHas(l, "prctl(PR_SET_NAME, \"worker-1\") = 0");
        assertHas(l, "prctl(PR_GET_NAME, \"worker-1\") = 0");
        assertHas(l, "prctl(PR_SET_NAME, \"a-name-longer-t\"...) = 0");
        assertHas(l, "prctl(PR_SET_NAME, 0x8) = -1 EFAULT (Bad address)");
        assertHas(l, "prctl(PR_SET_PDEATHSIG, SIGTERM) = 0");
        assertHas(l, "prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0");
        assertHas(l, "prctl(PR_SET_PDEATHSIG, 200) = -1 EINVAL (Invalid argument)");
        assertHas(l, "prctl(PR_GET_PDEATHSIG, 0x8) = -1 EFAULT (Bad address)");
        assertHas(l, "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
        assertHas(l, "prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */) = -1 EINVAL (Invalid argument)");
        assertHas(l, "prctl(PR_SET_KEEPCAPS, 1) = 0");
        assertHas(l, "prctl(PR_GET_KEEPCAPS) = 1");
        assertHas(l, "prctl(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS) = 0");
        assertHas(l, "prctl(PR_GET_SECUREBITS) = 0x10 (SECBIT_KEEP_CAPS)");
        assertHas(l, "prctl(PR_GET_CHILD_SUBREAPER, [1]) = 0");
        assertHas(l, "prctl(PR_SET_TIMERSLACK, 50000) = 0");
        assertHas(l, "prctl(PR_GET_TIMERSLACK) = 50000");
        assertHas(l, "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0) = 0");
        assertHas(l, "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_NET_RAW, 0, 0) = 0");
        assertHas(l, "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 0x63 /* CAP_??? */, 0, 0) = -1 EINVAL (Invalid argument)");
        assertHas(l, "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) = 0");
        assertHas(l, "prctl(PR_CAP_AMBIENT, 0x9 /* PR_CAP_AMBIENT_??? */, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
        assertHas(l, "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0) = 0");
        assertHas(l, "prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 1 (PR_MCE_KILL_EARLY)");
        assertHas(l, "prctl(PR_GET_TSC, [PR_TSC_ENABLE]) = 0");
        String tidAddress = p.stdout().replaceAll("(?s).*tid_address (0x[0-9a-f]+).*", "$1");
        assertHas(l, "prctl(PR_GET_TID_ADDRESS, [" + tidAddress + "]) = 0");
        assertTrue(l.stream().anyMatch(x -> x.matches(
                "prctl\\(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, \\{len=1, filter=0x[0-9a-f]+\\}\\) = 0")), String.join("\n", l));
        assertHas(l, "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL) = -1 EFAULT (Bad address)");
        assertTrue(l.stream().anyMatch(x -> x.matches(
                "prctl\\(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x[0-9a-f]+, 4096, \"anon-x\"\\) = .*")), String.join("\n", l));
        assertHas(l, "prctl(PR_TASK_PERF_EVENTS_DISABLE) = 0");
        assertHas(l, "prctl(0x63 /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)");
    }

    /** Every line is strace's own for the same program (addresses masked: each run has its own). */
    @Test
    void prctlLinesAreStracesLines() throws Exception {
        new PrintRuns(tmp).assertLinesAreStraces("prctl", "prctl_options", x -> x.startsWith("prctl("), x -> x.startsWith("prctl("),
                x -> x.replaceAll("0x[0-9a-f]{6,}", "ADDR"), 38);
    }
}
