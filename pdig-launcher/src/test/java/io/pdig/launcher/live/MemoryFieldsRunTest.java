package io.pdig.launcher.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdig.launcher.testsupport.PdigRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * proc.vmsize, proc.vmrss, proc.vmswap, thread.vmsize and thread.vmrss end to end: `pdig run` of
 * test-programs/threads (its threads each open a file) with a kept journal, and `pdig replay`:
 * the execve's alert shows the memory the journal's exec record holds (`pdig dump --json`), the
 * threads' alerts no proc.vm* and 0 for thread.vm*, the same live and replayed.
 */
class MemoryFieldsRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTPUT = "size=%proc.vmsize rss=%proc.vmrss swap=%proc.vmswap tsize=%thread.vmsize "
            + "trss=%thread.vmrss tid=%thread.tid";

    @TempDir
    Path tmp;

    @Test
    void theExecsMemoryOnTheMainThreadAndZeroOnTheOthers() throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, "- rule: Threads program started\n  desc: its execve\n"
                + "  condition: evt.type = execve and proc.name = threads\n"
                + "  output: \"exec " + OUTPUT + "\"\n  priority: NOTICE\n"
                + "- rule: Thread opened\n  desc: a thread's open of t.N\n"
                + "  condition: evt.type in (open, openat) and proc.name = threads and fd.name contains /t.\n"
                + "  output: \"open " + OUTPUT + "\"\n  priority: NOTICE\n");
        Path journal = tmp.resolve("j");
        Path live = tmp.resolve("live.jsonl");
        Pdig.Result r = Pdig.run(tmp, "run", "--journal", journal.toString(), "-r", rules.toString(), "-o", "json",
                "--alerts", live.toString(), "--", PdigRun.testProgram("threads").toString(), "3");
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> replayed = Pdig.replayAlerts(tmp, journal, rules);
        List<String> lines = Files.readAllLines(live);
        assertEquals(lines, replayed, "the replay gives the live alerts");
        assertEquals(4, lines.size(), r.transcript() + lines);

        Pdig.Result dump = Pdig.run(tmp, "dump", "--json", journal.toString());
        assertEquals(0, dump.exitCode(), dump.transcript());
        JsonNode memory = null;
        for (String l : dump.stdout().lines().toList()) {
            JsonNode e = JSON.readTree(l);
            if (e.get("evt").asText().equals("exec") && e.get("exe").asText().endsWith("/threads")) memory = e.get("memory");
        }
        assertTrue(memory != null && memory.get("vm_size_kb").asLong() > 0, dump.stdout());

        JsonNode exec = JSON.readTree(lines.get(0));
        assertTrue(exec.get("output").asText().contains(": Notice exec size="), exec.toString());
        JsonNode f = exec.get("output_fields");
        assertEquals(memory.get("vm_size_kb").asLong(), f.get("proc.vmsize").asLong(), f.toString());
        assertEquals(memory.get("vm_rss_kb").asLong(), f.get("proc.vmrss").asLong());
        assertEquals(memory.get("vm_swap_kb").asLong(), f.get("proc.vmswap").asLong());
        assertEquals(f.get("proc.vmsize"), f.get("thread.vmsize"), "the main thread");
        assertEquals(f.get("proc.vmrss"), f.get("thread.vmrss"));
        for (String l : lines.subList(1, 4)) {
            JsonNode t = JSON.readTree(l).get("output_fields");
            assertTrue(t.get("proc.vmsize").isNull() && t.get("proc.vmrss").isNull() && t.get("proc.vmswap").isNull(),
                    "threads created after the exec: " + t);
            assertEquals(0, t.get("thread.vmsize").asLong(), t.toString());
            assertEquals(0, t.get("thread.vmrss").asLong(), t.toString());
        }
    }
}
