package io.pdig.journal;

import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the journal tests. */
public final class JournalTestSupport {
    private JournalTestSupport() {
    }

    /** Reads to the end. */
    public static List<JournalRecord> readAll(JournalReader r) {
        List<JournalRecord> out = new ArrayList<>();
        for (JournalRecord rec = r.next(); rec != null; rec = r.next()) out.add(rec);
        return out;
    }

    public static List<JournalRecord> readAll(Journal j, ReaderOptions o) {
        try (JournalReader r = j.reader(o)) {
            return readAll(r);
        }
    }

    public static List<String> texts(List<JournalRecord> recs) {
        List<String> l = new ArrayList<>();
        for (JournalRecord r : recs) l.add(EventText.of(r.event()));
        return l;
    }

    public static List<Long> seqs(List<JournalRecord> recs) {
        List<Long> l = new ArrayList<>();
        for (JournalRecord r : recs) l.add(r.seq());
        return l;
    }

    public static List<Long> range(long from, long toExclusive) {
        List<Long> l = new ArrayList<>();
        for (long i = from; i < toExclusive; i++) l.add(i);
        return l;
    }
}
