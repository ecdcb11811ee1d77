package io.pdig.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pdig.launcher.testsupport.PdigRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fd.sip.name under real {@code ./pdig run}: tcp_recv connects to a socket this test listens on at
 * 127.0.0.1. A rule comparing fd.sip.name with "localhost" (which /etc/hosts resolves, offline)
 * fires and its output shows the name, live and in a replay of the journal; the same rule with a
 * name that cannot resolve ("nosuchhost.invalid", RFC 6761) stays silent and the command still
 * runs to its end normally. (That a lookup which never answers holds up no event and no close is
 * shown deterministically with a substituted resolver: analyzer DomainNameRulesTest.)
 */
class DomainNameRulesE2ETest {

    private static final String RULE = "Connect to a named host";

    @TempDir
    Path tmp;

    private Path rules(String host) throws IOException {
        Path f = tmp.resolve("named-" + host + ".yaml");
        Files.writeString(f, """
                - rule: %s
                  desc: a connect to an address the name resolves to
                  condition: evt.type = connect and fd.sip.name = %s
                  output: "named connect to %%fd.sip:%%fd.sport name=%%fd.sip.name"
                  priority: WARNING
                  tags: [test]
                """.formatted(RULE, host));
        return f;
    }

    /** tcp_recv under pdig, connecting to a server of this test that accepts and closes. */
    private PdigRun connectUnderPdig(Path rules, Path journal) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try (Socket c = server.accept()) {
                    // closing at once ends tcp_recv's receive loop
                } catch (IOException e) {
                    // no connection: the assertions on the run report it
                }
            });
            acceptor.start();
            PdigRun r = PdigRun.run(tmp, List.of("-r", rules.toString(), "--journal", journal.toString()),
                    List.of(PdigRun.testProgram("tcp_recv").toString(), Integer.toString(server.getLocalPort())));
            acceptor.join(10_000);
            assertEquals(0, r.exitCode, "tcp_recv connected and ended normally\n" + r.transcript);
            return r;
        }
    }

    @Test
    void aRuleNamingLocalhostFiresOnAConnectTo127001LiveAndInReplay() throws Exception {
        Path rules = rules("localhost");
        Path journal = tmp.resolve("journal");
        PdigRun r = connectUnderPdig(rules, journal);
        List<JsonNode> live = r.alertsOf(RULE);
        assertEquals(1, live.size(), r.transcript);
        for (List<JsonNode> alerts : List.of(live, replay(journal, rules))) {
            assertEquals(1, alerts.size(), r.transcript);
            JsonNode a = alerts.get(0);
            assertEquals("localhost", PdigRun.field(a, "fd.sip.name"), a.toString());
            assertEquals("127.0.0.1", PdigRun.field(a, "fd.sip"), a.toString());
            assertTrue(a.get("output").asText().contains("named connect to 127.0.0.1:" + PdigRun.field(a, "fd.sport")
                    + " name=localhost"), a.toString());
        }
    }

    @Test
    void aNameThatDoesNotResolveNeverFires() throws Exception {
        Path rules = rules("nosuchhost.invalid");
        Path journal = tmp.resolve("journal");
        PdigRun r = connectUnderPdig(rules, journal);
        assertEquals(List.of(), r.alerts, r.transcript);
        // pdig says nothing (./pdig's own "building" notice aside).
        assertEquals(List.of(), r.transcript.lines().filter(l -> l.startsWith("pdig:") && !l.startsWith("pdig: building")).toList(),
                r.transcript);
        assertEquals(List.of(), replay(journal, rules));
    }

    private List<JsonNode> replay(Path journal, Path rules) throws Exception {
        PdigRun r = PdigRun.replay(tmp, journal, rules);
        assertEquals(0, r.exitCode, r.transcript);
        return r.alerts;
    }
}
