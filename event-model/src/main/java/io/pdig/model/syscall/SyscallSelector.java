package io.pdig.model.syscall;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a trace set written as strace writes one after {@code -e trace=}: syscall names and
 * classes ({@code %process,openat}), optionally negated as a whole by a '!' at the front
 * ({@code !close,%memory}: every syscall of the table but those). Names and classes are the
 * syscall table's; this class only combines them.
 */
public final class SyscallSelector {

    private SyscallSelector() {
    }

    /**
     * The names the items select, in the order written (a class's members in name order; a
     * negated set in name order). Empty items are skipped, as a trailing comma is.
     *
     * @throws IllegalArgumentException with a one-line message naming the first bad item
     */
    public static Set<String> select(List<String> items) {
        boolean negate = false;
        Set<String> named = new LinkedHashSet<>();
        boolean first = true;
        for (String raw : items) {
            String item = raw.trim();
            if (item.isEmpty()) continue;
            if (item.startsWith("!")) {
                // strace negates the whole set, so '!' means something only before the first item.
                if (!first) {
                    throw new IllegalArgumentException("'" + item + "': '!' negates the whole list and goes only at its front");
                }
                negate = true;
                item = item.substring(1).trim();
                if (item.isEmpty()) throw new IllegalArgumentException("'!' with no syscall or class after it");
            }
            first = false;
            if (item.startsWith("%")) {
                SyscallClass c = SyscallClass.bySpelling(item);
                if (c == null) {
                    throw new IllegalArgumentException("unknown syscall class '" + item + "' (classes: " + classList() + ")");
                }
                for (Syscall s : SyscallTable.all()) {
                    if (s.in(c)) named.add(s.name());
                }
            } else if (SyscallTable.byName(item) != null) {
                named.add(item);
            } else {
                throw new IllegalArgumentException("unknown syscall '" + item + "' (see `pdig syscalls`)");
            }
        }
        if (named.isEmpty()) throw new IllegalArgumentException("no syscall named");
        if (!negate) return named;
        Set<String> rest = new LinkedHashSet<>();
        for (Syscall s : SyscallTable.all()) {
            if (!named.contains(s.name())) rest.add(s.name());
        }
        return rest;
    }

    /** Every class as a user writes it, %net included, for error messages and help. */
    public static String classList() {
        List<String> names = new ArrayList<>();
        for (SyscallClass c : SyscallClass.values()) {
            names.add(c.spelled());
            if (c == SyscallClass.NETWORK) names.add("%net");
        }
        return String.join(", ", names);
    }
}
