package io.pdig.model.syscall;

/**
 * How one syscall argument is decoded, stored and rendered. The kind carries its read phase, so the
 * decoder never needs a per-syscall switch (gVisor's Path vs PostPath idea).
 *
 * <p>Editing rule: constants may be added; never renumber or remove one, because the journal
 * stores {@link #ordinal()}-independent names only through {@link Syscall} rows, not kinds.
 */
public enum ArgKind {
    /** Signed integer, printed in decimal. */
    INT(Phase.ENTRY),
    /** Unsigned size or count. */
    SIZE(Phase.ENTRY),
    /** Pointer or opaque word, printed in hex. */
    HEX(Phase.ENTRY),
    /** File descriptor number. */
    FD(Phase.ENTRY),
    /** Directory fd for *at() calls; AT_FDCWD renders by name. */
    DIRFD(Phase.ENTRY),
    PID(Phase.ENTRY),
    UID(Phase.ENTRY),
    GID(Phase.ENTRY),
    SIGNAL(Phase.ENTRY),
    /** NUL-terminated path: exact bytes, plus the absolute path resolved against dirfd or cwd. */
    PATH(Phase.ENTRY),
    /** NUL-terminated string that is not a path (memfd name, prctl name). */
    STRING(Phase.ENTRY),
    /** NULL-terminated array of string pointers (execve argv). */
    ARGV(Phase.ENTRY),
    OPEN_FLAGS(Phase.ENTRY),
    /** File mode bits, printed in octal. */
    MODE(Phase.ENTRY),
    AT_FLAGS(Phase.ENTRY),
    ACCESS_MODE(Phase.ENTRY),
    /** struct sockaddr passed in (connect, bind, sendto), with its length as the next argument. */
    SOCKADDR(Phase.ENTRY),
    /** struct sockaddr written by the kernel (accept, getpeername), length through a pointer. */
    SOCKADDR_OUT(Phase.EXIT),
    SOCKET_FAMILY(Phase.ENTRY),
    SOCKET_TYPE(Phase.ENTRY),
    PROTOCOL(Phase.ENTRY),
    PTRACE_REQUEST(Phase.ENTRY),
    CLONE_FLAGS(Phase.ENTRY),
    /** struct clone_args in memory (clone3): flags are not visible to BPF, read them here. */
    CLONE_ARGS(Phase.ENTRY),
    /** struct open_how in memory (openat2). */
    OPEN_HOW(Phase.ENTRY),
    PRCTL_OPTION(Phase.ENTRY),
    FCNTL_CMD(Phase.ENTRY),
    /** int[2] written by the kernel (pipe, pipe2, socketpair). */
    FD_PAIR_OUT(Phase.EXIT),
    RENAME_FLAGS(Phase.ENTRY),
    MEMFD_FLAGS(Phase.ENTRY),
    SECCOMP_OP(Phase.ENTRY),
    BPF_CMD(Phase.ENTRY),
    MMAP_PROT(Phase.ENTRY),
    MMAP_FLAGS(Phase.ENTRY),
    /** CLONE_NEW* namespace flags (setns, unshare). */
    NS_FLAGS(Phase.ENTRY),
    /**
     * struct __user_cap_data_struct in memory (capset), read at the entry: as many structs as the
     * header's version passes (one for version 1, two for 2 and 3), each a u32 effective, permitted
     * and inheritable, stored one u32 per word. The address when the header cannot be read or its
     * version is unknown (the kernel reads none then).
     */
    CAP_DATA(Phase.ENTRY),
    /**
     * The socklen_t pointer after a {@link #SOCKADDR_OUT}: stored as Words {in, out} (the buffer
     * size the caller gave, the length the kernel returned), {in} when the call failed, or the
     * pointer as a Num when the lengths were not read (no exit stop, journals from before this
     * kind). strace's {@code [16]}, {@code [2 => 16]}.
     */
    SOCKLEN_INOUT(Phase.EXIT),
    /**
     * execve's envp: Words {address, count} (strace's {@code 0x7ffc... /* 23 vars *}{@code /}); the
     * address as a Num when the array could not be read to its NULL or is longer than the tracer
     * counts (and in journals from before this kind), NULL as Null. The variables themselves are in
     * the exec event.
     */
    ENVP(Phase.ENTRY),
    /** setsockopt's level (SOL_SOCKET, SOL_TCP, ...). */
    SOCKOPT_LEVEL(Phase.ENTRY),
    /** setsockopt's option: named by the table of the row's SOCKOPT_LEVEL argument. */
    SOCKOPT_NAME(Phase.ENTRY),
    /** MSG_ flags of send/recv calls. */
    MSG_FLAGS(Phase.ENTRY),
    /**
     * setsockopt's option value: Words {address, value} when the length argument after it is 4
     * (an int option, strace's {@code [1]}; the kernel reads it at the entry), else, and in
     * journals from before this kind, the address as a Num.
     */
    SOCKOPT_VAL(Phase.ENTRY),
    /** rt_sigprocmask's how (SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK). */
    SIGPROCMASK_HOW(Phase.ENTRY),
    /**
     * A signal set the kernel reads (rt_sigprocmask's set): Words {mask} when the row's last
     * argument, sigsetsize, is 8 (the only size the kernel accepts); else, and in journals from
     * before this kind, the address as a Num. strace's {@code [INT TERM]}.
     */
    SIGSET(Phase.ENTRY),
    /**
     * A signal set the kernel writes (rt_sigprocmask's oldset): read at the exit of a call that
     * succeeded, stored as {@link #SIGSET} is; the address as a Num when the call failed, when no
     * exit stop came, and in older journals.
     */
    SIGSET_OUT(Phase.EXIT),
    /**
     * A pointer passed as a number (an address hint, an out-parameter the tracer does not read):
     * stored as {@link #HEX} is, a Num, so a row may refine HEX to PTR with old journals still
     * decoding. Printed in hex, and a zero as strace's {@code NULL} (a zero HEX word stays 0:
     * HEX also covers flag words, where strace writes 0).
     */
    PTR(Phase.ENTRY),
    /** lseek's whence (SEEK_SET, SEEK_CUR, ...). */
    SEEK_WHENCE(Phase.ENTRY),
    /** ioctl's request (TCGETS, TIOCGWINSZ, ...): named when known, else hex. */
    IOCTL_REQUEST(Phase.ENTRY),
    /** arch_prctl's code (ARCH_SET_FS, ...). */
    ARCH_PRCTL_CODE(Phase.ENTRY),
    /** A resource limit's resource (RLIMIT_STACK, ...). */
    RLIMIT_RESOURCE(Phase.ENTRY),
    /**
     * A struct stat the kernel writes (stat, lstat, fstat, newfstatat): read at the exit of a call
     * that succeeded, on x86_64 (i386's layouts differ), stored as Words {address, st_mode,
     * st_rdev, st_size}, what strace's abbreviated form shows. The address as a Num when the call
     * failed (nothing written), when no exit stop came, on i386, and in older journals.
     */
    STAT_OUT(Phase.EXIT),
    /**
     * A struct sigaction the kernel reads (rt_sigaction's act): when the row's last argument,
     * sigsetsize, is 8 (else the kernel reads nothing), on x86_64 (i386 packs it in 32-bit words),
     * stored as Words {address, handler, flags, restorer, mask}. The address as a Num otherwise,
     * and in older journals (recorded with the generic six-word row).
     */
    SIGACTION(Phase.ENTRY),
    /**
     * A struct sigaction the kernel writes (rt_sigaction's oldact): read at the exit of a call that
     * succeeded, stored as {@link #SIGACTION} is; the address when the call failed or no exit stop came.
     */
    SIGACTION_OUT(Phase.EXIT),
    /**
     * fcntl's third argument: a Num (as the HEX it refines), shown by the row's FCNTL_CMD
     * argument: left out for the F_GET commands, FD_CLOEXEC, open flags or a number for others.
     */
    FCNTL_ARG(Phase.ENTRY),
    /** wait4's options (WNOHANG, WSTOPPED, ...). */
    WAIT_OPTIONS(Phase.ENTRY),
    /**
     * The int status wait4 writes: read at the exit of a call that returned a child (a failed call
     * and WNOHANG's 0 write nothing), stored as Words {address, status}; the address otherwise,
     * when no exit stop came, and in older journals. strace's {@code [{WIFEXITED(s) && ...}]}.
     */
    WAIT_STATUS_OUT(Phase.EXIT),
    /**
     * A struct rlimit64 the kernel reads (prlimit64's new_limit), two u64 on both ABIs: Words
     * {address, rlim_cur, rlim_max}; the address in older journals (the generic row's).
     */
    RLIMIT(Phase.ENTRY),
    /**
     * A struct rlimit64 the kernel writes (prlimit64's old_limit): read at the exit of a call that
     * succeeded, stored as {@link #RLIMIT} is; the address when the call failed or no exit stop came.
     */
    RLIMIT_OUT(Phase.EXIT),
    /** statx's mask of wanted fields (STATX_BASIC_STATS, ...). */
    STATX_MASK(Phase.ENTRY),
    /**
     * The struct statx the kernel writes: read at the exit of a call that succeeded, stored as
     * Words {address, stx_mask, stx_attributes, stx_mode, stx_size} (what strace's abbreviated
     * form shows; the layout is the same on both ABIs); the address when the call failed, no
     * exit stop came, and in older journals.
     */
    STATX_OUT(Phase.EXIT),
    /**
     * futex's operation. With it, the row's FUTEX_VAL2 and FUTEX_VAL3 arguments are shown as the
     * operation reads them, and arguments it does not read are left out (FutexText).
     */
    FUTEX_OP(Phase.ENTRY),
    /**
     * futex's fourth argument: val2 (a count) for the requeue operations, kept as a Num; for the
     * operations that read a timeout (the waits, the PI locks) the struct timespec, read at the
     * entry and stored as {@link #TIMESPEC} is (strace's {@code {tv_sec=1, tv_nsec=0}}), NULL as
     * Null, Unreadable when it cannot be read. Journals from before the timeout was read hold its
     * address as a Num.
     */
    FUTEX_VAL2(Phase.ENTRY),
    /** futex's sixth argument: a bitset, or the value a compare-requeue expects. */
    FUTEX_VAL3(Phase.ENTRY),
    /**
     * A data buffer the kernel reads (write, pwrite64, sendto), with its length as the next
     * argument: read at the entry, at most the session's snap length of bytes, stored as Bytes
     * whose {@code truncated} says the call passed more than was captured. A buffer that could not
     * be read whole is Unreadable (its address); NULL as Null. Refines {@link #PTR}: journals from
     * before this kind hold the address as a Num, shown as before.
     */
    DATA(Phase.ENTRY),
    /**
     * A data buffer the kernel writes (read, pread64, recvfrom): read at the exit of a call that
     * succeeded, the result as its length, stored as {@link #DATA} is. The address as a Num when
     * the call failed (nothing was written), when no exit stop came, and in older journals.
     */
    DATA_OUT(Phase.EXIT),
    /**
     * A path the kernel writes into the caller's buffer (getcwd, readlink's target): read at the
     * exit of a call that returned a length (> 0), at most that many bytes and the string limit,
     * ending at the first NUL (getcwd's length counts its NUL, readlink writes none, and a path
     * holds none): Bytes. The address when the call failed, no exit stop came, and in older
     * journals, whose rows had PTR here. strace prints it the same way, only on success.
     */
    PATH_OUT(Phase.EXIT),
    /**
     * The linux_dirent64 records getdents64 writes: read at the exit of a call that succeeded (its
     * result bytes, at most the tracer's 64 KiB scratch) only to count them, stored as Words {address, entries}, printed
     * as strace's {@code 0x7ffc... /* 5 entries *}{@code /}. The address when the call failed, the
     * records could not be walked, no exit stop came, and in older journals (PTR there).
     */
    DIRENTS_OUT(Phase.EXIT),
    /**
     * The struct utsname uname writes: its first two fields (sysname and nodename, 65 bytes each
     * on both ABIs) read at the exit of a call that succeeded, each up to its NUL, stored as a
     * StrList of the two and printed as strace's abbreviated {@code {sysname="Linux", nodename="vm", ...}}.
     * The address when the call failed, no exit stop came, and in older journals (six raw words there).
     */
    UTSNAME_OUT(Phase.EXIT),
    /**
     * The struct sysinfo the kernel writes: read on x86_64 at the exit of a call that succeeded,
     * stored as Words {address, uptime, loads[3], totalram, freeram, sharedram, bufferram,
     * totalswap, freeswap, procs, totalhigh, freehigh, mem_unit} and printed as strace prints it.
     * The address when the call failed, on i386 (4-byte longs), without an exit stop and in older journals.
     */
    SYSINFO_OUT(Phase.EXIT),
    /**
     * Not a register: the socket's own address (getsockname), which the tracer reads at the exit
     * of a call that succeeded or returned EINPROGRESS (a non-blocking connect has bound its local
     * address by then). The socket is the returned fd for rows returning one, else the row's first
     * FD argument. A SockAddr; Null when not read (the call failed, no exit stop) or unknown (the
     * process or fd was gone); absent (the event has fewer arguments) in journals from before this
     * kind. The local side of a connect, which Falco's drivers read from the socket too.
     */
    SOCK_LOCAL(Phase.EXIT),
    /**
     * Not a register: the peer's address (getpeername) of the same socket as {@link #SOCK_LOCAL},
     * read only when the row's {@link #SOCKADDR_OUT} argument did not yield it whole (NULL,
     * unreadable, or cut by a small buffer); stored as {@link #SOCK_LOCAL} is. Null otherwise, so
     * the address the call itself returned stays the one source when there is one.
     */
    SOCK_PEER(Phase.EXIT),
    /**
     * An iovec array whose data the kernel reads (writev, pwritev, pwritev2), with its segment
     * count as the next argument: read at the entry, the first {@value #IOV_SEGMENTS} segments
     * and at most the session's snap length of their bytes in all, stored as an IoVec. An array
     * that cannot be read is Unreadable, a segment that cannot be read has no bytes (its base
     * shown); NULL as Null. These rows are new with this kind: no older journal has them.
     */
    IOVEC(Phase.ENTRY),
    /**
     * An iovec array the kernel writes into (readv, preadv, preadv2): read at the exit, the result
     * split over the segments as the kernel filled them, stored as {@link #IOVEC} is; a call that
     * failed keeps its segments' bases and lengths without bytes (strace shows them so). The
     * address as a Num when no exit stop came.
     */
    IOVEC_OUT(Phase.EXIT),
    /**
     * The high half of a file offset that the preadv family passes in two registers: x86_64 takes
     * the whole offset from the low one and ignores this, so strace does not show it (nor pdig).
     */
    POS_HIGH(Phase.ENTRY),
    /** preadv2/pwritev2's RWF_ flags. */
    RWF_FLAGS(Phase.ENTRY),
    /**
     * The signal mask rt_sigreturn restores: not an argument (the call takes none) but the
     * uc_sigmask of the signal frame at the thread's stack pointer, read at the entry on x86_64
     * (i386's frame is laid out otherwise and is not read). Stored as Words {address, mask},
     * printed as strace's {@code {mask=[INT USR2]}}; Unreadable (its address, strace's
     * {@code {mask=0x7ffc...}}) when the frame cannot be read; on i386 the stack pointer as a
     * Num, shown as a number; journals from before this kind hold the generic row's six words.
     */
    SIGRETURN_MASK(Phase.ENTRY),
    /**
     * clone's parent_tid, the int the kernel writes under CLONE_PARENT_SETTID (the child's tid) or
     * CLONE_PIDFD (the new pidfd), per the row's CLONE_FLAGS argument. The pointer as a Num at the
     * entry (as the HEX it refines, so older journals show their address); read once the call has
     * succeeded (its fork event or its exit) and stored as Words {address, value}, strace's
     * {@code [1234]}; Unreadable when the kernel could not have written it either. A failed call,
     * or flags without those two, keep the pointer.
     */
    CLONE_PARENT_TID(Phase.ENTRY),
    /**
     * The random bytes getrandom writes: read and stored as {@link #DATA_OUT} is (what the kernel
     * wrote, the result's length, at most the snap length), printed with every byte in hex as
     * strace prints this buffer ({@code "\x58\x5c..."}). The address when the call failed, no
     * exit stop came, and in journals from before its row (six raw words there).
     */
    RANDOM_OUT(Phase.EXIT),
    /** getrandom's flags (GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE). */
    GRND_FLAGS(Phase.ENTRY),
    /** madvise's advice (MADV_DONTNEED, ...). */
    MADV_ADVICE(Phase.ENTRY),
    /** fadvise64's advice (POSIX_FADV_NORMAL, ...; x86_64's and i386's numbering). */
    FADV_ADVICE(Phase.ENTRY),
    /**
     * A 64-bit file offset passed by pointer (copy_file_range's off_in and off_out): read at the
     * entry, the offset the call starts from (the kernel advances it), stored as Words {address,
     * value}, strace's {@code [2]}; NULL as Null (the fd's own position is used); Unreadable when
     * it cannot be read. The address in journals from before its row (six raw words there).
     */
    LOFF_PTR(Phase.ENTRY),
    /**
     * sendmsg's struct msghdr, read at the entry: msg_name as a socket address, msg_iov as
     * {@link #IOVEC} reads an array (each segment's whole length passed, at most the snap length
     * of bytes), the control messages' headers (SCM_RIGHTS with its fds), msg_flags; stored as an
     * ArgValue.MsgHdr. A msghdr that cannot be read is Unreadable (strace shows its address), NULL
     * as Null. The row's kind was PTR before: older journals hold the address as a Num.
     */
    MSGHDR(Phase.ENTRY),
    /**
     * recvmsg's struct msghdr, read at the exit as the kernel filled it (msg_namelen, the address
     * written, msg_controllen, msg_flags), the result split over msg_iov's segments as
     * {@link #IOVEC_OUT} splits it; the entry's msg_namelen is kept in the slot until then. A
     * failed call keeps only that msg_namelen (strace's {@code {msg_namelen=16}}). The address as
     * a Num when no exit stop came (and in older journals, where the row's kind was PTR).
     */
    MSGHDR_OUT(Phase.EXIT),
    /** A clockid_t (CLOCK_REALTIME, CLOCK_MONOTONIC, ...); a dynamic (negative) or unknown id stays a number. */
    CLOCK_ID(Phase.ENTRY),
    /** clock_nanosleep's flags (TIMER_ABSTIME). */
    TIMER_FLAGS(Phase.ENTRY),
    /**
     * A struct timespec the kernel reads at the start of the call (clock_nanosleep's request):
     * stored as Words {address, tv_sec, tv_nsec}, strace's {@code {tv_sec=0, tv_nsec=1000000}};
     * i386's two 32-bit longs are sign-extended. NULL as Null; Unreadable when it cannot be read
     * (strace's address). The address in journals from before its row (a PTR there).
     */
    TIMESPEC(Phase.ENTRY),
    /** epoll_create1's flags (EPOLL_CLOEXEC, O_CLOEXEC's bit). */
    EPOLL_FLAGS(Phase.ENTRY),
    /**
     * The supplementary group ids getgroups wrote, read at the exit of a successful call with a
     * non-zero size: the result's count of 32-bit gids, the first {@link #GID_LIST_SHOWN} of
     * them, stored as Words {address, count, gid...}, strace's {@code [0, 4, 27]}. The address
     * when the size was 0 (the kernel writes nothing), the call failed, no exit stop came, on
     * i386 (its getgroups writes 16-bit ids), and in journals from before its row.
     */
    GID_LIST_OUT(Phase.EXIT),
    /**
     * The CPU mask sched_getaffinity wrote, read at the exit of a successful call: the result's
     * count of bytes (at most {@link #CPU_SET_BYTES}) as 64-bit words, stored as Words {address,
     * bytes, word...}, printed as strace lists the CPUs set ({@code [0 1]}). The address when the
     * call failed, no exit stop came, on i386 (a 4-byte multiple), and in journals from before its row.
     */
    CPU_SET_OUT(Phase.EXIT),
    /**
     * poll's struct pollfd array, read once at the exit: the kernel writes only revents, so the
     * fd and events the call was given are still there, next to what it reported. Each pollfd is
     * 8 bytes on both ABIs (int fd, short events, short revents), kept as one raw little-endian
     * word: Words {address, nfds, pollfd...}, the first {@link #POLLFDS_SHOWN}. strace's
     * {@code [{fd=3, events=POLLIN}]}, and after a positive result {@code ([{fd=3, revents=POLLIN}])}.
     * An unreadable array (EFAULT) is Unreadable, NULL is Null; the address when no exit stop
     * came and in journals from before its row.
     */
    POLLFDS(Phase.EXIT),
    /**
     * ioctl's third argument, its meaning set by the request: the int behind the pointer, read at
     * the exit and stored as Words {address, value}, strace's {@code [27]}, for the requests
     * whose int the kernel reads (FIONBIO, FIOASYNC, TIOCSPTLCK, TIOCSPGRP: whatever the result)
     * or writes (FIONREAD, TIOCOUTQ, TIOCGPTN, TIOCGPGRP, TIOCGSID: on success). Any other
     * request, a failed call's written int, a missing exit stop and older journals (where the
     * row's kind was HEX) keep the raw word, printed in hex (FICLONE's fd in decimal, FIOCLEX's
     * unused word left out, as strace does).
     */
    IOCTL_ARG(Phase.EXIT),
    /**
     * sendmmsg's vector of struct mmsghdr, read at the entry: the first {@link #MMSG_SHOWN}
     * messages, each as {@link #MSGHDR} reads one (its msg_iov up to the snap length of bytes: the
     * snap length holds per message, as Falco captures each message of these calls on its own);
     * at the exit of a call that sent some, the msg_len the kernel wrote into each one sent.
     * Stored as an ArgValue.MMsgHdrs, strace's {@code [{msg_hdr={...}, msg_len=9}, ...]}. A vector
     * that cannot be read is Unreadable (its address), NULL is Null; journals from before its row
     * hold the address (six raw words there).
     */
    MMSGHDR(Phase.ENTRY),
    /**
     * recvmmsg's vector of struct mmsghdr, read at the exit of a successful call: the messages the
     * kernel filled (as many as the result, at most {@link #MMSG_SHOWN}), each as {@link
     * #MSGHDR_OUT} reads one, its msg_len split over its msg_iov. Until then the slot keeps each
     * message's msg_namelen as the caller set it (Words, read at the entry: it bounds the address
     * the kernel writes, and strace shows {@code 128 => 16}). The address when the call failed
     * (strace shows no message then) or no exit stop came, and in journals from before its row.
     */
    MMSGHDR_OUT(Phase.EXIT),
    /**
     * A struct timespec the kernel reads at the entry and, when the call succeeds, overwrites with
     * the time left (recvmmsg's and ppoll's timeout): read at the entry as {@link #TIMESPEC} (Words {address,
     * tv_sec, tv_nsec}), and again at the exit of a successful call, Words {address, tv_sec,
     * tv_nsec, left tv_sec, left tv_nsec}; printed as the value passed, with strace's {@code (left
     * {tv_sec=0, tv_nsec=999000})} after the result. NULL as Null, Unreadable when it cannot be
     * read at the entry; the address in journals from before its row.
     */
    TIMESPEC_INOUT(Phase.ENTRY),
    /**
     * Not a register: what a clone3 that succeeded wrote through its clone_args' pointers, read
     * when the call is known to have succeeded (its fork event, or its exit stop when it kept
     * one): the new pidfd under CLONE_PIDFD and the child's tid under CLONE_PARENT_SETTID, the
     * flags read from the row's {@link #CLONE_ARGS} value. Stored as Words {pidfd, parent_tid,
     * read}, where bit 0 of read says pidfd was read and bit 1 parent_tid (a pointer the kernel
     * could not write, which it ignores for parent_tid, is not read: strace shows its address);
     * strace's {@code => {pidfd=[3], parent_tid=[1234]}} after the struct. Null for a call that
     * failed, had neither flag or made no exit stop; absent in journals from before this kind.
     */
    CLONE_ARGS_OUT(Phase.EXIT),
    /** epoll_ctl's operation (EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD). */
    EPOLL_CTL_OP(Phase.ENTRY),
    /**
     * The struct epoll_event epoll_ctl reads (12 bytes on both ABIs: u32 events, then the u64
     * data, packed), read at the entry unless the row's {@link #EPOLL_CTL_OP} is EPOLL_CTL_DEL
     * (the kernel ignores it then, strace shows the address): Words {address, events, data},
     * strace's {@code {events=EPOLLIN, data={u32=4, u64=4}}}. NULL as Null, Unreadable when it
     * cannot be read; the address for EPOLL_CTL_DEL and in journals from before its row.
     */
    EPOLL_EVENT(Phase.ENTRY),
    /**
     * The struct epoll_event array epoll_wait and epoll_pwait(2) filled: read at the exit of a
     * successful call, the result's count of events (at most {@link #EPOLL_EVENTS_SHOWN}), stored
     * as Words {address, count, then events and data of each}, strace's {@code [{events=EPOLLIN,
     * data={u32=4, u64=4}}]}, {@code []} for none. The address when the call failed, no exit stop
     * came, and in journals from before its row.
     */
    EPOLL_EVENTS_OUT(Phase.EXIT),
    /**
     * The struct timespec a sleep writes the time left into (nanosleep's and clock_nanosleep's
     * rem): read at the exit of a call a signal interrupted (a restart errno: only then did the
     * kernel write it), unless the row's {@link #TIMER_FLAGS} argument is not 0 (an absolute
     * sleep leaves it alone), and stored as {@link #TIMESPEC} is, strace's {@code {tv_sec=1,
     * tv_nsec=970287825}}. Otherwise, without an exit stop and in journals from before this kind
     * (a PTR there), the address.
     */
    TIMESPEC_REM(Phase.EXIT),
    /**
     * The supplementary group ids setgroups sets, read at the entry: the count in the argument
     * before it (a C int), the first {@link #GID_LIST_SHOWN} 32-bit gids, stored as
     * {@link #GID_LIST_OUT} is, strace's {@code [1, 2, 3]}, {@code []} for a count of 0. The
     * address for a count the kernel refuses (negative or above NGROUPS_MAX: it reads nothing),
     * on i386 (16-bit ids), and in journals from before this kind (a PTR there).
     */
    GID_LIST(Phase.ENTRY),
    /**
     * The struct statfs statfs and fstatfs write: read on x86_64 at the exit of a call that
     * succeeded, its first eleven words (f_type to f_flags; f_spare is not), stored as Words
     * {address, f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_fsid, f_namelen,
     * f_frsize, f_flags} and printed as strace prints it. The address when the call failed, on
     * i386 (4-byte fields), without an exit stop and in journals from before this kind (a PTR there).
     */
    STATFS_OUT(Phase.EXIT),
    /** flock's operation (LOCK_EX|LOCK_NB, ...). */
    FLOCK_OP(Phase.ENTRY),
    /**
     * A stack_t the kernel reads (sigaltstack's ss): ss_sp, ss_flags and ss_size (24 bytes on
     * x86_64, three 4-byte fields on i386), read at the entry, stored as Words {address, ss_sp,
     * ss_flags, ss_size}, strace's {@code {ss_sp=0x55..., ss_flags=0, ss_size=65536}}. NULL as
     * Null, Unreadable when it cannot be read; the address in journals from before its row.
     */
    STACK_T(Phase.ENTRY),
    /** A stack_t the kernel writes (sigaltstack's old_ss): read at the exit of a successful call, stored as {@link #STACK_T} is. */
    STACK_T_OUT(Phase.EXIT),
    /**
     * An id the kernel writes through a pointer (getresuid's and getresgid's three, timer_create's
     * timer id): the 32-bit
     * value read at the exit of a successful x86_64 call, stored as Words {address, id}, strace's
     * {@code [0]}. The address when the call failed, on i386 (16-bit ids), without an exit stop
     * and in journals from before its row.
     */
    ID_OUT(Phase.EXIT),
    /**
     * prctl's arg2..arg5: a word whose meaning is the option's (render.PrctlText). Read at the exit
     * stop for the options that pass memory (PrctlText.read): a task name (PR_SET_NAME whatever the
     * result, PR_GET_NAME on success) as Bytes; an int or a pointer the kernel wrote (PR_GET_PDEATHSIG,
     * PR_GET_TID_ADDRESS...) on success as Words {address, value}; PR_SET_SECCOMP's struct
     * sock_fprog as Words {address, len, filter}; PR_SET_VMA's name as Bytes. Every other
     * argument, a failed call's and journals from before this kind (HEX there) keep the raw word.
     */
    PRCTL_ARG(Phase.EXIT),
    /**
     * A struct __user_cap_header_struct (capget, capset): version and pid, two u32 read at the
     * entry, stored as Words {address, version, pid}, strace's {@code {version=
     * _LINUX_CAPABILITY_VERSION_3, pid=0}}. NULL as Null, Unreadable when it cannot be read; the
     * address in journals from before this kind (capset's hdrp was a PTR).
     */
    CAP_HEADER(Phase.ENTRY),
    /**
     * The capability sets capget writes: read at the exit of a successful call as {@link #CAP_DATA}
     * is, as many structs as the header's version says. The address when the call failed or the
     * version is unknown, without an exit stop and in journals from before the row.
     */
    CAP_DATA_OUT(Phase.EXIT),
    /**
     * A struct sigevent (timer_create): read at the entry on x86_64, its first four words
     * (sigev_value; sigev_signo and sigev_notify; the union's thread id, or function and
     * attributes), stored as Words {address, value, signo, notify, word 2, word 3}, strace's
     * {@code {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}}. NULL as Null; the address on i386
     * (4-byte fields) and in journals from before its row.
     */
    SIGEVENT(Phase.ENTRY),
    /**
     * A struct itimerspec the kernel reads (timer_settime's new value): four longs (8 bytes each on
     * x86_64, 4 on i386) read at the entry, stored as Words {address, interval tv_sec, tv_nsec,
     * value tv_sec, tv_nsec}, strace's {@code {it_interval={tv_sec=0, tv_nsec=0}, it_value={...}}}.
     */
    ITIMERSPEC(Phase.ENTRY),
    /** A struct itimerspec the kernel writes (timer_settime's old value, timer_gettime's): read at the exit of a successful call, as {@link #ITIMERSPEC}. */
    ITIMERSPEC_OUT(Phase.EXIT),
    /** A NUMA memory policy's mode and its MPOL_F_ flags (set_mempolicy, mbind): render.MempolicyText. */
    MPOL_MODE(Phase.ENTRY),
    /**
     * The mode get_mempolicy writes (an int): read at the exit of a successful call, Words
     * {address, mode}, strace's {@code [MPOL_BIND]}; the address when the call failed.
     */
    MPOL_MODE_OUT(Phase.EXIT),
    /**
     * A node mask the kernel reads (set_mempolicy, mbind): as many longs as the row's next
     * argument, maxnode, gives bits (the kernel takes maxnode - 1), at most {@link #NODEMASK_SHOWN},
     * read at the entry on x86_64: Words {address, longs, the longs read}, strace's {@code
     * [0x00000000000001, 0000000000000000]}. The address when maxnode gives none, on i386 and in
     * journals from before its row.
     */
    NODEMASK(Phase.ENTRY),
    /** A node mask the kernel writes (get_mempolicy): read at the exit of a successful call, as {@link #NODEMASK}. */
    NODEMASK_OUT(Phase.EXIT),
    /** get_mempolicy's flags (MPOL_F_NODE|MPOL_F_ADDR). */
    MPOL_GET_FLAGS(Phase.ENTRY),
    /** mbind's flags (MPOL_MF_STRICT|MPOL_MF_MOVE). */
    MPOL_MBIND_FLAGS(Phase.ENTRY),
    /**
     * Two struct timespec the kernel reads (utimensat's access and modification times): four longs
     * (8 bytes each on x86_64, 4 on i386) read at the entry, stored as Words {address, tv_sec,
     * tv_nsec, tv_sec, tv_nsec}, strace's {@code [{tv_sec=..., tv_nsec=...} /* 2026-12-07T10:11:12+0000 *}{@code /},
     * UTIME_NOW]}. NULL as Null, Unreadable when it cannot be read; the address in journals from before its row.
     */
    TIMESPEC_PAIR(Phase.ENTRY);

