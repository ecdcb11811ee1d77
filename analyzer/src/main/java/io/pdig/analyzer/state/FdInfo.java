package io.pdig.analyzer.state;

/**
 * One open file descriptor as learned from events. Mutable, confined to the analyzer thread.
 *
 * <p>Socket endpoints are stored as "local" (this process's side) and "remote" (the peer); the
 * client/server view Falco prints (fd.cip, fd.sip ...) is derived from {@link #server}. An
 * endpoint that was never observed stays null: connect and accept carry the sides the tracer read
 * from the socket, so this is left for sockets whose calls were not traced (an fd inherited at
 * attach, a connect without an exit stop) and replays of journals from before those values.
 */
public final class FdInfo {
    int num;
    FdKind kind;
    /** Falco fd.name: absolute path for files, tuple for sockets, "memfd:NAME" for memfds. */
    String name;
    /** The path exactly as passed to open*, or null. */
    String nameRaw;
    /** Linux open flags as passed (for open*), 0 when unknown. */
    long openFlags;
    boolean cloexec;
    /** Socket l4 protocol: "tcp", "udp", "icmp", "raw", or null. */
    String l4proto;
    String localIp;
    Integer localPort;
    String remoteIp;
    Integer remotePort;
    /** Unix socket path, for unix sockets. */
    String unixPath;
    /** True for listening sockets and sockets returned by accept. */
    boolean server;
    boolean connected;
    /** Sequence number of the event that changed the socket tuple through sendto/sendmsg, or -1. */
    long nameChangedSeq = -1;

    FdInfo(int num, FdKind kind, String name) {
        this.num = num;
        this.kind = kind;
        this.name = name;
    }

    /** A copy under another fd number, as dup and fork make: the close-on-exec bit is not copied. */
    FdInfo copyAs(int newNum) {
        FdInfo c = new FdInfo(newNum, kind, name);
        c.nameRaw = nameRaw;
        c.openFlags = openFlags;
        c.cloexec = false;
        c.l4proto = l4proto;
        c.localIp = localIp;
        c.localPort = localPort;
        c.remoteIp = remoteIp;
        c.remotePort = remotePort;
        c.unixPath = unixPath;
        c.server = server;
        c.connected = connected;
        c.nameChangedSeq = nameChangedSeq;
        return c;
    }

    /** A copy keeping the close-on-exec bit (fork copies fd tables exactly). */
    FdInfo copyExact() {
        FdInfo c = copyAs(num);
        c.cloexec = cloexec;
        return c;
    }

    public int num() {
        return num;
    }

    public FdKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String nameRaw() {
        return nameRaw;
    }

    public long openFlags() {
        return openFlags;
    }

    public boolean cloexec() {
        return cloexec;
    }

    public String l4proto() {
        return l4proto;
    }

    public String localIp() {
        return localIp;
    }

    public Integer localPort() {
        return localPort;
    }

    public String remoteIp() {
        return remoteIp;
    }

    public Integer remotePort() {
        return remotePort;
    }

    public String unixPath() {
        return unixPath;
    }

    public boolean server() {
        return server;
    }

    public boolean connected() {
        return connected;
    }

    public long nameChangedSeq() {
        return nameChangedSeq;
    }

    /** Falco's client IP: the peer for server-side sockets, our own side otherwise. */
    public String clientIp() {
        return server ? remoteIp : localIp;
    }

    public Integer clientPort() {
        return server ? remotePort : localPort;
    }

    public String serverIp() {
        return server ? localIp : remoteIp;
    }

    public Integer serverPort() {
        return server ? localPort : remotePort;
    }

    /**
     * Recomputes fd.name of an IP socket as Falco prints it, {@code cip:cport->sip:sport}. Falco
     * always has both sides from the kernel; a side pdig has not observed (see the class comment)
     * prints as 0.0.0.0:0 (or :::0), while fd.cip/fd.cport etc. stay without value.
     */
    void refreshSocketName() {
        if (!kind.isIpSocket()) {
            if (kind == FdKind.UNIX && unixPath != null) {
                name = unixPath;
            }
            return;
        }
        if (remoteIp == null && localIp == null) {
            return;
        }
        if (remoteIp == null) {
            name = endpoint(localIp, localPort);
            return;
        }
        String c = endpoint(clientIp(), clientPort());
        String s = endpoint(serverIp(), serverPort());
        name = c + "->" + s;
    }

    private String endpoint(String ip, Integer port) {
        String i = ip != null ? ip : (kind == FdKind.IPV6 ? "::" : "0.0.0.0");
        return i + ":" + (port != null ? port : 0);
    }

    @Override
    public String toString() {
        return num + "(<" + kind.typeChar + ">" + (name == null ? "" : name) + ")";
    }
}
