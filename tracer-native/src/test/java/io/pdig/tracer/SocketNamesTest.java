package io.pdig.tracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * pdig_sock_names against this JVM's own sockets (a process may pidfd_getfd its own fds): the
 * addresses it returns, "unknown" for every failure (no such fd, no socket, no peer, a process
 * gone), and not one descriptor left behind on any of those paths.
 */
class SocketNamesTest {

    private static final int SELF = (int) ProcessHandle.current().pid();

    private static List<Integer> fds(String linkPrefix) throws IOException {
        List<Integer> r = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                try {
                    if (Files.readSymbolicLink(p).toString().startsWith(linkPrefix)) r.add(Integer.parseInt(p.getFileName().toString()));
                } catch (IOException e) {
                    // the fd of the listing itself, closed by now
                }
            }
        }
        return r;
    }

    private static int openFds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        }
    }

    private static int port(byte[] sockaddr) {
        return (sockaddr[2] & 0xff) << 8 | (sockaddr[3] & 0xff);
    }

    @Test
    void readsBothSidesAndAnswersUnknownOtherwiseWithoutLeaking() throws Exception {
        SocketNames names = new SocketNames(NativeLibrary.lib());
        int tid = NativeLibrary.lib().pdig_gettid();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        int deadPid = (int) gone.pid();
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            try (Socket accepted = server.accept()) {
                Set<Integer> localPorts = new HashSet<>();
                Set<Integer> peerPorts = new HashSet<>();
                int noPeer = 0;
                List<Integer> sockets = fds("socket:");
                for (int fd : sockets) {
                    byte[][] r = names.read(SELF, tid, fd, SocketNames.LOCAL | SocketNames.PEER);
                    if (r[0] != null && r[0].length >= 4) localPorts.add(port(r[0]));
                    if (r[1] != null && r[1].length >= 4) peerPorts.add(port(r[1]));
                    else noPeer++;
                }
                assertTrue(localPorts.contains(server.getLocalPort()), "the listener's port among " + localPorts);
                assertTrue(localPorts.contains(client.getLocalPort()), "the client's own port among " + localPorts);
                assertTrue(peerPorts.contains(server.getLocalPort()) && peerPorts.contains(client.getLocalPort()),
                        "both peers among " + peerPorts);
                assertTrue(noPeer >= 1, "the listener has no peer (ENOTCONN): unknown, not an error");

                int file = fds("/").stream().filter(fd -> fd > 2).findFirst().orElseThrow();
                int sock = sockets.get(0);
                int before = openFds();
                for (int i = 0; i < 300; i++) {
                    byte[][] notSocket = names.read(SELF, tid, file, SocketNames.LOCAL | SocketNames.PEER);
                    assertNull(notSocket[0], "ENOTSOCK is unknown");
                    assertNull(names.read(SELF, tid, 1_000_000, SocketNames.LOCAL)[0], "no such fd");
                    assertNull(names.read(deadPid, deadPid, sock, SocketNames.LOCAL)[0], "a process gone");
                    assertNull(names.read(SELF, tid, -1, SocketNames.LOCAL)[0], "a negative fd");
                    assertNotNull(names.read(SELF, tid, sock, SocketNames.LOCAL)[0]);
                    assertNull(names.read(SELF, tid, sock, SocketNames.LOCAL)[1], "a side not asked for");
                }
                int after = openFds();
                assertEquals(before, after, "1500 reads, every failure path among them, leave no descriptor");
            }
        }
    }
}
