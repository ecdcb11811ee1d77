package io.pdig.analyzer.state;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;

/**
 * Fd-table updates for sockets: socket/socketpair create entries (type from the domain, l4proto
 * from type and protocol), bind/getsockname learn the local side, connect/getpeername the remote
 * side, listen marks a server, accept/accept4 create server-side entries from the listening
 * socket, sendto/recvfrom with an address and sendmsg/recvmsg with a msg_name record a changed
 * peer (fd.name_changed), as sendmmsg/recvmmsg do for the msg_name of each message they moved, in
 * order (Falco sees one event per message; the socket ends with the last one's peer).
 *
 * <p>connect and accept also carry what the tracer read from the socket itself at their exit
 * (ArgKind.SOCK_LOCAL "local", SOCK_PEER "peer"): connect's local side, which no argument holds,
 * and accept's own address (the listener's may be a wildcard) and its peer when the program did
 * not ask for it (accept(s, NULL, NULL)). Falco's drivers read the same from the kernel. Journals
 * from before those values lack them (the event has fewer arguments): then, as before, a side
 * never observed stays unknown.
 */
final class SocketStateHandler {
    static final int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3, SOCK_SEQPACKET = 5;
    static final long SOCK_CLOEXEC = 02000000;
    static final int IPPROTO_ICMP = 1, IPPROTO_TCP = 6, IPPROTO_UDP = 17, IPPROTO_ICMPV6 = 58;
    static final long EINPROGRESS = 115;

    boolean apply(SyscallEvent s, ProcessInfo p, long seq) {
        String name = s.name();
        switch (name) {
            case "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4", "sendto", "recvfrom", "sendmsg", "recvmsg",
                 "sendmmsg", "recvmmsg", "getsockname", "getpeername" -> {
            }
            default -> {
                return false;
            }
        }
        if (!s.hasResult()) {
            return true;
        }
        boolean ok = !s.failed();
        switch (name) {
            case "socket" -> {
                if (ok) p.fds.put(newSocket(s, (int) s.res()));
            }
            case "socketpair" -> {
                if (ok && s.arg("fds") instanceof ArgValue.FdPair pair) {
                    p.fds.put(newSocket(s, pair.first()));
                    p.fds.put(newSocket(s, pair.second()));
                }
            }
            case "connect" -> {
                FdInfo f = fd(s, p, "fd");
                SockAddrs.Endpoint e = endpoint(s, "addr");
                SockAddrs.Endpoint local = endpoint(s, "local");
                boolean connected = ok || -s.res() == EINPROGRESS;
                if (f != null && e != null && connected) {
                    setRemote(f, e);
                    // Only an IP side: a unix client's own name is mostly unnamed, and its fd.name
                    // is the path it connected to, as in Falco.
                    if (local != null && local.ip() != null) setLocal(f, local);
                    f.connected = true;
                    f.server = false;
                    f.refreshSocketName();
                }
            }
            case "bind" -> {
                FdInfo f = fd(s, p, "fd");
                SockAddrs.Endpoint e = endpoint(s, "addr");
                if (ok && f != null && e != null) {
                    setLocal(f, e);
                    f.refreshSocketName();
                }
            }
            case "getsockname" -> {
                FdInfo f = fd(s, p, "fd");
                SockAddrs.Endpoint e = endpoint(s, "addr");
                if (ok && f != null && e != null) {
                    setLocal(f, e);
                    f.refreshSocketName();
                }
            }
            case "getpeername" -> {
                FdInfo f = fd(s, p, "fd");
                SockAddrs.Endpoint e = endpoint(s, "addr");
                if (ok && f != null && e != null) {
                    setRemote(f, e);
                    f.refreshSocketName();
                }
            }
            case "listen" -> {
                FdInfo f = fd(s, p, "fd");
                if (ok && f != null) f.server = true;
            }
            case "accept", "accept4" -> {
                if (!ok) return true;
                FdInfo listener = fd(s, p, "sockfd");
                SockAddrs.Endpoint given = endpoint(s, "addr");
                // The tracer reads the peer only when the call's own address did not hold it.
                SockAddrs.Endpoint peer = given != null ? given : endpoint(s, "peer");
                SockAddrs.Endpoint local = endpoint(s, "local");
                FdInfo f;
                if (listener != null) {
                    f = listener.copyAs((int) s.res());
                    f.remoteIp = null;
                    f.remotePort = null;
                } else {
                    int family = peer != null ? peer.family() : local != null ? local.family() : -1;
                    f = new FdInfo((int) s.res(), kindOf(family), "");
                    if (f.kind.isIpSocket()) f.l4proto = "tcp";
                }
                // The accepted socket's own address: the listener's may be a wildcard (0.0.0.0).
                if (local != null && local.ip() != null) setLocal(f, local);
                else if (local != null && f.unixPath == null) setLocal(f, local);
                f.server = true;
                f.connected = true;
                f.cloexec = (FdStateHandler.num(s, "flags", 0) & SOCK_CLOEXEC) != 0;
                if (peer != null) setRemote(f, peer);
                f.refreshSocketName();
                p.fds.put(f);
            }
            case "sendto", "recvfrom", "sendmsg", "recvmsg" -> {
                FdInfo f = fd(s, p, "fd");
                // the *msg calls' address is their msghdr's msg_name (older journals: an address, no peer)
                SockAddrs.Endpoint e = s.arg("msg") instanceof ArgValue.MsgHdr m ? msgName(m) : endpoint(s, "addr");
                if (ok && f != null) learnPeer(f, e, name.startsWith("recv"), seq);
            }
            case "sendmmsg", "recvmmsg" -> {
                FdInfo f = fd(s, p, "fd");
                // older journals hold the vector's address: no peer
                if (ok && f != null && s.arg("msgvec") instanceof ArgValue.MMsgHdrs v) {
                    int moved = MessageVectors.moved(v, s);
                    for (int k = 0; k < moved; k++) learnPeer(f, msgName(v.msgs()[k]), name.startsWith("recv"), seq);
                }
            }
            default -> {
            }
        }
        return true;
    }

