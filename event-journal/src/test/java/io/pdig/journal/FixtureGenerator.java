package io.pdig.journal;

import io.pdig.journal.codec.JournalSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the schema fixture: a small deterministic journal of two sessions (every record type, then
 * find-like records spanning several keyframes) plus {@code expected.txt}, its exact contents.
 * Run once per schema version, into a new directory, and commit the result (the exact command is in
 * SchemaFixtureTest).
 * Never regenerate an existing version.
 */
public final class FixtureGenerator {
    static final long CLOCK = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();
    static final long BLOCK_SIZE = 64 << 10;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        if (Files.exists(dir)) throw new IllegalStateException(dir + " exists: fixtures are never regenerated");
        JournalConfig cfg = JournalConfig.defaults().withBlockSize(BLOCK_SIZE).withClock(() -> CLOCK);
        try (Journal j = Journal.open(dir, cfg)) {
            try (JournalWriter w = j.writer()) {
                SampleEvents.all().forEach(w::accept);
            }
            try (JournalWriter w = j.writer()) {
                SampleEvents.findLike(150, SampleEvents.T0 + 60_000_000_000L).forEach(w::accept);
            }
            List<String> lines = new ArrayList<>();
            lines.add("# schema v" + JournalSchema.VERSION + ": seq<TAB>EventText of each record");
            try (JournalReader r = j.reader(ReaderOptions.fromStart())) {
                for (JournalRecord rec = r.next(); rec != null; rec = r.next()) {
                    lines.add(rec.seq() + "\t" + EventText.of(rec.event()));
                }
            }
            Files.write(dir.resolve("expected.txt"), lines);
        }
        Files.deleteIfExists(dir.resolve("writer.lock"));
    }
}
