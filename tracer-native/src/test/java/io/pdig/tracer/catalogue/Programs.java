package io.pdig.tracer.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the catalogue's C programs (test-programs/src/*.c, built by make into
 * test-programs/target/bin). They are built here on first use so the tests also run when only
 * this module is built; make itself is incremental.
 */
final class Programs {

    private static boolean built;

    private Programs() {
    }

    static Path repoRoot() {
        String root = System.getProperty("pdig.repo.root");
        Path p = root != null ? Path.of(root) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    static synchronized Path bin(String name) {
        Path dir = repoRoot().resolve("test-programs");
        Path out = dir.resolve("target/bin");
        if (!built) {
            try {
                Process make = new ProcessBuilder("make", "-s", "-C", dir.toString(), "OUT=" + out)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (make.waitFor() != 0) {
                    throw new IllegalStateException("make in " + dir + " failed (exit " + make.exitValue() + ")");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot run make in " + dir + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building test programs", e);
            }
            built = true;
        }
        Path bin = out.resolve(name);
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("test program " + bin + " was not built");
        }
        return bin;
    }
}
