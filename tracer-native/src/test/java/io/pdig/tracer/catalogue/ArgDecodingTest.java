package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Catalogue K: decoding arguments that are unreadable, too long, binary or unknown. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class ArgDecodingTest {

    private static long addr(String out, String name) {
        Matcher m = Pattern.compile("case " + name + " addr (\\S+)").matcher(out);
        assertTrue(m.find(), name + " in " + out);
        String a = m.group(1);
        return a.equals("(nil)") ? 0 : Long.parseUnsignedLong(a.substring(2), 16);
    }

    /** K1: bad string pointers: raw address recorded, EFAULT result, no crash. */
    @Test
    void k1UnreadableStringPointers() throws Exception {
        Traced t = Tracing.program("badptr").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        String out = t.output();
        List<SyscallEvent> c = t.syscalls("chdir");
        assertEquals(5, c.size(), t.describeEvents());
        assertTrue(c.get(0).arg("path") instanceof ArgValue.Null
                || c.get(0).arg("path") instanceof ArgValue.Unreadable u && u.address() == 0, Events.describe(c.get(0)));
        for (int i = 1; i <= 2; i++) {
            String name = i == 1 ? "minus-one" : "high-bits";
            ArgValue.Unreadable u = assertInstanceOf(ArgValue.Unreadable.class, c.get(i).arg("path"), Events.describe(c.get(i)));
            assertEquals(addr(out, name), u.address(), name);
        }
        // Its readable start is not a string the tracee passed: the kernel fails it with EFAULT too.
        ArgValue.Unreadable noNul = assertInstanceOf(ArgValue.Unreadable.class, c.get(3).arg("path"),
                "a string running into a guard page: " + Events.describe(c.get(3)));
        assertEquals(addr(out, "no-nul"), noNul.address());
        for (int i = 0; i < 4; i++) assertEquals(-14, c.get(i).res(), "EFAULT: " + Events.describe(c.get(i)));
        assertEquals("x.page-end", Events.raw(c.get(4), "path"), "a NUL on the page's last byte is read");
        assertEquals(-2, c.get(4).res());
    }

    /** K2: PATH_MAX edges and a cwd deeper than PATH_MAX. */
    @Test
    void k2LongPaths() throws Exception {
        Traced t = Tracing.program("longpath", "20").run(20_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> c = t.syscalls("chdir");
        ArgValue.Path slashes = assertInstanceOf(ArgValue.Path.class, c.get(0).arg("path"));
        assertEquals(4095, slashes.raw().length, "4095 slashes read whole");
        assertFalse(slashes.truncated());
        assertEquals(0, c.get(0).res());
        ArgValue.Path nonul = assertInstanceOf(ArgValue.Path.class, c.get(1).arg("path"));
        // 4096 bytes and then the NUL: exactly the string limit, so whole (as strace -s 4096 shows
        // it), although the kernel refuses it (PATH_MAX counts the NUL).
        assertFalse(nonul.truncated(), "4096 bytes, the limit, are not marked truncated");
        assertEquals(4096, nonul.raw().length);
        assertEquals(-36, c.get(1).res(), "ENAMETOOLONG");
        List<SyscallEvent> sample = t.syscalls("openat").stream().filter(e -> "sample".equals(Events.raw(e, "name")))
                .collect(Collectors.toList());
        assertEquals(1, sample.size(), t.describeEvents());
        assertTrue(sample.get(0).res() >= 0);
        String resolved = Events.resolved(sample.get(0), "name");
        String truth = t.dir.toRealPath() + ("/" + "d".repeat(250)).repeat(20) + "/sample";
        assertTrue(resolved == null || resolved.equals(truth),
                "a cwd deeper than PATH_MAX is unresolved or exact, never wrong: " + Events.describe(sample.get(0)));
    }

    /** K3: exact bytes for non-UTF-8 paths and argv; distinct bytes stay distinct. */
    @Test
    void k3NonUtf8Bytes() throws Exception {
        Traced t = Tracing.program("rawbytes").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        byte[][] names = {
            bytes(0xff, 0xfe, '\n', 0x01, 'n', 'a', 'm', 'e'),
            bytes(0xfe, 0xff, '\n', 0x01, 'n', 'a', 'm', 'e'),
            bytes(0xef, 0xbf, 0xbd, '\n', 0x01, 'n', 'a', 'm', 'e'),
        };
        List<SyscallEvent> opens = t.syscalls("openat").stream().filter(e -> e.arg("name") instanceof ArgValue.Path p
                && p.raw().length > 4 && p.raw()[p.raw().length - 1] == 'e' && p.raw()[p.raw().length - 5] == 1)
                .collect(Collectors.toList());
        assertEquals(3, opens.size(), t.describeEvents());
        Set<String> distinct = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            ArgValue.Path p = (ArgValue.Path) opens.get(i).arg("name");
            assertArrayEquals(names[i], p.raw(), "exact bytes of name " + i);
            assertTrue(opens.get(i).res() >= 0);
            if (p.resolved() != null) {
                byte[] r = p.resolved();
                byte[] tail = java.util.Arrays.copyOfRange(r, r.length - names[i].length, r.length);
                assertArrayEquals(names[i], tail, "resolved path ends with the exact bytes");
            }
            distinct.add(HexFormat.of().formatHex(p.raw()));
        }
        assertEquals(3, distinct.size());
        assertTrue(t.output().contains("argv1 ff c0 61 72 67 0a"), t.output());
        ProcessEvent.Exec x = t.events(ProcessEvent.Exec.class).get(t.events(ProcessEvent.Exec.class).size() - 1);
        assertArrayEquals(bytes(0xff, 0xc0, 'a', 'r', 'g', '\n'), x.argv().get(1), "argv bytes kept exactly");
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    /** K4: an undumpable tracee's path (straddling a page boundary) is still read exactly. */
    @Test
    void k4UndumpableTracee() throws Exception {
        Traced t = Tracing.program("undumpable").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> opens = t.syscalls("openat").stream()
                .filter(e -> e.pid() == t.mainPid() && !(e.arg("name") instanceof ArgValue.Path p
                        && new String(p.raw(), StandardCharsets.ISO_8859_1).startsWith("/")))
                .collect(Collectors.toList());
        assertEquals(1, opens.size(), t.describeEvents());
        ArgValue v = opens.get(0).arg("name");
        assertTrue(v instanceof ArgValue.Unreadable
                        || "undumpable.path.crossing.a.page.boundary".equals(Events.raw(opens.get(0), "name")),
                "exact or explicitly unreadable: " + Events.describe(opens.get(0)));
    }

    /** K5: the tracee gets exactly fds 0, 1, 2: none of the JVM's descriptors leak into it. */
    @Test
    void k5NoLeakedDescriptors() throws Exception {
        Traced t = Tracing.program("fds").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<String> fds = new ArrayList<>();
        Matcher m = Pattern.compile("fd (\\d+) -> (.*)").matcher(t.output());
        while (m.find()) fds.add(m.group(1) + " " + m.group(2));
        assertEquals(List.of("0 /dev/null", "1 " + t.out.toRealPath(), "2 " + t.out.toRealPath()), fds, t.output());
    }

    /**
     * K5 with standard descriptors closed: the tracee must see exactly the set its shell left
     * open; the tracer must not fill the holes with descriptors of its own.
     */
    /**
     * K7: an open's resolved path names the file the open returned even when the fd number is
     * closed and taken by another file right after. With the default set the tracer reads the fd's
     * path after the thread resumed (close and dup2/dup3 stop first); with only openat traced,
     * close and dup run unseen, so it must read it before.
     */
    @ParameterizedTest
    @CsvSource({"default", "openat only"})
    void k7OpenedPathIsReadBeforeTheFdCanChange(String set) throws Exception {
        Tracing tracing = Tracing.program("fd_reuse", "2000");
        if (set.equals("openat only")) tracing.syscalls(Set.of("openat"));
        Traced t = tracing.run(30_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> opens = t.syscalls("openat").stream()
                .filter(e -> e.pid() == t.mainPid() && String.valueOf(Events.raw(e, "name")).startsWith("fd_reuse."))
                .collect(Collectors.toList());
        assertEquals(2000, opens.size(), t.describeEvents());
        String dir = t.dir.toRealPath().toString();
        int wrong = 0;
        String example = "";
        for (int i = 0; i < opens.size(); i++) {
            String expected = dir + "/fd_reuse." + (i % 2 == 1 ? "b" : "a");
            if (!expected.equals(Events.resolved(opens.get(i), "name"))) {
                if (wrong++ == 0) example = Events.describe(opens.get(i)) + ", expected " + expected;
            }
        }
        assertEquals(0, wrong, "opens whose resolved path is not the opened file, e.g. " + example);
    }

    @ParameterizedTest
    @CsvSource({"0<&-,1 2", "2>&-,0 1", "0<&- 2>&-,1"})
    void k5ClosedStandardDescriptorsStayClosed(String redirects, String expected) throws Exception {
        java.nio.file.Path dir = Detached.newDir();
        java.nio.file.Path out = dir.resolve("fds.out");
        String script = "exec " + Tracing.quote(Programs.bin("fds").toString()) + " >" + Tracing.quote(out.toString())
                + (redirects.contains("0<&-") ? "" : " </dev/null") + " " + redirects;
        Traced t = Tracing.rawCommand("/bin/sh", "-c", script).run(10_000);
        assertEquals(Termination.exited(0), t.termination());
        String text = java.nio.file.Files.readString(out);
        List<String> fds = new ArrayList<>();
        Matcher m = Pattern.compile("fd (\\d+) -> ").matcher(text);
        while (m.find()) fds.add(m.group(1));
        assertEquals(List.of(expected.split(" ")), fds, text);
    }

    /**
     * An address buffer smaller than the address: the kernel writes only the buffer's size but
     * returns the full length. What lies past the size is the caller's (a forged 6.6.6.6:4444),
     * and must not be reported as the peer; strace shows {@code {sa_family=AF_INET}, [2 => 16]}.
     */
    @Test
    void anAddressIsReadOnlyAsFarAsTheKernelWroteIt() throws Exception {
        Traced t = Tracing.program("short_addrlen").plus("getsockname").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("len 16"), "the kernel returned the full length: " + t.output());
        SyscallEvent accept = t.syscalls("accept").get(0);
        ArgValue.SockAddr peer = assertInstanceOf(ArgValue.SockAddr.class, accept.arg("addr"), Events.describe(accept));
        assertEquals(2, peer.bytes().length, "the family only: " + Events.describe(accept));
        assertArrayEquals(new long[] {2, 16}, assertInstanceOf(ArgValue.Words.class, accept.arg("addrlen")).words(),
                "the caller's size and the returned length: " + Events.describe(accept));
        List<SyscallEvent> names = t.syscalls("getsockname");
        SyscallEvent shortName = names.get(1);
        assertEquals(2, assertInstanceOf(ArgValue.SockAddr.class, shortName.arg("addr")).bytes().length, Events.describe(shortName));
        assertArrayEquals(new long[] {2, 16}, assertInstanceOf(ArgValue.Words.class, shortName.arg("addrlen")).words());
        SyscallEvent failed = t.syscalls("accept4").get(0);
        assertEquals(-11, failed.res(), "EAGAIN: " + Events.describe(failed));
        assertArrayEquals(new long[] {16}, assertInstanceOf(ArgValue.Words.class, failed.arg("addrlen")).words(),
                "a failed call: the caller's size only: " + Events.describe(failed));
        SyscallEvent listenName = names.get(0);
        assertEquals(16, assertInstanceOf(ArgValue.SockAddr.class, listenName.arg("addr")).bytes().length,
                "a buffer as large as the address gets all of it: " + Events.describe(listenName));
    }

    /**
     * openat2: the path resolved, the struct's words as the kernel reads them (flags, mode,
     * resolve); a size below the first version's 24 bytes, which the kernel rejects unread, shows
     * the address instead; a longer struct with a non-zero tail fails with E2BIG.
     */
    @Test
    void openat2IsDecodedAsTheKernelReadsIt() throws Exception {
        Traced t = Tracing.program("openat2").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        String out = t.output();
        assertTrue(out.matches("(?s).*open2 ok rc \\d+ errno 0.*") && out.contains("open2 small rc -1 errno 22")
                && out.contains("open2 tail rc -1 errno 7"), out);
        List<SyscallEvent> c = t.syscalls("openat2");
        assertEquals(3, c.size(), t.describeEvents());
        assertTrue(c.get(0).res() >= 0, Events.describe(c.get(0)));
        assertEquals("/etc/hostname", Events.resolved(c.get(0), "name"));
        ArgValue.Words how = assertInstanceOf(ArgValue.Words.class, c.get(0).arg("how"), Events.describe(c.get(0)));
        assertEquals(02000000L, how.words()[0], "O_RDONLY|O_CLOEXEC");
        assertEquals(0x04L, how.words()[2], "RESOLVE_NO_SYMLINKS");
        assertEquals(-22, c.get(1).res());
        long address = Long.parseUnsignedLong(out.replaceAll("(?s).*how 0x([0-9a-f]+).*", "$1"), 16);
        assertEquals(ArgValue.Num.of(address), c.get(1).arg("how"), "read nothing: the address");
        assertEquals(-7, c.get(2).res(), "E2BIG");
        assertInstanceOf(ArgValue.Words.class, c.get(2).arg("how"));
    }

    /** K6: syscall numbers outside the table are traced and journalled with ENOSYS. */
    @Test
    void k6UnknownSyscallNumbers() throws Exception {
        Traced t = Tracing.program("nosys").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("nr 1000 rc -1 errno 38"), t.output());
        assertTrue(t.output().contains("nr 1073741823 rc -1 errno 38"), t.output());
        // Bit 31 set: negative as the kernel's int; these once killed the tracer (and the tracee).
        assertTrue(t.output().contains("nr -1 rc -1 errno 38"), t.output());
        assertTrue(t.output().contains("nr 2147483648 rc -1 errno 38"), t.output());
        for (int nr : new int[] {1000, 0x3fffffff, -1, 0x80000000}) {
            List<SyscallEvent> e = t.events(SyscallEvent.class).stream().filter(s -> s.nr() == nr).collect(Collectors.toList());
            assertEquals(1, e.size(), "syscall_0x" + Integer.toHexString(nr) + " journalled:\n" + t.describeEvents());
            assertEquals("syscall_0x" + Integer.toHexString(nr), e.get(0).name(), "strace's name for it");
            assertNotNull(e.get(0).args());
            assertEquals(-38, e.get(0).res());
        }
    }

    /**
     * fcntl's exit stop is narrowed by its command: the fd-returning F_DUPFD and F_DUPFD_CLOEXEC
     * keep their results, F_SETFD is reported from its entry (so even its EBADF goes unseen),
     * F_GETFL is not stopped on; with --trace-exits every stopped call has its result again.
     */
    @Test
    void fcntlKeepsItsExitStopOnlyForCommandsThatReturnAnFd() throws Exception {
        Traced t = Tracing.program("fcntl_cmds").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("getfl=1 setfd=0 dupfd_cloexec=40 dupfd=50 badfd=-1"), t.output());
        List<SyscallEvent> f = programsFcntl(t);
        List<String> seen = f.stream().map(Events::describe).collect(Collectors.toList());
        assertEquals(4, f.size(), "F_GETFL makes no stop: " + seen);
        assertFalse(f.get(0).hasResult(), "F_SETFD, entry only: " + seen);
        assertEquals(2, ((ArgValue.Num) f.get(0).arg("cmd")).value());
        assertTrue(f.get(1).hasResult() && f.get(1).res() == 40, "F_DUPFD_CLOEXEC returns its fd: " + seen);
        assertTrue(f.get(2).hasResult() && f.get(2).res() == 50, "F_DUPFD returns its fd: " + seen);
        assertFalse(f.get(3).hasResult(), "F_SETFD on a bad fd, entry only: " + seen);

        Traced all = Tracing.program("fcntl_cmds").traceExits(true).run(10_000);
        List<SyscallEvent> g = programsFcntl(all);
        assertEquals(4, g.size(), all.describeEvents());
        assertTrue(g.get(0).hasResult() && g.get(0).res() == 0, Events.describe(g.get(0)));
        assertTrue(g.get(3).hasResult() && g.get(3).res() == -9, "EBADF, seen with --trace-exits: " + Events.describe(g.get(3)));

        // Named by the user (--syscalls fcntl, -a): every call, F_GETFL included, with its result.
        Traced named = Tracing.program("fcntl_cmds").syscalls(Set.of("fcntl", "close")).everyCall(true).run(10_000);
        List<SyscallEvent> h = programsFcntl(named);
        assertEquals(5, h.size(), "F_GETFL is stopped on too: " + named.describeEvents());
        assertTrue(h.stream().allMatch(SyscallEvent::hasResult), named.describeEvents());
        assertEquals(3, ((ArgValue.Num) h.get(0).arg("cmd")).value(), "F_GETFL: " + named.describeEvents());
        List<SyscallEvent> closes = named.syscalls("close");
        assertFalse(closes.isEmpty(), named.describeEvents());
        assertTrue(closes.stream().allMatch(SyscallEvent::hasResult), "close's result too: " + named.describeEvents());
    }

    /**
     * An empty path names no file, so it has no resolved form (the cwd would let path rules match
     * a call that touched nothing), except under AT_EMPTY_PATH, where it is the dirfd's file.
     */
    @Test
    void anEmptyPathResolvesOnlyUnderAtEmptyPath() throws Exception {
        Traced t = Tracing.program("empty_path").plus("newfstatat").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        assertTrue(t.output().contains("open_rc -1 stat_rc 0"), t.output());
        SyscallEvent open = t.syscalls("openat").stream().filter(e -> "".equals(Events.raw(e, "name"))).findFirst()
                .orElseThrow(() -> new AssertionError(t.describeEvents()));
        assertEquals(-2, open.res(), Events.describe(open));
        assertNull(Events.resolved(open, "name"), "ENOENT: no file, no resolved path: " + Events.describe(open));
        // The program's own: the last on the fd it opened (the loader used that number before).
        long fd = t.syscalls("openat").stream().filter(e -> "/etc/hostname".equals(Events.raw(e, "name")))
                .findFirst().orElseThrow(() -> new AssertionError(t.describeEvents())).res();
        SyscallEvent stat = t.syscalls("newfstatat").stream().filter(e -> "".equals(Events.raw(e, "path"))
                        && ((ArgValue.Num) e.arg("dirfd")).value() == fd)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError(t.describeEvents()));
        assertEquals("/etc/hostname", Events.resolved(stat, "path"), Events.describe(stat));
    }

    /** fcntl_cmds's own calls (on fds 3 and 99), not the shell wrapper's redirections before it. */
    private static List<SyscallEvent> programsFcntl(Traced t) {
        return t.syscalls("fcntl").stream().filter(e -> {
            long fd = ((ArgValue.Num) e.arg("fd")).value();
            return fd == 3 || fd == 99;
        }).collect(Collectors.toList());
    }
}
