package io.pdig.analyzer.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Removals postponed until the rules have seen the event that caused them (close, exit), so that
 * a rule on close or exit still sees fd.name and proc.name, as in libsinsp. Applied at the start
 * of the next event. Confined to the analyzer thread.
 */
final class Deferred {
    private final List<Runnable> pending = new ArrayList<>();

    void add(Runnable r) {
        pending.add(r);
    }

    /**
     * Removes {@code fd} from {@code table} later, if it still maps to {@code info}. The common case
     * (every close) gets a named class rather than a capturing lambda: creating a lambda instance
     * in C1-compiled code (pdig run, short replays) goes through a method handle and a VM call.
     */
    void removeFdLater(FdTable table, int fd, FdInfo info) {
        pending.add(new FdRemoval(table, fd, info));
    }

    private record FdRemoval(FdTable table, int fd, FdInfo info) implements Runnable {
        @Override
        public void run() {
            if (table.get(fd) == info) table.remove(fd);
        }
    }

    void apply() {
        if (pending.isEmpty()) {
            return;
        }
        for (Runnable r : pending) {
            r.run();
        }
        pending.clear();
    }

    int size() {
        return pending.size();
    }
}
