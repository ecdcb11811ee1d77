package io.pdig.launcher;

import io.pdig.launcher.cli.PdigCommand;
import picocli.CommandLine;

/** Entry point of ./pdig: builds the command line and exits with what the command returned. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a pdig command line in this JVM and returns its exit code (tests call this directly). */
    public static int run(String... args) {
        return PdigCommand.commandLine(args).execute(args);
    }
}
