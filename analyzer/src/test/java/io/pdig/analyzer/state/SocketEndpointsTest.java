package io.pdig.analyzer.state;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The socket sides the tracer reads at the exit of connect and accept (the "local" and "peer"
 * values, ArgKind.SOCK_LOCAL and SOCK_PEER) reach fd.name and the fd.*ip/port fields as Falco
 * shows them; an event without them (a journal from before them) behaves as before.
 */
class SocketEndpointsTest {

    private static final byte[] LOOP6 = new byte[16];

    static {
        LOOP6[15] = 1;
    }

    private static Harness proc() {
        return new Harness().feed(exec(10, "/bin/app", "app").build());
    }

    private static FdInfo fd(Harness h, int n) {
        return h.analyzer().state().process(10).fds().get(n);
    }

    @Test
    void udpConnectTakesItsLocalSide() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 2, "proto", 0),
                sys(10, "connect", 0, "fd", 3, "addr", inet4("198.51.100.7", 9999), "addrlen", 16,
                        "local", inet4("192.0.2.2", 41234)));
        assertEquals("192.0.2.2:41234->198.51.100.7:9999", h.value("fd.name"));
        assertEquals(41234L, h.value("fd.lport"));
        assertEquals(41234L, h.value("fd.cport"));
        assertEquals(9999L, h.value("fd.sport"));
        assertEquals(9999L, h.value("fd.rport"));
        assertEquals("192.0.2.2", h.value("fd.cip"));
        assertEquals("192.0.2.2", h.value("fd.lip"));
        assertEquals("198.51.100.7", h.value("fd.sip"));
        assertEquals("192.0.2.2:41234->198.51.100.7:9999", h.value("evt.arg.tuple"));
    }

    @Test
    void nonBlockingConnectTakesItsLocalSide() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 1 | 04000, "proto", 0),
                sys(10, "connect", -115, "fd", 3, "addr", inet4("192.0.2.1", 22), "addrlen", 16,
                        "local", inet4("192.0.2.2", 50000)));
        assertEquals("192.0.2.2:50000->192.0.2.1:22", fd(h, 3).name());
        assertEquals(50000L, h.value("fd.lport"));
    }

    @Test
    void connectOfAnOldJournalHasNoLocalSide() {
        SyscallEvent full = sys(10, "connect", 0, "fd", 3, "addr", inet4("198.51.100.7", 9999), "addrlen", 16);
        // As decoded from a journal written before the value existed: the row's register arguments only.
        SyscallEvent old = new SyscallEvent(full.ts(), full.tid(), full.pid(), full.abi(), full.nr(), 0, true,
                Arrays.copyOf(full.args(), 3));
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 2, "proto", 0), old);
        assertEquals("0.0.0.0:0->198.51.100.7:9999", h.value("fd.name"));
        assertNull(h.value("fd.lport"));
        assertNull(h.value("fd.cip"));
        assertEquals(9999L, h.value("fd.rport"));
    }

    @Test
    void ipv6ConnectTakesItsLocalSide() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 10, "type", 1, "proto", 0),
                sys(10, "connect", 0, "fd", 3, "addr", inet6(LOOP6, 8443), "addrlen", 28,
                        "local", inet6(LOOP6, 40001)));
        assertEquals("::1:40001->::1:8443", h.value("fd.name"));
        assertEquals(40001L, h.value("fd.lport"));
        assertEquals("::1", h.value("fd.cip"));
    }

    @Test
    void acceptWithoutAddressTakesPeerAndOwnAddress() {
        // A listener on the wildcard: the accepted socket's own address is the one the client used.
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 1, "proto", 0),
                sys(10, "bind", 0, "fd", 3, "addr", inet4("0.0.0.0", 8080)),
                sys(10, "listen", 0, "fd", 3, "backlog", 8),
                sys(10, "accept", 4, "sockfd", 3, "addr", ArgValue.Null.INSTANCE, "addrlen", ArgValue.Null.INSTANCE,
                        "local", inet4("127.0.0.1", 8080), "peer", inet4("127.0.0.1", 50000)));
        assertEquals("127.0.0.1:50000->127.0.0.1:8080", h.value("fd.name"));
        assertEquals(50000L, h.value("fd.rport"));
        assertEquals(8080L, h.value("fd.lport"));
        assertEquals("127.0.0.1", h.value("fd.cip"));
        assertEquals("127.0.0.1", h.value("fd.sip"));
        assertEquals(Boolean.TRUE, h.value("fd.is_server"));
        assertEquals("0.0.0.0:8080", fd(h, 3).name(), "the listener keeps its own name");
    }

    @Test
    void acceptAddressGivenByTheCallStaysTheSource() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 10, "type", 1, "proto", 0),
                sys(10, "accept4", 5, "sockfd", 3, "addr", inet6(LOOP6, 41000), "flags", 0,
                        "local", inet6(LOOP6, 8443)));
        assertEquals("::1:41000->::1:8443", h.value("fd.name"));
        assertEquals(41000L, h.value("fd.rport"));
    }

    @Test
    void acceptOfAnUnknownListenerTakesItsKindFromTheTracer() {
        Harness h = proc().feed(sys(10, "accept", 7, "sockfd", 9, "addr", ArgValue.Null.INSTANCE,
                "local", inet4("192.0.2.2", 22), "peer", inet4("198.51.100.3", 61000)));
        assertEquals(FdKind.IPV4, fd(h, 7).kind());
        assertEquals("198.51.100.3:61000->192.0.2.2:22", fd(h, 7).name());
    }

    @Test
    void unixAcceptKeepsTheListenersPathDespiteAnUnnamedPeer() {
        byte[] unnamed = {1, 0};
        Harness h = proc().feed(sys(10, "socket", 5, "domain", 1, "type", 1, "proto", 0),
                sys(10, "bind", 0, "fd", 5, "addr", unix("/run/app.sock")),
                sys(10, "listen", 0, "fd", 5, "backlog", 1),
                sys(10, "accept", 6, "sockfd", 5, "addr", ArgValue.Null.INSTANCE,
                        "local", unix("/run/app.sock"), "peer", unnamed),
                sys(10, "accept", 7, "sockfd", 9, "addr", ArgValue.Null.INSTANCE,
                        "local", unix("/run/other.sock"), "peer", unnamed));
        assertEquals("/run/app.sock", fd(h, 6).name());
        assertEquals(FdKind.UNIX, fd(h, 7).kind(), "listener unknown (attach): the kind from the tracer's read");
        assertEquals("/run/other.sock", fd(h, 7).name());
    }

    @Test
    void unixConnectNamesThePathConnectedTo() {
        Harness h = proc().feed(sys(10, "socket", 5, "domain", 1, "type", 1, "proto", 0),
                sys(10, "connect", 0, "fd", 5, "addr", unix("/run/app.sock"), "local", new byte[] {1, 0}));
        assertEquals("/run/app.sock", fd(h, 5).name());
    }
}
