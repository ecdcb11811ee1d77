package io.pdig.tracer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Why the command's execve failed, in the words a shell would use. The kernel answers EACCES for
 * a directory (it is not a regular file), and "Permission denied" sends the user looking at
 * modes; bash and execvp's callers say "Is a directory" instead, so pdig does too. It answers
 * ENOENT for a file that exists when what is missing is the file's interpreter (a #! line naming
 * a program that is not there, or an ELF loader): "No such file or directory" about a file the
 * user can see sends them looking in the wrong place, so the interpreter is named, as bash does
 * ("bad interpreter"), or the missing file is said to be another one (bash 5.2: "required file not
 * found").
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
        if (errno == Errno.ENOENT) {
            Path file = file(path, workDir);
            if (file != null && Files.isRegularFile(file)) {
                String interpreter = shebangInterpreter(file);
                return interpreter != null
                        ? "bad interpreter " + interpreter + ": " + Errno.message(errno)
                        : "required file not found (the file exists; the ELF interpreter it names is missing)";
            }
        }
        return Errno.message(errno);
    }

    private static boolean isDirectory(byte[] path, Path workDir) {
        Path p = file(path, workDir);
        return p != null && Files.isDirectory(p);
    }

    /** The file execve was given, resolved as the kernel did; null when Java cannot name it. */
    private static Path file(byte[] path, Path workDir) {
        String name = new String(path, StandardCharsets.UTF_8);
        // A name that is not valid UTF-8 cannot be named through Java's file API: keep the kernel's word.
        if (!Arrays.equals(name.getBytes(StandardCharsets.UTF_8), path)) return null;
        try {
            Path p = Path.of(name);
            return !p.isAbsolute() && workDir != null ? workDir.resolve(p) : p;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Longest #! line the kernel reads (BINPRM_BUF_SIZE). */
    private static final int SHEBANG_MAX = 256;

    /**
     * The interpreter a "#!" first line names (its first word, as the kernel splits it), or null
     * when the file does not start with "#!" or cannot be read.
     */
    private static String shebangInterpreter(Path file) {
        byte[] head = new byte[SHEBANG_MAX];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (java.io.IOException | SecurityException e) {
            return null;
        }
        if (n < 2 || head[0] != '#' || head[1] != '!') return null;
        int start = 2;
        while (start < n && (head[start] == ' ' || head[start] == '\t')) start++;
        int end = start;
        while (end < n && head[end] != ' ' && head[end] != '\t' && head[end] != '\n' && head[end] != 0) end++;
        return end > start ? new String(head, start, end - start, StandardCharsets.UTF_8) : null;
    }
}