    /** Most epoll events read (EPOLL_EVENTS_OUT): strace shows as many, then "...". */
    public static final int EPOLL_EVENTS_SHOWN = 32;

    /**
     * Most messages of an mmsghdr vector read (MMSGHDR, MMSGHDR_OUT): strace shows as many, then
     * {@code ...}; the kernel takes up to 1024. Rules see the data of these only.
     */
    public static final int MMSG_SHOWN = 32;

    /** Most pollfds read (POLLFDS): strace shows as many, then "...". */
    public static final int POLLFDS_SHOWN = 32;

    /** Most bytes of a CPU mask read (CPU_SET_OUT): 1024 CPUs; a longer mask's rest is "...". */
    public static final int CPU_SET_BYTES = 128;

    /** Most longs of a node mask read (NODEMASK, NODEMASK_OUT): 2048 nodes, strace shows as many, then "...". */
    public static final int NODEMASK_SHOWN = 32;

    /** Most gids of a getgroups list read (GID_LIST_OUT): strace shows as many, then "...". */
    public static final int GID_LIST_SHOWN = 32;

    /** Most bytes of msg_control read (its control messages' headers and SCM_RIGHTS fds). */
    public static final int MSG_CONTROL_MAX = 256;

    /**
     * Most segments of an iovec array read (IOVEC, IOVEC_OUT): strace shows as many (then
     * {@code ...}); the kernel takes up to 1024. A snap length spread over more small segments is
     * captured from these only.
     */
    public static final int IOV_SEGMENTS = 32;

