package io.pdig.tracer;

import io.pdig.model.driver.AttachSpec;
import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.TraceDriver;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.EventSink;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The ptrace + seccomp driver. {@link #launch} runs a command under a seccomp filter built from the
 * table (only the requested calls stop the tracee); {@link #attach} seizes a running process with no
 * filter. Events reach the sink from the session's tracer thread only, in order; the driver never
 * closes the sink (its owner does, after {@link TraceSession#close()}).
 */
public final class PtraceDriver implements TraceDriver {

    public PtraceDriver() {
    }

    @Override
    public TraceSession launch(LaunchSpec spec, EventSink sink) throws DriverException {
        if (spec.command() == null || spec.command().isEmpty()) {
            throw new DriverException("no command to run");
        }
        TracePolicy policy = policy(spec.syscalls(), spec.traceExits(), spec.everyCall());
        byte[] path = resolveCommand(spec);
        PtraceSession session = new PtraceSession(spec.failOpen());
        session.start(new LaunchTracer(spec, path, policy, sink, session), "pdig-tracer");
        session.awaitStarted();
        return session;
    }

    @Override
    public TraceSession attach(AttachSpec spec, EventSink sink) throws DriverException {
        TracePolicy policy = policy(spec.syscalls(), false, spec.everyCall());
        AttachTracer.refuseIfInvalid(processOf(spec.pid()));
        PtraceSession session = new PtraceSession(true);
        session.start(new AttachTracer(spec, policy, sink, session), "pdig-tracer-attach");
        session.awaitStarted();
        return session;
    }

    /**
     * The process a pid names: itself, or for the id of a non-leader thread, its thread group.
     * `attach -p` traces whole processes, and the events' pid must be the process's (a thread id
     * taken as the pid made every event claim a process that does not exist). Unchanged when
     * /proc cannot say.
     */
    public static int processOf(int pid) {
        return pid <= 0 ? pid : (int) ProcReader.statusLong(pid, "Tgid", pid);
    }

    private static TracePolicy policy(java.util.Set<String> names, boolean traceExits, boolean everyCall) throws DriverException {
        try {
            return new TracePolicy(names == null ? java.util.Set.of() : names, traceExits, everyCall);
        } catch (IllegalArgumentException e) {
            throw new DriverException(e.getMessage());
        }
    }

    /**
     * execvp(3)'s lookup: a name with a slash is used as given, byte for byte; otherwise the first
     * executable in PATH.
     */
    static byte[] resolveCommand(LaunchSpec spec) throws DriverException {
        String cmd = spec.command().get(0);
        byte[] name = spec.argBytes(0);
        if (name.length == 0) {
            throw new DriverException("empty command name");
        }
        for (byte b : name) {
            if (b == '/') return name;
        }
        if (!Arrays.equals(name, cmd.getBytes(StandardCharsets.UTF_8))) {
            // Java's file API cannot name such a file; execvp would find it, pdig cannot.
            throw new DriverException("command not found: " + cmd + " (a name that is not valid UTF-8 must be given "
                    + "with its directory, e.g. ./NAME)");
        }
        String pathVar = spec.environment() != null ? spec.environment().get("PATH") : System.getenv("PATH");
        if (pathVar == null) {
            pathVar = "/usr/local/bin:/usr/bin:/bin";
        }
        String firstNonExecutable = null;
        for (String dir : pathVar.split(":", -1)) {
            Path base = dir.isEmpty() ? (spec.workDir() != null ? spec.workDir() : Path.of(".")) : Path.of(dir);
            if (!base.isAbsolute() && spec.workDir() != null) {
                base = spec.workDir().resolve(base);
            }
            Path p = base.resolve(cmd);
            if (Files.isRegularFile(p)) {
                if (Files.isExecutable(p)) {
                    return p.toString().getBytes(StandardCharsets.UTF_8);
                }
                if (firstNonExecutable == null) firstNonExecutable = p.toString();
            }
        }
        if (firstNonExecutable != null) {
            return firstNonExecutable.getBytes(StandardCharsets.UTF_8); // the kernel reports EACCES, as execvp does
        }
        throw new DriverException("command not found: " + cmd + " (searched PATH=" + pathVar.replace(File.pathSeparator, ":") + ")");
    }
}
