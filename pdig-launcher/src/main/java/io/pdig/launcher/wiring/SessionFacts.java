package io.pdig.launcher.wiring;

import io.pdig.model.event.SessionEvent;
import io.pdig.tracer.ProcessSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about this host and run for the session start record. */
public final class SessionFacts {
    private SessionFacts() {
    }

    static SessionEvent.Start start(List<byte[]> command, int attachPid, int schemaVersion) {
        long now = System.currentTimeMillis() * 1_000_000L;
        int self = (int) ProcessHandle.current().pid();
        // The lineage the analyzer cannot have seen being created: for run, pdig's own ancestry (the
        // traced command's parent is pdig); for attach, the target's ancestry and open fds.
        List<SessionEvent.ProcessSnapshot> known = attachPid > 0 ? ProcessSnapshots.lineage(attachPid, true)
                : SelfPresentation.presentSelf(ProcessSnapshots.lineage(self, false), self, System.getProperty("pdig.home"));
        return new SessionEvent.Start(now, self, self, hostname(), read("/proc/sys/kernel/random/boot_id"),
                version(), schemaVersion, List.copyOf(command), attachPid, known);
    }

    public static String hostname() {
        String env = System.getenv("PDIG_HOSTNAME");
        if (env != null && !env.isBlank()) return env.trim();
        String h = read("/proc/sys/kernel/hostname");
        return h.isEmpty() ? "localhost" : h;
    }

    static String version() {
        Package p = SessionFacts.class.getPackage();
        String v = p != null ? p.getImplementationVersion() : null;
        if (v != null) return v;
        java.util.Properties props = new java.util.Properties();
        try (var in = SessionFacts.class.getResourceAsStream("/io/pdig/launcher/version.properties")) {
            if (in != null) props.load(in);
        } catch (IOException e) {
            // unknown version
        }
        return props.getProperty("pdig.version", "unknown");
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path)).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
