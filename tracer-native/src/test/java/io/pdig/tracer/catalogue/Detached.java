package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalogue program started outside this JVM's process tree (setsid + background shell, so it
 * is reparented to init), as an attach target. It must not be our child: the JDK's process reaper
 * would otherwise wait on it and steal its ptrace stops (facts.md). Registered as a survivor, so
 * {@link LeakCheck} kills it after the test.
 */
final class Detached {

    final int pid;
    final Path dir;
    final Path out;

    private Detached(int pid, Path dir, Path out) {
        this.pid = pid;
        this.dir = dir;
        this.out = out;
    }

    static Detached start(String program, String... args) throws IOException, InterruptedException {
        return startIn(newDir(), program, args);
    }

    /** A fresh directory for a target, deleted after the test. */
    static Path newDir() throws IOException {
        Path dir = Files.createTempDirectory("pdig-catalogue-target-");
        LeakCheck.tempDir(dir);
        return dir;
    }

    static Detached startIn(Path dir, String program, String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("target.out");
        StringBuilder cmd = new StringBuilder("cd ").append(Tracing.quote(dir.toString())).append(" && ");
        List<String> argv = new ArrayList<>();
        argv.add(Programs.bin(program).toString());
        argv.addAll(List.of(args));
        for (String a : argv) cmd.append(Tracing.quote(a)).append(' ');
        cmd.append("</dev/null >").append(Tracing.quote(out.toString())).append(" 2>&1 & echo $!");
        Process p = new ProcessBuilder("setsid", "/bin/sh", "-c", cmd.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), "starting " + program + ": " + text);
        int pid = Integer.parseInt(text);
        LeakCheck.survivor(pid);
        return new Detached(pid, dir, out);
    }

    /** {@code sh -c script} started the same way (cwd DIR, output in DIR/target.out), for process shapes no catalogue program has. */
    static Detached shell(Path dir, String script) throws IOException, InterruptedException {
        Path out = dir.resolve("target.out");
        String cmd = "cd " + Tracing.quote(dir.toString()) + " && /bin/sh -c " + Tracing.quote(script)
                + " </dev/null >" + Tracing.quote(out.toString()) + " 2>&1 & echo $!";
        Process p = new ProcessBuilder("setsid", "/bin/sh", "-c", cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), "starting sh -c " + script + ": " + text);
        int pid = Integer.parseInt(text);
        LeakCheck.survivor(pid);
        return new Detached(pid, dir, out);
    }

    String output() {
        try {
            return Files.exists(out) ? Files.readString(out, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    void awaitOutput(String text, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!output().contains(text)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("no \"" + text + "\" in the target's output within " + timeoutMillis
                        + " ms:\n" + output());
            }
            Thread.sleep(10);
        }
    }
}
