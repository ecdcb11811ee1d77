package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The traced command gets the bytes the user typed, including ones a Java String cannot carry. */
class ArgvBytesTest {

    private static final byte[] LATIN1_NAME = {'a', (byte) 0xff, 'b'};

    @Test
    void theTailOfArgvIsTakenWhenEachElementDecodesToItsString() {
        byte[] cmdline = join("java", "-cp", "x", "io.pdig.launcher.Main", "run", "--", "/bin/echo", LATIN1_NAME);
        List<String> command = List.of("/bin/echo", new String(LATIN1_NAME, StandardCharsets.UTF_8));
        List<byte[]> bytes = ArgvBytes.matchTail(cmdline, command, StandardCharsets.UTF_8);
        assertEquals(2, bytes.size());
        assertArrayEquals(LATIN1_NAME, bytes.get(1), "the invalid byte survives");
    }

    @Test
    void noMatchGivesNullSoTheStringsAreUsed() {
        byte[] cmdline = join("java", "Main", "run", "--", "true");
        assertNull(ArgvBytes.matchTail(cmdline, List.of("false"), StandardCharsets.UTF_8), "another command");
        assertNull(ArgvBytes.matchTail(cmdline, List.of("a", "b", "c", "d", "e", "f"), StandardCharsets.UTF_8), "longer than argv");
        assertNull(ArgvBytes.matchTail(new byte[0], List.of("true"), StandardCharsets.UTF_8));
    }

    /** The real script: the command must see 0xff, not U+FFFD's three bytes. */
    @Test
    @Timeout(120)
    void aCommandGetsArgumentBytesThatAreNotUtf8(@TempDir Path dir) throws IOException, InterruptedException {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        // A shell builds the argument: ProcessBuilder itself could only pass Strings.
        Process p = new ProcessBuilder("sh", "-c", "exec \"$0\" run --no-rules --no-journal -- /bin/echo \"$(printf 'a\\377b')\"",
                pdig.toString()).directory(dir.toFile()).redirectError(dir.resolve("err").toFile()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(90, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err")));
        assertArrayEquals(new byte[] {'a', (byte) 0xff, 'b', '\n'}, out.toByteArray());
    }

    /** The session start record keeps the same bytes: a journal tells the command as it ran. */
    @Test
    @Timeout(180)
    void theJournalsSessionRecordKeepsTheCommandsBytes(@TempDir Path dir) throws IOException, InterruptedException {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        Path journal = dir.resolve("j");
        Process run = new ProcessBuilder("sh", "-c", "exec \"$0\" run --no-rules --journal \"$1\" -- /bin/true \"$(printf 'a\\377b')\"",
                pdig.toString(), journal.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run").toFile()).start();
        run.waitFor(90, TimeUnit.SECONDS);
        assertEquals(0, run.exitValue(), Files.readString(dir.resolve("run")));
        Process dump = new ProcessBuilder(pdig.toString(), "dump", journal.toString()).redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        dump.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, dump.exitValue(), text);
        String start = text.lines().filter(l -> l.contains("session_start")).findFirst().orElse("no session_start in: " + text);
        assertTrue(start.contains("command=[\"/bin/true\", \"a\\xffb\"]"), start);
    }

    private static byte[] join(Object... items) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object o : items) {
            byte[] x = o instanceof byte[] a ? a : ((String) o).getBytes(StandardCharsets.UTF_8);
            b.writeBytes(x);
            b.write(0);
        }
        return b.toByteArray();
    }
}
