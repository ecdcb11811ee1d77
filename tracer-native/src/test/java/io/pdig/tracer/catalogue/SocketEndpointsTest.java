package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The socket sides the tracer reads itself at the exit of connect and accept (ArgKind.SOCK_LOCAL,
 * SOCK_PEER), against what the tracee observed with getsockname/getpeername (sock_endpoints
 * prints it): TCP and UDP over IPv4, a non-blocking connect, IPv6, unix, accept(s, NULL, NULL).
 */
@ExtendWith(LeakCheck.class)
@Timeout(120)
class SocketEndpointsTest {

    private static final Pattern LINE = Pattern.compile("ep (\\S+) fd=(\\d+) local=(\\S+) peer=(\\S+) res=(-?\\d+)");

    private record Seen(String name, int fd, String local, String peer, long res) {
    }

    private static Traced run() throws Exception {
        Path dir = Files.createTempDirectory("pdig-catalogue-ep-");
        LeakCheck.tempDir(dir);
        Traced t = Tracing.program("sock_endpoints", dir.toString()).run(30_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        return t;
    }

    private static Map<String, Seen> seen(Traced t) {
        Map<String, Seen> m = new HashMap<>();
        Matcher x = LINE.matcher(t.output());
        while (x.find()) m.put(x.group(1), new Seen(x.group(1), Integer.parseInt(x.group(2)), x.group(3), x.group(4), Long.parseLong(x.group(5))));
        return m;
    }

    /** The sockaddr bytes of "ADDR:PORT" (IPv4 or IPv6) or of a unix path ("-" for unnamed). */
    private static byte[] sockaddr(String text, boolean unix) throws Exception {
        if (unix) {
            byte[] p = text.equals("-") ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(2 + p.length + (p.length > 0 ? 1 : 0)).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) 1).put(p);
            return b.array();
        }
        int colon = text.lastIndexOf(':');
        byte[] ip = InetAddress.getByName(text.substring(0, colon)).getAddress();
        int port = Integer.parseInt(text.substring(colon + 1));
        ByteBuffer b = ByteBuffer.allocate(ip.length == 4 ? 16 : 28).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (ip.length == 4 ? 2 : 10)).order(ByteOrder.BIG_ENDIAN).putShort((short) port);
        if (ip.length == 16) b.putInt(0); // sin6_flowinfo
        b.put(ip);
        return b.array();
    }

    private static SyscallEvent callOn(List<SyscallEvent> calls, String arg, long fd, Traced t) {
        for (SyscallEvent e : calls) {
            if (arg == null ? e.res() == fd : e.arg(arg) instanceof ArgValue.Num n && n.value() == fd) return e;
        }
        throw new AssertionError("no call with " + (arg == null ? "result" : arg) + " " + fd + "\n" + t.describeEvents());
    }

    private static void assertSockAddr(byte[] expected, ArgValue v, String what) {
        // the kernel's length: sockaddr_in 16, sockaddr_in6 28, unix the family, the path and its NUL
        ArgValue.SockAddr a = assertInstanceOf(ArgValue.SockAddr.class, v, what);
        assertArrayEquals(expected, a.bytes(), what);
    }

    @Test
    void connectAndAcceptCarryTheSidesTheTraceeSees() throws Exception {
        Traced t = run();
        Map<String, Seen> seen = seen(t);
        List<SyscallEvent> connects = t.syscalls("connect");
        for (String c : new String[] {"tcp4-client", "udp4", "tcp4nb-client", "tcp6-client"}) {
            if (c.startsWith("tcp6") && !seen.containsKey(c)) continue; // no IPv6 on this machine
            Seen s = seen.get(c);
            assertTrue(s != null, c + " in " + t.output());
            SyscallEvent e = callOn(connects, "fd", s.fd, t);
            assertEquals(s.res, e.res(), c);
            assertSockAddr(sockaddr(s.local, false), e.arg("local"), c + " local: " + Events.describe(e));
        }
        assertTrue(seen.get("udp4").local.startsWith(seen.get("tcp4nb-client").local.split(":")[0] + ":"));
        for (String[] acc : new String[][] {{"tcp4-accepted", "accept"}, {"tcp4nb-accepted", "accept4"},
                {"tcp6-accepted", "accept"}}) {
            Seen s = seen.get(acc[0]);
            if (s == null && acc[0].startsWith("tcp6")) continue;
            SyscallEvent e = callOn(t.syscalls(acc[1]), null, s.fd, t);
            assertEquals(ArgValue.Null.INSTANCE, e.arg("addr"), acc[0]);
            assertSockAddr(sockaddr(s.local, false), e.arg("local"), acc[0] + " local: " + Events.describe(e));
            assertSockAddr(sockaddr(s.peer, false), e.arg("peer"), acc[0] + " peer: " + Events.describe(e));
        }
        Seen u = seen.get("unix-accepted");
        SyscallEvent ua = callOn(t.syscalls("accept"), null, u.fd, t);
        assertSockAddr(sockaddr(u.local, true), ua.arg("local"), "unix accepted local: " + Events.describe(ua));
        assertSockAddr(sockaddr(u.peer, true), ua.arg("peer"), "unix accepted peer (unnamed): " + Events.describe(ua));
    }

    /**
     * Each connect and accept copies a tracee fd into the tracer (pidfd_getfd) and opens a pidfd:
     * a second run must leave the JVM's open fds where the first left them (a leak of one per
     * call would show as at least nine).
     */
    @Test
    void readingTheSidesLeaksNoDescriptor() throws Exception {
        run().close();
        int after1 = Procs.openFds();
        run().close();
        int after2 = Procs.openFds();
        assertTrue(after2 - after1 < 4, "open fds " + after1 + " after one run, " + after2 + " after two");
    }
}
