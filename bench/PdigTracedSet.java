import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Set;
import picocli.CommandLine;

/**
 * Prints, comma-separated, the syscall set `pdig run ARGS` would trace, so that strace can be told
 * to trace exactly the same calls. pdig's default trace set is derived from its loaded rules plus
 * what its state tables need, and no CLI command prints it; this asks the launcher's own option
 * classes (the same code path `pdig run` uses) through reflection.
 * Usage (launcher jar and its lib/ on the class path): java PdigTracedSet.java run [OPTIONS] -- CMD
 * Fragile by nature: it names launcher internals (PdigCommand.commandLine(), RunCommand's
 * "detection" and "trace" fields, DetectionOptions.tracedSet). tracer-bench.sh falls back to
 * `pdig syscalls --default --names` when it fails.
 */
public class PdigTracedSet {
    public static void main(String[] args) throws Exception {
        CommandLine top = (CommandLine) Class.forName("io.pdig.launcher.cli.PdigCommand")
                .getMethod("commandLine").invoke(null);
        CommandLine.ParseResult parsed = top.parseArgs(args);
        if (!parsed.hasSubcommand()) throw new IllegalArgumentException("expected: run [OPTIONS] -- CMD");
        CommandLine run = parsed.subcommand().commandSpec().commandLine();
        Object cmd = run.getCommand();
        Object detection = field(cmd, "detection");
        Object trace = field(cmd, "trace");
        Method traced = detection.getClass().getDeclaredMethod("tracedSet", CommandLine.class, trace.getClass());
        traced.setAccessible(true);
        Set<?> names = (Set<?>) traced.invoke(detection, run, trace);
        StringBuilder out = new StringBuilder();
        for (Object n : names) out.append(out.length() == 0 ? "" : ",").append(n);
        System.out.println(out);
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}
