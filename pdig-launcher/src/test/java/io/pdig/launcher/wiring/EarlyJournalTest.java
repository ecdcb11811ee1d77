package io.pdig.launcher.wiring;

import static org.junit.jupiter.api.Assertions.*;

import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalReader;
import io.pdig.journal.JournalRecord;
import io.pdig.journal.ReaderOptions;
import io.pdig.launcher.testsupport.PdigRun;
import io.pdig.model.event.NoticeEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary journal opened before parsing: handed over when it fits, deleted when it does not. */
class EarlyJournalTest {

    @TempDir
    Path tmp;

    @Test
    void aJournalWithTheWantedSettingsIsHandedOverWithAWorkingWriter() {
        EarlyJournal.start();
        EarlyJournal.Opened o = EarlyJournal.take(JournalConfig.defaults());
        assertNotNull(o);
        assertNull(EarlyJournal.take(JournalConfig.defaults()), "handed over once");
        Path dir = o.journal().dir();
        try {
            o.writer().accept(new NoticeEvent(1, 1, 1, NoticeEvent.Kind.INFO, 1, "early"));
            o.writer().flush();
            try (JournalReader r = o.journal().reader(ReaderOptions.fromStart())) {
                JournalRecord rec = r.next();
                assertEquals(0, rec.seq());
                assertEquals("early", ((NoticeEvent) rec.event()).message());
            }
        } finally {
            o.writer().close();
            o.journal().close();
        }
        assertFalse(Files.exists(dir), "a temporary journal is deleted when closed");
    }

    /** This JVM's temporary journals (named for its pid: other pdig runs on the machine have theirs). */
    private static long temporaryJournals() throws Exception {
        String mine = "pdig-journal-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith(mine)).count();
        }
    }

    @Test
    void otherSettingsDiscardItAndDeleteItsDirectory() throws Exception {
        long before = temporaryJournals();
        EarlyJournal.start();
        EarlyJournal.awaitStarter();
        assertEquals(before + 1, temporaryJournals());
        assertNull(EarlyJournal.take(JournalConfig.defaults().withOverflow(JournalConfig.Overflow.DROP)));
        assertNull(EarlyJournal.take(JournalConfig.defaults()), "discarded, not kept for later");
        assertEquals(before, temporaryJournals());
    }

    @Test
    void discardDeletesWhatNobodyTook() throws Exception {
        long before = temporaryJournals();
        EarlyJournal.start();
        EarlyJournal.discard();
        assertNull(EarlyJournal.take(JournalConfig.defaults()));
        assertEquals(before, temporaryJournals());
    }

    /** Runs ./pdig with its temporary files in {@code tmp}; returns the exit code. */
    private int pdig(String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(PdigRun.pdigScript().toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(new File("/dev/null"));
        pb.environment().put("PDIG_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdig " + argv);
        return p.exitValue();
    }

    private List<String> journalsLeft() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pdig-journal-")).toList();
        }
    }

    @Test
    void noTemporaryJournalOutlivesARunOrAUsageError() throws Exception {
        assertEquals(0, pdig("run", "--", "/bin/true"));
        assertEquals(3, pdig("run", "--", "/bin/sh", "-c", "exit 3"));
        assertEquals(2, pdig("run", "--no-such-option", "--", "/bin/true"));
        assertEquals(0, pdig("run", "--journal", tmp.resolve("kept").toString(), "--", "/bin/true"));
        assertEquals(List.of(), journalsLeft());
        assertTrue(Files.exists(tmp.resolve("kept")));
    }
}
