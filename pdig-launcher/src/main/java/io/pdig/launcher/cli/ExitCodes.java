package io.pdig.launcher.cli;

import picocli.CommandLine;

/**
 * The one place where failures become exit codes: usage errors 2, failures of pdig itself 1 with
 * a one-line message on stderr, and a stack trace only with --debug.
 */
public final class ExitCodes {

    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    /** Set by the global --debug option (any subcommand): show stack traces. */
    private static volatile boolean debug = Boolean.getBoolean("pdig.debug");

    private ExitCodes() {
    }

    public static void setDebug(boolean on) {
        debug = on;
    }

    public static boolean debug() {
        return debug;
    }

    static int onParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String message = ex.getMessage();
        // picocli words a mistyped subcommand as an argument at an index; name it as what it is.
        if (cl.getParent() == null && !cl.getSubcommands().isEmpty()
                && ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && args != null && args.length > 0 && !args[0].startsWith("-")
                && args[0].equals(u.getUnmatched().get(0))) {
            message = "Unknown command: '" + args[0] + "'";
        }
        cl.getErr().println(usageErrorLine(message, cl.getCommandSpec().qualifiedName()));
        return USAGE;
    }

    /**
     * A usage error as one line, like every other error of pdig: picocli's message (some of its
     * messages, e.g. suggestions for a mistyped option, span lines) and where the help is.
     */
    static String usageErrorLine(String message, String commandName) {
        String oneLine = (message == null ? "invalid usage" : message).strip().replaceAll("\\s*\\R\\s*", "; ");
        // pdig's own checks already say where to look, e.g. "(see `pdig syscalls`)".
        return oneLine.contains("(see ") ? "pdig: " + oneLine : "pdig: " + oneLine + " (see '" + commandName + " --help')";
    }

    static int onExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof UserError ue) {
            cl.getErr().println("pdig: " + ue.getMessage());
            if (debug) ue.printStackTrace(cl.getErr());
            return ue.exitCode();
        }
        String msg = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        cl.getErr().println("pdig: " + msg);
        if (debug) {
            ex.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println("pdig: (run with --debug for details)");
        }
        return FAILURE;
    }

    /** An error the user can act on; its message is shown as is, on one line. */
    public static final class UserError extends RuntimeException {
        private final int exitCode;

        public UserError(String message) {
            this(message, FAILURE);
        }

        public UserError(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public UserError(String message, Throwable cause) {
            super(message, cause);
            this.exitCode = FAILURE;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
