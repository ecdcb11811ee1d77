package io.pdig.launcher.live;

import static io.pdig.launcher.live.PrintRuns.assertHas;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * capget and capset as strace 6.1 shows them, for test-programs/src/cap_calls.c (raw syscalls):
 * the header's version by name and its pid, and the sets as many structs as the version passes.
 */
class CapabilityLinesTest {

    @TempDir
    Path tmp;

    /** This test process's own sets as strace shows them (the tests run as root: every capability the kernel names). */
    private static final String ALL = "1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_DAC_READ_SEARCH|1<<CAP_FOWNER|1<<CAP_FSETID|1<<CAP_KILL";

    /**
     * strace's lines for the calls whose text does not depend on the sets (the others: {@code
     * capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|..., permitted=..., inheritable=0}) = 0}):
     * <pre>
     * capget({version=0 /* _LINUX_CAPABILITY_VERSION_??? *&#47;, pid=0}, NULL) = 0
     * capget({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? *&#47;, pid=0}, 0x7fff8880f300) = -1 EINVAL (Invalid argument)
     * capget(0x8, 0x7fff8880f300) = -1 EFAULT (Bad address)
     * capget({version=_LINUX_CAPABILITY_VERSION_3, pid=999999999}, 0x7fff8880f300) = -1 ESRCH (No such process)
     * capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x8) = -1 EFAULT (Bad address)
     * </pre>
     */
    @Test
    void headersAndSetsAreShown() throws Exception {
        PrintRuns.Printed p = new PrintRuns(tmp).run("capget,capset", "cap_calls");
        List<String> l = p.lines();
        String pid = p.stdout().replaceAll("(?s).*pid (\\d+).*", "$1");
        assertHas(l, "capget({version=0 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, NULL) = 0");
        assertTrue(l.stream().anyMatch(x -> x.matches("capget\\(\\{version=0x12345678 /\\* _LINUX_CAPABILITY_VERSION_\\?\\?\\? \\*/, pid=0\\},"
                + " 0x[0-9a-f]+\\) = -1 EINVAL \\(Invalid argument\\)")), String.join("\n", l));
        assertTrue(l.stream().anyMatch(x -> x.matches("capget\\(0x8, 0x[0-9a-f]+\\) = -1 EFAULT \\(Bad address\\)")), String.join("\n", l));
        assertTrue(l.stream().anyMatch(x -> x.matches("capget\\(\\{version=_LINUX_CAPABILITY_VERSION_3, pid=999999999\\},"
                + " 0x[0-9a-f]+\\) = -1 ESRCH \\(No such process\\)")), String.join("\n", l));
        assertHas(l, "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x8) = -1 EFAULT (Bad address)");
        String v3 = "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=" + pid + "}, {effective=" + ALL;
        assertTrue(l.stream().anyMatch(x -> x.startsWith(v3) && x.endsWith("1<<CAP_CHECKPOINT_RESTORE, inheritable=0}) = 0")),
                v3 + "... not in:\n" + String.join("\n", l));
        // version 1 passes one struct: the low 32 capabilities only
        assertTrue(l.stream().anyMatch(x -> x.startsWith("capget({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=" + ALL)
                && x.endsWith("1<<CAP_SETFCAP, inheritable=0}) = 0") && !x.contains("CAP_MAC_OVERRIDE")), String.join("\n", l));
        assertTrue(l.stream().anyMatch(x -> x.startsWith("capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=" + ALL)
                && x.contains(", permitted=" + ALL)), String.join("\n", l));
    }

    /** Every line is strace's own for the same program (addresses and the program's pid masked). */
    @Test
    void capabilityLinesAreStracesLines() throws Exception {
        new PrintRuns(tmp).assertLinesAreStraces("capget,capset", "cap_calls", x -> x.startsWith("cap"), x -> x.startsWith("cap"),
                x -> x.replaceAll("0x[0-9a-f]{6,}", "ADDR").replaceAll("pid=[1-9]\\d{0,7}\\b", "pid=P"), 11);
    }
}
