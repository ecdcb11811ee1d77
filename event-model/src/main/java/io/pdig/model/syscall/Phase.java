package io.pdig.model.syscall;

/** When an argument's value can be read from the tracee: before the kernel runs the call, or after it. */
public enum Phase {
    /** Read at syscall entry: inputs such as paths, flags, socket addresses passed in. */
    ENTRY,
    /** Read at syscall exit: outputs the kernel wrote, such as accept's peer address or pipe's fds. */
    EXIT
}
