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
 */
public record LaunchSpec(List<String> command, Path workDir, Map<String, String> environment, Set<String> syscalls,
                         boolean failOpen, boolean traceExits, int stringLimit, boolean waitForOrphans,
                         boolean everyCall, List<byte[]> argvBytes) {

    public static final int DEFAULT_STRING_LIMIT = 4096;

    public LaunchSpec {
        if (argvBytes != null && argvBytes.size() != command.size()) {
            throw new IllegalArgumentException("argvBytes has " + argvBytes.size() + " elements, command " + command.size());
        }
    }

    /** A spec whose arguments are the UTF-8 bytes of {@code command}, its set narrowable by arguments. */
    public LaunchSpec(List<String> command, Path workDir, Map<String, String> environment, Set<String> syscalls,
                      boolean failOpen, boolean traceExits, int stringLimit, boolean waitForOrphans) {
        this(command, workDir, environment, syscalls, failOpen, traceExits, stringLimit, waitForOrphans, false, null);
    }

    /** The bytes the command's element {@code i} is passed as. */
    public byte[] argBytes(int i) {
        return argvBytes != null ? argvBytes.get(i).clone() : command.get(i).getBytes(StandardCharsets.UTF_8);
    }
}
