package io.pdig.model.consts;

/**
 * File-related constants, x86_64 values (the generic Linux values; i386 shares them except
 * O_LARGEFILE, which i386 libcs set implicitly and which renders by its x86_64 bit here).
 * Rendering order follows strace 6.1 (checked against its output); aliases come after their
 * primary name, so they parse but never render (their bits are consumed first). Like strace, the
 * O_ASYNC bit renders as FASYNC; O_ASYNC parses.
 */
public final class FileConsts {

    public static final int AT_FDCWD = -100;
    public static final long O_ACCMODE = 03;
    public static final long O_CREAT = 0100;
    public static final long O_TMPFILE = 020200000;

    /** Access-mode field of the open flags: an enumeration, not bits. */
    public static final ValueNames OPEN_ACCESS_MODES = ValueNames.parse("open access mode", """
            O_RDONLY 0
            O_WRONLY 1
            O_RDWR 2
            """);

    /** open/openat flags: the access mode first, then the bits. */
    public static final FlagSet OPEN_FLAGS = FlagSet.builder("open flags", """
            O_CREAT 0100
            O_EXCL 0200
            O_NOCTTY 0400
            O_TRUNC 01000
            O_APPEND 02000
            O_NONBLOCK 04000
            O_NDELAY 04000
            O_SYNC 04010000
            O_RSYNC 04010000
            O_FSYNC 04010000
            O_DSYNC 010000
            O_DIRECT 040000
            O_LARGEFILE 0100000
            O_NOFOLLOW 0400000
            O_NOATIME 01000000
            O_CLOEXEC 02000000
            O_PATH 010000000
            O_TMPFILE 020200000
            O_DIRECTORY 0200000
            FASYNC 020000
            O_ASYNC 020000
            """).field(O_ACCMODE, OPEN_ACCESS_MODES, FlagSet.FieldAt.FIRST, true)
            .falco(FalcoOpenFlags::render).build();

    /**
     * The same bits without the access mode, for calls that take only O_CLOEXEC/O_NONBLOCK style
     * flags (pipe2, dup3): strace prints {@code O_CLOEXEC}, not {@code O_RDONLY|O_CLOEXEC}.
     */
    public static final FlagSet OPEN_FLAG_BITS = FlagSet.builder("open flags", """
            O_NONBLOCK 04000
            O_DIRECT 040000
            O_CLOEXEC 02000000
            """).unknownAs("O_???").build();

    /** The dirfd argument of *at() calls: one named value. */
    public static final ValueNames DIRFD = ValueNames.parse("dirfd", """
            AT_FDCWD -100
            """);

    /**
     * AT_* flags. AT_EACCESS (faccessat2) shares AT_REMOVEDIR's bit: here it parses and AT_REMOVEDIR
     * renders; {@link #AT_FLAGS_ACCESS} is the faccessat2 reading.
     */
    public static final FlagSet AT_FLAGS = FlagSet.parse("at flags", "AT_???", """
            AT_SYMLINK_NOFOLLOW 0x100
            AT_REMOVEDIR 0x200
            AT_EACCESS 0x200
            AT_SYMLINK_FOLLOW 0x400
            AT_NO_AUTOMOUNT 0x800
            AT_EMPTY_PATH 0x1000
            AT_STATX_FORCE_SYNC 0x2000
            AT_STATX_DONT_SYNC 0x4000
            AT_RECURSIVE 0x8000
            """);

    /** AT_* flags of a call that also takes an access mode (faccessat2): 0x200 is AT_EACCESS. */
    public static final FlagSet AT_FLAGS_ACCESS = FlagSet.parse("at flags", """
            AT_SYMLINK_NOFOLLOW 0x100
            AT_EACCESS 0x200
            AT_SYMLINK_FOLLOW 0x400
            AT_NO_AUTOMOUNT 0x800
            AT_EMPTY_PATH 0x1000
            AT_STATX_FORCE_SYNC 0x2000
            AT_STATX_DONT_SYNC 0x4000
            AT_RECURSIVE 0x8000
            """);

    /** statx's sync type, the AT_STATX_SYNC_TYPE field of its flags. */
    private static final ValueNames AT_STATX_SYNC = ValueNames.parse("statx sync type", """
            AT_STATX_SYNC_AS_STAT 0
            AT_STATX_FORCE_SYNC 0x2000
            AT_STATX_DONT_SYNC 0x4000
            """);

    /** AT_* flags of statx (a call that also takes a STATX_ mask): the sync type first, always, as strace writes it. */
    public static final FlagSet AT_FLAGS_STATX = FlagSet.builder("statx flags", """
            AT_SYMLINK_NOFOLLOW 0x100
            AT_NO_AUTOMOUNT 0x800
            AT_EMPTY_PATH 0x1000
            """).field(0x6000, AT_STATX_SYNC, FlagSet.FieldAt.FIRST, true).build();

