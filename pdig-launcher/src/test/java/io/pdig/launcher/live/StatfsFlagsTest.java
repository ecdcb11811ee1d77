package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * statfs's f_flags in strace's order, ST_VALID first, on a tmpfs mounted read-only, nosuid, nodev
 * and noexec (flags below ST_VALID's bit, which a plain root file system does not show). Needs
 * root to mount; skipped where tmpfs cannot be mounted. strace 6.1 for test-programs/src/statfs_calls.c:
 * <pre>
 * statfs(DIR, {f_type=TMPFS_MAGIC, f_bsize=4096, f_blocks=256, f_bfree=256, f_bavail=256, ..., f_flags=ST_VALID|ST_RDONLY|ST_NOSUID|ST_NODEV|ST_NOEXEC|ST_RELATIME}) = 0
 * </pre>
 */
class StatfsFlagsTest {

    @TempDir
    Path tmp;

    private Path mount;

    @BeforeEach
    void mountTmpfs() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("ro"));
        int rc = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,nosuid,nodev,noexec,size=1m", "tmpfs", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Assumptions.assumeTrue(rc == 0, "assumes tmpfs can be mounted here (root): mount exited " + rc);
        mount = dir;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) new ProcessBuilder("umount", mount.toString()).start().waitFor();
    }

    @Test
    void flagsAreInStracesOrder() throws Exception {
        PrintRuns runs = new PrintRuns(tmp);
        String call = "statfs(\"" + mount + "\", ";
        List<String> printed = runs.run("statfs", "statfs_calls", "--", mount.toString()).lines().stream()
                .filter(x -> x.startsWith(call)).toList();
        assertEquals(1, printed.size(), String.join("\n", printed));
        assertTrue(printed.get(0).matches(".*, f_flags=ST_VALID\\|ST_RDONLY\\|ST_NOSUID\\|ST_NODEV\\|ST_NOEXEC(\\|ST_RELATIME)?\\}\\) = 0"),
                printed.get(0));
        List<String> straced = runs.stracedLines("statfs", "statfs_calls", mount.toString()).stream().filter(x -> x.startsWith(call)).toList();
        assertEquals(straced, printed);
    }
}
