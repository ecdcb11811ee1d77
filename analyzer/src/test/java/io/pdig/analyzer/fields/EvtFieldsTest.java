package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.engine.Match;
import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.output.AlertFactory;
import io.pdig.analyzer.rules.LoadCode;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Rule;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.analyzer.rules.RuleSource;
import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.SyscallEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvtFieldsTest {

    private static Harness shell() {
        return new Harness().feed(start("box.example"),
                exec(50, "/usr/bin/bash", "bash").cwd("/home/alice").uid(1000).gid(1000).build());
    }

    @Test
    void typeNumTimesAndDirection() {
        Harness h = shell().feed(sys(T0, 50, 51, "openat", 3, "dirfd", -100, "name", "x", "flags", 0));
        assertEquals("openat", h.value("evt.type"));
        assertEquals(3L, h.value("evt.num"), "journal sequence number (third event fed)");
        assertEquals("01:02:03.123456789", h.value("evt.time"));
        assertEquals("01:02:03", h.value("evt.time.s"));
        assertEquals("2026-11-27T01:02:03.123456789+0000", h.value("evt.time.iso8601"));
        assertEquals("2026-11-27 01:02:03.123456789", h.value("evt.datetime"));
        assertEquals(T0, h.value("evt.rawtime"));
        assertEquals(T0, FieldRegistry.standard().lookup("evt.time").extractForJson(h.last(), null),
                "JSON carries evt.time as the nanosecond epoch");
        assertEquals("<", h.value("evt.dir"));
        assertEquals("file", h.value("evt.category"));
        assertEquals("syscall", h.value("evt.source"));
        assertEquals("box.example", h.value("evt.hostname"));
        assertEquals(true, h.value("evt.type.is[openat]"));
        assertNull(h.value("evt.buffer"));
        assertNull(h.value("evt.pluginname"));
    }

    /**
     * evt.buffer is the captured data of a read/write-family call, evt.buflen its result; a failed
     * read (its buffer kept as the address) and a call without a data argument have neither.
     */
    @Test
    void bufferIsTheCapturedData() {
        byte[] data = {(byte) 0xca, (byte) 0xfe, 0, '\n'};
        Harness h = shell().feed(sys(50, "read", 4, "fd", 3, "data", new ArgValue.Bytes(data, false), "size", 4096));
        assertArrayEquals(data, (byte[]) h.value("evt.buffer"));
        assertEquals(4L, h.value("evt.buflen"));
        h.feed(sys(50, "sendto", 100, "fd", 3, "data", new ArgValue.Bytes(data, true), "size", 100));
        assertArrayEquals(data, (byte[]) h.value("evt.buffer"), "what was captured, even when the call moved more");
        assertEquals(100L, h.value("evt.buflen"));
        h.feed(sys(50, "read", -9, "fd", 99, "data", 0x7ffc1000L, "size", 10));
        assertNull(h.value("evt.buffer"), "a failed read wrote nothing: no value, not its address");
        assertNull(h.value("evt.buflen"));
        h.feed(sys(50, "close", 0, "fd", 3));
        assertNull(h.value("evt.buffer"));
        assertNull(h.value("evt.buflen"));
    }

    /**
     * The iovec calls: evt.buffer is their segments' captured bytes concatenated (as Falco's
     * drivers give readv/writev's), evt.buflen the result; a failed readv (its segments kept
     * without bytes) has neither, a writev that failed still has the data it passed.
     */
    @Test
    void anIoVecBufferIsItsSegmentsConcatenated() {
        byte[] hw = "hello world\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ArgValue.IoVec two = new ArgValue.IoVec(2, new long[] {0x1000, 0x2000}, new long[] {5, 7}, new int[] {5, 7}, hw, 12);
        Harness h = shell().feed(sys(50, "writev", 12, "fd", 4, "iov", two, "iovcnt", 2));
        assertArrayEquals(hw, (byte[]) h.value("evt.buffer"));
        assertEquals(12L, h.value("evt.buflen"));
        ArgValue.IoVec shortRead = new ArgValue.IoVec(2, new long[] {0x1000, 0x2000}, new long[] {3, 10}, new int[] {3, 0},
                new byte[] {'a', 'b', 'c'}, 3);
        h.feed(sys(50, "readv", 3, "fd", 3, "iov", shortRead, "iovcnt", 2));
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, (byte[]) h.value("evt.buffer"));
        assertEquals(3L, h.value("evt.buflen"));
        ArgValue.IoVec failed = new ArgValue.IoVec(2, new long[] {0x1000, 0x2000}, new long[] {3, 10}, new int[] {-1, -1},
                new byte[0], 0);
        h.feed(sys(50, "readv", -9, "fd", 99, "iov", failed, "iovcnt", 2));
        assertNull(h.value("evt.buffer"), "a failed read wrote nothing");
        assertNull(h.value("evt.buflen"));
        ArgValue.IoVec unreadable = new ArgValue.IoVec(2, new long[] {0x1000, 0x10}, new long[] {2, 3}, new int[] {2, -1},
                new byte[] {'o', 'k'}, 5);
        h.feed(sys(50, "writev", -14, "fd", 4, "iov", unreadable, "iovcnt", 2));
        assertArrayEquals(new byte[] {'o', 'k'}, (byte[]) h.value("evt.buffer"), "what could be read of what was passed");
        assertNull(h.value("evt.buflen"));
    }

    /**
     * sendmsg and recvmsg: evt.buffer is their msg_iov's captured bytes concatenated (as readv's
     * and writev's), evt.buflen the result; a failed recvmsg (its msg_namelen only) has neither,
     * and an unreadable msghdr gives no buffer.
     */
    @Test
    void aMsgHdrBufferIsItsIovecsSegments() {
        byte[] hu = "hello udp".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ArgValue.IoVec two = new ArgValue.IoVec(2, new long[] {0x1000, 0x2000}, new long[] {5, 4}, new int[] {5, 4}, hu, 9);
        ArgValue.MsgHdr sent = new ArgValue.MsgHdr(true, 0, null, 0, -1, 0x3000, 2, two, 0, 0, null, 0);
        Harness h = shell().feed(sys(50, "sendmsg", 9, "fd", 4, "msg", sent, "flags", 0));
        assertArrayEquals(hu, (byte[]) h.value("evt.buffer"));
        assertEquals(9L, h.value("evt.buflen"));
        assertEquals("hello udp", h.value("evt.arg.msg"), "the argument as text is its data, as for readv/writev");
        ArgValue.IoVec split = new ArgValue.IoVec(2, new long[] {0x1000, 0x2000}, new long[] {4, 16}, new int[] {4, 5}, hu, 9);
        h.feed(sys(50, "recvmsg", 9, "fd", 3, "msg", new ArgValue.MsgHdr(true, 0, null, 0, 0, 0x3000, 2, split, 0, 0, null, 0),
                "flags", 0));
        assertArrayEquals(hu, (byte[]) h.value("evt.buffer"));
        assertEquals(9L, h.value("evt.buflen"));
        h.feed(sys(50, "recvmsg", -9, "fd", 99, "msg", ArgValue.MsgHdr.failed(16), "flags", 0));
        assertNull(h.value("evt.buffer"), "a failed read wrote nothing");
        assertNull(h.value("evt.buflen"));
        h.feed(sys(50, "sendmsg", -14, "fd", 4, "msg", new ArgValue.Unreadable(0x10, 14), "flags", 0));
        assertNull(h.value("evt.buffer"));
    }

    /**
     * sendmmsg/recvmmsg: evt.buffer is the data of the messages the call moved, one after another
     * (Falco gives each message's in its own event), evt.buflen their msg_len added up; a sendmmsg
     * that sent fewer than it passed counts those sent; one that failed keeps the data it passed (as
     * a failed sendmsg does) and has no buflen; a vector read as its address gives no buffer.
     */
    @Test
    void anMMsgHdrVectorsBufferIsItsMessagesData() {
        ArgValue.MsgHdr hello = message("hello udp"), xyz = message("xyz");
        ArgValue.MMsgHdrs two = new ArgValue.MMsgHdrs(2, new ArgValue.MsgHdr[] {hello, xyz}, new long[] {9, 3}, 0);
        Harness h = shell().feed(sys(50, "sendmmsg", 2, "fd", 4, "msgvec", two, "vlen", 2, "flags", 0));
        assertArrayEquals("hello udpxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII), (byte[]) h.value("evt.buffer"));
        assertEquals(12L, h.value("evt.buflen"));
        assertEquals("hello udpxyz", h.value("evt.arg.msgvec"), "the argument as text is its data, as sendmsg's");
        h.feed(sys(50, "recvmmsg", 2, "fd", 3, "msgvec", two, "vlen", 8, "flags", 0));
        assertEquals(12L, h.value("evt.buflen"));
        ArgValue.MMsgHdrs oneSent = new ArgValue.MMsgHdrs(2, new ArgValue.MsgHdr[] {hello, xyz}, new long[] {9, -1}, 0);
        h.feed(sys(50, "sendmmsg", 1, "fd", 4, "msgvec", oneSent, "vlen", 2, "flags", 0));
        assertArrayEquals("hello udp".getBytes(java.nio.charset.StandardCharsets.US_ASCII), (byte[]) h.value("evt.buffer"));
        assertEquals(9L, h.value("evt.buflen"));
        ArgValue.MMsgHdrs passed = new ArgValue.MMsgHdrs(2, new ArgValue.MsgHdr[] {hello, xyz}, new long[] {-1, -1}, 0);
        h.feed(sys(50, "sendmmsg", -9, "fd", 99, "msgvec", passed, "vlen", 2, "flags", 0));
        assertArrayEquals("hello udpxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII), (byte[]) h.value("evt.buffer"));
        assertNull(h.value("evt.buflen"));
        h.feed(sys(50, "recvmmsg", -9, "fd", 99, "msgvec", 0x7ffc0000L, "vlen", 2, "flags", 0));
        assertNull(h.value("evt.buffer"));
        assertNull(h.value("evt.buflen"));
        assertEquals("0x7ffc0000", h.value("evt.arg.msgvec"));
    }

    /** A msghdr without a name whose one segment holds {@code text}. */
    private static ArgValue.MsgHdr message(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ArgValue.IoVec iov = new ArgValue.IoVec(1, new long[] {0x1000}, new long[] {b.length}, new int[] {b.length}, b, b.length);
        return new ArgValue.MsgHdr(true, 0, null, 0, -1, 0x3000, 1, iov, 0, 0, null, 0);
    }

    @Test
    void resultFields() {
        Harness h = shell().feed(sys(50, "openat", -2, "dirfd", -100, "name", "/nope", "flags", 0));
        assertEquals("ENOENT", h.value("evt.res"));
        assertEquals(-2L, h.value("evt.rawres"));
        assertEquals(true, h.value("evt.failed"));
        assertEquals("ENOENT", h.value("evt.arg.fd"));
        h.feed(sys(50, "openat", 3, "dirfd", -100, "name", "/etc/hosts", "flags", 0));
        assertEquals("SUCCESS", h.value("evt.res"));
        assertEquals(false, h.value("evt.failed"));
        assertEquals("<f>/etc/hosts", h.value("evt.arg.fd"), "fd results resolve to <typechar>name");
        assertEquals("3", h.value("evt.rawarg.fd"));
    }

    /** The event as the tracer reports a call whose exit stop came {@code nanos} after its entry. */
    private static SyscallEvent timed(SyscallEvent e, long nanos) {
        return new SyscallEvent(e.ts(), e.tid(), e.pid(), e.abi(), e.nr(), e.res(), e.hasResult(), e.args(), nanos);
    }

    private static SyscallEvent nanosleep() {
        return sys(T0, 50, 50, "nanosleep", 0);
    }

    @Test
    void latencyIsTheCallsDurationWhenItsExitWasSeen() {
        Harness h = shell().feed(timed(nanosleep(), 1_500_000_123L));
        assertEquals(1_500_000_123L, h.value("evt.latency"));
        assertEquals(1L, h.value("evt.latency.s"));
        assertEquals(500_000_123L, h.value("evt.latency.ns"));
        // No exit stop (a derived set's close, a journal before schema v5): no value, not 0.
        h.feed(entryOnly(sys(50, "close", 0, "fd", 3)));
        assertNull(h.value("evt.latency"));
        assertNull(h.value("evt.latency.s"));
        h.feed(nanosleep());
        assertNull(h.value("evt.latency"));
    }

    @Test
    void aRuleConditionsOnTheLatencyAndPrintsIt() {
        String rules = """
                - rule: slow sleep
                  desc: d
                  condition: evt.type = nanosleep and evt.latency > 1000000
                  output: slow %evt.type took %evt.latency ns (proc=%proc.name)
                  priority: NOTICE
                """;
        LoadResult r = RuleLoader.load(List.of(RuleSource.of("slow.yaml", rules)), FieldRegistry.standard());
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        // Falco warns about evt.latency in a condition (a deprecated item) and still loads the rule.
        assertTrue(r.warnings().stream().anyMatch(w -> w.code() == LoadCode.LOAD_DEPRECATED_ITEM), r.warnings().toString());
        RuleEngine engine = new RuleEngine(r);
        Rule rule = r.rule("slow sleep");

        Harness h = shell().feed(timed(nanosleep(), 1_500_000));
        List<Match> m = engine.evaluate("nanosleep", h.last());
        assertEquals(1, m.size());
        String line = new AlertFactory("fallback").create(h.last(), rule.name(), rule.priority(), "syscall", rule.tags(),
                rule.output()).textLine();
        assertTrue(line.endsWith(" slow nanosleep took 1500000 ns (proc=bash)"), line);

        h.feed(timed(nanosleep(), 1_000_000));
        assertEquals(List.of(), engine.evaluate("nanosleep", h.last()), "not above the bound");
        h.feed(nanosleep());
        assertEquals(List.of(), engine.evaluate("nanosleep", h.last()), "unknown is not slow");
    }

    @Test
    void argumentsRenderLikeFalco() {
        Harness h = shell().feed(sys(50, "openat", 3, "dirfd", -100, "name", "notes.txt",
                "flags", 01 | 0100 | 01000 | 02000000, "mode", 0644));
        assertEquals("O_TRUNC|O_CREAT|O_WRONLY|O_CLOEXEC", h.value("evt.arg.flags"));
        assertEquals("O_TRUNC|O_CREAT|O_WRONLY|O_CLOEXEC", h.value("evt.arg[flags]"));
        assertEquals("AT_FDCWD", h.value("evt.arg.dirfd"));
        assertEquals("/home/alice/notes.txt", h.value("evt.arg.name"), "relative paths resolve against cwd");
        assertEquals("notes.txt", h.value("evt.rawarg.name"));
        assertEquals("S_IROTH|S_IRGRP|S_IWUSR|S_IRUSR", h.value("evt.arg.mode"));
        assertEquals("<f>/home/alice/notes.txt", h.value("evt.arg[0]"));
        assertEquals("AT_FDCWD", h.value("evt.arg[1]"));
        assertNull(h.value("evt.arg.nosuch"));
        assertEquals(true, h.value("evt.is_open_write"));
        assertEquals(false, h.value("evt.is_open_read"));
        assertEquals(false, h.value("evt.is_open_exec"));
        assertNull(h.value("evt.is_open_create"), "O_CREAT without O_EXCL: pdig cannot know if it created");
        String args = (String) h.value("evt.args");
        assertTrue(args.startsWith("fd=3(<f>/home/alice/notes.txt) dirfd=-100(AT_FDCWD) name=notes.txt(/home/alice/notes.txt)"),
                args);
    }

    @Test
    void openReadAndExecFlags() {
        Harness h = shell().feed(sys(50, "openat", 3, "dirfd", -100, "name", "/etc/shadow", "flags", 0));
        assertEquals(true, h.value("evt.is_open_read"));
        assertEquals(false, h.value("evt.is_open_write"));
        assertEquals("O_RDONLY", h.value("evt.arg.flags"));
        h.feed(sys(50, "open", 4, "name", "/tmp/x.sh", "flags", 02 | 0100 | 0200, "mode", 0755));
        assertEquals(true, h.value("evt.is_open_read"));
        assertEquals(true, h.value("evt.is_open_write"));
        assertEquals(true, h.value("evt.is_open_exec"));
        assertEquals(true, h.value("evt.is_open_create"), "O_CREAT|O_EXCL success means created");
        assertEquals("O_EXCL|O_CREAT|O_RDWR", h.value("evt.arg.flags"));
        h.feed(sys(50, "openat", 5, "dirfd", -100, "name", "/tmp", "flags", 0200000, "mode", 0755));
        assertEquals(false, h.value("evt.is_open_exec"), "a directory open creates no file");
        h.feed(sys(50, "execve", 0, "filename", "/bin/ls"));
        assertEquals(false, h.value("evt.is_open_read"), "not an open event");
    }

    @Test
    void enumAndIdArguments() {
        Harness h = shell().feed(sys(50, "ptrace", 0, "request", 16, "pid", 50));
        assertEquals("PTRACE_ATTACH", h.value("evt.arg.request"));
        assertEquals("bash", h.value("evt.arg.pid"), "pids resolve to the process name");
        h.feed(sys(50, "socket", 5, "domain", 17, "type", 3, "proto", 768));
        assertEquals("AF_PACKET", h.value("evt.arg.domain"));
        h.feed(sys(50, "setuid", 0, "uid", 65534));
        assertEquals("nobody", h.value("evt.arg.uid"), "uids resolve to user names (evt.arg.uid=nobody)");
        h.feed(sys(50, "bpf", 7, "cmd", 5));
        assertEquals("BPF_PROG_LOAD", h.value("evt.arg.cmd"));
        h.feed(sys(50, "symlinkat", 0, "target", "/etc/shadow", "linkdirfd", -100, "linkpath", "s"));
        assertEquals("/etc/shadow", h.value("evt.arg.target"));
        assertEquals("/home/alice/s", h.value("evt.arg.linkpath"));
        h.feed(sys(50, "chmod", 0, "filename", "/tmp/f", "mode", 04755));
        assertTrue(((String) h.value("evt.arg.mode")).contains("S_ISUID"));
    }

    @Test
    void execveParametersComeFromTheNewImage() {
        Harness h = shell().feed(
                exec(50, "/usr/bin/ls", "ls", "-l").memfd(true).build(),
                sys(50, "execve", 0, "filename", "/usr/bin/ls"));
        assertEquals("EXE_FROM_MEMFD", h.value("evt.arg.flags"));
        assertEquals("ls", h.value("evt.arg.exe"));
        assertEquals("-l", h.value("evt.arg.args"));
        assertEquals("/usr/bin/ls", h.value("evt.arg.filename"));
        h.feed(exec(50, "/usr/bin/id", "id").build(), sys(50, "execve", 0, "filename", "/usr/bin/id"));
        assertEquals("0", h.value("evt.arg.flags"), "no EXE_* flag prints 0");
    }

    @Test
    void unreadableAndNullArgumentsHaveNoValue() {
        Harness h = shell().feed(sys(50, "openat", -14, "dirfd", -100, "name", new ArgValue.Unreadable(0x1000, 14),
                "flags", 0));
        assertNull(h.value("evt.arg.name"));
        assertEquals("EFAULT", h.value("evt.res"));
    }

    @Test
    void bareContextGivesEventFieldsButNoStateFields() {
        EvalContext bare = new EvalContext() {
            public io.pdig.model.event.Event event() {
                return sys(7, "openat", 3, "dirfd", -100, "name", "/etc/hosts", "flags", 0);
            }

            public long seq() {
                return 9;
            }
        };
        assertEquals("openat", Harness.extract(bare, "evt.type"));
        assertEquals(9L, Harness.extract(bare, "evt.num"));
        assertNull(Harness.extract(bare, "proc.name"));
        assertNull(Harness.extract(bare, "fd.name"));
    }
}
