package io.pdig.launcher.upstream;

import static io.pdig.launcher.testsupport.PdigRun.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pdig.launcher.testsupport.PdigRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream sandbox rule "Java Process Class File Download" ({@code java_network_read and
 * evt.buffer bcontains cafebabe}), loaded in place from shared/falco-rules and enabled by an
 * override file (it ships disabled), on a real tracee: test-programs' tcp_recv copied under the
 * name {@code java} (java_network_read wants proc.exe ending in java, recvfrom on an IPv4 socket)
 * receives what a server in this JVM sends. The rule must fire on a class file's magic and not on
 * other bytes, and sees only the captured bytes: the magic past the snap length is not seen
 * unless {@code --snaplen} takes it in.
 */
class SandboxClassDownloadE2ETest {

    private static final String RULE = "Java Process Class File Download";

    /** The start of a class file: magic CAFEBABE, minor 0, major 52 (Java 8). */
    private static final byte[] CLASS_START = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 0x34};

    @TempDir
    Path work;

    /** Runs the "java" client under pdig against a server that sends {@code payload} and closes. */
    private PdigRun receive(byte[] payload, String... extraOptions) throws Exception {
        Path sandbox = PdigRun.repoRoot().resolve("../shared/falco-rules/falco-sandbox_rules.yaml").normalize();
        assertTrue(Files.isRegularFile(sandbox), sandbox + " is missing");
        Path enable = work.resolve("enable.yaml");
        Files.writeString(enable, "- rule: " + RULE + "\n  enabled: true\n  override:\n    enabled: replace\n");
        Path java = work.resolve("java");
        Files.copy(PdigRun.testProgram("tcp_recv"), java, StandardCopyOption.REPLACE_EXISTING);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sender = new Thread(() -> {
                try (Socket c = server.accept(); OutputStream out = c.getOutputStream()) {
                    out.write(payload);
                } catch (IOException e) {
                    // the client's run then fails or shows no data: the assertions report it
                }
            });
            sender.start();
            List<String> options = new ArrayList<>(List.of("-r", sandbox.toString(), "-r", enable.toString()));
            options.addAll(List.of(extraOptions));
            PdigRun r = PdigRun.run(work, options, List.of(java.toString(), Integer.toString(server.getLocalPort())));
            sender.join(10_000);
            assertEquals(0, r.exitCode, r.transcript);
            return r;
        }
    }

    private static byte[] at(int offset, byte[] bytes, int length) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) 'x');
        System.arraycopy(bytes, 0, b, offset, bytes.length);
        return b;
    }

    @Test
    void firesWhenAJavaProcessReceivesAClassFile() throws Exception {
        PdigRun r = receive(at(0, CLASS_START, 64));
        List<JsonNode> alerts = r.alertsOf(RULE);
        assertEquals(1, alerts.size(), r.transcript);
        assertEquals("recvfrom", field(alerts.get(0), "evt.type"), r.transcript);
        assertEquals("java", field(alerts.get(0), "proc.name"), r.transcript);
        assertEquals("ipv4", field(alerts.get(0), "fd.type"), r.transcript);
    }

    @Test
    void doesNotFireOnOtherBytes() throws Exception {
        // cafeba then bf: one byte off the magic
        PdigRun r = receive(at(0, new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbf}, 64));
        assertFalse(r.fired(RULE), r.transcript);
    }

    @Test
    void seesOnlyTheSnapLength() throws Exception {
        byte[] late = at(100, CLASS_START, 120); // the magic at bytes 100..103: past the default 80
        assertFalse(receive(late).fired(RULE), "the default snap length (80) does not reach byte 100");
        PdigRun wide = receive(late, "--snaplen", "256");
        assertTrue(wide.fired(RULE), wide.transcript);
    }
}