    /** preadv2/pwritev2's flags (linux/fs.h). */
    public static final FlagSet RWF_FLAGS = FlagSet.parse("rwf flags", "RWF_???", """
            RWF_HIPRI 0x1
            RWF_DSYNC 0x2
            RWF_SYNC 0x4
            RWF_NOWAIT 0x8
            RWF_APPEND 0x10
            """);

    /** statx's masks (linux/stat.h), the combined names first as strace prints them. */
    public static final FlagSet STATX_MASKS = FlagSet.parse("statx mask", "STATX_???", """
            STATX_ALL 0xfff
            STATX_BASIC_STATS 0x7ff
            STATX_TYPE 0x1
            STATX_MODE 0x2
            STATX_NLINK 0x4
            STATX_UID 0x8
            STATX_GID 0x10
            STATX_ATIME 0x20
            STATX_MTIME 0x40
            STATX_CTIME 0x80
            STATX_INO 0x100
            STATX_SIZE 0x200
            STATX_BLOCKS 0x400
            STATX_BTIME 0x800
            STATX_MNT_ID 0x1000
            STATX_DIOALIGN 0x2000
            STATX_MNT_ID_UNIQUE 0x4000
            STATX_SUBVOL 0x8000
            STATX_WRITE_ATOMIC 0x10000
            """);

    /** struct statx's stx_attributes (linux/stat.h). */
    public static final FlagSet STATX_ATTRS = FlagSet.parse("statx attributes", """
            STATX_ATTR_COMPRESSED 0x4
            STATX_ATTR_IMMUTABLE 0x10
            STATX_ATTR_APPEND 0x20
            STATX_ATTR_NODUMP 0x40
            STATX_ATTR_ENCRYPTED 0x800
            STATX_ATTR_AUTOMOUNT 0x1000
            STATX_ATTR_MOUNT_ROOT 0x2000
            STATX_ATTR_VERITY 0x100000
            STATX_ATTR_DAX 0x200000
            STATX_ATTR_WRITE_ATOMIC 0x400000
            """);

    /** access()/faccessat() modes; 0 is F_OK. */
    public static final FlagSet ACCESS_MODES = FlagSet.builder("access mode", """
            R_OK 4
            W_OK 2
            X_OK 1
            """).zeroName("F_OK").unknownAs("?_OK").build();

    /** lseek's whence (unistd.h). */
    /** posix_fadvise's advice as x86_64 and i386 number it (s390x differs; not traced). */
    public static final ValueNames FADV_ADVICE = ValueNames.parse("fadvise advice", """
            POSIX_FADV_NORMAL 0
            POSIX_FADV_RANDOM 1
            POSIX_FADV_SEQUENTIAL 2
            POSIX_FADV_WILLNEED 3
            POSIX_FADV_DONTNEED 4
            POSIX_FADV_NOREUSE 5
            """).unknownAs("POSIX_FADV_???");

    public static final ValueNames SEEK_WHENCE = ValueNames.parse("lseek whence", """
            SEEK_SET 0
            SEEK_CUR 1
            SEEK_END 2
            SEEK_DATA 3
            SEEK_HOLE 4
            """).unknownAs("SEEK_???");

    /** The request whose argument is an int the kernel writes (the bytes readable now). */
    public static final long FIONREAD = 0x541b;

    /**
     * ioctl requests whose third argument points to an int, as strace shows it ({@code [1]}):
     * the kernel reads it (FIONBIO, FIOASYNC, TIOCSPTLCK, TIOCSPGRP: shown whatever the result)
     * or writes it (FIONREAD, TIOCOUTQ, TIOCGPTN, TIOCGPGRP, TIOCGSID: shown on success only).
     */
    public static final java.util.Set<Long> IOCTL_INT_READ = java.util.Set.of(0x5421L, 0x5452L, 0x40045431L, 0x5410L);
    public static final java.util.Set<Long> IOCTL_INT_WRITTEN = java.util.Set.of(FIONREAD, 0x5411L, 0x80045430L, 0x540fL, 0x5429L);
    /** ioctl requests that take no third argument (FIOCLEX, FIONCLEX, TIOCNOTTY): strace leaves it out. */
    public static final java.util.Set<Long> IOCTL_NO_ARG = java.util.Set.of(0x5451L, 0x5450L, 0x5422L);
    /** ioctl requests whose third argument is an int value, not a pointer (FICLONE's source fd). */
    public static final java.util.Set<Long> IOCTL_INT_VALUE = java.util.Set.of(0x40049409L);