    /**
     * A datagram's address (sendto, recvfrom, a msghdr's msg_name) as the socket's peer when it is
     * an IP address other than the one known: fd.name changes with it (fd.name_changed).
     * Receiving on a bound, unconnected socket is the server side (a UDP server); sending first
     * makes us the client unless we already listen or serve.
     */
    private static void learnPeer(FdInfo f, SockAddrs.Endpoint e, boolean received, long seq) {
        if (e == null || e.ip() == null || (e.ip().equals(f.remoteIp) && e.port().equals(f.remotePort))) return;
        setRemote(f, e);
        if (received) {
            f.server = f.server || (f.localPort != null && !f.connected);
        }
        f.nameChangedSeq = seq;
        f.refreshSocketName();
    }

    /** A msghdr's msg_name as read, or null (none, not read). */
    private static SockAddrs.Endpoint msgName(ArgValue.MsgHdr m) {
        return m.nameBytes() != null ? SockAddrs.decode(m.nameBytes()) : null;
    }

    private static FdInfo newSocket(SyscallEvent s, int fd) {
        int domain = (int) FdStateHandler.num(s, "domain", -1);
        long type = FdStateHandler.num(s, "type", 0);
        int proto = (int) FdStateHandler.num(s, "proto", 0);
        FdInfo f = new FdInfo(fd, kindOf(domain), "");
        if (f.kind.isIpSocket()) {
            f.l4proto = l4proto((int) (type & 0xf), proto);
        }
        f.cloexec = (type & SOCK_CLOEXEC) != 0;
        return f;
    }

    static FdKind kindOf(int family) {
        return switch (family) {
            case SockAddrs.AF_INET -> FdKind.IPV4;
            case SockAddrs.AF_INET6 -> FdKind.IPV6;
            case SockAddrs.AF_UNIX -> FdKind.UNIX;
            case SockAddrs.AF_NETLINK -> FdKind.NETLINK;
            default -> FdKind.UNKNOWN;
        };
    }

    static String l4proto(int type, int proto) {
        if (proto == IPPROTO_TCP) return "tcp";
        if (proto == IPPROTO_UDP) return "udp";
        if (proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6) return "icmp";
        return switch (type) {
            case SOCK_STREAM -> "tcp";
            case SOCK_DGRAM -> "udp";
            case SOCK_RAW -> "raw";
            default -> null;
        };
    }

    private static FdInfo fd(SyscallEvent s, ProcessInfo p, String arg) {
        return s.arg(arg) instanceof ArgValue.Num n ? p.fds.get((int) n.value()) : null;
    }

    private static SockAddrs.Endpoint endpoint(SyscallEvent s, String arg) {
        return s.arg(arg) instanceof ArgValue.SockAddr a ? SockAddrs.decode(a.bytes()) : null;
    }

    private static void setRemote(FdInfo f, SockAddrs.Endpoint e) {
        if (e.ip() != null) {
            f.remoteIp = e.ip();
            f.remotePort = e.port();
        } else if (named(e)) {
            f.unixPath = e.unixPath();
        }
    }

    private static void setLocal(FdInfo f, SockAddrs.Endpoint e) {
        if (e.ip() != null) {
            f.localIp = e.ip();
            f.localPort = e.port();
        } else if (named(e)) {
            f.unixPath = e.unixPath();
        }
    }

    /**
     * A unix address with a path (or an abstract name): an unnamed one (just the family, as the
     * peer of an accepted connection or a client's own side mostly is) says nothing about the
     * socket's path, and must not blank the one known (accept(s, NULL, NULL)'s peer).
     */
    private static boolean named(SockAddrs.Endpoint e) {
        return e.unixPath() != null && !e.unixPath().isEmpty();
    }
}
