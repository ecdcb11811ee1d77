package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evt.reltime and evt.deltatime end to end: two `pdig run`s appended to one journal, each opening
 * files with a 200 ms sleep in between, and `pdig replay` of the journal. Each alert's reltime is
 * its time minus its session's start record (from `pdig dump --json`), deltatime the time since
 * the previous alert of the same output in the same session (0 for each session's first), and the
 * replay of both sessions gives exactly the alerts live detection gave run by run.
 */
class CaptureTimesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void reltimeAndDeltatimeComeFromTheJournalAndReplayAgrees() throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                - rule: Host files opened
                  desc: each open of /etc/hostname or /etc/hosts
                  condition: evt.type in (open, openat) and fd.name in (/etc/hostname, /etc/hosts)
                  output: "file=%fd.name rel=%evt.reltime rel_s=%evt.reltime.s delta=%evt.deltatime raw=%evt.rawtime"
                  priority: NOTICE
                """);
        Path journal = tmp.resolve("j");
        Path live = tmp.resolve("live.jsonl");
        for (int run = 0; run < 2; run++) {
            Pdig.Result r = Pdig.run(tmp, "run", "--journal", journal.toString(), "-r", rules.toString(), "-o", "json",
                    "--alerts", live.toString(), "--", "sh", "-c",
                    "cat /etc/hostname /etc/hosts >/dev/null; sleep 0.2; cat /etc/hostname >/dev/null");
            assertEquals(0, r.exitCode(), r.transcript());
        }
        List<String> replayed = Pdig.replayAlerts(tmp, journal, rules);
        List<String> liveLines = Files.readAllLines(live);
        assertEquals(liveLines, replayed, "the replay of both sessions gives the live alerts");
        assertEquals(6, liveLines.size(), String.join("\n", liveLines));

        Pdig.Result dump = Pdig.run(tmp, "dump", "--json", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        List<Long> starts = new ArrayList<>();
        for (String l : dump.stdout().lines().toList()) {
            JsonNode e = JSON.readTree(l);
            if (e.get("evt").asText().equals("session_start")) starts.add(e.get("ts").asLong());
        }
        assertEquals(2, starts.size(), dump.stdout());

        for (int session = 0; session < 2; session++) {
            long previous = 0;
            for (int i = 0; i < 3; i++) {
                JsonNode f = JSON.readTree(liveLines.get(session * 3 + i)).get("output_fields");
                long raw = f.get("evt.rawtime").asLong();
                long rel = f.get("evt.reltime").asLong();
                assertEquals(raw - starts.get(session), rel, "since the session's start record: " + f);
                assertTrue(rel > 0 && rel < 60_000_000_000L, f.toString());
                assertEquals(rel / 1_000_000_000L, f.get("evt.reltime.s").asLong());
                assertEquals(i == 0 ? 0 : raw - previous, f.get("evt.deltatime").asLong(), "since the previous alert: " + f);
                previous = raw;
            }
            JsonNode afterSleep = JSON.readTree(liveLines.get(session * 3 + 2)).get("output_fields");
            assertTrue(afterSleep.get("evt.deltatime").asLong() >= 200_000_000L, afterSleep.toString());
        }
    }
}
