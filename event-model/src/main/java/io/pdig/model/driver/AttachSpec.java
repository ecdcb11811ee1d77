package io.pdig.model.driver;

import java.util.Set;

/**
 * @param pid       the target process
 * @param children  also attach to its existing descendants
 * @param syscalls  names of the syscalls to report
 * @param stringLimit maximum bytes read for one string argument
 * @param everyCall the user named the syscalls: every call of each is stopped, with its result
 *                  (no narrowing by arguments; see io.pdig.tracer.TracePolicy)
 * @param snapLen   most bytes captured of one read/write-family data buffer (see LaunchSpec)
 */
public record AttachSpec(int pid, boolean children, Set<String> syscalls, int stringLimit, boolean everyCall,
                         int snapLen) {

    public AttachSpec {
        LaunchSpec.checkSnapLen(snapLen);
    }

    /** A spec with the default snap length. */
    public AttachSpec(int pid, boolean children, Set<String> syscalls, int stringLimit, boolean everyCall) {
        this(pid, children, syscalls, stringLimit, everyCall, LaunchSpec.DEFAULT_SNAPLEN);
    }

    /** A spec whose set may be narrowed by arguments (a set derived from rules). */
    public AttachSpec(int pid, boolean children, Set<String> syscalls, int stringLimit) {
        this(pid, children, syscalls, stringLimit, false);
    }
}
