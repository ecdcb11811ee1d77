package io.pdig.launcher.cli;

import io.pdig.launcher.wiring.Pipeline;
import io.pdig.launcher.wiring.PipelineConfig;
import io.pdig.model.driver.AttachSpec;
import io.pdig.model.driver.DriverException;
import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.tracer.PtraceDriver;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `pdig attach -p PID [--children]`: traces a running process until it ends or pdig receives
 * SIGINT/SIGTERM/SIGHUP/SIGQUIT, then detaches and leaves it running (not stopped).
 */
@Command(name = "attach", mixinStandardHelpOptions = true, addMethodSubcommands = false, sortOptions = false,
        description = "Attach to a running process (all its threads), follow its new children, detach on SIGINT/SIGTERM.")
public final class AttachCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = {"-p", "--pid"}, required = true, paramLabel = "PID", description = "The process to attach to.")
    int pid;

    @Option(names = "--children", description = "Also attach to its existing descendants.")
    boolean children;

    @Mixin
    TraceOptions trace;

    @Mixin
    JournalOptions journal;

    @Mixin
    DetectionOptions detection;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (pid <= 0) {
            throw new CommandLine.ParameterException(cl, "--pid: expected a process id, got " + pid);
        }
        int target = PtraceDriver.processOf(pid);
        if (target != pid) {
            System.err.println("pdig: " + pid + " is a thread of process " + target + "; attaching to the process");
            pid = target;
        }
        AttachSpec attach = new AttachSpec(pid, children, detection.tracedSet(cl, trace), trace.stringLimit(cl),
                detection.namesEveryCall(trace), trace.snapLen(cl));
        PipelineConfig config = PipelineConfigs.forAttach(cl, trace, journal, detection, pid);
        Termination end;
        // The signals are caught before the target is seized: one that came between the seize
        // and the handler used to be lost where pdig started with SIGINT ignored (a script's
        // `pdig attach ... &`: pdig then traced on until the target ended), or killed the JVM
        // (SIGTERM) with the summary and the journal's end unwritten. Early ones wait in the
        // forwarder and detach as soon as there is a session.
        int[] received = new int[1];
        Pipeline opened;
        try {
            opened = Pipeline.open(config);
        } catch (io.pdig.journal.JournalException e) {
            throw PipelineOpening.asUserError(e);
        }
        try (Pipeline pipeline = opened; SignalForwarder signals = new SignalForwarder()) {
            TraceSession session;
            try {
                session = new PtraceDriver().attach(attach, pipeline.sink());
            } catch (DriverException e) {
                throw new ExitCodes.UserError(e.getMessage(), e);
            }
            try (session) {
                pipeline.started(session);
                signals.forwardTo(sig -> {
                    if (received[0] == 0) received[0] = sig;
                    session.detach();
                });
                end = session.awaitTermination();
                pipeline.finished(end, session.counters());
                if (session.failure() != null) {
                    spec.commandLine().getErr().println("pdig: the tracer failed (" + session.failure()
                            + "): detached, the target runs on untraced");
                    spec.commandLine().getErr().flush();
                    return ExitCodes.FAILURE;
                }
            }
            if (received[0] != 0) {
                // Like strace: after detaching on a signal, pdig terminates by that signal.
                return RunCommand.exitStatus(Termination.killed(received[0], false));
            }
        }
        return end.detached() ? 0 : RunCommand.exitStatus(end);
    }
}
