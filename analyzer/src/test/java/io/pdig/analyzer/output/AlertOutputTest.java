package io.pdig.analyzer.output;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdig.analyzer.fields.FieldRegistry;
import io.pdig.analyzer.rules.OutputFormat;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.state.TestEvents.Harness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertOutputTest {
    private static final String OUTPUT = "Sensitive file opened for reading | file=%fd.name gparent=%proc.aname[2] "
            + "evt_type=%evt.type user=%user.name user_uid=%user.uid user_loginuid=%user.loginuid process=%proc.name "
            + "parent=%proc.pname command=%proc.cmdline terminal=%proc.tty flags=%evt.arg.flags "
            + "is_read=%evt.is_open_read lower=%tolower(proc.name) container_id=%container.id k8s_ns_name=%k8s.ns.name";

    private static Alert alert() {
        Harness h = new Harness().feed(start("myhost"),
                exec(100, "/usr/bin/sudo", "sudo", "cat", "/etc/shadow").build(),
                fork(T0, 100, 101),
                exec(101, "/usr/bin/cat", "cat", "/etc/shadow").ppid(100).tty(34816).loginUid(1000).build(),
                sys(T0, 101, 101, "openat", 3, "dirfd", -100, "name", "/etc/shadow", "flags", 0));
        OutputFormat fmt = OutputFormat.parse(OUTPUT, FieldRegistry.standard());
        return new AlertFactory("fallback").create(h.last(), "Read sensitive file untrusted", Priority.WARNING,
                "syscall", Set.of("mitre_credential_access", "T1555", "host", "maturity_stable"), fmt);
    }

    @Test
    void textLineLikeFalco() {
        Alert a = alert();
        assertEquals("01:02:03.123456789: Warning Sensitive file opened for reading | file=/etc/shadow gparent=<NA> "
                + "evt_type=openat user=root user_uid=0 user_loginuid=1000 process=cat parent=sudo "
                + "command=cat /etc/shadow terminal=34816 flags=O_RDONLY is_read=true lower=cat container_id=host "
                + "k8s_ns_name=<NA>", a.textLine());
        assertEquals(List.of("T1555", "host", "maturity_stable", "mitre_credential_access"), a.tags(),
                "tags sorted as Falco's std::set (uppercase first)");
    }

    @Test
    void jsonShapeAndTypes() throws Exception {
        Alert a = alert();
        String line = JsonAlerts.toLine(a);
        assertFalse(line.contains("\n"));
        JsonNode o = new ObjectMapper().readTree(line);
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("hostname", "output", "output_fields", "priority", "rule", "source", "tags", "time"), keys);
        assertEquals("myhost", o.get("hostname").asText(), "host name from the session start");
        assertEquals(a.textLine(), o.get("output").asText());
        assertEquals("Warning", o.get("priority").asText());
        assertEquals("Read sensitive file untrusted", o.get("rule").asText());
        assertEquals("syscall", o.get("source").asText());
        assertTrue(o.get("tags").isArray());
        assertEquals("T1555", o.get("tags").get(0).asText());
        assertEquals("2026-11-27T01:02:03.123456789Z", o.get("time").asText());

        JsonNode f = o.get("output_fields");
        List<String> fkeys = new ArrayList<>();
        f.fieldNames().forEachRemaining(fkeys::add);
        List<String> sorted = new ArrayList<>(fkeys);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, fkeys, "output_fields keys sorted");
        assertFalse(f.has("tolower(proc.name)"), "transformed tokens are omitted");
        assertTrue(f.get("evt.time").isIntegralNumber());
        assertEquals(T0, f.get("evt.time").asLong());
        assertTrue(f.get("user.uid").isIntegralNumber());
        assertEquals(0, f.get("user.uid").asLong());
        assertTrue(f.get("proc.tty").isIntegralNumber());
        assertEquals(1000, f.get("user.loginuid").asLong());
        assertTrue(f.get("proc.aname[2]").isNull(), "missing value is null");
        assertTrue(f.get("k8s.ns.name").isNull());
        assertTrue(f.get("evt.is_open_read").isBoolean());
        assertEquals("O_RDONLY", f.get("evt.arg.flags").asText());
        assertEquals("/etc/shadow", f.get("fd.name").asText());
        assertEquals("host", f.get("container.id").asText());
    }

    @Test
    void hostnameFallsBackWithoutSessionStart() {
        Harness h = new Harness().feed(sys(5, "getpid", 5));
        Alert a = new AlertFactory("fallback").create(h.last(), "r", Priority.INFORMATIONAL, "syscall", List.of(),
                OutputFormat.parse("x %proc.name", FieldRegistry.standard()));
        assertEquals("fallback", a.hostname());
        assertTrue(a.textLine().startsWith("01:02:03.123456789: Informational x <NA>"), a.textLine());
    }

    @Test
    void sinksWriteOneLinePerAlert(@TempDir Path dir) throws Exception {
        Alert a = alert();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            LineAlertSink text = new LineAlertSink(ps, LineAlertSink.Format.TEXT);
            text.accept(a);
            text.accept(a);
            text.close();
            assertEquals(a.textLine() + "\n" + a.textLine() + "\n", buf.toString(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("alerts.json");
        try (LineAlertSink json = LineAlertSink.appendingTo(file, LineAlertSink.Format.JSON)) {
            json.accept(a);
        }
        try (LineAlertSink json = LineAlertSink.appendingTo(file, LineAlertSink.Format.JSON)) {
            json.accept(a);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), "appends");
        for (String l : lines) {
            assertEquals("Warning", new ObjectMapper().readTree(l).get("priority").asText());
        }
        Path txt = dir.resolve("alerts.txt");
        try (LineAlertSink t = LineAlertSink.appendingTo(txt, LineAlertSink.Format.TEXT)) {
            t.accept(a);
        }
        assertEquals(List.of(a.textLine()), Files.readAllLines(txt));
    }

    @Test
    void valueFormatting() {
        FalcoFieldFormatting f = FalcoFieldFormatting.INSTANCE;
        assertEquals("<NA>", f.toText(null, null));
        assertEquals("true", f.toText(null, true));
        assertEquals("42", f.toText(null, 42L));
        assertEquals("bash sshd", f.toText(null, List.of("bash", "sshd")));
        assertEquals("ab", f.toText(null, "ab".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void timesAreUtcWithNineDigitsOfNanoseconds() {
        // 2001-02-03T04:05:06 UTC plus 7 ns: every field needs its zero padding.
        long ns = 981173106L * 1_000_000_000L + 7;
        assertEquals("04:05:06.000000007", AlertTimes.timeOfDay(ns));
        assertEquals("2001-02-03T04:05:06.000000007Z", AlertTimes.rfc3339(ns));
        assertEquals("1969-12-31T23:59:59.999999999Z", AlertTimes.rfc3339(-1));
        assertEquals("00:00:00.000000000", AlertTimes.timeOfDay(0));
    }

    /**
     * libsinsp's PF_10_PADDED_DEC fields print at least nine digits in the text line (%09) and stay
     * numbers in JSON; the others, evt.reltime.s and evt.deltatime among them, print plainly.
     */
    @Test
    void ninePaddedDigitsWhereLibsinspPadsThem() throws Exception {
        long session = T0 - 123_400_000L;
        Harness h = new Harness().feed(
                new io.pdig.model.event.SessionEvent.Start(session, 1, 1, "myhost", "boot", "0.1.0", 8, List.of(), 0, List.of()),
                exec(100, "/usr/bin/cat", "cat").ts(session + 1_000).build(),
                timed(sys(T0 - 123_000_000L, 100, 100, "getpid", 100), 42_000));
        OutputFormat fmt = OutputFormat.parse("raw_ns=%evt.rawtime.ns lat_ns=%evt.latency.ns lat=%evt.latency "
                + "rel=%evt.reltime rel_s=%evt.reltime.s rel_ns=%evt.reltime.ns delta=%evt.deltatime "
                + "delta_ns=%evt.deltatime.ns", FieldRegistry.standard());
        Alert a = new AlertFactory("fallback").create(h.last(), "r", Priority.NOTICE, "syscall", Set.of(), fmt);
        assertEquals("raw_ns=000456789 lat_ns=000042000 lat=42000 rel=000400000 rel_s=0 rel_ns=000400000 delta=0 "
                + "delta_ns=000000000", a.message());
        JsonNode f = new ObjectMapper().readTree(JsonAlerts.toLine(a)).get("output_fields");
        assertTrue(f.get("evt.rawtime.ns").isIntegralNumber());
        assertEquals(456_789, f.get("evt.rawtime.ns").asLong());
        assertEquals(42_000, f.get("evt.latency.ns").asLong());
        assertEquals(0, f.get("evt.deltatime.ns").asLong());
        assertEquals("000000001", FalcoFieldFormatting.nineDigits(1));
        assertEquals("1234567890", FalcoFieldFormatting.nineDigits(1_234_567_890L));
        assertEquals("-000000005", FalcoFieldFormatting.nineDigits(-5));
    }

    private static io.pdig.model.event.SyscallEvent timed(io.pdig.model.event.SyscallEvent e, long nanos) {
        return new io.pdig.model.event.SyscallEvent(e.ts(), e.tid(), e.pid(), e.abi(), e.nr(), e.res(), e.hasResult(),
                e.args(), nanos);
    }
}
