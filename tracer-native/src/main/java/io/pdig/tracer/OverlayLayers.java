package io.pdig.tracer;

import io.pdig.model.event.ProcessEvent.Layer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which overlayfs layer an executable is in (Falco's EXE_UPPER_LAYER / EXE_LOWER_LAYER), asked by
 * the exec snapshot only for an executable whose statfs says overlayfs.
 *
 * <p>Falco's driver looks at the overlay inode: UPPER when it has an upper dentry (the file was
 * written, or copied up, into the writable layer), LOWER otherwise. From userspace: the exe's
 * mount (statx's mount id) is looked up in pdig's own mount table, whose line gives the mount's
 * root within the filesystem, its mount point and the superblock's {@code upperdir=}; the exe's
 * path (the /proc/PID/exe link, which the kernel writes relative to pdig's root) below the mount
 * point is the file's path within the overlay, and the file is UPPER when the upper directory
 * holds a regular file at that path (a full copy or a metacopy), LOWER when it holds nothing
 * there, a whiteout (a 0:0 character device) or a directory, or when the overlay has no upper
 * directory at all. Unknown (never a guess) when: no mount id; the mount is not in pdig's table
 * (the tracee is in another mount namespace, or the mount is out of pdig's root); the exe link
 * is not below the mount point or names a deleted file; upperdir is relative (the kernel shows it
 * as the mounter gave it), or is not, as pdig resolves it, a directory on the overlay's upper
 * filesystem (see {@link #upperDirIsTheOverlays}: the overlay was mounted from another root or
 * namespace, or something was mounted over the directory since); the upper entry is of another
 * type or cannot be stat'ed. Changes made to the layers behind overlayfs's back (which it does not
 * support) may make the answer differ from the kernel's.
 *
 * <p>Cost: the mount table is parsed once and kept while it does not change: a watch fd on
 * /proc/self/mountinfo (opened at the first overlayfs exe of the session) reports any mount,
 * unmount, move or remount, and then the table is read again. So a mount id reused by a later
 * mount can never find the old mount's line. Per overlayfs exe: one poll and one lstat; after a
 * change of the table (and at the first), its read, and per mount an lstat and a statfs of the
 * upper directory. Nothing at all for an executable not on overlayfs.
 *
 * <p>Confined to one thread: the tracer thread for a session's execs, or the caller of a one-off
 * lineage snapshot. {@link #close()} releases the watch.
 */
final class OverlayLayers implements AutoCloseable {
    private static final String MOUNTINFO = "/proc/self/mountinfo";
    private static final int MOUNTINFO_LIMIT = 4 << 20;
    private static final int S_IFMT = 0170000, S_IFREG = 0100000, S_IFDIR = 0040000, S_IFCHR = 0020000;
    private static final long OVERLAYFS_SUPER_MAGIC = 0x794c7630L;
    private static final byte[] DELETED = " (deleted)".getBytes(StandardCharsets.US_ASCII);

    private final NativeLibrary.Lib lib;
    /** The watch fd; NOT_OPENED until the first lookup, UNWATCHED when it could not be opened. */
    private int watch = NOT_OPENED;
    private static final int NOT_OPENED = -1, UNWATCHED = -2;
    /** The overlay mounts of pdig's table by mount id, as last read; null until read or after a change. */
    private Map<Long, OverlayMount> table;
    /** The exe statfs sizes each mount's upperdir was last found to match (see upperDirIsTheOverlays). */
    private final Map<Long, long[]> verified = new HashMap<>();

    OverlayLayers(NativeLibrary.Lib lib) {
        this.lib = lib;
    }

    /**
     * The layer of the executable at {@code exePath} (the exe link's bytes), on mount {@code mntId},
     * whose statfs (the upper filesystem's, on an overlay with an upper layer) shows
     * {@code exeFs} = {f_bsize, f_blocks}.
     */
    Layer layerOf(byte[] exePath, long mntId, long[] exeFs) {
        if (mntId < 0 || exePath == null || endsWith(exePath, DELETED)) return Layer.UNKNOWN;
        OverlayMount m = mount(mntId);
        if (m == null) return Layer.UNKNOWN;
        if (!m.hasUpper()) return Layer.LOWER;
        byte[] upperPath = m.upperPathOf(exePath);
        if (upperPath == null || !upperDirIsTheOverlays(mntId, m, exeFs)) return Layer.UNKNOWN;
        long[] st = new long[2];
        int r = lib.pdig_lstat(cString(upperPath), st);
        if (r == -Errno.ENOENT || r == -Errno.ENOTDIR) return Layer.LOWER;
        if (r != 0) return Layer.UNKNOWN;
        int type = (int) st[0] & S_IFMT;
        if (type == S_IFREG) return Layer.UPPER;
        return type == S_IFDIR || type == S_IFCHR && st[1] == 0 ? Layer.LOWER : Layer.UNKNOWN;
    }

    /**
     * Whether the mount's upperdir, as pdig resolves it, is a directory on the filesystem the
     * overlay's upper layer is on: the kernel gives an overlay the statfs of its upper filesystem
     * (but for f_type, f_namelen and f_fsid), so that directory's statfs must show the same block
     * size and block count (sizes that do not change with use, unlike the free counts, or XFS's
     * inode count), and not be an overlay itself. A path that names another directory in pdig's
     * namespace than the mounter meant (another root, a directory mounted over since) fails it,
     * unless that other filesystem has the very same size. Checked once per mount and table read,
     * again when the exe's statfs shows another size.
     */
    private boolean upperDirIsTheOverlays(long mntId, OverlayMount m, long[] exeFs) {
        long[] known = verified.get(mntId);
        if (known != null && Arrays.equals(known, exeFs)) return true;
        byte[] dir = cString(m.upperDir());
        long[] st = new long[2];
        if (lib.pdig_lstat(dir, st) != 0 || ((int) st[0] & S_IFMT) != S_IFDIR) return false;
        long[] fs = new long[4];
        if (lib.pdig_statfs(dir, fs) != 0 || fs[0] == OVERLAYFS_SUPER_MAGIC) return false;
        if (fs[1] != exeFs[0] || fs[2] != exeFs[1]) return false;
        verified.put(mntId, exeFs.clone());
        return true;
    }

    /** The overlay mount with this id in pdig's current table, or null. */
    private OverlayMount mount(long mntId) {
        if (changed() || table == null) {
            byte[] info = ProcReader.read(MOUNTINFO, MOUNTINFO_LIMIT);
            table = info == null ? null : OverlayMount.parseTable(info);
            verified.clear();
        }
        return table == null ? null : table.get(mntId);
    }

    /** Whether the table may have changed since it was read: always, when it cannot be watched. */
    private boolean changed() {
        if (watch == NOT_OPENED) {
            // Opened after the first read would miss a change in between: the first call comes
            // here with no table, opens, and the read follows.
            int fd = lib.pdig_mounts_watch();
            watch = fd >= 0 ? fd : UNWATCHED;
            return true;
        }
        return watch == UNWATCHED || lib.pdig_mounts_changed(watch) != 0;
    }

    @Override
    public void close() {
        if (watch >= 0) lib.pdig_mounts_unwatch(watch);
        watch = NOT_OPENED;
        table = null;
        verified.clear();
    }

    private static boolean endsWith(byte[] b, byte[] suffix) {
        if (b.length < suffix.length) return false;
        for (int i = 0; i < suffix.length; i++) {
            if (b[b.length - suffix.length + i] != suffix[i]) return false;
        }
        return true;
    }

    private static byte[] cString(byte[] b) {
        return Arrays.copyOf(b, b.length + 1);
    }
}
