package io.pdig.journal;

import io.pdig.model.event.Event;
import io.pdig.model.event.SessionEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs in a child JVM: writes find-like events to a journal. Modes: {@code forever} (as fast as
 * possible until killed; prints "started" once records are in the store) and {@code paced N} (N
 * events in small flushed batches, then a session end, then exits normally).
 */
public final class ChildWriter {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        try (Journal j = Journal.open(dir); JournalWriter w = j.writer()) {
            if (mode.equals("forever")) {
                long t = SampleEvents.T0;
                boolean announced = false;
                while (true) {
                    List<Event> batch = SampleEvents.findLike(500, t);
                    t += 1_000_000_000L;
                    batch.forEach(w::accept);
                    if (!announced) {
                        w.flush();
                        System.out.println("started");
                        System.out.flush();
                        announced = true;
                    }
                }
            }
            int n = Integer.parseInt(args[2]);
            List<Event> events = SampleEvents.findLike(n, SampleEvents.T0);
            for (int i = 0; i < n; i++) {
                w.accept(events.get(i));
                if (i % 50 == 49) {
                    w.flush();
                    Thread.sleep(2);
                }
            }
            w.accept(new SessionEvent.End(SampleEvents.T0 + 1, 1, 1, 0, 0, Map.of("events", (long) n)));
        }
        System.out.println("done");
    }
}
