package io.pdig.journal.chronicle;

import io.pdig.journal.JournalConfig;
import io.pdig.journal.JournalException;
import io.pdig.journal.store.Permissions;
import io.pdig.journal.store.StoreJournal;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A journal stored in a Chronicle Queue directory. Creating the object does not touch Chronicle (see
 * {@link io.pdig.journal.Journal}); the directory is created, mode 0700, when missing.
 *
 * <p>JVM requirements: the flags of the parent pom property {@code pdig.jvm.flags}; Chronicle's
 * analytics are disabled here too, before any Chronicle class loads. Chronicle logs through SLF4J;
 * the launcher must put slf4j-simple on the class path and set
 * {@code org.slf4j.simpleLogger.defaultLogLevel=warn} (stderr is its default target).
 */
public final class ChronicleJournal extends StoreJournal {
    /** slf4j-simple's per-logger level property for the affinity library's start-up messages. */
    private static final String AFFINITY_LOG_LEVEL = "org.slf4j.simpleLogger.log.net.openhft.affinity.Affinity";
    /**
     * slf4j-simple's level for Chronicle's queue builder. Opened read-only (every reader) on a
     * journal without metadata.cq4t, it warns that it falls back to an in-memory table store: that
     * file only caches what the queue files hold, so the journal reads whole and there is nothing
     * for the user to act on.
     */
    private static final String BUILDER_LOG_LEVEL =
            "org.slf4j.simpleLogger.log.net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder";

    private final Path dir;
    private final boolean temporary;

    private ChronicleJournal(Path dir, JournalConfig config, boolean temporary) {
        this(new ChronicleStore(dir, config), dir, config, temporary);
    }

    private ChronicleJournal(ChronicleStore store, Path dir, JournalConfig config, boolean temporary) {
        super(store, config);
        this.dir = dir;
        this.temporary = temporary;
    }

    /**
     * Sets Chronicle up before any of its classes load: its no-telemetry switches and its disk
     * space monitor off (unless the user set them), and the no-op POSIX binding. Chronicle's {@code Jvm} class initialiser otherwise
     * builds a jnr-ffi binding of its POSIX functions eagerly (class generation, 25-40 ms of the
     * journal's first open, which live detection waits for); pdig uses nothing that needs it (no
     * msync sync mode, no thread affinity, no pre-touching), and the no-op binding's msync, madvise
     * and fallocate are harmless no-ops. JNA is left out of the build for the same reason (see the
     * parent pom), so Chronicle's affinity library falls back to its no-op implementation; its
     * warning that JNA is missing is expected and is silenced (when slf4j-simple is the binding)
     * unless the user chose a level for it. Idempotent.
     */
    public static void configureChronicle() {
        System.setProperty("chronicle.analytics.disable", "true");
        if (System.getProperty(AFFINITY_LOG_LEVEL) == null) {
            System.setProperty(AFFINITY_LOG_LEVEL, "error");
        }
        if (System.getProperty(BUILDER_LOG_LEVEL) == null) {
            System.setProperty(BUILDER_LOG_LEVEL, "error");
        }
        if (System.getProperty("chronicle.announcer.disable") == null) {
            System.setProperty("chronicle.announcer.disable", "true");
        }
        // Its thread polls free space and logs an ERROR line every second once a disk is nearly
        // full; pdig reports a failed journal write itself, once, with the cause.
        if (System.getProperty("chronicle.disk.monitor.disable") == null) {
            System.setProperty("chronicle.disk.monitor.disable", "true");
        }
        if (!Boolean.getBoolean("pdig.chronicle.posix")) {
            net.openhft.posix.PosixAPI.useNoOpPosixApi();
        }
    }

    public static ChronicleJournal open(Path dir, JournalConfig config) {
        configureChronicle();
        String label = "journal " + dir;
        try {
            if (!Files.exists(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.createDirectory(dir, Permissions.DIR_ATTR);
                Files.setPosixFilePermissions(dir, Permissions.DIR);
            } else if (!Files.isDirectory(dir)) {
                throw new JournalException(label + ": not a directory");
            } else if (!ChronicleStore.isJournal(dir) && !isEmpty(dir)) {
                throw new JournalException(label + ": exists and is not a pdig journal (not empty, no queue files)");
            } else if (isEmpty(dir)) {
                Files.setPosixFilePermissions(dir, Permissions.DIR);
            }
        } catch (IOException e) {
            throw new JournalException(label + ": cannot create: " + e.getMessage(), e);
        }
        return new ChronicleJournal(dir, config, false);
    }

    public static ChronicleJournal openExisting(Path dir, JournalConfig config) {
        configureChronicle();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new JournalException("journal " + dir + ": not a directory");
        }
        return new ChronicleJournal(new ChronicleStore(dir, config, true), dir, config, false);
    }

    /**
     * A journal in a new directory of the temporary-file directory, deleted at close. Its name
     * carries this process's pid: a pdig that dies without closing it (SIGKILL, or a fatal signal
     * it does not handle, such as SIGUSR1) leaves it behind, and the next temporary journal
     * deletes those whose process is gone.
     */
    public static ChronicleJournal temporary(JournalConfig config) {
        configureChronicle();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeAbandonedTemporaries(tmp);
        try {
            Path dir = Files.createTempDirectory(tmp, TEMP_PREFIX + ProcessHandle.current().pid() + "-", Permissions.DIR_ATTR);
            return new ChronicleJournal(dir, config, true);
        } catch (IOException e) {
            throw new JournalException("journal (temporary): cannot create: " + e.getMessage(), e);
        }
    }

    static final String TEMP_PREFIX = "pdig-journal-";

    /**
     * Deletes {@code pdig-journal-PID-*} directories in {@code tmp} whose PID no longer runs. A pid
     * reused by another process keeps its directory until that one ends too: never one that
     * could still be in use.
     */
    static void removeAbandonedTemporaries(Path tmp) {
        removeAbandoned(tmp, TEMP_PREFIX);
    }

    /**
     * Deletes {@code PREFIX-PID-*} directories in {@code tmp} whose PID no longer runs (left by a
     * pdig that was killed before it could remove them). Symbolic links inside are deleted, never
     * followed.
     */
    static void removeAbandoned(Path tmp, String prefix) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, prefix + "*")) {
            for (Path d : ds) {
                String rest = d.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash <= 0) continue; // a name from before pids were recorded: unknown owner
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty() && Files.isDirectory(d)) {
                    deleteTree(d);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Housekeeping only: an unreadable temporary directory must not stop the trace.
        }
    }

    /** True when {@code dir} holds a journal. */
    public static boolean isJournal(Path dir) {
        return ChronicleStore.isJournal(dir);
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    protected void afterClose() {
        if (temporary) deleteTree(dir);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new JournalException("journal " + root + ": cannot delete temporary journal: " + e.getMessage(), e);
        }
    }
}
