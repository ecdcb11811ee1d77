package io.pdig.tracer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Why the command's execve failed, in the words a shell would use. The kernel answers EACCES for
 * a directory (it is not a regular file), and "Permission denied" sends the user looking at
 * modes; bash and execvp's callers say "Is a directory" instead, so pdig does too.
 */
final class ExecFailure {

    private ExecFailure() {
    }

    /**
     * @param path    the path handed to execve, byte for byte
     * @param workDir the directory the command was started in (null: pdig's own), against which
     *                a relative path was resolved by the kernel
     * @param errno   execve's error number
     */
    static String reason(byte[] path, Path workDir, int errno) {
        if (errno == Errno.EACCES && isDirectory(path, workDir)) {
            return Errno.message(Errno.EISDIR);
        }
        return Errno.message(errno);
    }

    private static boolean isDirectory(byte[] path, Path workDir) {
        String name = new String(path, StandardCharsets.UTF_8);
        // A name that is not valid UTF-8 cannot be named through Java's file API: keep the kernel's word.
        if (!Arrays.equals(name.getBytes(StandardCharsets.UTF_8), path)) return false;
        try {
            Path p = Path.of(name);
            if (!p.isAbsolute() && workDir != null) p = workDir.resolve(p);
            return Files.isDirectory(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
