package io.pdig.launcher.cli;

import picocli.CommandLine.Option;

/** Mixin for --debug: stack traces on failure instead of one-line messages. */
public final class DebugOption {
    @Option(names = "--debug", description = "Show stack traces and internal details on failure.")
    void setDebug(boolean on) {
        ExitCodes.setDebug(on);
    }
}
