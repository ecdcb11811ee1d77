package io.pdig.journal;

import static io.pdig.journal.JournalTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.model.event.SessionEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A writer in a child JVM: followed live by this JVM, and killed with SIGKILL mid-run. */
class MultiProcessTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void journalWrittenByAnotherProcessIsFollowedLive() throws Exception {
        Path dir = tmp.resolve("live");
        int n = 3000;
        try (Journal j = Journal.openExisting(dir);
             JournalReader r = j.reader(ReaderOptions.fromStart().following(true))) {
            // The reader starts first: it must wait for the directory and the queue to appear.
            Process child = ChildJvm.start(ChildWriter.class, dir.toString(), "paced", Integer.toString(n));
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(90_000);
                    r.close();
                } catch (InterruptedException e) {
                    // test finished
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            List<JournalRecord> got = new ArrayList<>();
            JournalRecord rec;
            while ((rec = r.next()) != null) {
                got.add(rec);
                if (rec.event() instanceof SessionEvent.End) break;
            }
            watchdog.interrupt();
            assertEquals(0, child.waitFor(), "child exit");
            assertEquals(range(0, n + 1), seqs(got));
            assertEquals(EventText.of(SampleEvents.findLike(n, SampleEvents.T0)), texts(got.subList(0, n)));
        }
    }

    @Test
    @Timeout(120)
    void writerKilledWithSigkillLosesNothingThatWasWritten() throws Exception {
        Path dir = tmp.resolve("killed");
        Process child = ChildJvm.start(ChildWriter.class, dir.toString(), "forever");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertEquals("started", out.readLine());
        }
        Thread.sleep(400);
        child.destroyForcibly(); // SIGKILL on Linux
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        long last;
        try (Journal j = Journal.open(dir)) {
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            assertTrue(recs.size() >= 500, "records before the kill: " + recs.size());
            last = recs.get(recs.size() - 1).seq();
            assertEquals(range(0, last + 1), seqs(recs), "contiguous");
            // The content is exactly what the child wrote, batch after batch.
            for (int i = 0; i < recs.size(); i += 997) {
                long batchT0 = SampleEvents.T0 + (i / 500) * 1_000_000_000L;
                assertEquals(EventText.of(SampleEvents.findLike(500, batchT0).get(i % 500)), EventText.of(recs.get(i).event()));
            }
            try (JournalWriter w = j.writer()) {
                SampleEvents.findLike(10, SampleEvents.T0).forEach(w::accept);
            }
        }
        try (Journal j = Journal.open(dir)) {
            List<JournalRecord> recs = readAll(j, ReaderOptions.fromStart());
            assertEquals(range(0, last + 11), seqs(recs), "appended after recovery, seq continuing");
            assertEquals(EventText.of(SampleEvents.findLike(10, SampleEvents.T0)), texts(recs.subList(recs.size() - 10, recs.size())));
        }
    }
}
