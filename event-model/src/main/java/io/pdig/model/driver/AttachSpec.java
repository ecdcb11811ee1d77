package io.pdig.model.driver;

import java.util.Set;

/**
 * @param pid       the target process
 * @param children  also attach to its existing descendants
 * @param syscalls  names of the syscalls to report
 * @param stringLimit maximum bytes read for one string argument
 */
public record AttachSpec(int pid, boolean children, Set<String> syscalls, int stringLimit) {
}
