package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * set_mempolicy, get_mempolicy and mbind as strace 6.1 shows them, for
 * test-programs/src/mempolicy.c (raw syscalls): modes and their flags by name, node masks as
 * their longs, get_mempolicy's mode and mask as the kernel wrote them.
 */
class MempolicyLinesTest {

    private static final String CALLS = "set_mempolicy,get_mempolicy,mbind";

    @TempDir
    Path tmp;

    /** The 16 longs of a 1025-node mask with node 0 set, as strace writes them. */
    private static final String MASK_16 = "[0x00000000000001" + ", 0000000000000000".repeat(15) + "]";

    /**
     * strace's lines (the mapping's address written M; the results are the kernel's, checked by
     * the comparison with strace below, not here: a kernel without NUMA fails every call):
     * <pre>
     * set_mempolicy(MPOL_BIND, [0x00000000000001], 2) = 0
     * get_mempolicy([MPOL_BIND], [0x00000000000001, 0000000000000000, ...], 1025, NULL, 0) = 0
     * set_mempolicy(MPOL_PREFERRED|MPOL_F_STATIC_NODES, [0x00000000000001], 64) = 0
     * set_mempolicy(MPOL_INTERLEAVE, [0x00000000000001, 0000000000000000, 0000000000000000], 130) = 0
     * set_mempolicy(0x4d /* MPOL_??? *&#47;, [0x00000000000001], 64) = -1 EINVAL (Invalid argument)
     * get_mempolicy(NULL, NULL, 0, NULL, 0) = 0
     * get_mempolicy([MPOL_DEFAULT], NULL, 0, M, MPOL_F_NODE|MPOL_F_ADDR) = 0
     * mbind(M, 8192, MPOL_BIND, [0x00000000000001], 2, MPOL_MF_STRICT|MPOL_MF_MOVE) = 0
     * mbind(M, 8192, MPOL_PREFERRED, [0x00000000000001], 64, 0x80 /* MPOL_??? *&#47;) = -1 EINVAL (Invalid argument)
     * </pre>
     */
    @Test
    void modesAndNodeMasksAreShown() throws Exception {
        PrintRuns.Printed p = new PrintRuns(tmp).run(CALLS, "mempolicy");
        List<String> l = p.lines().stream().map(x -> x.replaceFirst(" = .*", "")).toList();
        String map = p.stdout().replaceAll("(?s).*map (0x[0-9a-f]+).*", "$1");
        for (String expected : List.of(
                "set_mempolicy(MPOL_BIND, [0x00000000000001], 2)",
                "get_mempolicy([MPOL_BIND], " + MASK_16 + ", 1025, NULL, 0)",
                "set_mempolicy(MPOL_DEFAULT, NULL, 0)",
                "set_mempolicy(MPOL_PREFERRED|MPOL_F_STATIC_NODES, [0x00000000000001], 64)",
                "set_mempolicy(MPOL_INTERLEAVE, [0x00000000000001, 0000000000000000, 0000000000000000], 130)",
                "set_mempolicy(0x4d /* MPOL_??? */, [0x00000000000001], 64)",
                "set_mempolicy(MPOL_BIND, 0x8, 64)",
                "get_mempolicy(NULL, NULL, 0, NULL, 0)",
                "get_mempolicy([MPOL_INTERLEAVE], [0x00000000000001], 10, NULL, 0)",
                "get_mempolicy([MPOL_DEFAULT], NULL, 0, " + map + ", MPOL_F_NODE|MPOL_F_ADDR)",
                "mbind(" + map + ", 8192, MPOL_BIND, [0x00000000000001], 2, MPOL_MF_STRICT|MPOL_MF_MOVE)",
                "mbind(" + map + ", 8192, MPOL_DEFAULT, NULL, 0, 0)",
                "mbind(" + map + ", 8192, MPOL_PREFERRED, [0x00000000000001], 64, 0x80 /* MPOL_??? */)",
                "set_mempolicy(MPOL_LOCAL, NULL, 0)")) {
            assertTrue(l.contains(expected), "no line \"" + expected + " = ...\" in:\n" + String.join("\n", p.lines()));
        }
        assertTrue(l.stream().anyMatch(x -> x.matches("get_mempolicy\\(0x[0-9a-f]+, NULL, 0, NULL, 0x40 /\\* MPOL_\\?\\?\\? \\*/\\)")),
                String.join("\n", p.lines()));
    }

    /** Every line is strace's own for the same program (addresses masked). */
    @Test
    void mempolicyLinesAreStracesLines() throws Exception {
        new PrintRuns(tmp).assertLinesAreStraces(CALLS, "mempolicy", x -> !x.startsWith("+++"), x -> !x.startsWith("+++") && !x.startsWith("[pdig"),
                x -> x.replaceAll("0x[0-9a-f]{9,}", "ADDR"), 18);
    }
}