    /**
     * ioctl requests that programs issue on every start (isatty, the terminal size, job control)
     * and a few fd-generic ones (sys/ioctl.h, linux/fs.h). A number with several names lists
     * them all, as strace joins them ("BTRFS_IOC_CLONE or FICLONE", in this order); others are
     * spelled out as their _IOC fields (IoctlText).
     */
    public static final ValueNames IOCTL_REQUESTS = ValueNames.parse("ioctl request", """
            TCGETS 0x5401
            TCSETS 0x5402
            TCSETSW 0x5403
            TCSETSF 0x5404
            TCFLSH 0x540b
            TIOCSCTTY 0x540e
            TIOCGPGRP 0x540f
            TIOCSPGRP 0x5410
            TIOCOUTQ 0x5411
            TIOCGWINSZ 0x5413
            TIOCSWINSZ 0x5414
            FIONREAD 0x541b
            TIOCNOTTY 0x5422
            TIOCGSID 0x5429
            FIONBIO 0x5421
            FIONCLEX 0x5450
            FIOCLEX 0x5451
            FIOASYNC 0x5452
            TIOCGPTN 0x80045430
            TIOCSPTLCK 0x40045431
            BTRFS_IOC_CLONE 0x40049409
            FICLONE 0x40049409
            """);

    public static final ValueNames FCNTL_CMDS = ValueNames.parse("fcntl command", """
            F_DUPFD 0
            F_GETFD 1
            F_SETFD 2
            F_GETFL 3
            F_SETFL 4
            F_GETLK 5
            F_SETLK 6
            F_SETLKW 7
            F_SETOWN 8
            F_GETOWN 9
            F_SETSIG 10
            F_GETSIG 11
            F_SETOWN_EX 15
            F_GETOWN_EX 16
            F_GETOWNER_UIDS 17
            F_OFD_GETLK 36
            F_OFD_SETLK 37
            F_OFD_SETLKW 38
            F_SETLEASE 1024
            F_GETLEASE 1025
            F_NOTIFY 1026
            F_DUPFD_QUERY 1027
            F_CANCELLK 1029
            F_DUPFD_CLOEXEC 1030
            F_SETPIPE_SZ 1031
            F_GETPIPE_SZ 1032
            F_ADD_SEALS 1033
            F_GET_SEALS 1034
            F_GET_RW_HINT 1035
            F_SET_RW_HINT 1036
            F_GET_FILE_RW_HINT 1037
            F_SET_FILE_RW_HINT 1038
            """).unknownAs("F_???");

    public static final FlagSet RENAME_FLAGS = FlagSet.parse("rename flags", "RENAME_??", """
            RENAME_NOREPLACE 1
            RENAME_EXCHANGE 2
            RENAME_WHITEOUT 4
            """);

    /** getrandom flags. */
    public static final FlagSet GRND_FLAGS = FlagSet.parse("getrandom flags", "GRND_???", """
            GRND_NONBLOCK 1
            GRND_RANDOM 2
            GRND_INSECURE 4
            """);

    /** poll's events and revents bits (asm-generic/poll.h, x86's numbering). */
    public static final FlagSet POLL_EVENTS = FlagSet.parse("poll events", """
            POLLIN 0x1
            POLLPRI 0x2
            POLLOUT 0x4
            POLLERR 0x8
            POLLHUP 0x10
            POLLNVAL 0x20
            POLLRDNORM 0x40
            POLLRDBAND 0x80
            POLLWRNORM 0x100
            POLLWRBAND 0x200
            POLLMSG 0x400
            POLLREMOVE 0x1000
            POLLRDHUP 0x2000
            """);

    /** struct statfs's f_type: file system magics (linux/magic.h), strace's names. */
    public static final ValueNames FS_MAGICS = ValueNames.parse("file system magic", """
            EXT2_SUPER_MAGIC 0xef53
            TMPFS_MAGIC 0x01021994
            PROC_SUPER_MAGIC 0x9fa0
            SYSFS_MAGIC 0x62656572
            DEVPTS_SUPER_MAGIC 0x1cd1
            CGROUP_SUPER_MAGIC 0x27e0eb
            CGROUP2_SUPER_MAGIC 0x63677270
            OVERLAYFS_SUPER_MAGIC 0x794c7630
            BTRFS_SUPER_MAGIC 0x9123683e
            XFS_SUPER_MAGIC 0x58465342
            NFS_SUPER_MAGIC 0x6969
            SQUASHFS_MAGIC 0x73717368
            RAMFS_MAGIC 0x858458f6
            HUGETLBFS_MAGIC 0x958458f6
            DEBUGFS_MAGIC 0x64626720
            TRACEFS_MAGIC 0x74726163
            SECURITYFS_MAGIC 0x73636673
            SELINUX_MAGIC 0xf97cff8c
            BPF_FS_MAGIC 0xcafe4a11
            MQUEUE_MAGIC 0x19800202
            FUSE_SUPER_MAGIC 0x65735546
            MSDOS_SUPER_MAGIC 0x4d44
            ISOFS_SUPER_MAGIC 0x9660
            V9FS_MAGIC 0x01021997
            NSFS_MAGIC 0x6e736673
            PIPEFS_MAGIC 0x50495045
            SOCKFS_MAGIC 0x534f434b
            ANON_INODE_FS_MAGIC 0x09041934
            F2FS_SUPER_MAGIC 0xf2f52010
            EFIVARFS_MAGIC 0xde5e81e4
            AUTOFS_SUPER_MAGIC 0x0187
            PSTOREFS_MAGIC 0x6165676c
            BINFMTFS_MAGIC 0x42494e4d
            CIFS_SUPER_MAGIC 0xff534d42
            SMB2_SUPER_MAGIC 0xfe534d42
            CEPH_SUPER_MAGIC 0x00c36400
            UDF_SUPER_MAGIC 0x15013346
            """);

