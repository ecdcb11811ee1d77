package io.pdig.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pdig.launcher.testsupport.PdigRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Falco's view of a connection's two sides, under real {@code ./pdig run}: sock_endpoints connects
 * over TCP (to 127.0.0.1 and, non-blocking, to the machine's own address), UDP-connects to
 * 198.51.100.7 (nothing is sent), connects over IPv6 and unix sockets, and accepts each with
 * accept(s, NULL, NULL); it prints what getsockname/getpeername told it. A rule printing the fd.*
 * fields must show exactly those addresses and ports; the replay of the journal the same; the
 * --print lines keep strace's form (no local address).
 */
class SocketEndpointsE2ETest {

    private static final Pattern SEEN = Pattern.compile("ep (\\S+) fd=(\\d+) local=(\\S+) peer=(\\S+) res=(-?\\d+)");

    @TempDir
    Path tmp;

    private record Seen(int fd, String local, String peer) {
        String ip(String side) {
            return side.substring(0, side.lastIndexOf(':'));
        }

        String port(String side) {
            return side.substring(side.lastIndexOf(':') + 1);
        }
    }

    private Path rules() throws Exception {
        Path f = tmp.resolve("endpoints.yaml");
        Files.writeString(f, """
                - rule: Socket endpoints
                  desc: every connect and accept, with the sides Falco shows
                  condition: evt.type in (connect, accept, accept4) and fd.type in (ipv4, ipv6, unix)
                  output: "ep %evt.type %fd.num %fd.name %fd.lport %fd.rport %fd.cip %fd.sip"
                  priority: WARNING
                  tags: [test]
                """);
        return f;
    }

    private static Map<Integer, JsonNode> byFd(List<JsonNode> alerts) {
        Map<Integer, JsonNode> m = new HashMap<>();
        for (JsonNode a : alerts) m.put(Integer.parseInt(PdigRun.field(a, "fd.num")), a);
        return m;
    }

    /** Asserts one alert's fields; {@code client}: the program's own side is the client side. */
    private static void assertSides(String what, JsonNode a, Seen s, boolean client, String transcript) {
        assertNotNull(a, what + " has no alert\n" + transcript);
        String c = client ? s.local : s.peer;
        String srv = client ? s.peer : s.local;
        assertEquals(c + "->" + srv, PdigRun.field(a, "fd.name"), what + "\n" + transcript);
        assertEquals(s.port(s.local), PdigRun.field(a, "fd.lport"), what);
        assertEquals(s.port(s.peer), PdigRun.field(a, "fd.rport"), what);
        assertEquals(s.ip(c), PdigRun.field(a, "fd.cip"), what);
        assertEquals(s.ip(srv), PdigRun.field(a, "fd.sip"), what);
    }

    @Test
    void connectAndAcceptShowBothSidesLiveAndInReplay() throws Exception {
        Path journal = tmp.resolve("journal");
        Path print = tmp.resolve("print.txt");
        Path rules = rules();
        PdigRun r = PdigRun.run(tmp, List.of("-r", rules.toString(), "--journal", journal.toString(), "--print", print.toString()),
                List.of(PdigRun.testProgram("sock_endpoints").toString(), tmp.toString()));
        assertEquals(0, r.exitCode, r.transcript);
        Map<String, Seen> seen = new HashMap<>();
        Matcher m = SEEN.matcher(r.transcript);
        while (m.find()) seen.put(m.group(1), new Seen(Integer.parseInt(m.group(2)), m.group(3), m.group(4)));
        assertTrue(seen.containsKey("udp4") && seen.containsKey("unix-accepted"), r.transcript);

        List<List<JsonNode>> runs = List.of(r.alerts, replay(journal, rules));
        for (List<JsonNode> alerts : runs) {
            Map<Integer, JsonNode> fd = byFd(alerts);
            for (String c : new String[] {"tcp4-client", "udp4", "tcp4nb-client", "tcp6-client"}) {
                if (seen.containsKey(c)) assertSides(c, fd.get(seen.get(c).fd), seen.get(c), true, r.transcript);
            }
            for (String c : new String[] {"tcp4-accepted", "tcp4nb-accepted", "tcp6-accepted"}) {
                if (seen.containsKey(c)) assertSides(c, fd.get(seen.get(c).fd), seen.get(c), false, r.transcript);
            }
            String sock = tmp.resolve("ep.sock").toString();
            assertEquals(sock, PdigRun.field(fd.get(seen.get("unix-client").fd), "fd.name"));
            assertEquals(sock, PdigRun.field(fd.get(seen.get("unix-accepted").fd), "fd.name"), "accept(s, NULL, NULL) of a unix socket");
        }

        // strace's form: connect shows its three arguments, accept its NULLs; nothing of the local side.
        String printed = Files.readString(print, StandardCharsets.UTF_8);
        Seen u = seen.get("udp4");
        assertTrue(printed.contains(" connect(" + u.fd + ", {sa_family=AF_INET, sin_port=htons(9999), sin_addr=inet_addr(\"198.51.100.7\")}, 16) = 0\n"),
                printed);
        assertTrue(printed.contains(" accept(") && printed.contains(", NULL, NULL) = " + seen.get("tcp4-accepted").fd + "\n"), printed);
    }

    private List<JsonNode> replay(Path journal, Path rules) throws Exception {
        PdigRun r = PdigRun.replay(tmp, journal, rules);
        assertEquals(0, r.exitCode, r.transcript);
        return r.alerts;
    }
}
