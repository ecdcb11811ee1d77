package io.pdig.launcher.cli;

import io.pdig.launcher.wiring.Pipeline;
import io.pdig.launcher.wiring.PipelineConfig;
import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.LaunchSpec;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.tracer.NativeProcess;
import io.pdig.tracer.PtraceDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `pdig run [options] -- CMD ARGS...`: runs CMD under the tracer. Writes nothing to stdout (the
 * app owns it). Exits with CMD's exit code, or dies by the signal that killed CMD.
 */
@Command(name = "run", mixinStandardHelpOptions = true, addMethodSubcommands = false, sortOptions = false,
        description = "Run a command under the tracer, journal its syscalls and evaluate rules on them live.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    TraceOptions trace;

    @Mixin
    JournalOptions journal;

    @Mixin
    DetectionOptions detection;

    @Option(names = "--fail-open",
            description = "If pdig dies, let the tracees run on untraced (traced syscalls then fail with ENOSYS). "
                    + "Default: fail-closed, the tracees are killed with pdig.")
    boolean failOpen;

    @Option(names = "--trace-exits", description = "Stop at every syscall exit, even where the result is not needed (e.g. close).")
    boolean traceExits;

    @Option(names = "--no-wait-orphans",
            description = "End the session when CMD ends, even if descendants it left behind still run (they are killed, "
                    + "or detached with --fail-open). Default: keep tracing them until they exit, like strace -f.")
    boolean noWaitOrphans;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command to run and its arguments.")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        StartupTimer timer = new StartupTimer(cl.getErr());
        timer.mark("options parsed");
        // The bytes the command gets, and that the session record keeps, are those pdig was given.
        List<byte[]> argv = ArgvBytes.exact(command);
        PipelineConfig config = PipelineConfigs.forRun(cl, trace, journal, detection, argv);
        // The journal, the session record (process snapshots, native library load) and the rules
        // (which decide the seccomp filter) are prepared in parallel: the tracee waits for both.
        PipelineOpening opening = PipelineOpening.start(config);
        LaunchSpec launch;
        try {
            launch = new LaunchSpec(List.copyOf(command), null, null, detection.tracedSet(cl, trace),
                    failOpen, traceExits, trace.stringLimit(cl), !noWaitOrphans, detection.namesEveryCall(trace), argv,
                    trace.snapLen(cl));
        } catch (RuntimeException e) {
            opening.abandon();
            throw e;
        }
        timer.mark("rules loaded, filter set chosen");
        Termination end;
        try (Pipeline pipeline = opening.get(); SignalForwarder signals = new SignalForwarder()) {
            timer.mark("pipeline open");
            TraceSession session;
            try {
                session = new PtraceDriver().launch(launch, pipeline.sink());
                timer.mark("tracee running");
            } catch (DriverException e) {
                throw new ExitCodes.UserError(e.getMessage(), e);
            }
            try (session) {
                // Ctrl-C and other signals sent to the whole process group reach the tracee by
                // themselves; forward only what the tracee did not get.
                signals.forwardTo(sig -> {
                    if (!pipeline.recentSignals().deliveredAlongside(sig)) session.forwardSignal(sig);
                });
                pipeline.started(session);
                end = session.awaitTermination();
                pipeline.finished(end, session.counters());
                if (session.failure() != null) {
                    // A bug of pdig's, said in one line whether or not a trace is printed.
                    cl.getErr().println("pdig: the tracer failed (" + session.failure() + "): " + (failOpen
                            ? "the command went on untraced (--fail-open); its traced syscalls failed with ENOSYS"
                            : "the command was killed (fail-closed)"));
                    cl.getErr().flush();
                    if (!failOpen) return ExitCodes.FAILURE;
                }
                long detached = session.counters().getOrDefault("detached", 0L);
                if (failOpen && detached > 0) {
                    // Their seccomp filter outlives the tracer: say so, or a daemon that cannot
                    // open a file any more looks like its own bug.
                    cl.getErr().println("pdig: " + detached + " thread" + (detached > 1 ? "s" : "")
                            + " left running untraced (--fail-open): their traced syscalls now fail with ENOSYS");
                    cl.getErr().flush();
                }
            }
        }
        return exitStatus(end);
    }

    /**
     * Mirrors the tracee: its exit code, or death by the same signal (no core of our own). Falls
     * back to 128+N if the signal turns out not to be fatal to pdig.
     */
    static int exitStatus(Termination end) {
        if (end.signal() > 0) {
            System.out.flush();
            System.err.flush();
            NativeProcess.dieBySignal(end.signal());
            return 128 + end.signal();
        }
        return Math.max(end.exitCode(), 0);
    }

    static Path pathOrNull(String s) {
        return s == null ? null : Path.of(s);
    }
}
