package io.pdig.analyzer.state;

/**
 * The kind of object an fd refers to, with Falco's fd.type name and fd.typechar. Unknown covers
 * fds whose origin was not observed (Falco prints "o" for them).
 */
public enum FdKind {
    FILE("file", 'f'),
    DIRECTORY("directory", 'd'),
    IPV4("ipv4", '4'),
    IPV6("ipv6", '6'),
    UNIX("unix", 'u'),
    PIPE("pipe", 'p'),
    EVENT("event", 'e'),
    SIGNALFD("signalfd", 's'),
    EVENTPOLL("eventpoll", 'l'),
    INOTIFY("inotify", 'i'),
    TIMERFD("timerfd", 't'),
    NETLINK("netlink", 'n'),
    BPF("bpf", 'b'),
    USERFAULTFD("userfaultfd", 'u'),
    IO_URING("io_uring", 'r'),
    MEMFD("memfd", 'm'),
    PIDFD("pidfd", 'P'),
    /** A socket of another family (AF_PACKET...): Falco has no type name for it. */
    UNKNOWN(null, 'o');

    /** Falco's fd.type value, null when Falco has none. */
    public final String typeName;
    public final char typeChar;
    /** {@link #typeChar} as a String, made once: fd.typechar is tested on every file event. */
    public final String typeCharText;

    FdKind(String typeName, char typeChar) {
        this.typeName = typeName;
        this.typeChar = typeChar;
        this.typeCharText = String.valueOf(typeChar);
    }

    public boolean isIpSocket() {
        return this == IPV4 || this == IPV6;
    }
}
