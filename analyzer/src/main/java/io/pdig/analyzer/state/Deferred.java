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
