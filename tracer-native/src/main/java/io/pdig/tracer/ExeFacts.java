package io.pdig.tracer;

import io.pdig.model.event.ProcessEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The executable's inode facts of an exec snapshot (Falco's proc.exe_ino*, EXE_WRITABLE), from the
 * struct statx and struct statfs of /proc/PID/exe that {@link ProcReader#execSnapshot} reads with
 * its files, and the new credentials it parsed from /proc/PID/status.
 *
 * <p>EXE_WRITABLE follows the check of Falco's default driver (modern eBPF,
 * {@code extract__exe_writable}), step by step:
 * <ol>
 *   <li>the file's <em>superblock</em> is read-only: not writable. A read-only mount of a writable
 *       filesystem (a read-only bind mount) does not count, as in the kernel's inode_permission():
 *       the inode stays writable through the filesystem's other mounts. statfs reports "read-only"
 *       for either; only then is the mount table of the tracee's namespace asked
 *       ({@link MountNamespaces}: kept per namespace while it does not change) about the exe's
 *       mount (statx's mount id). Where that cannot be told (no mount id, unreadable mountinfo)
 *       the file counts as read-only;</li>
 *   <li>the inode is immutable: not writable (statx's STATX_ATTR_IMMUTABLE; a filesystem that
 *       does not report the attribute counts as not immutable);</li>
 *   <li>the fsuid owns the file: writable, whatever the mode (Falco counts the owner, who may
 *       chmod it, as inode_owner_or_capable() does);</li>
 *   <li>the mode's group bits when the fsgid or a supplementary group is the file's group, the
 *       other bits otherwise: writable when they have w;</li>
 *   <li>CAP_DAC_OVERRIDE or CAP_FOWNER in the effective set: writable.</li>
 * </ol>
 * Not checked, as Falco does not check them either: POSIX ACLs, LSMs (SELinux, AppArmor). Falco
 * also requires, for the capability steps, that the file's owner and group are mapped in the
 * process's user namespace; pdig does not read uid_map per exec, so in a user namespace that does
 * not map them it may say writable where Falco says not. The ids are all as pdig's user namespace
 * sees them (status and statx both map to the reader's), so they compare with each other.
 *
 * <p>On overlayfs (statfs' f_type) the layer comes from {@link OverlayLayers}; elsewhere it is
 * NOT_OVERLAY, at no cost.
 */
final class ExeFacts {
    private ExeFacts() {
    }

    /** Sizes the native call needs for the two structs (x86_64). */
    static final int STATX_SIZE = 256;
    static final int STATFS_SIZE = 120;

    private static final int STATX_MNT_ID = 0x1000;
    private static final long STATX_ATTR_IMMUTABLE = 0x10;
    private static final long ST_RDONLY = 1;
    private static final long OVERLAYFS_SUPER_MAGIC = 0x794c7630L;
    private static final int S_IFMT = 0170000, S_IFREG = 0100000, S_IFDIR = 0040000, S_IFLNK = 0120000;
    private static final int CAP_DAC_OVERRIDE = 1, CAP_FOWNER = 3;

    /**
     * The facts, or null when either struct is missing (the process is gone, or its exe cannot be
     * stat'ed: a kernel thread, a process pdig may not inspect).
     *
     * @param uid        [ruid, euid, suid, fsuid] of the new credentials (-1 unknown)
     * @param gid        [rgid, egid, sgid, fsgid]
     * @param groups     the supplementary groups (status' Groups line), null when unknown
     * @param capEff     the effective capability set, kernel bit numbers
     * @param superOf    whether the exe's superblock is read-only; called only for a read-only filesystem
     * @param layerOn    the exe's overlayfs layer; called only for an executable on overlayfs
     */
    static ProcessEvent.ExeFile of(byte[] statx, byte[] statfs, int[] uid, int[] gid, String[] groups, long capEff,
                                   SuperblockLookup superOf, LayerLookup layerOn) {
        if (statx == null || statx.length < STATX_SIZE || statfs == null || statfs.length < STATFS_SIZE) return null;
        ByteBuffer sx = ByteBuffer.wrap(statx).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer sf = ByteBuffer.wrap(statfs).order(ByteOrder.LITTLE_ENDIAN);
        int mask = sx.getInt(0);
        long attributes = sx.getLong(8);
        int fileUid = sx.getInt(20);
        int fileGid = sx.getInt(24);
        int mode = sx.getShort(28) & 0xffff;
        long ino = sx.getLong(32);
        long attributesMask = sx.getLong(56);
        long ctime = epochNanos(sx, 96);
        long mtime = epochNanos(sx, 112);
        long mntId = (mask & STATX_MNT_ID) != 0 ? sx.getLong(144) : -1;
        long fsType = sf.getLong(0);
        long fsFlags = sf.getLong(80);

        boolean readOnlySuper = (fsFlags & ST_RDONLY) != 0 && superOf.readOnly(mntId);
        boolean immutable = (attributesMask & STATX_ATTR_IMMUTABLE) != 0 && (attributes & STATX_ATTR_IMMUTABLE) != 0;
        boolean writable = writable(mode, fileUid, fileGid, readOnlySuper, immutable, at(uid, 3), at(gid, 3), groups, capEff);
        ProcessEvent.Layer layer = fsType == OVERLAYFS_SUPER_MAGIC
                ? layerOn.layerOf(mntId, new long[] {sf.getLong(8), sf.getLong(16)})
                : ProcessEvent.Layer.NOT_OVERLAY;
        return new ProcessEvent.ExeFile(ino, ctime, mtime, writable, layer);
    }

    /** Where {@link #of} asks about the superblock of an executable on a read-only filesystem (MountNamespaces). */
    @FunctionalInterface
    interface SuperblockLookup {
        /**
         * Whether the superblock itself is read-only (statfs said that it or the mount is); true
         * when that cannot be told.
         *
         * @param mntId the exe's mount id (-1 unknown)
         */
        boolean readOnly(long mntId);
    }

    /** Where {@link #of} asks for the layer of an executable on overlayfs (OverlayLayers). */
    @FunctionalInterface
    interface LayerLookup {
        /**
         * @param mntId the exe's mount id (-1 unknown)
         * @param fs    the exe's statfs sizes: f_bsize, f_blocks
         */
        ProcessEvent.Layer layerOf(long mntId, long[] fs);
    }

    /** The decision itself (steps in the class comment), on facts already read. */
    static boolean writable(int mode, int fileUid, int fileGid, boolean readOnlySuper, boolean immutable, int fsuid,
                            int fsgid, String[] groups, long capEff) {
        int type = mode & S_IFMT;
        if (readOnlySuper && (type == S_IFREG || type == S_IFDIR || type == S_IFLNK)) return false;
        if (immutable) return false;
        if (fsuid != -1 && fsuid == fileUid) return true;
        int bits = mode;
        if ((fsgid != -1 && fsgid == fileGid) || inGroups(groups, fileGid)) bits >>= 3;
        if ((bits & 02) != 0) return true;
        return (capEff & (1L << CAP_DAC_OVERRIDE)) != 0 || (capEff & (1L << CAP_FOWNER)) != 0;
    }

    private static boolean inGroups(String[] groups, int gid) {
        if (groups == null) return false;
        String g = Integer.toUnsignedString(gid);
        for (String s : groups) {
            if (s.equals(g)) return true;
        }
        return false;
    }

    /** A statx timestamp (tv_sec i64, tv_nsec u32) in ns since the epoch; 0 before it, as Falco. */
    private static long epochNanos(ByteBuffer sx, int off) {
        long sec = sx.getLong(off);
        long nsec = sx.getInt(off + 8) & 0xffffffffL;
        return sec < 0 ? 0 : sec * 1_000_000_000L + nsec;
    }

    private static int at(int[] a, int i) {
        return a != null && i < a.length ? a[i] : -1;
    }
}
