package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fd.uid, fd.containername and fd.containerdirectory end to end: `pdig run` of cat opening
 * /etc/hostname with a kept journal, then `pdig replay` of it: the thread id chained with the fd
 * number, and container.id (host here) chained with the file's name and directory, the same live
 * and replayed.
 */
class FdChainingsRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void chainingsOfAnOpenedFileLiveAndReplayed() throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                - rule: Hostname opened
                  desc: cat opens /etc/hostname
                  condition: evt.type in (open, openat) and fd.name = /etc/hostname
                  output: "uid=%fd.uid tid=%thread.tid num=%fd.num cname=%fd.containername cdir=%fd.containerdirectory cid=%container.id"
                  priority: NOTICE
                """);
        Path journal = tmp.resolve("j");
        Path live = tmp.resolve("live.jsonl");
        Pdig.Result r = Pdig.run(tmp, "run", "--journal", journal.toString(), "-r", rules.toString(), "-o", "json",
                "--alerts", live.toString(), "--", "cat", "/etc/hostname");
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> replayed = Pdig.replayAlerts(tmp, journal, rules);
        List<String> lines = Files.readAllLines(live);
        assertEquals(1, lines.size(), r.transcript() + lines);
        assertEquals(lines, replayed, "the replay gives the live alert");

        JsonNode f = JSON.readTree(lines.get(0)).get("output_fields");
        assertEquals("host", f.get("container.id").asText(), f.toString());
        assertEquals(f.get("thread.tid").asText() + f.get("fd.num").asText(), f.get("fd.uid").asText());
        assertEquals("host:/etc/hostname", f.get("fd.containername").asText());
        assertEquals("host:/etc", f.get("fd.containerdirectory").asText());
    }
}
