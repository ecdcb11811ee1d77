package io.pdig.model.consts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.pdig.model.event.ArgValue;
import io.pdig.model.syscall.ArgKind;
import io.pdig.model.syscall.Syscall;
import io.pdig.model.syscall.SyscallTable;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ArgKind-to-table map: complete, round-tripping, with the right value widths. */
class ArgNamesTest {

    /** Kinds rendered as plain numbers, strings or structs: everything else must name its values. */
    private static final Set<ArgKind> UNNAMED = EnumSet.of(ArgKind.INT, ArgKind.SIZE, ArgKind.HEX, ArgKind.PTR, ArgKind.FD,
            ArgKind.PID, ArgKind.UID, ArgKind.GID, ArgKind.PATH, ArgKind.STRING, ArgKind.ARGV, ArgKind.MODE,
            ArgKind.SOCKADDR, ArgKind.SOCKADDR_OUT, ArgKind.CLONE_ARGS, ArgKind.OPEN_HOW, ArgKind.FD_PAIR_OUT,
            ArgKind.CAP_DATA, ArgKind.SOCKLEN_INOUT, ArgKind.SOCKOPT_VAL, ArgKind.SIGSET, ArgKind.SIGSET_OUT, ArgKind.STAT_OUT, ArgKind.SIGACTION, ArgKind.SIGACTION_OUT, ArgKind.FCNTL_ARG, ArgKind.WAIT_STATUS_OUT, ArgKind.RLIMIT, ArgKind.RLIMIT_OUT, ArgKind.STATX_OUT, ArgKind.FUTEX_OP, ArgKind.FUTEX_VAL2, ArgKind.FUTEX_VAL3, ArgKind.ENVP, ArgKind.DATA, ArgKind.DATA_OUT, ArgKind.PATH_OUT, ArgKind.DIRENTS_OUT, ArgKind.UTSNAME_OUT, ArgKind.SYSINFO_OUT,
            ArgKind.IOVEC, ArgKind.IOVEC_OUT, ArgKind.POS_HIGH, ArgKind.MSGHDR, ArgKind.MSGHDR_OUT,
            ArgKind.SOCKOPT_NAME, ArgKind.SOCK_LOCAL, ArgKind.SOCK_PEER, ArgKind.SIGRETURN_MASK, ArgKind.CLONE_PARENT_TID, ArgKind.RANDOM_OUT, ArgKind.LOFF_PTR, ArgKind.TIMESPEC, ArgKind.GID_LIST_OUT, ArgKind.CPU_SET_OUT, ArgKind.POLLFDS, ArgKind.IOCTL_ARG,
            ArgKind.MMSGHDR, ArgKind.MMSGHDR_OUT, ArgKind.TIMESPEC_INOUT, ArgKind.CLONE_ARGS_OUT, ArgKind.EPOLL_EVENT, ArgKind.EPOLL_EVENTS_OUT, ArgKind.TIMESPEC_REM, ArgKind.GID_LIST, ArgKind.STATFS_OUT, ArgKind.STACK_T, ArgKind.STACK_T_OUT, ArgKind.ID_OUT, ArgKind.PRCTL_ARG, ArgKind.CAP_HEADER, ArgKind.CAP_DATA_OUT, ArgKind.SIGEVENT, ArgKind.ITIMERSPEC, ArgKind.ITIMERSPEC_OUT, ArgKind.MPOL_MODE, ArgKind.MPOL_MODE_OUT, ArgKind.NODEMASK, ArgKind.NODEMASK_OUT, ArgKind.TIMESPEC_PAIR);

    @Test
    void everyNamedKindHasATable() {
        for (ArgKind k : ArgKind.values()) {
            if (UNNAMED.contains(k)) {
                assertNull(ArgNames.table(k), k.name());
            } else {
                assertNotNull(ArgNames.table(k), k + " has no name table: add one to ArgNames or to UNNAMED here");
            }
        }
    }

