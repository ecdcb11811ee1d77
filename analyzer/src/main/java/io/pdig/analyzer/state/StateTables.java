package io.pdig.analyzer.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process table (and through it the fd tables), owned and written by one thread: the
 * analyzer's event thread. Extractors read it through {@link StateView} during evaluation.
 */
public final class StateTables implements StateView {
    private final StateLimits limits;
    private final StateCounters counters = new StateCounters();
    private final UserDirectory users;
    private final LinkedHashMap<Integer, ProcessInfo> processes;
    private String hostname;
    /** The session being read (set by each session start record); null before the first one. */
    private Capture capture;
    /**
     * The entry most recently looked up or created, i.e. the tail of the access-ordered map: a
     * repeated lookup of it (consecutive events of one process, the common case) would not change
     * the LRU order, so it skips the map. Cleared when that entry is removed.
     */
    private ProcessInfo last;

    public StateTables(StateLimits limits, UserDirectory users) {
        this.limits = limits;
        this.users = users;
        this.processes = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, ProcessInfo> eldest) {
                if (size() > StateTables.this.limits.maxProcesses()) {
                    counters.processEvictions++;
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    public ProcessInfo process(int pid) {
        ProcessInfo l = last;
        if (l != null && l.pid == pid) {
            return l;
        }
        ProcessInfo p = processes.get(pid);
        if (p != null) {
            last = p;
        }
        return p;
    }

    @Override
    public UserDirectory users() {
        return users;
    }

    @Override
    public String hostname() {
        return hostname;
    }

    @Override
    public Capture capture() {
        return capture;
    }

    public StateCounters counters() {
        return counters;
    }

    public int processCount() {
        return processes.size();
    }

    void hostname(String h) {
        hostname = h;
    }

    void capture(Capture c) {
        capture = c;
    }

    FdTable newFdTable() {
        return new FdTable(limits.maxFdsPerTable(), counters);
    }

    /** A fresh process with an empty fd table, replacing any entry with the same pid. */
    ProcessInfo create(int pid) {
        ProcessInfo p = new ProcessInfo(pid, newFdTable());
        processes.put(pid, p);
        // A limit of zero evicts the new entry itself; never cache what the map does not hold.
        last = processes.containsKey(pid) ? p : null;
        return p;
    }

    /** The process, or a placeholder (counted) when no Spawn/Exec/snapshot introduced it. */
    ProcessInfo processOrPlaceholder(int pid) {
        ProcessInfo p = process(pid);
        if (p == null) {
            p = create(pid);
            p.placeholder = true;
            counters.unknownProcesses++;
        }
        return p;
    }

    /** Removes a process; its children are reparented to pid 1, as the kernel does without a subreaper. */
    void remove(int pid) {
        ProcessInfo gone = processes.remove(pid);
        if (gone == null) {
            return;
        }
        if (gone == last) {
            last = null;
        }
        List<ProcessInfo> orphans = new ArrayList<>();
        for (ProcessInfo p : processes.values()) {
            if (p.ppid == pid) {
                orphans.add(p);
            }
        }
        for (ProcessInfo p : orphans) {
            p.ppid = 1;
        }
    }
}
