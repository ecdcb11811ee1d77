package io.pdig.launcher;

import io.pdig.launcher.cli.ExitCodes;
import io.pdig.launcher.cli.PdigCommand;
import io.pdig.launcher.cli.RuleSetLoader;
import io.pdig.launcher.wiring.EarlyJournal;
import io.pdig.tracer.NativeLibrary;
import java.util.function.Predicate;
import picocli.CommandLine;

/** Entry point of ./pdig: builds the command line and exits with what the command returned. */
public final class Main {

    /**
     * `run` and `attach` with neither -r/--rules nor --no-rules (before the traced command) load
     * pdig's default rules; a cheap look at the raw arguments lets that start before parsing.
     */
    static boolean usesDefaultRules(String[] args) {
        return tracingWithout(args, a -> a.startsWith("-r") && !a.startsWith("--") || a.startsWith("--rules") || a.equals("--no-rules"));
    }

    private static boolean isTracing(String[] args) {
        return args.length > 0 && (args[0].equals("run") || args[0].equals("attach"));
    }

    /** True for `run` and `attach` when no argument before `--` is an option {@code named} names. */
    private static boolean tracingWithout(String[] args, Predicate<String> named) {
        if (!isTracing(args)) return false;
        for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
            if (named.test(args[i])) return false;
        }
        return true;
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * `run` and `attach` without options that choose where and how the journal is kept (before
     * the traced command) use a temporary journal with default settings; when they also evaluate
     * rules live (no --no-rules), it is worth opening before parsing: detection reads only the
     * journal, so an early open keeps the first alerts from waiting for it. Without detection
     * nothing waits for the open, and starting it early would only delay the tracee's start.
     */
    static boolean opensJournalEarly(String[] args) {
        return tracingWithout(args, a -> a.startsWith("--journal") || a.equals("--no-journal") || a.equals("--drop")
                || a.equals("--no-rules"));
    }

    /**
     * dump, syscalls, fields... write through picocli's PrintWriter, which keeps write errors to
     * itself: `pdig dump J > out` on a full disk must not exit 0. A reader that went away (a pipe
     * to `head`) is the usual end of a pipeline: no message then, only the status, as a program
     * killed by SIGPIPE would have.
     */
    private static int checkOutputWritten(CommandLine cl) {
        java.io.PrintWriter out = cl.getOut();
        // Both: the PrintWriter writes into System.out, a PrintStream that keeps its own error flag.
        if (!out.checkError() && !System.out.checkError()) return 0;
        if (!stdoutIsPipeOrSocket()) {
            System.err.println("pdig: cannot write to standard output (disk full, or a device that refuses writes?)");
            System.err.flush();
        }
        return ExitCodes.FAILURE;
    }

    private static boolean stdoutIsPipeOrSocket() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs a pdig command line in this JVM and returns its exit code (tests call this directly). */
    public static int run(String... args) {
        boolean tracing = isTracing(args);
        if (tracing) {
            NativeLibrary.preload();
        }
        if (usesDefaultRules(args)) {
            RuleSetLoader.preloadDefaults();
        }
        if (opensJournalEarly(args)) {
            EarlyJournal.start();
        }
        try {
            CommandLine cl = PdigCommand.commandLine(args);
            int code = cl.execute(args);
            return code == 0 ? checkOutputWritten(cl) : code;
        } catch (InternalError e) {
            // picocli's handler sees Exceptions only; this Error is a fault on a mapped journal
            // file (disk full while dump or replay read it), which deserves one line, not a trace.
            if (!io.pdig.journal.JournalException.isMappedFileFault(e)) throw e;
            System.err.println("pdig: " + io.pdig.journal.JournalException.describe(e));
            if (ExitCodes.debug()) e.printStackTrace();
            return ExitCodes.FAILURE;
        } finally {
            if (tracing) {
                EarlyJournal.discard();
                NativeLibrary.awaitPreload();
            }
        }
    }
}
