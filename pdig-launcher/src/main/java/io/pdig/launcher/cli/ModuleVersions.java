package io.pdig.launcher.cli;

import io.pdig.analyzer.rules.EngineInfo;
import io.pdig.journal.codec.JournalSchema;
import io.pdig.tracer.NativeLibrary;

/** Asks each module for its own version number. */
final class ModuleVersions {
    private ModuleVersions() {
    }

    static String nativeAbi() {
        try {
            return NativeLibrary.abiVersion();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }

    static String journalSchema() {
        return Integer.toString(JournalSchema.VERSION);
    }

    static String ruleEngine() {
        return EngineInfo.version();
    }
}
