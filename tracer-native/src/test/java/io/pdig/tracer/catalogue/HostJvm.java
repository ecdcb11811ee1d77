package io.pdig.tracer.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link TracerHost} running in a child JVM, with the tracee's pid and output. */
final class HostJvm implements AutoCloseable {

    final Process process;
    final int traceePid;
    final Path dir;
    final Path out;
    private final BufferedReader stdout;

    private HostJvm(Process process, int traceePid, Path dir, Path out, BufferedReader stdout) {
        this.process = process;
        this.traceePid = traceePid;
        this.dir = dir;
        this.out = out;
        this.stdout = stdout;
    }

    static HostJvm start(boolean failOpen, String program, String... args) throws Exception {
        return start(failOpen, java.util.Map.of(), program, args);
    }

    /** As {@link #start(boolean, String, String...)} with extra environment for the tracer JVM. */
    static HostJvm start(boolean failOpen, java.util.Map<String, String> env, String program, String... args)
            throws Exception {
        Path dir = Files.createTempDirectory("pdig-catalogue-host-");
        Path out = dir.resolve("tracee.out");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) cmd.add(a);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TracerHost.class.getName());
        cmd.add(Boolean.toString(failOpen));
        cmd.add(dir.toString());
        cmd.add(out.toString());
        cmd.add(Programs.bin(program).toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("host.err").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || !line.startsWith("PID ")) {
            p.destroyForcibly();
            throw new AssertionError("tracer host did not start: " + line + "\n" + Files.readString(dir.resolve("host.err")));
        }
        int pid = Integer.parseInt(line.substring(4).trim());
        LeakCheck.expectGone(pid);
        return new HostJvm(p, pid, dir, out, r);
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
                throw new AssertionError("no \"" + text + "\" in the tracee's output within " + timeoutMillis
                        + " ms:\n" + output());
            }
            Thread.sleep(10);
        }
    }

    /** SIGKILLs the tracer JVM and waits for it; returns its exit value (137). */
    int killHost() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** Waits for the tracer JVM to end on its own; returns its exit value. */
    int awaitHost(long timeoutMillis) throws Exception {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("tracer JVM still running after " + timeoutMillis + " ms; tracee output:\n" + output());
        }
        return process.exitValue();
    }

    String hostStdout() throws IOException {
        StringBuilder b = new StringBuilder();
        while (stdout.ready()) b.append(stdout.readLine()).append('\n');
        return b.toString();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        stdout.close();
        process.getOutputStream().close();
        process.getErrorStream().close();
        if (Procs.exists(traceePid)) Procs.kill(traceePid, 9);
        LeakCheck.deleteTree(dir);
    }
}
