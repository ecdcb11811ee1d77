package io.pdig.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdig.launcher.testsupport.PdigRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sendmmsg and recvmmsg as the rules see them, under real {@code ./pdig run} of
 * test-programs/mmsg_calls and in the replay of its journal: evt.buffer is the data of the
 * messages each call moved, one after another, evt.buflen their msg_len added up (the first 32
 * messages: the 33rd is not read), and the socket learns its peer from the messages' msg_name as
 * from sendmsg's (fd.name names the ports the program printed). Falco makes one event per message
 * instead; these fields are their sum.
 */
class MessageVectorsE2ETest {

    private static final Pattern PORTS = Pattern.compile("ports (\\d+) (\\d+)");

    @TempDir
    Path tmp;

    private Path rules() throws Exception {
        Path f = tmp.resolve("vectors.yaml");
        Files.writeString(f, """
                - rule: Message vectors
                  desc: every sendmmsg and recvmmsg that moved messages
                  condition: evt.type in (sendmmsg, recvmmsg) and evt.rawres > 0
                  output: "mv %evt.type %fd.num %fd.name %evt.buflen %evt.buffer"
                  priority: WARNING
                  tags: [test]
                """);
        return f;
    }

    /** One alert's type, fd, buflen and buffer, as the test lists them. */
    private static String summary(JsonNode a) {
        return PdigRun.field(a, "evt.type") + " " + PdigRun.field(a, "fd.num") + " " + PdigRun.field(a, "evt.buflen") + " "
                + PdigRun.field(a, "evt.buffer");
    }

    @Test
    void buffersAndPeersOfMessageVectorsLiveAndInReplay() throws Exception {
        Path journal = tmp.resolve("journal");
        Path rules = rules();
        PdigRun r = PdigRun.run(tmp, List.of("-r", rules.toString(), "--journal", journal.toString()),
                List.of(PdigRun.testProgram("mmsg_calls").toString()));
        assertEquals(0, r.exitCode, r.transcript);
        Matcher m = PORTS.matcher(r.transcript);
        assertTrue(m.find(), r.transcript);
        String receiver = "127.0.0.1:" + m.group(1), sender = "127.0.0.1:" + m.group(2);

        String ms = "m".repeat(32);
        List<String> expected = List.of(
                "sendmmsg 4 12 hello udpxyz",
                "recvmmsg 3 12 hello udpxyz",
                "sendmmsg 4 6 abbccc",
                "recvmmsg 3 1 a",
                "recvmmsg 3 5 bbccc",
                "sendmmsg 4 3 xyz",
                "sendmmsg 4 3 xyz",
                "recvmmsg 3 6 xyzxyz",
                "sendmmsg 4 32 " + ms,
                "recvmmsg 3 32 " + ms,
                "sendmmsg 6 12 xyzhello udp",
                "recvmmsg 5 12 xyzhello udp");
        for (List<JsonNode> alerts : List.of(r.alerts, replay(journal, rules))) {
            assertEquals(expected, alerts.stream().map(MessageVectorsE2ETest::summary).toList(), r.transcript);
            // the peers come from the msg_names: the sendmmsg's the receiver, the first recvmmsg's (on
            // a bound and unconnected socket: the server side) the sender. The receiver's own port
            // is not known: it bound port 0, and getsockname is not traced for these rules.
            assertTrue(PdigRun.field(alerts.get(0), "fd.name").endsWith("->" + receiver), r.transcript);
            assertTrue(PdigRun.field(alerts.get(1), "fd.name").startsWith(sender + "->127.0.0.1:"), r.transcript);
        }
    }

    private List<JsonNode> replay(Path journal, Path rules) throws Exception {
        Path alerts = tmp.resolve("replay-alerts.jsonl");
        Path out = tmp.resolve("replay.out");
        Process p = new ProcessBuilder(PdigRun.pdigScript().toString(), "replay", journal.toString(), "-r", rules.toString(),
                "-o", "json", "--alerts", alerts.toString())
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "replay did not finish");
        assertEquals(0, p.exitValue(), Files.readString(out));
        List<JsonNode> r = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(alerts)) if (!line.isBlank()) r.add(json.readTree(line));
        return r;
    }
}
