package io.pdig.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary journals left by a pdig that died are removed by the next one, and only those. */
class AbandonedTemporariesTest {

    @Test
    void directoriesOfEndedProcessesGoOthersStay(@TempDir Path tmp) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long deadPid = ended.pid();
        Path abandoned = Files.createDirectories(tmp.resolve("pdig-journal-" + deadPid + "-123/sub"));
        Files.writeString(abandoned.resolve("20260101F.cq4"), "x");
        Path live = Files.createDirectory(tmp.resolve("pdig-journal-" + ProcessHandle.current().pid() + "-456"));
        Path parent = Files.createDirectory(tmp.resolve("pdig-journal-" + ProcessHandle.current().parent().orElseThrow().pid() + "-789"));
        Path unknownOwner = Files.createDirectory(tmp.resolve("pdig-journal-8812345678901234567"));
        Path other = Files.createDirectory(tmp.resolve("other-" + deadPid + "-1"));

        ChronicleJournal.removeAbandonedTemporaries(tmp);

        assertFalse(Files.exists(abandoned.getParent()), "its process has ended");
        assertTrue(Files.exists(live), "this process's own");
        assertTrue(Files.exists(parent), "a live process's");
        assertTrue(Files.exists(unknownOwner), "no pid in the name: owner unknown, kept");
        assertTrue(Files.exists(other), "not a journal name");
    }
}
