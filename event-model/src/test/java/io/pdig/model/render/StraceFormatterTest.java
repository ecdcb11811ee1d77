package io.pdig.model.render;

import static io.pdig.model.render.Ev.argv;
import static io.pdig.model.render.Ev.b;
import static io.pdig.model.render.Ev.bytes;
import static io.pdig.model.render.Ev.call;
import static io.pdig.model.render.Ev.n;
import static io.pdig.model.render.Ev.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.event.ArgValue;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StraceFormatterTest {

    private final StraceFormatter f = new StraceFormatter();
    private static final long AT_FDCWD_RAW = 0xffffff9cL;

    @Test
    void openatSuccessAndFailure() {
        assertEquals("1234 openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3",
                f.format(call("openat", 3, n(AT_FDCWD_RAW), path("/etc/hostname"), n(0), n(0))));
        assertEquals("1234 openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 ENOENT (No such file or directory)",
                f.format(call("openat", -2, n(-100), path("/nonexistent"), n(0), n(0))));
        assertEquals("1234 openat(3, \"x\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 4",
                f.format(call("openat", 4, n(3), path("x"), n(01101 | 02000000), n(0644))));
        assertEquals("1234 openat(AT_FDCWD, \"/tmp\", O_RDWR|O_TMPFILE, 0600) = 5",
                f.format(call("openat", 5, n(-100), path("/tmp"), n(020200002), n(0600))));
        assertEquals("1234 creat(\"f\", 0755) = 3", f.format(call("creat", 3, path("f"), n(0755))));
    }

    @Test
    void i386CallsUseTheirOwnNumbers() {
        SyscallEvent open32 = new SyscallEvent(Ev.TS, 7, 7, Abi.I386, 5, 3, true,
                new ArgValue[] {path("/etc/passwd"), n(0), n(0)});
        assertEquals("7 open(\"/etc/passwd\", O_RDONLY) = 3", f.format(open32));
    }

    @Test
    void execveCloseUnknownResultAndRestarts() {
        assertEquals("1234 execve(\"/bin/true\", [\"/bin/true\"], 0x7ffc1234) = 0",
                f.format(call("execve", 0, path("/bin/true"), argv("/bin/true"), n(0x7ffc1234L))));
        assertEquals("1234 close(3) = ?", f.format(Ev.noResult("close", n(3))));
        assertEquals("1234 read(3, 0x7ffc0000, 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)",
                f.format(call("read", -512, n(3), n(0x7ffc0000L), n(10))));
        assertEquals("1234 exit_group(0) = ?", f.format(Ev.noResult("exit_group", n(0))));
    }

    @Test
    void escapingTruncationUnreadableAndNull() {
        ArgValue weird = new ArgValue.Path(bytes('/', 'a', '\n', '"', '\\', 0xff), null, false);
        assertEquals("1234 unlink(\"/a\\x0a\\\"\\\\\\xff\") = 0", f.format(call("unlink", 0, weird)));
        ArgValue cut = new ArgValue.Path(b("/very/long"), null, true);
        assertEquals("1234 unlink(\"/very/long\"...) = 0", f.format(call("unlink", 0, cut)));
        assertEquals("1234 openat(AT_FDCWD, 0x10, O_RDONLY) = -1 EFAULT (Bad address)",
                f.format(call("openat", -14, n(-100), new ArgValue.Unreadable(0x10, 14), n(0), n(0))));
        assertEquals("1234 execve(\"/bin/sh\", NULL, 0) = 0",
                f.format(call("execve", 0, path("/bin/sh"), ArgValue.Null.INSTANCE, n(0))));
        assertEquals("1234 execve(\"/bin/sh\", [\"sh\", ...], 0) = 0", f.format(call("execve", 0, path("/bin/sh"),
                new ArgValue.StrList(List.of(b("sh")), true), n(0))));
        // strace -s 16: the cut argument carries its own "...", and no ", ..." claims more arguments.
        assertEquals("1234 execve(\"/bin/echo\", [\"/bin/echo\", \"0123456789abcdef\"..., \"Z\"], 0) = 0",
                f.format(call("execve", 0, path("/bin/echo"),
                        new ArgValue.StrList(List.of(b("/bin/echo"), b("0123456789abcdef"), b("Z")), false, new int[] {1}), n(0))));
        // An item whose pointer could not be read is its address, as strace prints it.
        assertEquals("1234 execve(\"/bin/true\", [\"true\", 0x1, \"after\"], 0) = -1 EFAULT (Bad address)",
                f.format(call("execve", -14, path("/bin/true"), new ArgValue.StrList(List.of(b("true"), new byte[0], b("after")),
                        false, null, new int[] {1}, new long[] {1}), n(0))));
    }

    @Test
    void socketsAndFdPairs() {
        assertEquals("1234 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3",
                f.format(call("socket", 3, n(2), n(1 | 02000000), n(6))));
        assertEquals("1234 socket(AF_UNIX, SOCK_DGRAM, 0) = 3", f.format(call("socket", 3, n(1), n(2), n(0))));
        assertEquals("1234 connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, 16)"
                + " = -1 ECONNREFUSED (Connection refused)",
                f.format(call("connect", -111, n(3), new ArgValue.SockAddr(Ev.inet(127, 0, 0, 1, 80)), n(16))));
        assertEquals("1234 pipe2([3, 4], O_CLOEXEC) = 0", f.format(call("pipe2", 0, new ArgValue.FdPair(3, 4), n(02000000))));
        assertEquals("1234 pipe2([3, 4], 0) = 0", f.format(call("pipe2", 0, new ArgValue.FdPair(3, 4), n(0))));
        assertEquals("1234 accept4(3, {sa_family=AF_INET, sin_port=htons(5000), sin_addr=inet_addr(\"10.0.0.9\")}, 0x7ffc0000,"
                + " SOCK_CLOEXEC|SOCK_NONBLOCK) = 4", f.format(call("accept4", 4, n(3),
                new ArgValue.SockAddr(Ev.inet(10, 0, 0, 9, 5000)), n(0x7ffc0000L), n(02004000))));
        assertEquals("1234 socketpair(AF_UNIX, SOCK_STREAM, 0, [5, 6]) = 0",
                f.format(call("socketpair", 0, n(1), n(1), n(0), new ArgValue.FdPair(5, 6))));
    }

    @Test
    void processCallsWithFlagsSignalsAndStructs() {
        // strace 6's named form: only the pointers the flags use, NULL for 0.
        assertEquals("1234 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00aa) = 1235",
                f.format(call("clone", 1235, n(0x01200011), n(0), n(0), n(0x7f00aaL), n(0))));
        assertEquals("1234 clone(child_stack=0x7f0000, flags=CLONE_VM|CLONE_VFORK|SIGCHLD) = 1236",
                f.format(call("clone", 1236, n(0x4111), n(0x7f0000L), n(0x7ffc0000L), n(0x7f00aaL), n(0x7f00bbL))));
        assertEquals("1234 clone(child_stack=NULL, flags=CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_SETTID|SIGCHLD,"
                        + " parent_tid=0x7ffc0000, tls=0x7f00bb, child_tidptr=NULL) = -1 EINVAL (Invalid argument)",
                f.format(call("clone", -22, n(0x1180011), n(0), n(0x7ffc0000L), n(0), n(0x7f00bbL))));
        // i386's clone takes tls before child_tid
        SyscallEvent clone32 = new SyscallEvent(Ev.TS, 7, 7, Abi.I386, 120, 8, true,
                new ArgValue[] {n(0x1080011), n(0), n(0), n(0xf7f00bbL), n(0xffc000aaL)});
        assertEquals("7 clone(child_stack=NULL, flags=CLONE_SETTLS|CLONE_CHILD_SETTID|SIGCHLD, tls=0xf7f00bb, child_tidptr=0xffc000aa) = 8",
                f.format(clone32));
        long[] cloneArgs = {0x4100, 0, 0, 0, 17, 0x7f0000, 8192, 0};
        assertEquals("1234 clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7f0000, stack_size=0x2000}, 88) = 1236",
                f.format(call("clone3", 1236, new ArgValue.Words(cloneArgs), n(88))));
        // what the kernel wrote, after the struct: each value read, or the pointer it could not write
        long[] settid = {0x101000, 0x5000, 0, 0x5008, 17, 0, 0, 0};
        assertEquals("1234 clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0x5000, parent_tid=0x5008, exit_signal=SIGCHLD,"
                        + " stack=NULL, stack_size=0} => {pidfd=[3], parent_tid=[1236]}, 88) = 1236",
                f.format(call("clone3", 1236, new ArgValue.Words(settid), n(88), new ArgValue.Words(new long[] {3, 1236, 3}))));
        assertEquals("1234 clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0x5000, parent_tid=0x5008, exit_signal=SIGCHLD,"
                        + " stack=NULL, stack_size=0} => {pidfd=[3], parent_tid=0x5008}, 88) = 1236",
                f.format(call("clone3", 1236, new ArgValue.Words(settid), n(88), new ArgValue.Words(new long[] {3, 0, 1}))));
        // a failed call, and a journal from before the written values were read: the struct alone
        assertEquals("1234 clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0x5000, parent_tid=0x5008, exit_signal=SIGCHLD,"
                        + " stack=NULL, stack_size=0}, 88) = -1 EINVAL (Invalid argument)",
                f.format(call("clone3", -22, new ArgValue.Words(settid), n(88), ArgValue.Null.INSTANCE)));
        assertEquals("1234 clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0x5000, parent_tid=0x5008, exit_signal=SIGCHLD,"
                        + " stack=NULL, stack_size=0}, 88) = 1236",
                f.format(call("clone3", 1236, new ArgValue.Words(settid), n(88))));
        // As strace 6: mode only where the flags create a file (or it is not 0, which fails).
        assertEquals("1234 openat2(AT_FDCWD, \"/x\", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}, 24) = 3",
                f.format(call("openat2", 3, n(-100), path("/x"), new ArgValue.Words(new long[] {02000000, 0, 4}), n(24))));
        assertEquals("1234 openat2(AT_FDCWD, \"/x\", {flags=O_WRONLY|O_CREAT, mode=000, resolve=0}, 24) = 3",
                f.format(call("openat2", 3, n(-100), path("/x"), new ArgValue.Words(new long[] {0101, 0, 0}), n(24))));
        assertEquals("1234 openat2(AT_FDCWD, \"/x\", {flags=O_WRONLY|O_CREAT, mode=0640, resolve=0}, 24) = 3",
                f.format(call("openat2", 3, n(-100), path("/x"), new ArgValue.Words(new long[] {0101, 0640, 0}), n(24))));
        assertEquals("1234 openat2(AT_FDCWD, \"/x\", {flags=O_RDONLY, mode=0600, resolve=0}, 24) = -1 EINVAL (Invalid argument)",
                f.format(call("openat2", -22, n(-100), path("/x"), new ArgValue.Words(new long[] {0, 0600, 0}), n(24))));
        assertEquals("1234 kill(1235, SIGTERM) = 0", f.format(call("kill", 0, n(1235), n(15))));
        assertEquals("1234 kill(-1, SIGRT_2) = -1 EPERM (Operation not permitted)",
                f.format(call("kill", -1, n(0xffffffffL), n(34))));
        assertEquals("1234 ptrace(PTRACE_ATTACH, 99, 0, 0) = 0", f.format(call("ptrace", 0, n(16), n(99), n(0), n(0))));
        assertEquals("1234 unshare(CLONE_NEWNS|CLONE_NEWUSER) = 0", f.format(call("unshare", 0, n(0x10020000))));
        assertEquals("1234 memfd_create(\"x\", MFD_CLOEXEC|MFD_ALLOW_SEALING) = 3",
                f.format(call("memfd_create", 3, new ArgValue.Bytes(b("x"), false), n(3))));
        assertEquals("1234 faccessat(AT_FDCWD, \"/etc\", R_OK|X_OK) = 0",
                f.format(call("faccessat", 0, n(-100), path("/etc"), n(5))));
        assertEquals("1234 unlinkat(AT_FDCWD, \"d\", AT_REMOVEDIR) = 0",
                f.format(call("unlinkat", 0, n(-100), path("d"), n(0x200))));
        assertEquals("1234 capset(0x7ffc0010, {effective=1<<CAP_CHOWN|1<<CAP_SYS_ADMIN, permitted=1<<CAP_CHOWN, inheritable=0}) = 0",
                f.format(call("capset", 0, n(0x7ffc0010L), new ArgValue.Words(new long[] {1L | 1L << 21, 1, 0, 0, 0, 0}))));
        assertEquals("1234 capset(0x7ffc0010, {effective=1<<CAP_CHOWN|1<<CAP_MAC_ADMIN, permitted=1<<CAP_SYS_ADMIN, inheritable=1<<CAP_SYSLOG}) = 0",
                f.format(call("capset", 0, n(0x7ffc0010L), new ArgValue.Words(new long[] {1, 1L << 21, 0, 1L << 1, 0, 1L << 2}))));
    }

    @Test
    void memoryCallsPrintAddressesInHexAndANullHintAsNull() {
        assertEquals("1234 mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1234560000",
                f.format(call("mmap", 0x7f1234560000L, n(0), n(4096), n(3), n(0x22), n(-1), n(0))));
        assertEquals("1234 mmap(NULL, 4096, PROT_NONE, MAP_SHARED, 3, 0) = -1 ENOMEM (Cannot allocate memory)",
                f.format(call("mmap", -12, n(0), n(4096), n(0), n(1), n(3), n(0))));
        assertEquals("1234 lseek(3, -1, SEEK_SET) = 5", f.format(call("lseek", 5, n(3), n(0xffffffffL), n(0))));
    }

    @Test
    void unknownSyscallsShowHexArguments() {
        SyscallEvent unknown = new SyscallEvent(Ev.TS, 9, 9, Abi.X86_64, 1000, 0, true, new ArgValue[] {n(1), n(255)});
        assertEquals("9 syscall_0x3e8(0x1, 0xff) = 0", f.format(unknown));
        assertEquals("1234 mlock(0x7ffc00, 0x10, 0, 0, 0, 0) = 16",
                f.format(call("mlock", 16, n(0x7ffc00), n(16), n(0), n(0), n(0), n(0))));
    }

    @Test
    void processEventsAsStraceLines() {
        assertEquals("1234 +++ exited with 3 +++", f.format(new ProcessEvent.Exit(1, 1234, 1234, 3, 0, false, false)));
        assertEquals("1234 +++ killed by SIGSEGV (core dumped) +++",
                f.format(new ProcessEvent.Exit(1, 1234, 1234, 0, 11, true, false)));
        assertEquals("1234 +++ killed by SIGKILL +++", f.format(new ProcessEvent.Exit(1, 1234, 1234, 0, 9, false, false)));
        assertEquals("1234 --- SIGINT {si_signo=SIGINT, si_code=SI_USER, si_pid=5, si_uid=0} ---",
                f.format(new ProcessEvent.Signal(1, 1234, 1234, 2, 0, 5, 0)));
        assertEquals("1234 --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---",
                f.format(new ProcessEvent.Signal(1, 1234, 1234, 11, 1, 0, 0)));
        // si_addr shares its bytes with si_pid (low half) and si_uid (high half).
        assertEquals("1234 --- SIGBUS {si_signo=SIGBUS, si_code=BUS_ADRERR, si_addr=0x7f00deadbeef} ---",
                f.format(new ProcessEvent.Signal(1, 1234, 1234, 7, 2, 0xdeadbeef, 0x7f00)));
        // Without siginfo's rest (journals before schema v4) the child's status is unknown: left out.
        assertEquals("1234 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1235, si_uid=1000} ---",
                f.format(new ProcessEvent.Signal(1, 1234, 1234, 17, 1, 1235, 1000)));
        // CPU times are clock ticks (USER_HZ, 100 a second), with the seconds as strace comments them when not 0.
        assertEquals("1234 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1235, si_uid=1000, si_status=3, si_utime=7 /* 0.07 s */, "
                + "si_stime=2 /* 0.02 s */} ---", f.format(new ProcessEvent.Signal(1, 1234, 1234, 17, 1, 1235, 1000, new ProcessEvent.SiginfoRest(3, 7, 2))));
        assertEquals("1234 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1235, si_uid=0, si_status=0, si_utime=150 /* 1.50 s */, "
                + "si_stime=0} ---", f.format(new ProcessEvent.Signal(1, 1234, 1234, 17, 1, 1235, 0, new ProcessEvent.SiginfoRest(0, 150, 0))));
        assertEquals("1234 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_DUMPED, si_pid=1235, si_uid=0, si_status=SIGSEGV, si_utime=0, "
                + "si_stime=0} ---", f.format(new ProcessEvent.Signal(1, 1234, 1234, 17, 3, 1235, 0, new ProcessEvent.SiginfoRest(11, 0, 0))));
        // A SIGCHLD sent with kill() has no child status, whatever the words hold.
        assertEquals("1234 --- SIGCHLD {si_signo=SIGCHLD, si_code=SI_USER, si_pid=1235, si_uid=0} ---",
                f.format(new ProcessEvent.Signal(1, 1234, 1234, 17, 0, 1235, 0, new ProcessEvent.SiginfoRest(5, 0, 0))));
        assertEquals("1234 --- stopped by SIGSTOP ---", f.format(new ProcessEvent.Stopped(1, 1234, 1234, 19)));
    }

    @Test
    void pdigEventsAsBracketedLines() {
        assertEquals("1235 [pdig: spawn: pid=1235 parent_tid=1234 parent_pid=1234 thread=false clone_flags=SIGCHLD]",
                f.format(new ProcessEvent.Spawn(1, 1235, 1235, 1234, 1234, 17, false)));
        ProcessEvent.Exec exec = new ProcessEvent.Exec(1, 1235, 1235, 1236, b("/usr/bin/true"), List.of(b("true"), b("a b")),
                false, List.of(), b("/tmp"), new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0}, -1, 0, 1, 1, b(""),
                new long[] {0, 0, 0}, false, false, 1234);
        assertEquals("1235 [pdig: exec: exe=\"/usr/bin/true\" argv=[\"true\", \"a b\"] cwd=\"/tmp\" uid=0 euid=0 ppid=1234 former_tid=1236]",
                f.format(exec));
        assertEquals("1234 [pdig: unreadable_memory: path of openat at 0x10 (count 3)]",
                f.format(new NoticeEvent(1, 1234, 1234, NoticeEvent.Kind.UNREADABLE_MEMORY, 3, "path of openat at 0x10")));
        assertEquals("1234 [pdig: detached: gone]", f.format(new NoticeEvent(1, 1234, 1234, NoticeEvent.Kind.DETACHED, 1, "gone")));
        assertEquals("0 [pdig: session_start: host=\"h\" boot_id=\"b\" version=\"0.1.0\" schema=1 command=[\"sh\", \"-c\", \"true\\xff\"]"
                + " attach_pid=0 processes=0]",
                f.format(new SessionEvent.Start(1, 0, 0, "h", "b", "0.1.0", 1, List.of(b("sh"), b("-c"), new byte[] {'t', 'r', 'u', 'e', (byte) 0xff}), 0, List.of())));
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("events", 12L);
        counters.put("stops", 24L);
        assertEquals("0 [pdig: session_end: exit_code=0 signal=0 counters={events=12, stops=24}]",
                f.format(new SessionEvent.End(1, 0, 0, 0, 0, counters)));
        assertEquals("0 [pdig: session_end: exit_code=-1 signal=SIGKILL counters={}]",
                f.format(new SessionEvent.End(1, 0, 0, -1, 9, Map.of())));
    }

    /**
     * A call recorded before its row existed (the generic row: six raw words) still prints, its
     * words past the row's arguments in hex as they printed then: uname had six words before its
     * one-argument row.
     */
    @Test
    void wordsPastTheRowsArgumentsOfOlderJournalsPrintAsHex() {
        assertEquals("1234 uname(0x7ffc1000, 0x8, 0, 0x7f00) = 0",
                f.format(call("uname", 0, n(0x7ffc1000L), n(8), n(0), n(0x7f00))));
    }

    /**
     * rt_sigreturn's restored mask, its unreadable frame as the mask's address (strace's form),
     * and the six raw words that journals written before its row hold, printed as they were then.
     */
    @Test
    void sigreturnMaskAndOlderJournals() {
        assertEquals("1234 rt_sigreturn({mask=[INT USR2]}) = 0",
                f.format(call("rt_sigreturn", 0, new ArgValue.Words(new long[] {0x7ffc1128L, (1L << 1) | (1L << 11)}))));
        assertEquals("1234 rt_sigreturn({mask=0x10128}) = 0", f.format(call("rt_sigreturn", 0, new ArgValue.Unreadable(0x10128, 14))));
        assertEquals("1234 rt_sigreturn(0, 0x7ffc11b0, 0, 0x8, 0, 0x7fa4ae23e6d0) = 0",
                f.format(call("rt_sigreturn", 0, n(0), n(0x7ffc11b0L), n(0), n(8), n(0), n(0x7fa4ae23e6d0L))));
    }

    /** getrandom's buffer in hex, cut at 32 bytes as strace cuts it; journals from before its row print six words. */
    @Test
    void getrandomBytesAreHex() {
        byte[] forty = new byte[40];
        for (int k = 0; k < forty.length; k++) forty[k] = (byte) (0xf0 + k);
        assertEquals("1234 getrandom(\"\\x00\\x7f\\x80\\xff\", 4, GRND_NONBLOCK|GRND_RANDOM) = 4",
                f.format(call("getrandom", 4, new ArgValue.Bytes(bytes(0, 0x7f, 0x80, 0xff), false), n(4), n(3))));
        String first32 = f.format(call("getrandom", 40, new ArgValue.Bytes(forty, false), n(40), n(0)));
        assertEquals("1234 getrandom(\"\\xf0\\xf1", first32.substring(0, 24));
        assertTrue(first32.endsWith("\\x0e\\x0f\"..., 40, 0) = 40"), first32);
        assertEquals(16 + 32 * 4 + 1 + 3 + 13, first32.length(), first32);
        assertEquals("1234 getrandom(0x7ffc10, 8, GRND_NONBLOCK, 0, 0x7f00, 0) = 8",
                f.format(call("getrandom", 8, n(0x7ffc10), n(8), n(1), n(0), n(0x7f00), n(0))));
    }

    /** getgroups' list, cut after the gids read as strace cuts an array; a journal from before its row prints six words. */
    @Test
    void getgroupsListIsCutAfterTheGidsRead() {
        assertEquals("1234 getgroups(8, [0, 4, 27]) = 3",
                f.format(call("getgroups", 3, n(8), new ArgValue.Words(new long[] {0x7ffc10, 3, 0, 4, 27}))));
        assertEquals("1234 getgroups(40, [1, 2, ...]) = 40",
                f.format(call("getgroups", 40, n(40), new ArgValue.Words(new long[] {0x7ffc10, 40, 1, 2}))));
        assertEquals("1234 getgroups(8, 0x7ffc10, 0, 0, 0, 0) = 3",
                f.format(call("getgroups", 3, n(8), n(0x7ffc10), n(0), n(0), n(0), n(0))));
    }

    /** A CPU mask lists its set bits over the words read, "..." when the kernel wrote more than was read. */
    @Test
    void cpuMaskListsItsCpus() {
        assertEquals("1234 sched_getaffinity(0, 128, [0 1 65]) = 16",
                f.format(call("sched_getaffinity", 16, n(0), n(128), new ArgValue.Words(new long[] {0x7ffc10, 16, 3, 2}))));
        assertEquals("1234 sched_getaffinity(0, 256, [63 ...]) = 256",
                f.format(call("sched_getaffinity", 256, n(0), n(256), new ArgValue.Words(new long[] {0x7ffc10, 256, Long.MIN_VALUE}))));
        assertEquals("1234 sched_getaffinity(0, 128, []) = 8",
                f.format(call("sched_getaffinity", 8, n(0), n(128), new ArgValue.Words(new long[] {0x7ffc10, 8, 0}))));
    }

    /** poll's array cut after the pollfds read; a journal from before its row prints six words and a plain result. */
    @Test
    void pollArrayIsCutAndOlderJournalsKeepTheirForm() {
        long ready = 3L | (1L << 32) | (1L << 48); // fd 3, events POLLIN, revents POLLIN
        assertEquals("1234 poll([{fd=3, events=POLLIN}, ...], 40, -1) = 1 ([{fd=3, revents=POLLIN}])",
                f.format(call("poll", 1, new ArgValue.Words(new long[] {0x7ffc10, 40, ready}), n(40), n(-1))));
        assertEquals("1234 poll([{fd=3, events=POLLIN}, ...], 40, -1) = 2 ([{fd=3, revents=POLLIN}, ...])",
                f.format(call("poll", 2, new ArgValue.Words(new long[] {0x7ffc10, 40, ready}), n(40), n(-1))));
        assertEquals("1234 poll(0x7ffc10, 1, 0, 0, 0, 0) = 0",
                f.format(call("poll", 0, n(0x7ffc10), n(1), n(0), n(0), n(0), n(0))));
    }

    /** FIONREAD's int in brackets; other requests and journals from before (a Num) keep the word in hex, 0 as 0. */
    @Test
    void ioctlArgumentIsFionreadsIntOrTheWord() {
        assertEquals("1234 ioctl(3, FIONREAD, [27]) = 0",
                f.format(call("ioctl", 0, n(3), n(0x541b), new ArgValue.Words(new long[] {0x7ffc10, 27}))));
        assertEquals("1234 ioctl(3, FIONREAD, 0x7ffc10) = 0", f.format(call("ioctl", 0, n(3), n(0x541b), n(0x7ffc10))));
        assertEquals("1234 ioctl(3, FIONBIO, 0) = 0", f.format(call("ioctl", 0, n(3), n(0x5421), n(0))));
    }

    /**
     * A journal from before the sendmmsg/recvmmsg rows holds six raw words: the vector prints as its
     * address, the flags by name, the words past the row as numbers, and a 0 result without
     * strace's (Timeout), which only a vector the tracer read carries.
     */
    @Test
    void olderJournalsMessageVectorsAreTheirAddress() {
        assertEquals("1234 recvmmsg(3, 0x7ffc10, 0, MSG_DONTWAIT, NULL, 0) = 0",
                f.format(call("recvmmsg", 0, n(3), n(0x7ffc10), n(0), n(0x40), n(0), n(0))));
        assertEquals("1234 sendmmsg(4, 0x7ffc10, 2, 0, 0x7f00, 0) = 2",
                f.format(call("sendmmsg", 2, n(4), n(0x7ffc10), n(2), n(0), n(0x7f00), n(0))));
        ArgValue.MMsgHdrs none = new ArgValue.MMsgHdrs(0, new ArgValue.MsgHdr[0], new long[0], 0);
        assertEquals("1234 recvmmsg(3, [], 0, 0, NULL) = 0 (Timeout)",
                f.format(call("recvmmsg", 0, n(3), none, n(0), n(0), ArgValue.Null.INSTANCE)));
    }

    /** epoll_wait's events cut after those read; a journal from before its row prints six words. */
    @Test
    void epollEventsAreCutAndOlderJournalsKeepTheirForm() {
        assertEquals("1234 epoll_wait(5, [{events=EPOLLIN|EPOLLHUP, data={u32=3, u64=3}}, ...], 64, -1) = 40",
                f.format(call("epoll_wait", 40, n(5), new ArgValue.Words(new long[] {0x7ffc10, 40, 0x11, 3}), n(64), n(-1))));
        assertEquals("1234 epoll_wait(5, [], 64, 0) = 0",
                f.format(call("epoll_wait", 0, n(5), new ArgValue.Words(new long[] {0x7ffc10, 0}), n(64), n(0))));
        assertEquals("1234 epoll_wait(5, 0x7ffc10, 64, 0, 0, 0) = 0",
                f.format(call("epoll_wait", 0, n(5), n(0x7ffc10), n(64), n(0), n(0), n(0))));
    }
}