    /**
     * struct statfs's f_flags (ST_ bits, sys/statvfs.h) in strace's order: ST_VALID (which the
     * kernel sets in every reply) first, then by value ({@code ST_VALID|ST_RDONLY|ST_NOSUID}).
     */
    public static final FlagSet ST_FLAGS = FlagSet.parse("statfs flags", """
            ST_VALID 0x20
            ST_RDONLY 0x1
            ST_NOSUID 0x2
            ST_NODEV 0x4
            ST_NOEXEC 0x8
            ST_SYNCHRONOUS 0x10
            ST_MANDLOCK 0x40
            ST_WRITE 0x80
            ST_APPEND 0x100
            ST_IMMUTABLE 0x200
            ST_NOATIME 0x400
            ST_NODIRATIME 0x800
            ST_RELATIME 0x1000
            ST_NOSYMFOLLOW 0x2000
            """);

    /** flock's operation (sys/file.h; LOCK_MAND and its two modes are the kernel's old ones). */
    public static final FlagSet FLOCK_OPS = FlagSet.parse("flock operation", "LOCK_???", """
            LOCK_SH 1
            LOCK_EX 2
            LOCK_NB 4
            LOCK_UN 8
            LOCK_MAND 32
            LOCK_READ 64
            LOCK_WRITE 128
            """);

    /** epoll_ctl's operations (linux/eventpoll.h). */
    public static final ValueNames EPOLL_CTL_OPS = ValueNames.parse("epoll_ctl operation", """
            EPOLL_CTL_ADD 1
            EPOLL_CTL_DEL 2
            EPOLL_CTL_MOD 3
            """).unknownAs("EPOLL_CTL_???");

    /** EPOLL_CTL_DEL: the one operation that reads no struct epoll_event. */
    public static final long EPOLL_CTL_DEL = 2;

    /** struct epoll_event's events bits, in strace 6.1's order (by value). */
    public static final FlagSet EPOLL_EVENTS = FlagSet.parse("epoll events", """
            EPOLLIN 0x1
            EPOLLPRI 0x2
            EPOLLOUT 0x4
            EPOLLERR 0x8
            EPOLLHUP 0x10
            EPOLLNVAL 0x20
            EPOLLRDNORM 0x40
            EPOLLRDBAND 0x80
            EPOLLWRNORM 0x100
            EPOLLWRBAND 0x200
            EPOLLMSG 0x400
            EPOLLRDHUP 0x2000
            EPOLLEXCLUSIVE 0x10000000
            EPOLLWAKEUP 0x20000000
            EPOLLONESHOT 0x40000000
            EPOLLET 0x80000000
            """);

    /** epoll_create1 flags: the one the kernel accepts is O_CLOEXEC's bit. */
    public static final FlagSet EPOLL_FLAGS = FlagSet.parse("epoll_create1 flags", "EPOLL_???", """
            EPOLL_CLOEXEC 02000000
            """);

    /** memfd_create flags; the hugetlb page size bits (26..31) stay in hex. */
    public static final FlagSet MEMFD_FLAGS = FlagSet.parse("memfd flags", "MFD_???", """
            MFD_CLOEXEC 1
            MFD_ALLOW_SEALING 2
            MFD_HUGETLB 4
            MFD_NOEXEC_SEAL 8
            MFD_EXEC 0x10
            """);

    /** open_how.resolve (openat2). */
    public static final FlagSet RESOLVE_FLAGS = FlagSet.parse("resolve flags", """
            RESOLVE_NO_XDEV 0x01
            RESOLVE_NO_MAGICLINKS 0x02
            RESOLVE_NO_SYMLINKS 0x04
            RESOLVE_BENEATH 0x08
            RESOLVE_IN_ROOT 0x10
            RESOLVE_CACHED 0x20
            """);

    private FileConsts() {
    }
}