    @Test
    void everyTableParsesWhatItRenders() {
        Random rnd = new Random(42);
        for (ArgKind k : ArgKind.values()) {
            NameTable t = ArgNames.table(k);
            if (t == null) continue;
            for (String name : t.names()) {
                long v = t.valueOf(name).getAsLong();
                assertEquals(v, t.parse(t.render(v)), k + " " + name);
            }
            for (int i = 0; i < 200; i++) {
                long v = ArgNames.normalize(k, rnd.nextLong() >>> rnd.nextInt(64));
                assertEquals(v, t.parse(t.render(v)), k + " random value " + Long.toHexString(v) + " -> " + t.render(v));
            }
        }
    }

    @Test
    void enumerationNamesRenderAsThemselves() {
        for (NameTable t : new NameTable[] {NetConsts.FAMILIES, NetConsts.PROTOCOLS, ProcessConsts.PTRACE_REQUESTS,
                ProcessConsts.PRCTL_OPTIONS, ProcessConsts.SECCOMP_OPS, ProcessConsts.BPF_CMDS, FileConsts.FCNTL_CMDS,
                Errno.TABLE, Signals.TABLE}) {
            for (String name : t.names()) {
                assertEquals(name, t.render(t.valueOf(name).getAsLong()), t.title());
            }
        }
    }

    @Test
    void valuesAreNormalisedToTheKernelsWidth() {
        assertEquals("AT_FDCWD", ArgNames.render(ArgKind.DIRFD, 0xffffff9cL));
        assertEquals("AT_FDCWD", ArgNames.render(ArgKind.DIRFD, -100));
        assertEquals("3", ArgNames.render(ArgKind.DIRFD, 3));
        assertEquals(-1, ArgNames.normalize(ArgKind.FD, 0xffffffffL));
        assertEquals("O_RDONLY|O_CLOEXEC", ArgNames.render(ArgKind.OPEN_FLAGS, 0xdead000000080000L));
        assertEquals("SIGKILL", ArgNames.render(ArgKind.SIGNAL, 9));
        assertEquals("O_TRUNC|O_CREAT|O_WRONLY", ArgNames.renderFalco(ArgKind.OPEN_FLAGS, 01101));
        assertEquals("PTRACE_ATTACH", ArgNames.renderFalco(ArgKind.PTRACE_REQUEST, 16));
        assertEquals("AF_PACKET", ArgNames.renderFalco(ArgKind.SOCKET_FAMILY, 17));
        assertNull(ArgNames.render(ArgKind.SIZE, 5));
    }

    @Test
    void siblingArgumentsAndRowShapeChooseTheTable() {
        Syscall pipe2 = SyscallTable.byName("pipe2");
        ArgValue[] pipeArgs = {new ArgValue.FdPair(3, 4), new ArgValue.Num(02000000)};
        assertSame(FileConsts.OPEN_FLAG_BITS, ArgNames.table(pipe2, 1, pipeArgs));
        assertEquals("O_CLOEXEC", ArgNames.table(pipe2, 1, pipeArgs).render(02000000));
        Syscall openat = SyscallTable.byName("openat");
        ArgValue[] openArgs = {new ArgValue.Num(-100), new ArgValue.Null(), new ArgValue.Num(0), new ArgValue.Num(0)};
        assertSame(FileConsts.OPEN_FLAGS, ArgNames.table(openat, 2, openArgs));
        Syscall faccessat2 = SyscallTable.byName("faccessat2");
        assertEquals("AT_SYMLINK_NOFOLLOW|AT_EACCESS", ArgNames.table(faccessat2, 3, new ArgValue[4]).render(0x300));
        Syscall socket = SyscallTable.byName("socket");
        ArgValue[] inet6 = {new ArgValue.Num(10), new ArgValue.Num(1), new ArgValue.Num(0)};
        ArgValue[] unix = {new ArgValue.Num(1), new ArgValue.Num(1), new ArgValue.Num(0)};
        assertEquals("IPPROTO_IP", ArgNames.table(socket, 2, inet6).render(0));
        assertEquals("0", ArgNames.table(socket, 2, unix).render(0));
    }
}
