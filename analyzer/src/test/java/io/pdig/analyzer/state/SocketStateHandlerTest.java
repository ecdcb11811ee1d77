package io.pdig.analyzer.state;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.ArgValue;
import org.junit.jupiter.api.Test;

class SocketStateHandlerTest {

    private static Harness proc() {
        return new Harness().feed(exec(10, "/bin/app", "app").build());
    }

    private static FdInfo fd(Harness h, int n) {
        return h.analyzer().state().process(10).fds().get(n);
    }

    @Test
    void socketTypesAndProtocols() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 1 | 02000000, "proto", 0),
                sys(10, "socket", 4, "domain", 10, "type", 2, "proto", 0),
                sys(10, "socket", 5, "domain", 2, "type", 3, "proto", 1),
                sys(10, "socket", 6, "domain", 16, "type", 3, "proto", 0),
                sys(10, "socket", 7, "domain", 17, "type", 3, "proto", 768));
        assertEquals(FdKind.IPV4, fd(h, 3).kind());
        assertEquals("tcp", fd(h, 3).l4proto());
        assertTrue(fd(h, 3).cloexec());
        assertEquals(FdKind.IPV6, fd(h, 4).kind());
        assertEquals("udp", fd(h, 4).l4proto());
        assertEquals("icmp", fd(h, 5).l4proto());
        assertEquals(FdKind.NETLINK, fd(h, 6).kind());
        assertEquals(FdKind.UNKNOWN, fd(h, 7).kind(), "AF_PACKET has no Falco fd type");
    }

    @Test
    void connectInProgressCountsAsConnected() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 1, "proto", 0),
                sys(10, "connect", -115, "fd", 3, "addr", inet4("192.0.2.1", 22)));
        assertTrue(fd(h, 3).connected());
        assertEquals("192.0.2.1", fd(h, 3).serverIp());
        assertEquals("EINPROGRESS", h.value("evt.res"));
    }

    @Test
    void refusedConnectLeavesTheSocketUnconnected() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 1, "proto", 0),
                sys(10, "connect", -111, "fd", 3, "addr", inet4("192.0.2.1", 22)));
        assertFalse(fd(h, 3).connected());
        assertNull(fd(h, 3).remoteIp());
    }

    @Test
    void getsocknameFillsTheLocalSide() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 1, "proto", 0),
                sys(10, "connect", 0, "fd", 3, "addr", inet4("192.0.2.1", 80)),
                sys(10, "getsockname", 0, "fd", 3, "addr", inet4("10.0.0.2", 40000)));
        assertEquals("10.0.0.2:40000->192.0.2.1:80", fd(h, 3).name());
        assertEquals("10.0.0.2", h.value("fd.cip"));
        assertEquals(40000L, h.value("fd.cport"));
    }

    @Test
    void ipv6Endpoints() {
        byte[] loop = new byte[16];
        loop[15] = 1;
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 10, "type", 1, "proto", 0),
                sys(10, "connect", 0, "fd", 3, "addr", inet6(loop, 8443)));
        assertEquals("::1", fd(h, 3).serverIp());
        assertEquals(":::0->::1:8443", fd(h, 3).name());
        assertEquals("6", h.value("fd.typechar"));
    }

    @Test
    void acceptWithoutKnownListener() {
        Harness h = proc().feed(sys(10, "accept", 9, "sockfd", 3, "addr", inet4("198.51.100.1", 1234)));
        assertEquals(FdKind.IPV4, fd(h, 9).kind());
        assertTrue(fd(h, 9).server());
        assertEquals("198.51.100.1", fd(h, 9).clientIp());
    }

    @Test
    void socketpairAndUnixBind() {
        Harness h = proc().feed(sys(10, "socketpair", 0, "domain", 1, "type", 1, "proto", 0,
                        "fds", new ArgValue.FdPair(3, 4)),
                sys(10, "socket", 5, "domain", 1, "type", 1, "proto", 0),
                sys(10, "bind", 0, "fd", 5, "addr", unix("/run/app.sock")),
                sys(10, "listen", 0, "fd", 5, "backlog", 1));
        assertEquals(FdKind.UNIX, fd(h, 3).kind());
        assertEquals(FdKind.UNIX, fd(h, 4).kind());
        assertEquals("/run/app.sock", fd(h, 5).name());
        assertTrue(fd(h, 5).server());
    }

    @Test
    void udpServerLearnsItsClientsFromRecvfrom() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 2, "proto", 0),
                sys(10, "bind", 0, "fd", 3, "addr", inet4("0.0.0.0", 53)),
                sys(10, "recvfrom", 40, "fd", 3, "size", 512, "addr", inet4("192.0.2.9", 40000)));
        assertTrue(fd(h, 3).server());
        assertEquals("192.0.2.9", h.value("fd.cip"));
        assertEquals(53L, h.value("fd.sport"));
        assertEquals(true, h.value("fd.name_changed"));
        assertEquals("192.0.2.9:40000->0.0.0.0:53", fd(h, 3).name());
    }

    /**
     * sendmsg and recvmsg learn the peer from their msghdr's msg_name as sendto and recvfrom do
     * from their address (a UDP client sending to a new server, a UDP server receiving from a
     * client); one without a msg_name changes nothing.
     */
    @Test
    void sendmsgAndRecvmsgLearnThePeerFromMsgName() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 2, "proto", 0),
                sys(10, "sendmsg", 9, "fd", 3, "msg", msg(inet4("192.0.2.7", 53)), "flags", 0));
        assertEquals("192.0.2.7", h.value("fd.sip"));
        assertEquals(53L, h.value("fd.sport"));
        assertEquals(true, h.value("fd.name_changed"));
        h.feed(sys(10, "sendmsg", 9, "fd", 3, "msg", msg(null), "flags", 0));
        assertEquals(false, h.value("fd.name_changed"), "no msg_name: the peer stays");
        assertEquals("192.0.2.7", h.value("fd.sip"));
        h.feed(sys(10, "socket", 4, "domain", 2, "type", 2, "proto", 0),
                sys(10, "bind", 0, "fd", 4, "addr", inet4("0.0.0.0", 5353)),
                sys(10, "recvmsg", 9, "fd", 4, "msg", msg(inet4("192.0.2.9", 40000)), "flags", 0));
        assertTrue(fd(h, 4).server());
        assertEquals("192.0.2.9", h.value("fd.cip"));
        assertEquals("192.0.2.9:40000->0.0.0.0:5353", fd(h, 4).name());
    }

    /**
     * sendmmsg and recvmmsg learn the peer from the msg_name of each message they moved, in order
     * (the socket ends with the last one's, as after Falco's last event of the call); a message the
     * call did not send (past its result) changes nothing; a failed call nothing at all.
     */
    @Test
    void sendmmsgAndRecvmmsgLearnThePeerFromEachMovedMessage() {
        Harness h = proc().feed(sys(10, "socket", 3, "domain", 2, "type", 2, "proto", 0),
                sys(10, "sendmmsg", 2, "fd", 3, "msgvec", vector(inet4("192.0.2.7", 53), inet4("192.0.2.8", 53)), "vlen", 2,
                        "flags", 0));
        assertEquals("192.0.2.8", h.value("fd.sip"), "the last message's peer");
        assertEquals(true, h.value("fd.name_changed"));
        h.feed(sys(10, "sendmmsg", 1, "fd", 3, "msgvec", vector(null, inet4("192.0.2.9", 53)), "vlen", 2, "flags", 0));
        assertEquals("192.0.2.8", h.value("fd.sip"), "the second message was not sent");
        assertEquals(false, h.value("fd.name_changed"));
        h.feed(sys(10, "sendmmsg", -9, "fd", 3, "msgvec", vector(inet4("192.0.2.10", 53)), "vlen", 1, "flags", 0));
        assertEquals("192.0.2.8", h.value("fd.sip"), "a failed call sent nothing");
        h.feed(sys(10, "socket", 4, "domain", 2, "type", 2, "proto", 0),
                sys(10, "bind", 0, "fd", 4, "addr", inet4("0.0.0.0", 5353)),
                sys(10, "recvmmsg", 1, "fd", 4, "msgvec", vector(inet4("192.0.2.9", 40000)), "vlen", 8, "flags", 0));
        assertTrue(fd(h, 4).server());
        assertEquals("192.0.2.9", h.value("fd.cip"));
        assertEquals("192.0.2.9:40000->0.0.0.0:5353", fd(h, 4).name());
    }

    /** A vector of messages with these msg_names (null: none), each with msg_len 9. */
    private static ArgValue.MMsgHdrs vector(byte[]... names) {
        ArgValue.MsgHdr[] msgs = new ArgValue.MsgHdr[names.length];
        long[] lens = new long[names.length];
        for (int k = 0; k < names.length; k++) {
            msgs[k] = msg(names[k]);
            lens[k] = 9;
        }
        return new ArgValue.MMsgHdrs(names.length, msgs, lens, 0);
    }

    /** A msghdr with this msg_name (null: none) and one segment of 9 bytes. */
    private static ArgValue.MsgHdr msg(byte[] name) {
        ArgValue.IoVec iov = new ArgValue.IoVec(1, new long[] {0x1000}, new long[] {9}, new int[] {9}, new byte[9], 9);
        return new ArgValue.MsgHdr(true, name == null ? 0 : 0x2000, name, name == null ? 0 : name.length, -1, 0x3000, 1, iov,
                0, 0, null, 0);
    }

    @Test
    void sockaddrDecoding() {
        assertEquals("1.2.3.4:80", SockAddrs.decode(inet4("1.2.3.4", 80)).text());
        assertNull(SockAddrs.decode(new byte[] {2}));
        byte[] abs = {1, 0, 0, 'x', 'y'};
        assertEquals("@xy", SockAddrs.decode(abs).unixPath());
        byte[] v6 = new byte[16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[2] = 0x0d;
        v6[3] = (byte) 0xb8;
        v6[15] = 5;
        assertEquals("2001:db8::5", SockAddrs.decode(inet6(v6, 1)).ip());
    }
}
