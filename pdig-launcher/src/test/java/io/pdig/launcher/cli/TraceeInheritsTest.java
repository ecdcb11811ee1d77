package io.pdig.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command under `./pdig run` starts with what pdig's caller gave pdig, not with what the JVM
 * made of it: closed standard descriptors stay closed (catalogue K5: no JVM file in their place),
 * and the open-files limit is the caller's (HotSpot raises its own).
 */
@Timeout(200)
class TraceeInheritsTest {

    /** Runs {@code script} in sh with $0 = ./pdig; returns what the tracee wrote to {@code dir}/out. */
    private static String run(Path dir, String script) throws IOException, InterruptedException {
        Path pdig = Path.of(System.getProperty("pdig.repo.root")).resolve("pdig");
        Process p = new ProcessBuilder("sh", "-c", script, pdig.toString(), dir.resolve("out").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("timed out: " + Files.readString(dir.resolve("log")));
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log")));
        return Files.readString(dir.resolve("out"), StandardCharsets.UTF_8).trim();
    }

    /** The tracee's report of its fds 0-2, "open" or "closed" each, written through fd 3 ($1). */
    private static final String REPORT_FDS = "exec 3>\"$1\"; for f in 0 1 2; do "
            + "if [ -e /proc/$$/fd/$f ]; then echo open >&3; else echo closed >&3; fi; done";

    @Test
    void standardDescriptorsClosedForPdigAreClosedForTheCommand(@TempDir Path dir) throws Exception {
        String tracee = "sh -c '" + REPORT_FDS + "' sh \"$1\"";
        assertEquals("closed\nopen\nopen", run(dir, "\"$0\" run --no-rules --no-journal -- " + tracee + " <&-"));
        assertEquals("open\nclosed\nopen", run(dir, "\"$0\" run --no-rules --no-journal -- " + tracee + " >&-"));
        assertEquals("open\nopen\nclosed", run(dir, "\"$0\" run --no-rules --no-journal -- " + tracee + " 2>&-"));
        assertEquals("closed\nclosed\nclosed", run(dir, "\"$0\" run --no-rules --no-journal -- " + tracee + " <&- >&- 2>&-"));
        assertEquals("open\nopen\nopen", run(dir, "\"$0\" run --no-rules --no-journal -- " + tracee + " </dev/null"));
    }

    /**
     * Descriptors above 2 that the caller passed (a jobserver pipe, `exec 3>file`) reach the command
     * as under strace or untraced; none of pdig's own (jars, journal, sockets) does.
     */
    @Test
    void descriptorsTheCallerPassedReachTheCommandAndNoneOfPdigsOwn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("seven"), "read through fd 7\n");
        String tracee = "sh -c 'cat <&7 >&4; for f in $(seq 3 64); do [ -e /proc/$$/fd/$f ] && echo fd $f >&4; done; true'";
        String out = run(dir, "exec 4>\"$1\" 7<seven; \"$0\" run --no-rules -- " + tracee);
        assertEquals("read through fd 7\nfd 4\nfd 7", out);
    }

    /**
     * The environment's Java options are the command's (a Java app's agent or heap size): pdig's own
     * JVM does not take them (-Xmx1m would stop it from starting), and the command gets them
     * unchanged, with none of pdig's private variables.
     */
    @Test
    void javaOptionsInTheEnvironmentAreTheCommandsNotPdigs(@TempDir Path dir) throws Exception {
        String tracee = "sh -c 'echo \"$JAVA_TOOL_OPTIONS|$JDK_JAVA_OPTIONS|${_JAVA_OPTIONS-unset}\" >&4; "
                + "env | grep -c ^PDIG_ >&4; true'";
        String out = run(dir, "exec 4>\"$1\"; JAVA_TOOL_OPTIONS=-Xmx1m JDK_JAVA_OPTIONS='-Dx=1 -Dy=2' \"$0\" run --no-rules -- "
                + tracee);
        // PDIG_ variables the caller set itself (a developer's PDIG_MAVEN_ARGS) are the command's too,
        // except PDIG_JAVA_OPTS, which is for pdig's own JVM.
        long callers = System.getenv().keySet().stream()
                .filter(k -> k.startsWith("PDIG_") && !k.equals("PDIG_JAVA_OPTS")).count();
        assertEquals("-Xmx1m|-Dx=1 -Dy=2|unset\n" + callers, out);
        assertFalse(Files.readString(dir.resolve("log")).contains("Picked up"), Files.readString(dir.resolve("log")));
    }

    /**
     * The command runs at its caller's nice, as untraced: as root the JVM sets its threads' nice
     * itself (absolute values, for the journal writer's background priority), and the command,
     * a child of the tracer thread, got nice 0 whatever the caller had chosen.
     */
    @Test
    void theNiceValueIsTheCallers(@TempDir Path dir) throws Exception {
        // Field 19 of /proc/PID/stat, counted after the ") " that ends the command name.
        String tracee = "sh -c 'sed \"s/.*) //\" /proc/$$/stat | cut -d\" \" -f17 > \"$1\"' sh \"$1\"";
        assertEquals("7", run(dir, "nice -n 7 \"$0\" run --no-rules --no-journal -- " + tracee));
        assertEquals("19", run(dir, "nice -n 19 \"$0\" run --no-rules --no-journal -- " + tracee));
        assertEquals("-3", run(dir, "nice -n -3 \"$0\" run --no-rules --no-journal -- " + tracee));
    }

    /**
     * bash tells each command its own path in "_"; for `pdig run -- env` it told pdig ("_=./pdig").
     * The command sees its own, as when bash starts it (`env` found in PATH: /usr/bin/env), and
     * nothing is added where the caller set no "_".
     */
    @Test
    void underscoreNamesTheCommandAsBashWouldSetIt(@TempDir Path dir) throws Exception {
        String untraced = run(dir, "bash -c 'env > \"$1\"' bash \"$1\"").lines().filter(l -> l.startsWith("_=")).findFirst().orElse("");
        assertEquals("_=/usr/bin/env", untraced);
        String traced = run(dir, "bash -c '\"$0\" run --no-rules --no-journal -- env > \"$1\"' \"$0\" \"$1\"");
        assertEquals(untraced, traced.lines().filter(l -> l.startsWith("_=")).findFirst().orElse("(none)"), traced);
        String withoutUnderscore = run(dir, "env -u _ \"$0\" run --no-rules --no-journal -- env > \"$1\"");
        assertFalse(withoutUnderscore.lines().anyMatch(l -> l.startsWith("_=")), withoutUnderscore);
    }

    /**
     * An environment bash would not pass on as it is: an entry without a name, names that are no
     * shell identifiers, an exported function as written, a newline, backslashes, bytes that are
     * not UTF-8, and no PWD or SHLVL (bash adds both when it starts the ./pdig script).
     */
    private static final String ODD_ENVIRONMENT = "env -i PATH=\"$PATH\" ${JAVA_HOME+\"JAVA_HOME=$JAVA_HOME\"} "
            + "'a.b=1' '=weird' 'C-D=2' 'E=multi\nline' 'BASH_FUNC_f%%=() { echo hi; }' "
            + "'F=back\\slash\\n' \"G=$(printf '\\377\\376')\" Z=last ";

    /** The command's environment, as `env -0` prints it, in the order given, byte for byte. */
    @Test
    void theEnvironmentIsTheCallersInItsOrderByteForByte(@TempDir Path dir) throws Exception {
        // od: the bytes as text (the last two of G are not UTF-8), one entry's end as "\0".
        String untraced = run(dir, ODD_ENVIRONMENT + "env -0 | od -An -c -w1000000 > \"$1\"");
        assertTrue(untraced.contains("=   w   e   i   r   d  \\0") && untraced.contains("i  \\n   l   i   n   e"), untraced);
        String traced = run(dir, ODD_ENVIRONMENT + "\"$0\" run --no-rules --no-journal -- env -0 | od -An -c -w1000000 > \"$1\"");
        assertEquals(untraced, traced);
    }

    /** Larger than a pipe holds: the script hands it over in a deleted temporary file instead. */
    @Test
    void aLargeEnvironmentArrivesWhole(@TempDir Path dir) throws Exception {
        String large = "BIG=\"$(head -c 200000 /dev/zero | tr '\\0' x)\" ";
        String untraced = run(dir, ODD_ENVIRONMENT + large + "env -0 | md5sum > \"$1\"");
        String traced = run(dir, ODD_ENVIRONMENT + large + "\"$0\" run --no-rules --no-journal -- env -0 | md5sum > \"$1\"");
        assertEquals(untraced, traced);
    }

    /**
     * Where bash cannot make the temporary file for a large environment (TMPDIR not writable), the
     * command still starts, with the JVM's version of it: every variable and value, bash's order.
     */
    @Test
    void withoutTheHandoverTheCommandStillGetsEveryVariable(@TempDir Path dir) throws Exception {
        String large = "TMPDIR=/proc BIG=\"$(head -c 200000 /dev/zero | tr '\\0' x)\" A=1 ";
        String untraced = run(dir, "env -i PATH=\"$PATH\" " + large + "env | grep -v ^_= | sort | md5sum > \"$1\"");
        String traced = run(dir, "env -i PATH=\"$PATH\" " + large + "\"$0\" run --no-rules --no-journal -- env "
                + "| grep -v -e ^_= -e ^PWD= -e ^SHLVL= | sort | md5sum > \"$1\"");
        assertEquals(untraced, traced);
    }

    /**
     * A set-user-ID program gains its privileges under pdig as untraced (strace --seccomp-bpf sets
     * no_new_privs, and they do not): `id -u` of a set-user-ID root copy of id, run as nobody,
     * says 0. With --fail-open the command may outlive pdig with its filter, so no_new_privs stays.
     */
    @Test
    void aSetUserIdProgramGainsItsPrivilegesAsUntraced(@TempDir Path dir) throws Exception {
        String setup = "chmod 755 \"$(dirname \"$1\")\" && cp /usr/bin/id \"$1.id\" && chmod 4755 \"$1.id\" && ";
        String asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups \"$1.id\" -u > \"$1\"";
        assertEquals("0", run(dir, setup + asNobody));
        assertEquals("0", run(dir, setup + "\"$0\" run --no-rules --no-journal -- " + asNobody));
        assertEquals("65534", run(dir, setup + "\"$0\" run --fail-open --no-rules --no-journal -- " + asNobody));
        assertEquals("NoNewPrivs:\t0", run(dir, "\"$0\" run --no-rules --no-journal -- grep NoNewPrivs /proc/self/status > \"$1\""));
        assertEquals("NoNewPrivs:\t1", run(dir, "\"$0\" run --fail-open --no-rules --no-journal -- grep NoNewPrivs /proc/self/status > \"$1\""));
    }

    @Test
    void theOpenFilesLimitIsTheCallers(@TempDir Path dir) throws Exception {
        assertEquals("256", run(dir, "ulimit -Sn 256; \"$0\" run --no-rules --no-journal -- sh -c 'ulimit -Sn > \"$1\"' sh \"$1\""));
    }
}
