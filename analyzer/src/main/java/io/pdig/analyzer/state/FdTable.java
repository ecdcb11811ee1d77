package io.pdig.analyzer.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fd table of one or more processes (shared by threads and by CLONE_FILES children).
 * Bounded: beyond {@code cap} entries the least recently used one is evicted and counted, so a
 * process leaking fds cannot grow the analyzer without limit. Confined to the analyzer thread.
 */
public final class FdTable {
    private final int cap;
    private final StateCounters counters;
    private final LinkedHashMap<Integer, FdInfo> fds;

    FdTable(int cap, StateCounters counters) {
        this.cap = cap;
        this.counters = counters;
        this.fds = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, FdInfo> eldest) {
                if (size() > FdTable.this.cap) {
                    FdTable.this.counters.fdEvictions++;
                    return true;
                }
                return false;
            }
        };
    }

    public FdInfo get(int fd) {
        return fds.get(fd);
    }

    public int size() {
        return fds.size();
    }

    void put(FdInfo info) {
        fds.put(info.num, info);
    }

    FdInfo remove(int fd) {
        return fds.remove(fd);
    }

    /** Fd numbers in [lo, hi] currently present. */
    List<Integer> numbersInRange(long lo, long hi) {
        List<Integer> out = new ArrayList<>();
        for (Integer n : fds.keySet()) {
            if (n >= lo && n <= hi) {
                out.add(n);
            }
        }
        return out;
    }

    /** An independent copy (fork without CLONE_FILES, exec unsharing a shared table). */
    FdTable copy() {
        FdTable t = new FdTable(cap, counters);
        for (FdInfo f : fds.values()) {
            t.fds.put(f.num, f.copyExact());
        }
        return t;
    }

    /** Closes every close-on-exec fd (what a successful exec does). */
    void closeCloexec() {
        Iterator<FdInfo> it = fds.values().iterator();
        while (it.hasNext()) {
            if (it.next().cloexec) {
                it.remove();
            }
        }
    }
}
