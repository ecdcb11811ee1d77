package io.pdig.tracer;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Whether an executable's superblock is read-only (the first step of ExeFacts' EXE_WRITABLE),
 * asked only when statfs says the executable's filesystem is read-only: statfs says so for a
 * read-only superblock and for a read-only mount of a writable one alike (a read-only bind mount,
 * a container's read-only root), and only the mount table tells them apart. The table is the one
 * of the tracee's mount namespace (a tracee may be in another namespace than pdig: a container,
 * {@code unshare -m}), parsed once per namespace and kept while nothing changes there.
 *
 * <p>How a table is kept: the namespace is keyed by the inode of /proc/PID/ns/mnt (one stat per
 * lookup). A watch fd of /proc/PID/mountinfo, opened from the first tracee seen in the namespace,
 * reports each mount, unmount, move and remount in it (POLLPRI, as for {@link OverlayLayers}); the
 * table is read again, through that fd, after any change, so a mount id the kernel hands to a
 * new mount right after an unmount can never find the old mount's line. The fd holds the
 * namespace, not the process: it keeps reporting and reading after the tracee that opened it has
 * exited, and while it is open no other namespace can get the inode number it is keyed by.
 *
 * <p>What a table's line answers: statfs said read-only, so the mount or its superblock is. A mount
 * that is not read-only itself (mountinfo's mount options) thus has a read-only superblock, now,
 * whatever the line's super options said when read: that answer cannot go stale. For a read-only
 * mount the answer is the line's super options ("ro" first), and that one can: a superblock's own
 * flag changes in every namespace that has a mount of it, but the watches are told only in the
 * namespace where the remount was made, and not at all when the kernel makes a filesystem
 * read-only itself (ext4's errors=remount-ro, an emergency remount). A table is therefore also
 * read again once it is a second old ({@link #MAX_AGE_PROPERTY}): a superblock remounted from
 * another namespace may be answered wrongly for up to that long. (Falco's driver reads the flag
 * itself. statmount(2) could give it per exec, but only from Linux 6.8, and for another
 * namespace's mount only from 6.11 on.)
 *
 * <p>Never guessed: a mount the table does not hold (a mount outside the root of the tracee that
 * opened the watch, a table cut at 4 MiB), a process that is gone, a watch that cannot be opened
 * or read: the tracee's own /proc/PID/mountinfo is read then, uncached, as before the cache, and
 * where that has no line for the mount either (or there is no mount id) the superblock counts as
 * read-only.
 *
 * <p>Cost, only for an executable on a read-only filesystem (nothing otherwise): one stat and one
 * poll per exec; a table read (about as costly as the uncached read it replaces) at a namespace's
 * first exec, after a change in it, and at most once a second besides. Resources: at most
 * {@link #MAX_WATCHED} watch fds, the least recently used closed to make room; each keeps its
 * namespace, with its mounts, alive while open, even when no process is left in it. {@link #close}
 * closes them all.
 *
 * <p>Confined to one thread: the tracer thread for a session's execs, or the caller of a one-off
 * lineage snapshot.
 */
final class MountNamespaces implements AutoCloseable {
    /** The most namespaces watched at once (fds held, namespaces kept alive). */
    static final int MAX_WATCHED = 8;
    /**
     * A table older than this many ms (default 1000) is read again even without a reported change
     * (see the class comment); read when the tracer starts. Tests set it long, to see the watch
     * alone at work, or short.
     */
    static final String MAX_AGE_PROPERTY = "pdig.tracer.mountTableMaxAgeMillis";
    /** Tables are read into a native buffer that starts at this size and doubles up to the cap. */
    private static final int FIRST_BUFFER = 64 << 10;
    /** The most of a table read, kept or not. */
    private static final int MAX_BUFFER = 4 << 20;

    private final NativeLibrary.Lib lib;
    /** Every read of a mount table for this question, kept or not (the session's mount_table_reads). */
    private final AtomicLong tableReads;
    private final long maxAgeNanos;
    /** Watched namespaces by the inode of their ns/mnt, least recently used first. */
    private final LinkedHashMap<Long, Watched> watched = new LinkedHashMap<>(16, 0.75f, true);
    private Pointer buffer;
    private int bufferSize;

    /** One watched namespace: the watch fd, and its table's answers by mount id (null: to be read). */
    private static final class Watched {
        final int watch;
        Map<Long, Boolean> readOnlySuper;
        long readAt;

        Watched(int watch) {
            this.watch = watch;
        }
    }

    MountNamespaces(NativeLibrary.Lib lib, AtomicLong tableReads) {
        this.lib = lib;
        this.tableReads = tableReads;
        this.maxAgeNanos = Math.min(Math.max(0, Long.getLong(MAX_AGE_PROPERTY, 1000)), 86_400_000L) * 1_000_000L;
    }

    /**
     * Whether the superblock of mount {@code mntId} (-1 unknown), on which process {@code pid}'s
     * executable is and which statfs says is read-only, is itself read-only. True when it cannot be
     * told (no mount id, no line for the mount in the process's table).
     */
    boolean superblockReadOnly(int pid, long mntId) {
        if (mntId < 0) return true;
        Boolean known = fromTable(pid, mntId);
        if (known == null) known = uncached(pid, mntId);
        return known == null || known;
    }

    /** The answer from process pid's own /proc/PID/mountinfo, read for this one exec; null when it has none. */
    private Boolean uncached(int pid, long mntId) {
        tableReads.incrementAndGet();
        byte[] table = ProcReader.read("/proc/" + pid + "/mountinfo", MAX_BUFFER);
        return table == null ? null : answer(table, mntId);
    }

    /** The answer from the kept table of pid's namespace, or null when it has none to give. */
    private Boolean fromTable(int pid, long mntId) {
        long ns = lib.pdig_mnt_ns(pid);
        if (ns < 0) return null;
        Watched w = watched.get(ns);
        if (w == null) {
            w = watch(ns, pid);
            if (w == null) return null;
        } else {
            int changed = lib.pdig_mounts_changed(w.watch);
            if (changed < 0) {
                forget(ns);
                return null;
            }
            if (changed > 0 || System.nanoTime() - w.readAt > maxAgeNanos) w.readOnlySuper = null;
        }
        if (w.readOnlySuper == null && !read(w)) {
            forget(ns);
            return null;
        }
        return w.readOnlySuper.get(mntId);
    }

    /** A new watch on namespace {@code ns} through process {@code pid}, made room for; null when it cannot be opened. */
    private Watched watch(long ns, int pid) {
        int fd = lib.pdig_mounts_watch_pid(pid);
        if (fd < 0) return null;
        // A process that is not stopped (a lineage snapshot, an attach) may have moved to another
        // namespace between the stat and the open: the watch must be on the namespace it is kept under.
        if (lib.pdig_mnt_ns(pid) != ns) {
            lib.pdig_mounts_unwatch(fd);
            return null;
        }
        if (watched.size() >= MAX_WATCHED) {
            Iterator<Map.Entry<Long, Watched>> eldest = watched.entrySet().iterator();
            lib.pdig_mounts_unwatch(eldest.next().getValue().watch);
            eldest.remove();
        }
        Watched w = new Watched(fd);
        watched.put(ns, w);
        return w;
    }

    /** Reads the table through the watch (it was opened, or its change seen, before this read). */
    private boolean read(Watched w) {
        if (buffer == null) {
            bufferSize = FIRST_BUFFER;
            buffer = Memory.allocateDirect(NativeLibrary.runtime(), bufferSize, false);
        }
        long n;
        while ((n = lib.pdig_mounts_read(w.watch, buffer.address(), bufferSize)) == bufferSize && bufferSize < MAX_BUFFER) {
            bufferSize *= 2;
            buffer = Memory.allocateDirect(NativeLibrary.runtime(), bufferSize, false);
        }
        tableReads.incrementAndGet();
        if (n < 0) return false;
        byte[] table = new byte[(int) n];
        buffer.get(0, table, 0, table.length);
        w.readOnlySuper = parse(table);
        w.readAt = System.nanoTime();
        return true;
    }

    private void forget(long ns) {
        Watched w = watched.remove(ns);
        if (w != null) lib.pdig_mounts_unwatch(w.watch);
    }

    /** Watch fds open now (tests: bounded, and none after close). */
    int watchedCount() {
        return watched.size();
    }

    @Override
    public void close() {
        for (Watched w : watched.values()) lib.pdig_mounts_unwatch(w.watch);
        watched.clear();
        buffer = null;
    }

    /**
     * A mountinfo table's answers by mount id: for a read-only mount, whether its superblock was
     * read-only (its super options start with anything but "rw"); for a mount that is not
     * read-only, true (statfs' read-only then comes from the superblock). Lines that do not parse,
     * and a last line cut short, are left out.
     */
    static Map<Long, Boolean> parse(byte[] table) {
        Map<Long, Boolean> out = new HashMap<>();
        int at = 0;
        for (int end = indexOf(table, (byte) '\n', at); end >= 0; end = indexOf(table, (byte) '\n', at)) {
            parseLine(table, at, end, out);
            at = end + 1;
        }
        return out;
    }

    /**
     * The answer of a table's line for mount {@code mntId}, as {@link #parse} gives it, or null
     * when the table has no such line (or it does not parse). Looks only at the line's id until it
     * finds it: the uncached read asks one question of the table.
     */
    static Boolean answer(byte[] table, long mntId) {
        int at = 0;
        for (int end = indexOf(table, (byte) '\n', at); end >= 0; end = indexOf(table, (byte) '\n', at)) {
            if (number(table, at, fieldEnd(table, at, end)) == mntId) {
                Map<Long, Boolean> line = new HashMap<>(2);
                parseLine(table, at, end, line);
                return line.get(mntId);
            }
            at = end + 1;
        }
        return null;
    }

    /**
     * {@code id parent major:minor root mountpoint options [optional fields...] - fstype source
     * superoptions}, one space between fields: a field holds no raw space (the kernel escapes it)
     * and may be empty (a mount's source). The mount's options start with "ro" or "rw" (its
     * MNT_READONLY), and so do the super options (sb_rdonly()): show_mountinfo writes those first.
     * On the bytes, with no String per line or field: a table may have thousands of lines.
     */
    private static void parseLine(byte[] t, int from, int to, Map<Long, Boolean> out) {
        int end = fieldEnd(t, from, to);
        long id = number(t, from, end);
        if (id < 0) return;
        int start = from;
        for (int f = 1; f <= 5; f++) {
            // to field 5, the mount's options
            if (end >= to) return;
            start = end + 1;
            end = fieldEnd(t, start, to);
        }
        boolean mountReadOnly = firstOption(t, start, end, 'o');
        if (!mountReadOnly && !firstOption(t, start, end, 'w')) return;
        do {
            // past the optional fields, to the "-" separator
            if (end >= to) return;
            start = end + 1;
            end = fieldEnd(t, start, to);
        } while (end - start != 1 || t[start] != '-');
        for (int f = 1; f <= 3; f++) {
            // the filesystem type, the source, the super options
            if (end >= to) return;
            start = end + 1;
            end = fieldEnd(t, start, to);
        }
        out.put(id, !mountReadOnly || !firstOption(t, start, end, 'w'));
    }

    /** The end of the field that starts at {@code from}: the next space, or {@code to}. */
    private static int fieldEnd(byte[] t, int from, int to) {
        int i = from;
        while (i < to && t[i] != ' ') i++;
        return i;
    }

    /** The decimal number that is all of t[from, to), or -1. */
    private static long number(byte[] t, int from, int to) {
        if (to <= from || to - from > 18) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    }

    /** Whether the options t[from, to) (comma-separated) start with the option "r" + {@code second}. */
    private static boolean firstOption(byte[] t, int from, int to, char second) {
        return to - from >= 2 && t[from] == 'r' && t[from + 1] == second && (to - from == 2 || t[from + 2] == ',');
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) return i;
        }
        return -1;
    }
}
