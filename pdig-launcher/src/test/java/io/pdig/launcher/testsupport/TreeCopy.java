package io.pdig.launcher.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a recorded journal (a directory tree) so that a test may damage its copy. */
public final class TreeCopy {

    private TreeCopy() {
    }

    /** Copies every file and directory under {@code src} to {@code dst} (created), and returns {@code dst}. */
    public static Path copy(Path src, Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dst;
    }
}
