package io.pdig.model.syscall;

/** What a syscall's non-error return value means. Negative values in -4095..-1 are always errnos. */
public enum RetKind {
    /** 0 on success. */
    STATUS,
    /** A new file descriptor. */
    FD,
    /** A process or thread id (fork, clone). */
    PID,
    /** A count or other integer. */
    INT,
    /** An address (mmap, brk), printed in hex. */
    ADDR,
    /** A file mode mask (umask's previous one), printed in octal as strace does. */
    MODE,
    /** The call does not return on success (exit, exit_group, successful execve returns 0 to a new image). */
    NONE
}