    private final Phase phase;

    ArgKind(Phase phase) {
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }

    /**
     * False for the kinds that are no register argument but what the tracer learns about the call
     * on its own ({@link #SOCK_LOCAL}, {@link #SOCK_PEER}, {@link #CLONE_ARGS_OUT}): a row lists them after its register
     * arguments, strace's form and Falco's parameter lists leave them out.
     */
    public boolean isRegister() {
        return this != SOCK_LOCAL && this != SOCK_PEER && this != CLONE_ARGS_OUT;
    }

    /** True for kinds whose value lives in tracee memory and needs a read. */
    public boolean readsMemory() {
        return switch (this) {
            case PATH, STRING, ARGV, DATA, DATA_OUT, ENVP, SOCKOPT_VAL, SIGSET, SIGSET_OUT, STAT_OUT, SIGACTION, SIGACTION_OUT, WAIT_STATUS_OUT, RLIMIT, RLIMIT_OUT, STATX_OUT, SOCKADDR, SOCKADDR_OUT, SOCKLEN_INOUT, CLONE_ARGS, OPEN_HOW, FD_PAIR_OUT, CAP_DATA, PATH_OUT, DIRENTS_OUT, UTSNAME_OUT, SYSINFO_OUT, IOVEC, IOVEC_OUT, SIGRETURN_MASK, CLONE_PARENT_TID, RANDOM_OUT, LOFF_PTR, MSGHDR, MSGHDR_OUT, TIMESPEC, GID_LIST_OUT, CPU_SET_OUT, POLLFDS, IOCTL_ARG, MMSGHDR, MMSGHDR_OUT, TIMESPEC_INOUT, CLONE_ARGS_OUT, EPOLL_EVENT, EPOLL_EVENTS_OUT, TIMESPEC_REM, GID_LIST, STATFS_OUT, FUTEX_VAL2, STACK_T, STACK_T_OUT, ID_OUT, PRCTL_ARG, CAP_HEADER, CAP_DATA_OUT, SIGEVENT, ITIMERSPEC, ITIMERSPEC_OUT, MPOL_MODE_OUT, NODEMASK, NODEMASK_OUT, TIMESPEC_PAIR -> true;
            default -> false;
        };
    }
}
