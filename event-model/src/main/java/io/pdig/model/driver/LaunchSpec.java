package io.pdig.model.driver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to run and how to trace it.
 *
 * @param command       argv; command.get(0) is looked up in PATH like execvp
 * @param workDir       working directory, null for the launcher's own
 * @param environment   environment for the command, null to inherit pdig's
 * @param syscalls      names of the syscalls to trace (from the table); process events are always seen
 * @param failOpen      when true, tracees survive the tracer's death (untraced calls then fail
 *                      with ENOSYS, as seccomp does with no tracer); default false = fail-closed
 * @param traceExits    trace exit stops even for rows flagged SKIP_EXIT
 * @param stringLimit   maximum bytes read for one string argument
 * @param waitForOrphans keep tracing descendants after the main tracee exited (strace -f policy)
 * @param everyCall     the user named the syscalls: every call of each is stopped, with its
 *                      result (no narrowing by arguments; see io.pdig.tracer.TracePolicy)
 * @param argvBytes     the exact bytes of each element of {@code command}, for arguments that a
 *                      String cannot carry (bytes that are not valid in the JVM's encoding, which
 *                      decoded them into U+FFFD or '?'); null: the UTF-8 bytes of {@code command}
 * @param snapLen       most bytes captured of one read/write-family data buffer (0 to {@link #MAX_SNAPLEN})
 */
public record LaunchSpec(List<String> command, Path workDir, Map<String, String> environment, Set<String> syscalls,
                         boolean failOpen, boolean traceExits, int stringLimit, boolean waitForOrphans,
                         boolean everyCall, List<byte[]> argvBytes, int snapLen) {

    public static final int DEFAULT_STRING_LIMIT = 4096;
    /** Falco's and sysdig's default snap length. */
    public static final int DEFAULT_SNAPLEN = 80;
    /**
     * The largest snap length: the tracer reads a buffer through its 64 KiB scratch area in one
     * go (TraceeMemory), and a journal record should stay small.
     */
    public static final int MAX_SNAPLEN = 65536;

    public LaunchSpec {
        checkSnapLen(snapLen);
        if (argvBytes != null && argvBytes.size() != command.size()) {
            throw new IllegalArgumentException("argvBytes has " + argvBytes.size() + " elements, command " + command.size());
        }
    }

    /** A spec whose arguments are the UTF-8 bytes of {@code command}, its set narrowable by arguments. */
    public LaunchSpec(List<String> command, Path workDir, Map<String, String> environment, Set<String> syscalls,
                      boolean failOpen, boolean traceExits, int stringLimit, boolean waitForOrphans) {
        this(command, workDir, environment, syscalls, failOpen, traceExits, stringLimit, waitForOrphans, false, null);
    }

    /** A spec with the default snap length. */
    public LaunchSpec(List<String> command, Path workDir, Map<String, String> environment, Set<String> syscalls,
                      boolean failOpen, boolean traceExits, int stringLimit, boolean waitForOrphans,
                      boolean everyCall, List<byte[]> argvBytes) {
        this(command, workDir, environment, syscalls, failOpen, traceExits, stringLimit, waitForOrphans, everyCall,
                argvBytes, DEFAULT_SNAPLEN);
    }

    /** Throws when {@code snapLen} is outside 0 to {@link #MAX_SNAPLEN}. */
    public static void checkSnapLen(int snapLen) {
        if (snapLen < 0 || snapLen > MAX_SNAPLEN) {
            throw new IllegalArgumentException("snap length must be between 0 and " + MAX_SNAPLEN + ", got " + snapLen);
        }
    }

    /** The bytes the command's element {@code i} is passed as. */
    public byte[] argBytes(int i) {
        return argvBytes != null ? argvBytes.get(i).clone() : command.get(i).getBytes(StandardCharsets.UTF_8);
    }
}
