package io.pdig.tracer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A scratch directory under the module's target/ (not /tmp: a 0755 directory that other users can
 * reach if its parents let them) and the mounts a test makes in it. {@link #close()} unmounts them
 * in reverse order and deletes the directory. One per test; not thread-safe.
 */
final class ScratchMounts implements AutoCloseable {

    final Path dir;
    private final List<Path> mounts = new ArrayList<>();

    ScratchMounts(String prefix) throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * {@code mount HOW... at}; where that fails the test is skipped (an assumption, with
     * {@code needs} saying what it assumes), since mounting needs root and a kernel that allows it.
     */
    void mount(Path at, String needs, String... how) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mount"));
        cmd.addAll(List.of(how));
        cmd.add(at.toString());
        int rc = sh(cmd.toArray(new String[0]));
        Assumptions.assumeTrue(rc == 0, "assumes this test may mount " + needs + ": mount exited " + rc);
        mounts.add(at);
    }

    /** A mount the test made itself (its own command line): unmounted by {@link #close()} too. */
    void unmountAtClose(Path at) {
        mounts.add(at);
    }

    /** Runs a command, its output discarded; returns its exit status. */
    static int sh(String... cmd) throws Exception {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    @Override
    public void close() throws Exception {
        for (int i = mounts.size() - 1; i >= 0; i--) sh("umount", mounts.get(i).toString());
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
