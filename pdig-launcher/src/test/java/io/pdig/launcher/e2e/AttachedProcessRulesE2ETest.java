package io.pdig.launcher.e2e;

import static io.pdig.launcher.testsupport.PdigRun.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdig.launcher.testsupport.PdigRun;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules on the very process `pdig attach` attached to see it as it is: its name, command line and
 * executable, and the fds it had before the attach. They used to print proc.name=<NA> for every
 * event of the attached process (only its children, whose exec pdig saw, had names): the Spawn
 * announcing the attached process replaced the entry that the session start and the stand-in exec
 * had filled.
 */
class AttachedProcessRulesE2ETest {

    private static final String RULES = """
            - rule: attached app reads hostname
              desc: the attached process itself opens a file
              condition: evt.type in (open, openat) and fd.name = /etc/hostname and proc.name = attached-app
              output: "opened %fd.name by %proc.name (%proc.cmdline, %proc.exepath)"
              priority: WARNING
            - rule: attached app writes to its log
              desc: a write through an fd the process opened before pdig attached (bash dup2s it to 1)
              condition: evt.type = write and proc.name = attached-app and fd.name endswith /app.log
              output: "wrote to %fd.name"
              priority: WARNING
            """;

    @TempDir
    Path work;

    @Test
    void rulesSeeTheAttachedProcessItself() throws Exception {
        assumeTrue(Files.isExecutable(PdigRun.pdigScript()), "the launcher script is needed");
        Path app = work.resolve("attached-app");
        Files.copy(Path.of("/bin/bash"), app);
        app.toFile().setExecutable(true);
        Path log = work.resolve("app.log");
        Path rules = Files.writeString(work.resolve("rules.yaml"), RULES);
        Path alerts = work.resolve("alerts.jsonl");
        // fd 7 is opened before pdig attaches; the attached shell itself opens and writes after a
        // pause long enough for pdig's start and attach.
        Process target = new ProcessBuilder(app.toString(), "-c",
                "exec 7>>\"$0\"; sleep 3; read -r h < /etc/hostname; echo \"$h\" >&7", log.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(work.resolve("target.out").toFile()).redirectErrorStream(true).start();
        Path out = work.resolve("pdig.out");
        Process pdig = new ProcessBuilder(PdigRun.pdigScript().toString(), "attach", "-p", Long.toString(target.pid()),
                "-r", rules.toString(), "-o", "json", "--alerts", alerts.toString())
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        try {
            assertTrue(target.waitFor(30, TimeUnit.SECONDS), "the target did not end");
            assertTrue(pdig.waitFor(30, TimeUnit.SECONDS), "pdig attach did not end with its target");
        } finally {
            target.destroyForcibly();
            pdig.destroyForcibly();
        }
        String transcript = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, target.exitValue(), Files.readString(work.resolve("target.out")));
        assertFalse(Files.readString(log).isEmpty(), "the target wrote its log line");
        List<JsonNode> got = new ArrayList<>();
        if (Files.exists(alerts)) {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(alerts)) {
                if (!line.isBlank()) got.add(json.readTree(line));
            }
        }
        JsonNode open = got.stream().filter(a -> a.get("rule").asText().equals("attached app reads hostname"))
                .findFirst().orElseThrow(() -> new AssertionError("no alert on the attached process's open: " + got
                        + "\n" + transcript));
        assertEquals("attached-app", field(open, "proc.name"));
        assertTrue(String.valueOf(field(open, "proc.cmdline")).startsWith("attached-app -c exec 7>>"),
                field(open, "proc.cmdline"));
        assertEquals(app.toString(), field(open, "proc.exepath"));
        JsonNode write = got.stream().filter(a -> a.get("rule").asText().equals("attached app writes to its log"))
                .findFirst().orElseThrow(() -> new AssertionError("no alert on the write to the log: " + got + "\n" + transcript));
        assertEquals(log.toString(), field(write, "fd.name"), "the fd opened before the attach is known by its path");
    }
}
