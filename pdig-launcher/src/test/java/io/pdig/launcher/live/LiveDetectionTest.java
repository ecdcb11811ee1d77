package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live detection end to end: real tracing, real journal, real rules, real outputs. */
class LiveDetectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void alertsFireLiveAndTheAppsExitStatusIsKept() throws Exception {
        Path rules = Pdig.shadowRule(tmp);
        Path alerts = tmp.resolve("alerts.jsonl");
        Pdig.Result r = Pdig.run(tmp, "run", "-r", rules.toString(), "-o", "json", "--alerts", alerts.toString(), "--",
                "/bin/sh", "-c", "cat /etc/shadow > /dev/null; exit 7");
        assertEquals(7, r.exitCode(), r.transcript());
        assertEquals("", r.stdout(), "pdig must not write to stdout");
        List<JsonNode> lines = readAlerts(alerts);
        assertEquals(1, lines.size(), r.transcript() + lines);
        JsonNode a = lines.get(0);
        assertEquals("Test shadow opened", a.get("rule").asText());
        assertEquals("Warning", a.get("priority").asText());
        assertEquals("syscall", a.get("source").asText());
        assertEquals("/etc/shadow", a.get("output_fields").get("fd.name").asText());
        assertEquals("cat", a.get("output_fields").get("proc.name").asText());
        assertTrue(a.get("output_fields").get("proc.pid").isNumber(), a.toString());
        assertTrue(a.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z"), a.toString());
    }

    @Test
    void textAlertsGoToStderrByDefault() throws Exception {
        Path rules = Pdig.shadowRule(tmp);
        Pdig.Result r = Pdig.run(tmp, "run", "-r", rules.toString(), "--", "cat", "/etc/shadow");
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.stderr().lines().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{9}: Warning shadow opened \\(proc=cat .*file=/etc/shadow.*")),
                r.transcript());
        assertFalse(r.stdout().contains("shadow opened"), r.transcript());
    }

    @Test
    void replayOfTheJournalGivesExactlyTheLiveAlerts() throws Exception {
        Path rules = Pdig.shadowRule(tmp);
        Path journal = tmp.resolve("journal");
        Path live = tmp.resolve("live.jsonl");
        Path replay = tmp.resolve("replay.jsonl");
        Pdig.Result r = Pdig.run(tmp, "run", "--journal", journal.toString(), "-r", rules.toString(), "-o", "json",
                "--alerts", live.toString(), "--", "/bin/sh", "-c", "cat /etc/shadow >/dev/null; head -c1 /etc/shadow >/dev/null");
        assertEquals(0, r.exitCode(), r.transcript());
        Pdig.Result rp = Pdig.run(tmp, "replay", journal.toString(), "-r", rules.toString(), "-o", "json", "--alerts",
                replay.toString(), "--stats");
        assertEquals(0, rp.exitCode(), rp.transcript());
        List<String> replayErr = rp.stderr().lines().toList();
        assertTrue(replayErr.get(replayErr.size() - 1).matches("replay: \\d+ events, 2 alerts, [0-9.]+ s, \\d+ events/s"),
                "--stats must end with the fixed-format line: " + rp.transcript());
        List<String> liveLines = Files.readAllLines(live);
        assertEquals(2, liveLines.size(), r.transcript());
        assertEquals(liveLines, Files.readAllLines(replay));
    }

    @Test
    void webhookReceivesEachAlertAsFalcoJson() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> types = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            types.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            Path rules = Pdig.shadowRule(tmp);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Pdig.Result r = Pdig.run(tmp, "run", "-r", rules.toString(), "--webhook", url, "--alerts",
                    tmp.resolve("a.txt").toString(), "--", "cat", "/etc/shadow");
            assertEquals(0, r.exitCode(), r.transcript());
            assertEquals(1, bodies.size(), r.transcript());
            assertEquals("POST application/json", types.get(0));
            JsonNode a = JSON.readTree(bodies.get(0));
            assertEquals("Test shadow opened", a.get("rule").asText());
            assertTrue(a.has("output_fields") && a.has("hostname") && a.has("tags") && a.has("time"), a.toString());
            // The text output was active at the same time.
            assertTrue(Files.readString(tmp.resolve("a.txt")).contains("Warning shadow opened"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void deadWebhookNeverStopsTheTrace() throws Exception {
        Path rules = Pdig.shadowRule(tmp);
        // Port 9 on loopback: nothing listens, connections are refused.
        Pdig.Result r = Pdig.run(tmp, "run", "-r", rules.toString(), "--webhook", "http://127.0.0.1:9/", "--", "/bin/sh",
                "-c", "cat /etc/shadow >/dev/null; exit 3");
        assertEquals(3, r.exitCode(), r.transcript());
    }

    @Test
    void sidecarFollowsAJournalAcrossWriterRestarts() throws Exception {
        Path rules = Pdig.shadowRule(tmp);
        Path journal = tmp.resolve("shared-volume/journal");
        Path alerts = tmp.resolve("sidecar.jsonl");
        Path sideErr = tmp.resolve("sidecar.err");
        Process sidecar = Pdig.start(tmp, sideErr, "analyze", "--follow", journal.toString(), "-r", rules.toString(), "-o",
                "json", "--alerts", alerts.toString());
        try {
            Pdig.Result w1 = Pdig.run(tmp, "run", "--journal", journal.toString(), "--no-rules", "--", "cat", "/etc/shadow");
            assertEquals(0, w1.exitCode(), w1.transcript());
            waitForAlerts(alerts, 1, sideErr);
            Pdig.Result w2 = Pdig.run(tmp, "run", "--journal", journal.toString(), "--no-rules", "--", "cat", "/etc/shadow");
            assertEquals(0, w2.exitCode(), w2.transcript());
            waitForAlerts(alerts, 2, sideErr);
            assertTrue(sidecar.isAlive(), "the sidecar must keep following");
        } finally {
            sidecar.destroy(); // SIGTERM
            assertTrue(sidecar.waitFor(30, TimeUnit.SECONDS), "sidecar did not stop on SIGTERM");
        }
        assertEquals(0, sidecar.exitValue(), Files.readString(sideErr));
        List<JsonNode> got = readAlerts(alerts);
        assertEquals(2, got.size());
        for (JsonNode a : got) assertEquals("Test shadow opened", a.get("rule").asText());
    }

    @Test
    void badRuleFileIsAOneLineErrorBeforeAnythingRuns() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "- rule: broken\n  desc: d\n  condition: (evt.type = open\n  output: o\n  priority: WARNING\n");
        Path marker = tmp.resolve("ran");
        Pdig.Result r = Pdig.run(tmp, "run", "-r", bad.toString(), "--", "touch", marker.toString());
        assertEquals(1, r.exitCode(), r.transcript());
        assertFalse(Files.exists(marker), "the command must not run when the rules do not load");
        assertTrue(r.stderr().contains("bad.yaml:3:"), r.transcript());
        assertFalse(r.stderr().contains("\tat "), "no stack trace without --debug\n" + r.transcript());
    }

    private static void waitForAlerts(Path file, int n, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && readAlerts(file).size() >= n) return;
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + n + " alerts in " + file + "; sidecar stderr:\n"
                + (Files.exists(err) ? Files.readString(err) : ""));
    }

    private static List<JsonNode> readAlerts(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        for (String l : Files.readAllLines(file)) {
            if (!l.isBlank()) out.add(JSON.readTree(l));
        }
        return out;
    }
}
