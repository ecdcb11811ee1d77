package io.pdig.model.render;

import static io.pdig.model.render.Ev.argv;
import static io.pdig.model.render.Ev.b;
import static io.pdig.model.render.Ev.bytes;
import static io.pdig.model.render.Ev.call;
import static io.pdig.model.render.Ev.n;
import static io.pdig.model.render.Ev.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdig.model.event.ArgValue;
import io.pdig.model.event.Event;
import io.pdig.model.event.NoticeEvent;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SessionEvent;
import io.pdig.model.event.SyscallEvent;
import io.pdig.model.syscall.Abi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EventJson json = new EventJson();

    /** Renders, checks it is one line of valid JSON with the common keys, and returns the tree. */
    private JsonNode render(long seq, Event e, String evt) throws Exception {
        String text = json.toJson(seq, e);
        assertFalse(text.contains("\n"), text);
        JsonNode node = MAPPER.readTree(text);
        assertEquals(seq, node.get("seq").asLong());
        assertEquals(e.ts(), node.get("ts").asLong());
        assertEquals(e.pid(), node.get("pid").asInt());
        assertEquals(e.tid(), node.get("tid").asInt());
        assertEquals(evt, node.get("evt").asText());
        return node;
    }

    @Test
    void openatWithNamesRawNumbersAndResolvedPath() throws Exception {
        JsonNode j = render(7, call("openat", 3, n(0xffffff9cL), path("hostname", "/etc/hostname"), n(02000000), n(0)), "openat");
        assertEquals("x86_64", j.get("abi").asText());
        JsonNode args = j.get("args");
        assertEquals(-100, args.get("dirfd").asInt());
        assertEquals("hostname", args.get("name").asText());
        assertEquals("O_RDONLY|O_CLOEXEC", args.get("flags").asText());
        assertEquals("000", args.get("mode").asText());
        assertEquals(02000000, j.get("args_raw").get("flags").asLong());
        assertEquals(0, j.get("args_raw").get("mode").asLong());
        assertEquals("/etc/hostname", j.get("args_resolved").get("name").asText());
        assertEquals(3, j.get("res").asLong());
        assertFalse(j.has("error"));
        assertFalse(j.has("args_truncated"));
    }

    @Test
    void aKnownDurationIsAFieldAndAnUnknownOneIsAbsent() throws Exception {
        SyscallEvent e = call("nanosleep", 0, n(0x7ffc1000L), n(0));
        assertFalse(render(3, e, "nanosleep").has("duration_ns"));
        SyscallEvent timed = new SyscallEvent(e.ts(), e.tid(), e.pid(), e.abi(), e.nr(), e.res(), e.hasResult(), e.args(), 50_343_017);
        assertEquals(50_343_017, render(3, timed, "nanosleep").get("duration_ns").asLong());
    }

    @Test
    void failureUnknownResultAndTruncation() throws Exception {
        JsonNode j = render(1, call("openat", -2, n(-100), new ArgValue.Path(b("/x"), null, true), n(0), n(0)), "openat");
        assertEquals(-2, j.get("res").asLong());
        assertEquals("ENOENT", j.get("error").asText());
        assertEquals("name", j.get("args_truncated").get(0).asText());
        assertFalse(j.has("args_resolved"));
        JsonNode close = render(2, Ev.noResult("close", n(3)), "close");
        assertTrue(close.get("res").isNull());
        assertEquals(3, close.get("args").get("fd").asInt());
    }

    @Test
    void nonUtf8BytesQuotesBackslashesAndControlCharacters() throws Exception {
        ArgValue p = new ArgValue.Path(bytes('/', 'a', '"', '\\', '\n', 0x01, 0xff, 0xc3, 0xa9), null, false);
        JsonNode j = render(3, call("unlink", 0, p), "unlink");
        assertEquals("/a\"\\\\\n\u0001\\xffé", j.get("args").get("path").asText(), "the backslash doubled, 0xff as \\xff");
        NoticeEvent notice = new NoticeEvent(5, 1, 1, NoticeEvent.Kind.TRACER_ERROR, 1, "bad \"thing\"\t\u007f\\");
        JsonNode nj = render(4, notice, "notice");
        assertEquals("bad \"thing\"\t\u007f\\", nj.get("message").asText());
        assertEquals("tracer_error", nj.get("kind").asText());
        assertEquals(1, nj.get("count").asLong());
    }

    @Test
    void structuredArguments() throws Exception {
        JsonNode j = render(5, call("execve", 0, path("/bin/ls"), argv("ls", "-l"), n(0x7ffc1000L)), "execve");
        assertEquals("ls", j.get("args").get("args").get(0).asText());
        assertEquals("-l", j.get("args").get("args").get(1).asText());
        assertEquals("0x7ffc1000", j.get("args").get("envp").asText());

        JsonNode c = render(6, call("connect", 0, n(3), new ArgValue.SockAddr(Ev.inet(127, 0, 0, 1, 80)), n(16)), "connect");
        JsonNode addr = c.get("args").get("addr");
        assertEquals("AF_INET", addr.get("family").asText());
        assertEquals(80, addr.get("port").asInt());
        assertEquals("127.0.0.1", addr.get("addr").asText());
        assertEquals(16, c.get("args").get("addrlen").asLong());

        JsonNode u = render(7, call("connect", 0, n(3), new ArgValue.SockAddr(bytes(1, 0, 0, 'x')), n(4)), "connect");
        assertEquals("x", u.get("args").get("addr").get("path").asText());
        assertTrue(u.get("args").get("addr").get("abstract").asBoolean());

        JsonNode p = render(8, call("pipe2", 0, new ArgValue.FdPair(3, 4), n(02000000)), "pipe2");
        assertEquals(3, p.get("args").get("fds").get(0).asInt());
        assertEquals(4, p.get("args").get("fds").get(1).asInt());
        assertEquals("O_CLOEXEC", p.get("args").get("flags").asText());

        long[] cl = {0x4100, 0, 0, 0, 17, 0x7f0000, 8192, 0};
        JsonNode c3 = render(9, call("clone3", 1236, new ArgValue.Words(cl), n(88)), "clone3");
        JsonNode ca = c3.get("args").get("cl_args");
        assertEquals("CLONE_VM|CLONE_VFORK", ca.get("flags").asText());
        assertEquals("SIGCHLD", ca.get("exit_signal").asText());
        assertEquals(8192, ca.get("stack_size").asLong());
        assertEquals(0x4100, c3.get("args_raw").get("cl_args").get(0).asLong());
        JsonNode written = render(9, call("clone3", 1236, new ArgValue.Words(new long[] {0x101000, 0x5000, 0, 8, 17, 0, 0, 0}), n(88),
                new ArgValue.Words(new long[] {3, 0, 1})), "clone3").get("args").get("cl_args_out");
        assertEquals(3, written.get("pidfd").asInt());
        assertTrue(written.get("parent_tid").isNull());

        JsonNode un = render(10, call("openat", -14, n(-100), new ArgValue.Unreadable(0x10, 14), n(0), n(0)), "openat");
        assertEquals("0x10", un.get("args").get("name").get("unreadable").asText());
        assertEquals("EFAULT", un.get("args").get("name").get("errno").asText());

        JsonNode nul = render(11, call("execve", 0, path("/bin/sh"), ArgValue.Null.INSTANCE, n(0)), "execve");
        assertTrue(nul.get("args").get("args").isNull());

        JsonNode big = render(12, call("mmap", 0x7f1234560000L, n(0), n(-1L), n(3), n(0x22), n(-1), n(0)), "mmap");
        assertEquals("18446744073709551615", big.get("args").get("length").asText());
        assertEquals(0x7f1234560000L, big.get("res").asLong());
        assertEquals("MAP_PRIVATE|MAP_ANONYMOUS", big.get("args").get("flags").asText());
        assertEquals(-1, big.get("args").get("fd").asInt());

        JsonNode sig = render(13, call("kill", 0, n(5), n(9)), "kill");
        assertEquals("SIGKILL", sig.get("args").get("sig").asText());
        assertEquals(9, sig.get("args_raw").get("sig").asInt());
    }

    @Test
    void unknownSyscallAndI386() throws Exception {
        JsonNode j = render(1, new SyscallEvent(1, 2, 2, Abi.X86_64, 1000, 0, true, new ArgValue[] {n(1)}), "syscall_0x3e8");
        assertEquals("0x1", j.get("args").get("arg0").asText());
        JsonNode i = render(2, new SyscallEvent(1, 2, 2, Abi.I386, 5, 3, true, new ArgValue[] {path("/x"), n(0), n(0)}), "open");
        assertEquals("i386", i.get("abi").asText());
        assertEquals("O_RDONLY", i.get("args").get("flags").asText());
    }

    @Test
    void processAndSessionEvents() throws Exception {
        JsonNode s = render(1, new ProcessEvent.Spawn(1, 11, 10, 10, 10, 0x3d0f00, true), "spawn");
        assertEquals(10, s.get("parent_pid").asInt());
        assertTrue(s.get("thread").asBoolean());
        assertTrue(s.get("clone_flags").asText().startsWith("CLONE_VM|CLONE_FS"));
        assertEquals(0x3d0f00, s.get("clone_flags_raw").asLong());

        ProcessEvent.Exec exec = new ProcessEvent.Exec(2, 10, 10, 10, b("/usr/bin/true"), List.of(b("true")), true,
                List.of(b("PATH=/bin")), b("/tmp"), new int[] {1, 2, 3, 4}, new int[] {5, 6, 7, 8}, -1, 34816, 9, 9,
                b("0::/user.slice"), new long[] {0, 1L << 21, 1}, true, false, 1);
        JsonNode x = render(2, exec, "exec");
        assertEquals("/usr/bin/true", x.get("exe").asText());
        assertEquals("true", x.get("argv").get(0).asText());
        assertTrue(x.get("argv_truncated").asBoolean());
        assertEquals("PATH=/bin", x.get("env").get(0).asText());
        assertEquals(2, x.get("uid").get(1).asInt());
        assertEquals(-1, x.get("loginuid").asInt());
        assertEquals(34816, x.get("tty").asInt());
        assertEquals("CAP_SYS_ADMIN", x.get("caps").get("permitted").asText());
        assertEquals("CAP_CHOWN", x.get("caps").get("effective").asText());
        assertTrue(x.get("exe_from_memfd").asBoolean());
        assertNull(x.get("exe_file"), "no exe_file key when the inode is unknown");
        ProcessEvent.Exec withFile = new ProcessEvent.Exec(2, 10, 10, 10, b("/usr/bin/true"), List.of(b("true")), false,
                List.of(), b("/tmp"), new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0}, -1, 0, 9, 9, null, null, false, false, 1,
                new ProcessEvent.ExeFile(-1L, 1_700_000_000_000_000_001L, 5, true, false));
        JsonNode f = render(2, withFile, "exec").get("exe_file");
        assertEquals("18446744073709551615", f.get("ino").asText());
        assertEquals(1_700_000_000_000_000_001L, f.get("ctime").asLong());
        assertEquals(5, f.get("mtime").asLong());
        assertTrue(f.get("writable").asBoolean());
        assertFalse(f.get("overlay").asBoolean());
        assertNull(f.get("layer"), "no layer off overlayfs");
        for (ProcessEvent.Layer l : ProcessEvent.Layer.values()) {
            ProcessEvent.Exec onOverlay = new ProcessEvent.Exec(2, 10, 10, 10, b("/m/nc"), List.of(b("nc")), false, List.of(),
                    b("/"), new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0}, -1, 0, 9, 9, null, null, false, false, 1,
                    new ProcessEvent.ExeFile(7, 1, 1, false, l));
            JsonNode o = render(2, onOverlay, "exec");
            JsonNode layer = o.get("exe_file").get("layer");
            assertEquals(l == ProcessEvent.Layer.UPPER ? "upper" : l == ProcessEvent.Layer.LOWER ? "lower" : null,
                    layer == null ? null : layer.asText(), l.name());
            assertEquals(l != ProcessEvent.Layer.NOT_OVERLAY, o.get("exe_file").get("overlay").asBoolean(), l.name());
            assertEquals(l == ProcessEvent.Layer.UPPER, o.get("exe_upper_layer").asBoolean(), "the exec's flag follows: " + l);
        }
        assertNull(render(2, withFile, "exec").get("memory"), "no memory key when it is unknown (before schema v8)");
        ProcessEvent.Exec withMemory = new ProcessEvent.Exec(2, 10, 10, 10, b("/usr/bin/true"), List.of(b("true")), false,
                List.of(), b("/tmp"), new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0}, -1, 0, 9, 9, null, null, false, false, 1,
                null, new ProcessEvent.Memory(2720, 1024, 8));
        JsonNode mem = render(2, withMemory, "exec").get("memory");
        assertEquals(2720, mem.get("vm_size_kb").asLong());
        assertEquals(1024, mem.get("vm_rss_kb").asLong());
        assertEquals(8, mem.get("vm_swap_kb").asLong());

        JsonNode e = render(3, new ProcessEvent.Exit(3, 10, 10, 0, 11, true, false), "exit");
        assertEquals("SIGSEGV", e.get("signal").asText());
        assertTrue(e.get("core_dumped").asBoolean());
        JsonNode ok = render(4, new ProcessEvent.Exit(3, 10, 10, 7, 0, false, true), "exit");
        assertTrue(ok.get("signal").isNull());
        assertEquals(7, ok.get("exit_code").asInt());

        JsonNode sg = render(5, new ProcessEvent.Signal(4, 10, 10, 2, 0, 5, 0), "signal");
        assertEquals("SIGINT", sg.get("signal").asText());
        assertEquals("SI_USER", sg.get("code").asText());
        assertEquals(5, sg.get("sender").asInt());
        JsonNode st = render(6, new ProcessEvent.Stopped(5, 10, 10, 19), "stopped");
        assertEquals("SIGSTOP", st.get("signal").asText());

        SessionEvent.ProcessSnapshot snap = new SessionEvent.ProcessSnapshot(exec, Map.of(3, b("/var/log/x"), 0, b("/dev/pts/0")));
        JsonNode start = render(7, new SessionEvent.Start(6, 0, 0, "host", "boot", "0.1.0", 1, List.of(b("sh"), new byte[] {'a', (byte) 0xff}), 10, List.of(snap)),
                "session_start");
        assertEquals("host", start.get("hostname").asText());
        assertEquals(1, start.get("schema_version").asInt());
        assertEquals("sh", start.get("command").get(0).asText());
        assertEquals("a\\xff", start.get("command").get(1).asText(), "an argument that is not UTF-8 keeps its bytes");
        assertEquals("/var/log/x", start.get("processes").get(0).get("fds").get("3").asText());
        assertEquals("/usr/bin/true", start.get("processes").get(0).get("exe").asText());
        JsonNode end = render(8, new SessionEvent.End(7, 0, 0, 0, 0, Map.of("stops", 4L, "events", 2L)), "session_end");
        assertEquals(4, end.get("counters").get("stops").asLong());
        assertTrue(end.get("signal").isNull());
    }

    @Test
    void randomBytesAlwaysGiveValidJsonThatDecodesToTheTextForm() throws Exception {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] raw = new byte[rnd.nextInt(40)];
            rnd.nextBytes(raw);
            if (i % 3 == 0) raw = (new String(raw, java.nio.charset.StandardCharsets.UTF_8) + "/ok").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8); // valid UTF-8 with replacement characters
            JsonNode j = render(i, call("unlink", -2, new ArgValue.Path(raw, raw, false)), "unlink");
            assertEquals(ByteText.utf8Text(raw), j.get("args").get("path").asText());
            assertEquals(ByteText.utf8Text(raw), j.get("args_resolved").get("path").asText());
            if (ByteText.isValidUtf8(raw)) {
                assertEquals(new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace("\\", "\\\\"),
                        j.get("args").get("path").asText(), "valid UTF-8 is itself, backslashes doubled");
            }
        }
    }

    @Test
    void jsonOutEscapesEveryControlCharacter() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) all.append(c);
        all.append("é€\uD83D\uDE00");
        String text = new JsonOut().beginObject().key("k\"").value(all.toString()).endObject().toString();
        for (char c : text.toCharArray()) assertTrue(c >= 0x20 && c != 0x7f, "raw control character in output");
        assertEquals(all.toString(), MAPPER.readTree(text).get("k\"").asText());
    }
}
