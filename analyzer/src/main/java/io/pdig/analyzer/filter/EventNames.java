package io.pdig.analyzer.filter;

import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallTable;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event-type names a condition may test with {@code evt.type}: every syscall of the one
 * syscall table, plus libsinsp's non-syscall event names that rules use ({@code switch},
 * {@code procexit}, {@code signaldeliver}, ...). This set is also the universe that a negated
 * {@code evt.type} test is complemented against.
 */
public final class EventNames {
    private static final Set<String> EXTRA = Set.of("switch", "procexit", "signaldeliver", "container",
            "notification", "pluginevent", "asyncevent", "drop", "infra", "procinfo");
    private static final Set<String> ALL;

    static {
        Set<String> all = new TreeSet<>(EXTRA);
        for (Syscall s : SyscallTable.all()) {
            all.add(s.name());
        }
        ALL = Collections.unmodifiableSet(all);
    }

    private EventNames() {
    }

    public static boolean isKnown(String name) {
        return ALL.contains(name);
    }

    /** All known names, sorted. */
    public static Set<String> all() {
        return ALL;
    }
}
