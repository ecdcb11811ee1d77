package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pdig.model.driver.Termination;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.SyscallEvent;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalogue M: monitor-evasion attempts must be refused or seen. */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class EvasionTest {

    private static final long CLONE_UNTRACED = 0x00800000L;

    /** M1: CLONE_UNTRACED: the clone is refused, or the child is traced and its open seen. */
    @Test
    void m1CloneUntraced() throws Exception {
        Traced t = Tracing.program("untraced").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        String out = t.output();
        List<SyscallEvent> clones = t.syscalls("clone").stream()
                .filter(e -> e.arg("flags") instanceof ArgValue.Num n && (n.value() & CLONE_UNTRACED) != 0)
                .collect(Collectors.toList());
        boolean notice = t.events(NoticeEvent.class).stream()
                .anyMatch(n -> n.kind() == NoticeEvent.Kind.REFUSED_SYSCALL && n.message().contains("CLONE_UNTRACED"));
        assertTrue(clones.size() == 1 || notice,
                "the CLONE_UNTRACED attempt is journalled (flags or a notice):\n" + t.describeEvents());
        if (out.contains("clone rc -1")) {
            assertTrue(t.syscalls("clone").stream().anyMatch(e -> e.res() < 0), "refused clone journalled as failed");
            return;
        }
        int child = SignalTest.group(out, "clone rc (\\d+)");
        int tracer = SignalTest.group(out, "tracerpid (-?\\d+)");
        assertTrue(tracer != 0, "the child runs untraced (escape):\n" + out);
        assertTrue(t.syscalls("openat").stream().anyMatch(e -> e.pid() == child && "untraced.marker".equals(Events.raw(e, "name"))),
                "the child's open is journalled:\n" + t.describeEvents());
    }

    /** M2: a tracee USER_NOTIF filter must not hide an open: refused, or the open is seen. */
    @Test
    void m2UserNotifFilterDoesNotHideOpen() throws Exception {
        Traced t = Tracing.program("notif", "notif.target").start();
        Files.createFile(t.dir.resolve("notif.target"));
        t.await(10_000);
        String out = t.output();
        assertTrue(t.syscalls("seccomp").stream().anyMatch(e -> e.pid() == t.mainPid()),
                "the filter installation is journalled:\n" + t.describeEvents());
        if (out.contains("seccomp rc -1")) return;
        assertTrue(t.syscalls("openat").stream().anyMatch(e -> "notif.target".equals(Events.raw(e, "name"))),
                "open through a USER_NOTIF CONTINUE filter is not journalled (escape):\n" + out);
    }

    /** M3: io_uring_setup is seen (io_uring can open files with no openat syscall). */
    @Test
    void m3IoUringSetupIsSeen() throws Exception {
        Traced t = Tracing.program("uring", "/etc/hostname").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> s = t.syscalls("io_uring_setup");
        assertEquals(1, s.size(), t.describeEvents());
        assertEquals(4L, ((ArgValue.Num) s.get(0).arg("entries")).value());
    }

    /** M4: TOCTOU: the journal records what the kernel actually opened, not only the entry string. */
    @Test
    void m4ResolvedPathIsWhatWasOpened() throws Exception {
        Traced t = Tracing.program("toctou", "1000").run(60_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        List<SyscallEvent> opens = t.syscalls("openat").stream().filter(e -> e.pid() == t.mainPid()
                && Events.raw(e, "name") != null && Events.raw(e, "name").startsWith("toctou.")).collect(Collectors.toList());
        assertEquals(1002, opens.size(), "two creations, then 1000 opens");
        Matcher m = Pattern.compile("open (\\d+) fd (-?\\d+) actual ([ab?])").matcher(t.output());
        int wrong = 0;
        int rawMismatch = 0;
        int i = 0;
        while (m.find()) {
            SyscallEvent e = opens.get(2 + i++);
            String actual = "toctou." + m.group(3);
            String resolved = Events.resolved(e, "name");
            if (resolved == null || !resolved.endsWith("/" + actual)) wrong++;
            if (!actual.equals(Events.raw(e, "name"))) rawMismatch++;
        }
        assertEquals(1000, i);
        assertEquals(0, wrong, "resolved paths differing from the opened file (entry strings differed "
                + rawMismatch + " times)");
    }

    /** M5: anti-debugging probes are journalled and fail as the kernel makes them fail. */
    @Test
    void m5TracerProbes() throws Exception {
        Traced t = Tracing.program("antidebug").run(10_000);
        assertEquals(Termination.exited(0), t.termination(), t.output());
        String out = t.output();
        assertFalse(out.contains("tracerpid 0"), out);
        assertTrue(out.contains("traceme rc -1 errno 1"), out);
        assertTrue(out.contains("attach rc -1 errno 1"), out);
        List<SyscallEvent> p = t.syscalls("ptrace");
        assertTrue(p.stream().anyMatch(e -> ((ArgValue.Num) e.arg("request")).value() == 0 && e.res() == -1
                && e.pid() == t.mainPid()), "PTRACE_TRACEME journalled:\n" + t.describeEvents());
        assertTrue(p.stream().anyMatch(e -> ((ArgValue.Num) e.arg("request")).value() == 16 && e.res() == -1
                && e.pid() != t.mainPid()), "PTRACE_ATTACH journalled:\n" + t.describeEvents());
        if (!out.contains("tracerpid")) fail(out);
    }
}
