package io.pdig.tracer;

import io.pdig.model.driver.AttachSpec;
import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.TraceDriver;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.EventSink;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

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
        TracePolicy policy = policy(spec.syscalls(), spec.traceExits());
        String path = resolveCommand(spec);
        PtraceSession session = new PtraceSession(spec.failOpen());
        session.start(new LaunchTracer(spec, path, policy, sink, session), "pdig-tracer");
        session.awaitStarted();
        return session;
    }

    @Override
    public TraceSession attach(AttachSpec spec, EventSink sink) throws DriverException {
        TracePolicy policy = policy(spec.syscalls(), false);
        AttachTracer.refuseIfInvalid(spec.pid());
        PtraceSession session = new PtraceSession(true);
        session.start(new AttachTracer(spec, policy, sink, session), "pdig-tracer-attach");
        session.awaitStarted();
        return session;
    }

    private static TracePolicy policy(java.util.Set<String> names, boolean traceExits) throws DriverException {
        try {
            return new TracePolicy(names == null ? java.util.Set.of() : names, traceExits);
        } catch (IllegalArgumentException e) {
            throw new DriverException(e.getMessage());
        }
    }

    /** execvp(3)'s lookup: a name with a slash is used as given; otherwise the first executable in PATH. */
    static String resolveCommand(LaunchSpec spec) throws DriverException {
        String cmd = spec.command().get(0);
        if (cmd.isEmpty()) {
            throw new DriverException("empty command name");
        }
        if (cmd.contains("/")) {
            return cmd;
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
                    return p.toString();
                }
                if (firstNonExecutable == null) firstNonExecutable = p.toString();
            }
        }
        if (firstNonExecutable != null) {
            return firstNonExecutable; // the kernel reports EACCES, as execvp does
        }
        throw new DriverException("command not found: " + cmd + " (searched PATH=" + pathVar.replace(File.pathSeparator, ":") + ")");
    }
}
